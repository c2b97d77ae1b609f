// Frames (one per window of simulated time) and the whole-run result, both read from the
// cumulative counters and time-weighted areas: a window or the run is a difference of two
// snapshots, so nothing per request is kept.
import type { Sim } from './core';
import type { NodeRt } from './compile';
import { C, K, REASONS } from './consts';
import { obj } from './compile';
import type { FailureCounts, MetricsFrame, NodeFrame, NodeResult, SimResult, Stat } from './types';
import { KINDS } from '../model/kinds';
import { dbs } from './components/database';
import { oldestAgeMs, queueExtras } from './components/lag';
import { qs } from './components/queue';
import { cacheFlight } from './components/cache';

type Snap = { g: Float64Array; nodes: Float64Array[]; areas: Float64Array; t: number };

function failed(cnt: Float64Array, base: Float64Array): FailureCounts {
	const out = {} as FailureCounts;
	REASONS.forEach((r, i) => (out[r] = Math.max(0, cnt[C.FAIL + i] - base[C.FAIL + i])));
	return out;
}

const zeroStat = (): Stat => ({ mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
const statOf = (h: { n: number; stat(): Stat }): Stat => (h.n > 0 ? h.stat() : zeroStat());

function finite(x: number): number {
	return Number.isFinite(x) ? x : 0;
}

/** What is at a node right now: arrived − completed − failed since t = 0. */
function inFlight(cnt: Float64Array): number {
	let f = 0;
	for (let i = 0; i < REASONS.length; i++) f += cnt[C.FAIL + i];
	return Math.max(0, cnt[C.ARR] - cnt[C.COMP] - f);
}

function areas(s: Sim, n: NodeRt, snap: Snap, span: number) {
	s.touch(n);
	const i = n.idx * 3;
	const busy = n.busyArea - snap.areas[i], wait = n.waitArea - snap.areas[i + 1], cap = n.capArea - snap.areas[i + 2];
	return {
		utilization: cap > 0 ? Math.min(1, busy / cap) : 0,
		meanQueue: span > 0 ? wait / span : 0,
		meanInstances: span > 0 && n.conc > 0 ? cap / span / n.conc : n.active,
		busy
	};
}

function extras(s: Sim, n: NodeRt, cnt: Float64Array, base: Float64Array, out: Partial<NodeResult>, whole = false): void {
	if (n.k === K.cache || n.k === K.cdn) {
		const look = cnt[C.LOOKUPS] - base[C.LOOKUPS];
		out.hitRatio = look > 0 ? (cnt[C.HITS] - base[C.HITS]) / look : 0;
	}
	if (n.k === K.database) {
		out.staleReads = cnt[C.STALE] - base[C.STALE];
		out.lostWrites = cnt[C.LOST] - base[C.LOST];
		const st = dbs(n);
		if (st.set && st.set.leader !== n.idx) out.replicationLagMs = st.lag * 1000;
		// A leader of a multi-leader set leads too (it takes writes), whichever is the set's first.
		if (st.set) out.leader = st.set.leader === n.idx || (st.set.ml !== null && st.set.ml.accepts(n.idx)) ? 1 : 0;
		if (st.set && st.set.ml !== null) {
			out.conflicts = cnt[C.CONFLICTS] - base[C.CONFLICTS];
			out.lostUpdates = cnt[C.LOST_UPDATES] - base[C.LOST_UPDATES];
		}
	}
	if (n.k === K.cache && cnt[C.LOST] > 0) out.lostWrites = cnt[C.LOST] - base[C.LOST];
	if (n.k === K.cache && cacheFlight(n)) {
		// Coalescing and stale-while-revalidate (cacheflight.ts): misses that waited for another's
		// fetch, and hits served past their TTL, each also as a share of the lookups.
		const look = cnt[C.LOOKUPS] - base[C.LOOKUPS];
		out.coalesced = cnt[C.COALESCED] - base[C.COALESCED];
		out.staleServed = cnt[C.STALE] - base[C.STALE];
		out.staleServedRatio = look > 0 ? out.staleServed / look : 0;
	}
	if (n.k === K.kvStore && (n.kv as { ver: unknown }).ver !== null) out.staleReads = cnt[C.STALE] - base[C.STALE];
	if (n.k === K.queue) queueExtras(s, n, cnt, base, out, whole);
}

/** Instances alive now (0 when the node or its region is down). */
function upCount(s: Sim, n: NodeRt): number {
	if (s.nodeDown(n)) return 0;
	let up = 0;
	for (let i = 0; i < n.active; i++) up += n.up[i];
	return up;
}

export function nodeState(s: Sim, n: NodeRt): string | undefined {
	return stateOf(s, n);
}

export function buildFrame(s: Sim, snap: Snap): MetricsFrame {
	const dt = s.now - snap.t;
	const nodes: Record<string, NodeFrame> = {};
	for (const n of s.nodes) {
		const base = snap.nodes[n.idx];
		const a = areas(s, n, snap, dt);
		const up = upCount(s, n);
		const f: NodeFrame = {
			arrived: n.cnt[C.ARR] - base[C.ARR],
			completed: n.cnt[C.COMP] - base[C.COMP],
			failed: failed(n.cnt, base),
			inFlight: inFlight(n.cnt),
			utilization: finite(a.utilization),
			meanQueue: finite(a.meanQueue),
			latency: n.k === K.client && s.singleClient ? s.gWin.stat() : n.hWin.stat(),
			up: n.k === K.client ? 1 : up,
			instances: n.k === K.client ? 1 : n.active
		};
		extras(s, n, n.cnt, base, f as unknown as Partial<NodeResult>);
		if (n.k === K.queue) f.oldestAgeMs = oldestAgeMs(s, qs(n));
		const state = stateOf(s, n);
		if (state) f.state = state;
		nodes[n.id] = f;
		n.hWin.reset();
	}
	const g = s.g, gb = snap.g;
	const arrived = g[C.ARR] - gb[C.ARR], completed = g[C.COMP] - gb[C.COMP];
	const frame: MetricsFrame = {
		t: s.now,
		dt,
		global: {
			arrived,
			completed,
			failed: failed(g, gb),
			inFlight: inFlight(g),
			offeredRps: dt > 0 ? arrived / dt : 0,
			servedRps: dt > 0 ? completed / dt : 0,
			latency: s.gWin.stat(),
			latencyFailed: statOf(s.gFailWin)
		},
		nodes
	};
	s.gWin.reset();
	s.gFailWin.reset();
	return frame;
}

export function buildResult(s: Sim, seed: number): SimResult {
	const snap = s.snapRun ?? s.snapshot(0);
	const start = s.snapRun ? s.warmupS : 0;
	const span = Math.max(0, s.now - start);
	const nodes: Record<string, NodeResult> = {};
	let cost = 0;
	for (const n of s.nodes) {
		const base = snap.nodes[n.idx];
		const a = areas(s, n, snap as Snap, span);
		const r: NodeResult = {
			arrived: n.cnt[C.ARR] - base[C.ARR],
			completed: Math.max(0, n.cnt[C.COMP] - base[C.COMP]),
			failed: failed(n.cnt, base),
			utilization: finite(a.utilization),
			meanQueue: finite(a.meanQueue),
			waitRatio: n.cnt[C.ACC] - base[C.ACC] > 0 ? (n.cnt[C.WAITED] - base[C.WAITED]) / (n.cnt[C.ACC] - base[C.ACC]) : 0,
			latency: n.k === K.client && s.singleClient ? (s.gRun.n > 0 ? s.gRun.stat() : zeroStat()) : n.hRun.n > 0 ? n.hRun.stat() : zeroStat(),
			latencyFailed: statOf(n.k === K.client && s.singleClient ? s.gFailRun : n.hFailRun)
		};
		extras(s, n, n.cnt, base, r, true);
		if (n.blocking) r.heldShare = a.busy > 0 ? Math.min(1, (n.cnt[C.HELD_S] - base[C.HELD_S]) / a.busy) : 0;
		if (n.k !== K.client && n.k !== K.queue && n.k !== K.dns && n.k !== K.geoDns && n.k !== K.rateLimiter) {
			r.instances = n.active;
			r.up = upCount(s, n);
		}
		nodes[n.id] = r;
		// Cost: instances (time-averaged when autoscaled) × hourly price × 730 h.
		if (KINDS[n.kind].billed || n.k === K.kvStore) {
			// (Autoscaled: the time average, also when the run ends with every allocated instance on.)
			let count = n.k === K.kvStore ? n.nInst : n.nInst !== n.active || obj(n.p.autoscale).enabled === true ? finite(a.meanInstances) : n.active;
			if (n.k === K.database) count = n.nInst;
			// A CDN bills its instances; what does not scale out (forwarders, the broker) is one unit.
			if (n.k === K.cdn) count = Math.max(1, Math.floor(n.p.instances as number));
			else if (n.k !== K.kvStore && !KINDS[n.kind].scalesOut) count = 1;
			cost += s.cx.price(n.kind) * count * s.instanceScale[n.idx] * 730;
		}
	}
	const g = s.g, gb = snap.g;
	const arrived = g[C.ARR] - gb[C.ARR];
	const completed = Math.max(0, g[C.COMP] - gb[C.COMP]);
	const fails = failed(g, gb);
	const ended = completed + REASONS.reduce((a, r) => a + fails[r], 0);
	const byType: SimResult['global']['latencyByType'] = {};
	(['static', 'read', 'write'] as const).forEach((t, i) => {
		const h = s.singleType === i ? s.gRun : s.gType[i];
		if (h.n > 0) byType[t] = h.stat();
	});
	return {
		durationS: s.durationS,
		warmupS: s.warmupS,
		seed,
		events: s.events,
		global: {
			offeredRps: span > 0 ? arrived / span : 0,
			servedRps: span > 0 ? completed / span : 0,
			arrived,
			completed,
			failed: fails,
			successRatio: ended > 0 ? completed / ended : arrived > 0 ? 0 : 1,
			latency: s.gRun.n > 0 ? s.gRun.stat() : zeroStat(),
			latencyFailed: statOf(s.gFailRun),
			latencyByType: byType,
			costPerMonth: Math.round(cost * 100) / 100
		},
		nodes
	};
}

const COUNT_KEYS = ['arrived', 'completed', 'inFlight', 'offeredRps', 'servedRps', 'meanQueue', 'depth', 'staleReads', 'lostWrites', 'coalesced', 'staleServed', 'conflicts', 'lostUpdates', 'lag', 'maxPartitionLag', 'redelivered', 'duplicates', 'deadLettered', 'discarded'];

/** A sliced run's counts back to the whole design's (latencies and ratios stay). */
function scaleCounts(o: Record<string, unknown>, k: number): void {
	for (const key of COUNT_KEYS) if (typeof o[key] === 'number') o[key] = (o[key] as number) * k;
	const f = o.failed as Record<string, number> | undefined;
	if (f) for (const r of REASONS) f[r] *= k;
}

export function scaleFrame(s: Sim, f: MetricsFrame): void {
	const k = s.scale;
	if (k === 1) return;
	scaleCounts(f.global as unknown as Record<string, unknown>, k);
	for (const n of s.nodes) {
		const nf = f.nodes[n.id];
		scaleCounts(nf as unknown as Record<string, unknown>, k);
		nf.up *= s.instanceScale[n.idx];
		nf.instances *= s.instanceScale[n.idx];
	}
}

export function scaleResult(s: Sim, r: SimResult): void {
	const k = s.scale;
	if (k === 1) return;
	scaleCounts(r.global as unknown as Record<string, unknown>, k);
	r.global.sampleFactor = k;
	for (const n of s.nodes) {
		const nr = r.nodes[n.id];
		scaleCounts(nr as unknown as Record<string, unknown>, k);
		if (typeof nr.instances === 'number') nr.instances *= s.instanceScale[n.idx];
		if (typeof nr.up === 'number') nr.up *= s.instanceScale[n.idx];
	}
}

/** A lifecycle state worth showing on a node, if any. */
export function stateOf(s: Sim, n: NodeRt): string | undefined {
	if (n.k === K.database) {
		const set = (n.db as { set: { leader: number; electing: boolean; life: { stateName(): string } | null } | null } | undefined)?.set;
		if (set && set.leader === n.idx && set.electing && set.life) return set.life.stateName();
		if (set && set.leader === n.idx && n.promotedAt >= 0) return 'follower-promoted';
	}
	const health = s.health[n.idx];
	if (health && health.stateName() !== 'healthy') return health.stateName();
	if (s.nodeDown(n)) return 'down';
	const life = s.lives[n.idx];
	if (life && life.stateName() !== 'steady' && life.stateName() !== 'warm') return life.stateName();

	for (const e of n.out[0].concat(n.out[1], n.out[2])) {
		const b = s.edges[e].breaker;
		if (b) b.tick(s.now);
		if (b && b.state !== 0) return `breaker ${b.stateName()}`;
	}
	let down = 0;
	for (let i = 0; i < n.active; i++) if (n.up[i] === 0) down++;
	if (down > 0) return 'degraded';
	return undefined;
}
