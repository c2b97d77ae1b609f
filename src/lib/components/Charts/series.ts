// The series each chart plots, as reads into the frame ring (see protocol/frames.ts for offsets).
import { FAILURE_REASONS, type Reason } from '../../model/types';
import { G, N } from '../../protocol/frames';
import type { FrameRing } from '../../run/ring';
import type { Series } from './types';

export const REASON_COLORS: Record<Reason, string> = {
	rejected: '#dc2626',
	'rate-limited': '#f59e0b',
	timeout: '#7c3aed',
	unavailable: '#475569',
	lost: '#db2777',
	'pool-timeout': '#0d9488'
};
const PALETTE = ['#2563eb', '#16a34a', '#ea580c', '#9333ea', '#0891b2', '#ca8a04', '#e11d48', '#4b5563'];

export const throughputSeries: Series[] = [
	{ key: 'offered', label: 'offered', color: '#94a3b8', dashed: true, value: (r, i) => r.global(i, G.offeredRps) },
	{ key: 'served', label: 'served', color: '#2563eb', value: (r, i) => r.global(i, G.servedRps) }
];

/** Latency of successful requests: a second with none has no latency (a gap, not 0 ms). */
const latency = (k: number) => (r: FrameRing, i: number) => (r.global(i, G.completed) > 0 ? r.global(i, G.latency + k) : NaN);
export const latencySeries: Series[] = [
	{ key: 'p50', label: 'p50', color: '#16a34a', value: latency(1) },
	{ key: 'p95', label: 'p95', color: '#ea580c', value: latency(2) },
	{ key: 'p99', label: 'p99', color: '#dc2626', value: latency(3) }
];

/** Failures per second by reason (a stacked chart). */
export const errorSeries: Series[] = FAILURE_REASONS.map((reason, k) => ({
	key: reason,
	label: reason,
	color: REASON_COLORS[reason],
	value: (r: FrameRing, i: number) => r.global(i, G.failed + k) / (r.global(i, G.dt) || 1)
}));

/** Utilization (%) of the busiest nodes now, plus the selected one: a hundred lines say nothing. */
export function utilizationSeries(ring: FrameRing, labels: Record<string, string>, selected: string | null, top = 6): Series[] {
	const last = ring.length - 1;
	if (last < 0) return [];
	const ranked = ring.nodeIds
		.map((id, j) => ({ id, j, u: ring.node(last, j, N.utilization) }))
		.filter((n) => Number.isFinite(n.u) && labels[n.id] !== undefined)
		.sort((a, b) => b.u - a.u || a.j - b.j);
	const picked = ranked.slice(0, top);
	const sel = ranked.find((n) => n.id === selected);
	if (sel && !picked.includes(sel)) picked.push(sel);
	return picked.map(({ id, j }, k) => {
		// Utilization is of the live instances: say how many those are when some are down.
		const up = ring.node(last, j, N.up), of = ring.node(last, j, N.instances);
		return {
			key: id,
			label: `${labels[id] ?? id}${of > 1 && up < of ? ` (${up}/${of} up)` : ''}`,
			color: PALETTE[k % PALETTE.length],
			value: (r: FrameRing, i: number) => r.node(i, j, N.utilization) * 100
		};
	});
}

export interface NodeChart {
	key: string;
	title: string;
	unit: string;
	series: Series[];
	yMax?: number;
}

/** The charts for one node: only those its kind produces (a figure it never reports stays out). */
export function nodeCharts(ring: FrameRing, nodeId: string): NodeChart[] {
	const j = ring.nodeIds.indexOf(nodeId);
	if (j < 0 || ring.length === 0) return [];
	const at = (o: number): Series['value'] => (r, i) => r.node(i, j, o);
	const has = (o: number) => {
		for (let i = ring.length - 1; i >= Math.max(0, ring.length - 30); i--) if (Number.isFinite(ring.node(i, j, o))) return true;
		return false;
	};
	const out: NodeChart[] = [
		{
			key: 'queue',
			title: 'Queue depth',
			unit: '',
			series: [
				{ key: 'meanQueue', label: 'waiting (mean)', color: '#ea580c', value: at(N.meanQueue) },
				{ key: 'inFlight', label: 'in flight', color: '#2563eb', value: at(N.inFlight) }
			]
		}
	];
	if (has(N.hitRatio)) out.push({ key: 'hit-ratio', title: 'Hit ratio', unit: '%', yMax: 100, series: [{ key: 'hit', label: 'hits', color: '#16a34a', value: (r, i) => r.node(i, j, N.hitRatio) * 100 }] });
	if (has(N.replicationLagMs)) out.push({ key: 'replication-lag', title: 'Replication lag', unit: 'ms', series: [{ key: 'lag', label: 'lag', color: '#9333ea', value: at(N.replicationLagMs) }] });
	if (has(N.staleReads)) out.push({ key: 'stale-reads', title: 'Stale reads', unit: '', series: [{ key: 'stale', label: 'stale reads', color: '#db2777', value: at(N.staleReads) }] });
	if (has(N.conflicts))
		out.push({
			key: 'conflicts',
			title: 'Write conflicts',
			unit: '/s',
			series: [
				{ key: 'conflicts', label: 'conflicts', color: '#c2410c', value: (r, i) => r.node(i, j, N.conflicts) / (r.global(i, G.dt) || 1) },
				{ key: 'lostUpdates', label: 'lost updates', color: '#7c3aed', value: (r, i) => r.node(i, j, N.lostUpdates) / (r.global(i, G.dt) || 1) }
			]
		});
	if (has(N.depth))
		out.push({
			key: 'backlog',
			title: 'Backlog',
			unit: '',
			series: [
				{ key: 'depth', label: 'messages', color: '#0891b2', value: at(N.depth) },
				...(has(N.oldestAgeMs) ? [{ key: 'age', label: 'oldest age (s)', color: '#ca8a04', value: (r: FrameRing, i: number) => r.node(i, j, N.oldestAgeMs) / 1000 }] : [])
			]
		});
	if (has(N.lag))
		out.push({
			key: 'consumer-lag',
			title: 'Consumer lag',
			unit: '',
			series: [
				{ key: 'lag', label: 'lag (worst group)', color: '#0d9488', value: at(N.lag) },
				...(has(N.maxPartitionLag) ? [{ key: 'partition', label: 'worst partition', color: '#b45309', dashed: true, value: at(N.maxPartitionLag) }] : [])
			]
		});
	if (has(N.duplicates))
		out.push({
			key: 'redelivery',
			title: 'Duplicates and dead letters',
			unit: '/s',
			series: [
				{ key: 'duplicates', label: 'duplicates', color: '#dc2626', value: (r, i) => r.node(i, j, N.duplicates) / Math.max(1e-9, r.global(i, G.dt)) },
				{ key: 'dead', label: 'dead-lettered', color: '#7c3aed', value: (r, i) => r.node(i, j, N.deadLettered) / Math.max(1e-9, r.global(i, G.dt)) }
			]
		});
	out.push({
		key: 'instances',
		title: 'Instances',
		unit: '',
		series: [
			{ key: 'up', label: 'up', color: '#16a34a', value: at(N.up) },
			{ key: 'total', label: 'total', color: '#94a3b8', dashed: true, value: at(N.instances) }
		]
	});
	return out;
}
