// A fault and what it did, in words, for the run summary (faults.ts computes the report):
// "Leader db down at 20 s: 4,118 writes unavailable for 15 s until f1 was promoted". Split
// from faults.ts so the accounting and the wording each read on their own; the wording
// switches over every fault action, so a new fault is named here by the compiler.
import { FAILURE_REASONS, type Design, type ScenarioEvent } from '../model/types';
import type { MetricsFrame, Reason } from '../sim/types';


export const int = (x: number) => Math.round(x).toLocaleString('en-US');
export const secs = (x: number) => `${Math.round(x * 10) / 10} s`;
export const pct = (x: number) => `${Math.round(x * 100)}%`;
export const sumFailed = (f: Record<Reason, number>) => FAILURE_REASONS.reduce((a, r) => a + (f[r] || 0), 0);

export function meanOf(frames: MetricsFrame[], from: number, to: number, get: (f: MetricsFrame) => number | undefined): number {
	let s = 0, n = 0;
	for (const f of frames)
		if (f.t > from && f.t <= to) {
			const v = get(f);
			if (v !== undefined && Number.isFinite(v)) {
				s += v;
				n++;
			}
		}
	return n > 0 ? s / n : NaN;
}

/**
 * Faults the summary names by their action alone, with no sentence of their own. Listed by
 * name (not as "every other action"), so that the switches below stop compiling when a new
 * fault is neither given words nor added here: each new fault decides how it is told.
 */
type PlainFault =
	| 'recover'
	| 'errorRate'
	| 'edgeLatency'
	| 'packetLoss'
	| 'partitionNodes'
	| 'noisyNeighbour'
	| 'gcStorm'
	| 'brownout'
	| 'dnsOutage'
	| 'originOutage'
	| 'hotKey'
	| 'coldRestart'
	| 'diskFull'
	| 'replicationLag'
	| 'consumerCrash'
	| 'badDeploy'
	| 'warmRestart';

/** A fault in a few words ("Leader db down", "Traffic ×3 for 10 s"). */
export function describe(ev: ScenarioEvent, label: (id: string) => string): string {
	const who = ev.target ? label(ev.target) : 'everything';
	switch (ev.action) {
		case 'fail':
			return `${who} down`;
		case 'failInstance':
			return `one instance of ${who} down`;
		case 'slow':
			return `${who} slowed ×${ev.factor ?? 2}`;
		case 'flush':
			return `${who} flushed`;
		case 'spike':
			return `traffic ×${ev.factor ?? 3}${ev.target ? ` from ${who}` : ''} for ${secs(ev.durationS ?? 10)}`;
		case 'partition':
			return `regions ${(ev.regions ?? []).map(label).join(' and ')} cut apart`;
		case 'poisonMessages':
			return `${Math.round((ev.rate ?? 0) * 100)}% poison messages into ${who}`;
		case 'addCacheNode':
			return `a node added to ${who}`;
		default: {
			const plain: PlainFault = ev.action;
			return `${plain}${ev.target ? ` on ${who}` : ''}`;
		}
	}
}

export function consequence(
	ev: ScenarioEvent,
	until: number,
	frames: MetricsFrame[],
	design: Design,
	label: (id: string) => string,
	kind: (id: string) => string | undefined,
	failed: number,
	end: number
): string {
	const id = ev.target ?? '';
	const at = ev.atS;
	const within = frames.filter((f) => f.t >= at && f.t - f.dt < until);
	const sumAt = (get: (f: MetricsFrame) => number | undefined) => within.reduce((a, f) => a + (get(f) ?? 0), 0);
	const head = `${cap(describe(ev, label))} at ${secs(at)}`;
	const failedText = failed > 0 ? `${int(failed)} requests failed meanwhile` : 'no request failed because of it';
	if (ev.action === 'fail' && kind(id) === 'database' && within.some((f) => f.nodes[id]?.leader !== undefined)) {
		const wasLeader = frames.filter((f) => f.t <= at + 1e-9).at(-1)?.nodes[id]?.leader !== 0;
		if (wasLeader) {
			const promoted = frames.find((f) => f.t > at && Object.entries(f.nodes).some(([other, n]) => other !== id && n.leader === 1));
			const newLeader = promoted ? Object.entries(promoted.nodes).find(([other, n]) => other !== id && n.leader === 1)![0] : '';
			const stop = promoted ? promoted.t : until;
			const writes = within.filter((f) => f.t <= stop + 1e-9 && f.t > at).reduce((a, f) => a + (f.nodes[id]?.failed.unavailable ?? 0), 0);
			const lost = sumAt((f) => f.nodes[id]?.lostWrites);
			const span = promoted ? `for ${secs(stop - at)} until ${label(newLeader)} was promoted` : `for the rest of the run (${secs(end - at)}): no follower was promoted`;
			return `Leader ${label(id)} down at ${secs(at)}: ${int(writes)} writes unavailable ${span}; ${int(lost)} writes lost`;
		}
	}
	switch (ev.action) {
		case 'fail': {
			const there = sumAt((f) => (f.nodes[id] ? sumFailed(f.nodes[id].failed) : undefined));
			return `${head}: ${int(there)} requests failed there over ${secs(until - at)}; ${failedText}`;
		}
		case 'failInstance': {
			const before = meanOf(frames, at - 5, at, (f) => f.nodes[id]?.utilization);
			const after = meanOf(frames, at + 1, until, (f) => f.nodes[id]?.utilization);
			const last = within.at(-1)?.nodes[id];
			const up = last ? ` (${last.up}/${last.instances} up)` : '';
			return `${head}${up}: the live ones ran at ${pct(after)} (was ${pct(before)}); ${failedText}`;
		}
		case 'flush': {
			const before = meanOf(frames, at - 5, at, (f) => f.nodes[id]?.hitRatio);
			const low = Math.min(...within.map((f) => f.nodes[id]?.hitRatio ?? 1));
			const back = until < end ? `back to ${pct(0.9 * before)} or more after ${secs(until - at)}` : 'not back by the end';
			return `${head}: hit ratio fell from ${pct(before)} to ${pct(low)}, ${back}; ${failedText}`;
		}
		case 'addCacheNode': {
			// The keys that moved to the new node miss once there: a dip, then back.
			const before = meanOf(frames, at - 5, at, (f) => f.nodes[id]?.hitRatio);
			const low = Math.min(...frames.filter((f) => f.t > at && f.t <= at + 5).map((f) => f.nodes[id]?.hitRatio ?? 1));
			const last = meanOf(frames, end - 5, end, (f) => f.nodes[id]?.hitRatio);
			return `${head}: hit ratio dipped from ${pct(before)} to ${pct(low)} as the keys that moved missed, ${pct(last)} at the end; ${failedText}`;
		}
		case 'spike': {
			const before = meanOf(frames, at - 5, at, (f) => f.global.offeredRps);
			const during = meanOf(frames, at + 1, until, (f) => f.global.offeredRps);
			return `${head}: offered ${int(during)} rps (was ${int(before)}); ${failedText}`;
		}
		case 'slow': {
			const before = meanOf(frames, at - 5, at, (f) => f.nodes[id]?.latency.p99);
			const during = meanOf(frames, at + 1, until, (f) => f.nodes[id]?.latency.p99);
			return `${head}: its p99 rose from ${int(before)} to ${int(during)} ms; ${failedText}`;
		}
		case 'poisonMessages': {
			// The users were answered at the publish: the cost shows in the queue, as backlog and dead letters.
			const peak = Math.max(0, ...within.map((f) => f.nodes[id]?.depth ?? 0));
			const dead = sumAt((f) => f.nodes[id]?.deadLettered);
			return `${head}: backlog peaked at ${int(peak)} messages; ${int(dead)} dead-lettered${dead === 0 ? ' (no dead-letter queue: they are retried forever)' : ''}; ${failedText}`;
		}
		default: {
			// A partition and the plain faults: the failures alone. The typed assignment is the
			// compile-time check that no other action falls through to here.
			const rest: PlainFault | 'partition' = ev.action;
			void rest;
			return `${head}: ${failedText}`;
		}
	}
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
