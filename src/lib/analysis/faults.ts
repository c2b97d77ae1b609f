// What the failures of a run cost, and why: every failed request is put down to the part it
// failed at, the reason, and the injected fault (or the steady load) in force when it
// failed; every second the p99 was over the goal is put down to the busiest part then. Each
// injected fault gets one line with its consequence in numbers. Pure: design, result,
// frames and events in, report out. Definitions: docs/model.md, "The run summary".
import { FAILURE_REASONS, type Design, type ScenarioEvent } from '../model/types';
import { consequence, describe, int, meanOf, pct, secs, sumFailed } from './faultWords';
import type { MetricsFrame, Reason, SimResult } from '../sim/types';

export interface FaultLine {
	/** The node (or region) the fault hit. */
	nodeId: string;
	atS: number;
	action: string;
	/** The fault in a few words and when ("Database slowed ×100 at 10 s"). */
	name: string;
	/** One sentence with its consequence in numbers. */
	text: string;
	/** Failed requests put down to this fault. */
	failed: number;
}

export interface Cause {
	/** Where the requests failed (or, for "slow", the busiest part while the p99 was over the goal). */
	nodeId: string;
	reason: Reason | 'slow';
	/** Index into faults, or -1: the steady load. */
	fault: number;
	/** Requests (for "slow": seconds). */
	count: number;
	text: string;
}

export interface FaultReport {
	faults: FaultLine[];
	/** Failures first, largest first; then slow spells. */
	causes: Cause[];
	/** Parts saturated over the run, or for 3 s in a row at ≥ 95 %. */
	saturated: string[];
	/** Share of arrived requests that failed, and the mean time a failure took to surface (ms). */
	failedShare: number;
}

const VERB: Record<Reason, string> = {
	rejected: 'rejected (queue full)',
	'rate-limited': 'rate-limited (429)',
	timeout: 'timed out',
	unavailable: 'unavailable',
	lost: 'lost (acknowledged, then discarded by the failover)',
	'pool-timeout': 'refused by a full connection pool (pool-wait timeout)'
};
/** `lost` at a stateful service is a session, not a write (sim/sessions.ts). */
const SESSION_LOST = 'lost their session (it was on another instance)';
export const SATURATED = 0.85;
const SUSTAINED = 0.95;


/** When each fault's effect ends: its recover, the end of a spike, a cache warm again, or the end of the run. */
function windowOf(ev: ScenarioEvent, all: ScenarioEvent[], frames: MetricsFrame[], end: number): number {
	if (ev.action === 'spike') return ev.atS + (ev.durationS ?? 10);
	if (ev.action === 'flush' && ev.target) {
		const before = meanOf(frames, ev.atS - 5, ev.atS, (f) => f.nodes[ev.target!]?.hitRatio);
		const back = frames.find((f) => f.t > ev.atS + 1 && (f.nodes[ev.target!]?.hitRatio ?? 1) >= 0.9 * before);
		return back ? back.t : end;
	}
	const rec = all.find((e) => e.atS > ev.atS && e.action === 'recover' && (e.target === ev.target || e.target === undefined));
	return rec ? rec.atS : end;
}

/** Failures that started at node id in frame f: its own, less what its callees already counted. */
function own(f: MetricsFrame, id: string, r: Reason, callees: Map<string, string[]>): number {
	const n = f.nodes[id];
	if (!n) return 0;
	let below = 0;
	for (const c of callees.get(id) ?? []) below += f.nodes[c]?.failed[r] ?? 0;
	return Math.max(0, (n.failed[r] || 0) - below);
}

function busiest(f: MetricsFrame, ids: string[]): string {
	let best = '', u = -1;
	for (const id of ids) if ((f.nodes[id]?.utilization ?? -1) > u) [best, u] = [id, f.nodes[id].utilization];
	return best;
}

export function faultReport(design: Design, result: SimResult, frames: MetricsFrame[], events: ScenarioEvent[], p99GoalMs = 500): FaultReport {
	const label = (id: string) => design.nodes.find((n) => n.id === id)?.label ?? design.regions?.find((r) => r.id === id)?.name ?? id;
	const kind = (id: string) => design.nodes.find((n) => n.id === id)?.kind;
	const clients = design.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
	const parts = design.nodes.filter((n) => n.kind !== 'client' && n.kind !== 'dns' && n.kind !== 'geoDns').map((n) => n.id);
	const callees = new Map<string, string[]>();
	for (const e of design.edges) callees.set(e.source, [...(callees.get(e.source) ?? []), e.target]);
	const end = frames.length ? frames[frames.length - 1].t : result.durationS;
	const faults = [...events].filter((e) => e.action !== 'recover').sort((a, b) => a.atS - b.atS);
	const windows = faults.map((ev) => [ev.atS, windowOf(ev, events, frames, end)] as const);
	const counted = frames.filter((f) => f.t > result.warmupS);

	// Every failed request of a frame (as its clients counted it) goes to the parts where
	// failures of that reason started, in proportion, and to the fault in force then.
	const tally = new Map<string, Cause>();
	/** Per cause: utilization weighted by count, and the count of it while the part was down. */
	const busy = new Map<string, { u: number; down: number; up: number; of: number }>();
	const perFault = faults.map(() => 0);
	let frame: MetricsFrame | null = null;
	const add = (nodeId: string, reason: Cause['reason'], fault: number, count: number) => {
		const key = `${nodeId}|${reason}|${fault}`;
		const c = tally.get(key) ?? { nodeId, reason, fault, count: 0, text: '' };
		c.count += count;
		tally.set(key, c);
		const n = frame?.nodes[nodeId];
		const b = busy.get(key) ?? { u: 0, down: 0, up: 0, of: 0 };
		if (n) {
			b.u += n.utilization * count;
			if (n.instances > 0 && n.up === 0) b.down += count;
			if (n.up < n.instances) [b.up, b.of] = [n.up, n.instances];
		}
		busy.set(key, b);
		if (fault >= 0 && reason !== 'slow') perFault[fault] += count;
	};
	const regionOf = (id: string) => design.nodes.find((n) => n.id === id)?.region;
	/**
	 * The fault behind a failure at `id` in frame f: of the faults in force that bear on that
	 * part directly (hit it or its region, or changed the load), the one that began last (what
	 * changed just before it failed); else the latest fault in force elsewhere (a flushed
	 * cache sends its misses on); else none (-1, the steady load).
	 */
	const faultFor = (f: MetricsFrame, id: string, r: Cause['reason']): number => {
		let hit = -1, direct = -1, other = -1;
		windows.forEach(([a, b], i) => {
			if (!(f.t >= a && f.t - f.dt < b)) return;
			const t = faults[i].target;
			const hits = t !== undefined && (t === id || t === regionOf(id));
			if (hits) hit = i;
			if (hits || faults[i].action === 'spike') direct = i;
			else other = i;
		});
		// A part that is down or lost data failed because of what hit it, whatever the load.
		if ((r === 'unavailable' || r === 'lost') && hit >= 0) return hit;
		return direct >= 0 ? direct : other;
	};
	for (const f of counted) {
		frame = f;
		for (const r of FAILURE_REASONS) {
			const total = clients.reduce((a, c) => a + (f.nodes[c]?.failed[r] || 0), 0);
			if (total <= 0) continue;
			const origins = parts.map((id) => [id, own(f, id, r, callees)] as const).filter(([, x]) => x > 0);
			const sum = origins.reduce((a, [, x]) => a + x, 0);
			if (sum > 0) for (const [id, x] of origins) add(id, r, faultFor(f, id, r), (total * x) / sum);
			else {
				const id = busiest(f, parts) || clients[0];
				add(id, r, faultFor(f, id, r), total);
			}
		}
		if (f.global.completed > 0 && f.global.latency.p99 > p99GoalMs) {
			const id = busiest(f, parts);
			add(id, 'slow', faultFor(f, id, 'slow'), f.dt);
		}
	}

	const faultName = (i: number) => {
		const ev = faults[i];
		return `${describe(ev, label)} at ${secs(ev.atS)}`;
	};
	const causes = [...tally.values()].filter((c) => c.count >= 0.5);
	for (const c of causes) {
		// How busy the part was while these failed (not over the whole run): what the charts showed then.
		const b = busy.get(`${c.nodeId}|${c.reason}|${c.fault}`)!;
		const state = b.down > c.count / 2 ? 'down' : `${pct(b.u / c.count)} busy${b.of > 0 ? `, ${b.up}/${b.of} up` : ''}`;
		const busyText = kind(c.nodeId) ? ` (${state})` : '';
		const when = c.fault >= 0 ? `after ${faultName(c.fault)}` : 'under the steady load';
		c.text =
			c.reason === 'slow'
				? `p99 over ${int(p99GoalMs)} ms for ${secs(c.count)} while ${label(c.nodeId)} was the busiest part${busyText}, ${when}`
				: `${int(c.count)} ${Math.round(c.count) === 1 ? 'request' : 'requests'} ${c.reason === 'lost' && kind(c.nodeId) === 'service' ? SESSION_LOST : VERB[c.reason]} at ${label(c.nodeId)}${busyText}, ${when}`;
	}
	causes.sort((a, b) => (a.reason === 'slow' ? 1 : 0) - (b.reason === 'slow' ? 1 : 0) || b.count - a.count);

	const lines: FaultLine[] = faults.map((ev, i) => ({
		nodeId: ev.target ?? '',
		atS: ev.atS,
		action: ev.action,
		name: faultName(i),
		text: consequence(ev, windows[i][1], frames, design, label, kind, Math.round(perFault[i]), end),
		failed: Math.round(perFault[i])
	}));

	const saturated = parts.filter((id) => {
		if ((result.nodes[id]?.utilization ?? 0) >= SATURATED && kind(id) !== 'loadBalancer') return true;
		let run = 0;
		for (const f of counted) {
			run = (f.nodes[id]?.utilization ?? 0) >= SUSTAINED ? run + 1 : 0;
			if (run >= 3) return true;
		}
		return false;
	});
	const g = result.global;
	return { faults: lines, causes, saturated, failedShare: g.arrived > 0 ? sumFailed(g.failed) / g.arrived : 0 };
}

