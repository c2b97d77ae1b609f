// A queue that falls behind. A publish is acknowledged at once, so the clients' success and
// latency goals hold while the consumers cannot keep up: the backlog grows without bound and
// nothing is "saturated" when per-partition ordering leaves the workers idle. Queueing
// theory: with a group's arrival rate λ above its service rate μ (its workers' slots, or its
// partitions under per-partition ordering, over the service time), its lag grows at λ − μ.
import { resolveParams } from '../model';
import type { Design, DesignNode } from '../model/types';
import type { SimResult } from '../sim/types';
import type { DesignPatch } from './patch';
import { nameOf, num } from './own';

/** A group still holding more than this share of what it received at the end is behind. */
export const BEHIND_SHARE = 0.05;
/** Fewer messages than this left waiting is never "behind" (a short run's noise). */
export const BEHIND_MIN = 50;
/** The utilization a fix aims at: at ρ = 1 a queue still falls behind (a random walk). */
const TARGET = 0.7;

export interface Behind {
	nodeId: string;
	/** The most lagging group's backlog at the end (messages). */
	lag: number;
	/** Its growth over the run, messages per second (≈ λ − μ when the queue cannot keep up). */
	perS: number;
	reason: string;
	fix: { label: string; why: string; patch: DesignPatch } | null;
}

/** The queues whose consumers fell behind over the run, the furthest behind first. */
export function fallingBehind(design: Design, result: SimResult): Behind[] {
	const out: Behind[] = [];
	for (const q of design.nodes) {
		const r = result.nodes[q.id];
		if (q.kind !== 'queue' || !r) continue;
		const consumers = design.edges.filter((e) => e.source === q.id).map((e) => design.nodes.find((n) => n.id === e.target)).filter((n): n is DesignNode => !!n);
		const groups = new Map<number, number>();
		for (const c of consumers) {
			const p = resolveParams(c.kind, c.params);
			const g = num(p.consumerGroup, 1);
			groups.set(g, (groups.get(g) ?? 0) + num(p.instances, 1) * num(p.concurrency, 1));
		}
		const lag = r.lag ?? r.depth ?? 0;
		// `arrived` counts a message once per group that receives it.
		const perGroup = r.arrived / Math.max(1, groups.size);
		if (lag < Math.max(BEHIND_MIN, BEHIND_SHARE * perGroup)) continue;
		const perS = lag / Math.max(1, result.durationS);
		// λ per group over the measured window (after the warm-up), for sizing the fix.
		const lambda = perGroup / Math.max(1, result.durationS - (design.scenario?.warmupS ?? 0));
		const qp = resolveParams('queue', q.params);
		const partitions = num(qp.partitions, 1);
		const slots = Math.min(...groups.values());
		const head = `${nameOf(q)} fell behind: ${Math.round(lag)} messages were waiting at the end, about ${Math.round(perS)} more each second`;
		if (!consumers.length) {
			out.push({ nodeId: q.id, lag, perS, reason: `${head}, with no consumer reading it`, fix: null });
			continue;
		}
		const busiest = consumers.map((c) => ({ c, u: result.nodes[c.id]?.utilization ?? 0 })).sort((a, b) => b.u - a.u)[0].c;
		const bp = resolveParams(busiest.kind, busiest.params);
		const serviceS = num(bp.serviceTimeMs, 20) / 1000;
		if (qp.ordering === 'per-partition' && partitions < slots) {
			// λ·d messages in service at once on average, at TARGET utilization of the partitions.
			const want = Math.min(slots, Math.max(partitions + 1, Math.ceil((lambda * serviceS) / TARGET)));
			out.push({
				nodeId: q.id,
				lag,
				perS,
				reason: `${head}: with per-partition ordering a group works on at most ${partitions} messages at once, so ${slots} consumer slots sat mostly idle`,
				fix: { label: `Give ${q.label ?? q.id} ${want} partitions`, why: `${partitions} → ${want} partitions lets ${want} messages per group be worked on at once (about ${Math.round(((lambda * serviceS) / want) * 100)}% busy).`, patch: { op: 'setParams', nodeId: q.id, params: { partitions: want } } }
			});
		} else {
			const now = num(bp.instances, 1);
			const want = Math.max(now + 1, Math.ceil((now * lambda * serviceS) / slots / TARGET));
			out.push({
				nodeId: q.id,
				lag,
				perS,
				reason: `${head}: its consumers cannot keep up`,
				fix: { label: `Scale ${busiest.label ?? busiest.id} out to ${want} instances`, why: `${now} → ${want} consumers drain the backlog instead of adding to it.`, patch: { op: 'setParams', nodeId: busiest.id, params: { instances: want } } }
			});
		}
	}
	return out.sort((a, b) => b.perS - a.perS);
}
