// @vitest-environment node
// The shared reference cases (reference/cases.json, a copy of the project's worked cases):
// each becomes a design the way the outside checker (check_cases.py) builds it, runs for at
// most REQUESTS requests, and is compared with its expected value. Tolerances follow the
// case file from the run length: the case's tolerance for its full duration D widened to
// max(tol, 3·SE·√(D/d)) for a run of d seconds, and where the case gives the tolerance for
// a 1 M-request run, that one widened by √(1 M / requests simulated).
import { describe, expect, it } from 'vitest';
import cases from './reference/cases.json';
import { simulate } from './index';
import type { Design, DesignEdge, DesignNode, Params } from '../model/types';
import type { SimResult } from './types';

const REQUESTS = 300_000;
const BIG = 1_000_000;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Case = Record<string, any>;
const CASES = (cases as unknown as { cases: Case[] }).cases;

const n = (id: string, kind: DesignNode['kind'], params: Params): DesignNode => ({ id, kind, position: { x: 0, y: 0 }, params });
const e = (s: string, t: string, lat = 0, extra: Params = {}): DesignEdge => ({ id: `${s}-${t}`, source: s, target: t, params: { latencyMs: lat, retries: 0, ...extra } });
const client = (rps: number, read = 1, write = 0, keys = 1000, zipf = 0.99, arrival = 'poisson'): Params => ({
	rps, mix: { static: 0, read, write }, keys, zipf, arrival, shape: { kind: 'constant' }, timeoutMs: 1e9
});
const grp = (inst: number, c: number, S: number, dist = 'exponential', ql: number | null = null): Params => ({
	instances: inst, concurrency: c, serviceTimeMs: S, serviceDist: dist, queueLimit: ql === null ? BIG : ql
});
const db = (inst: number, c: number, S: number, dist = 'exponential', ql: number | null = null, role = 'leader'): Params => ({
	...grp(inst, c, S, dist, ql), role, readMs: S, writeMs: S, shards: 1
});
const lb = (algorithm: string): Params => ({ algorithm, overheadMs: 0, maxRps: 1e9 });
const dist = (d: string) => (d === 'exponential' ? 'exponential' : 'constant');
const mk = (nodes: DesignNode[], edges: DesignEdge[], total: number, warm: number): Design => ({
	format: 'loadbearing/design', version: 1, id: 'case', name: 'case', nodes, edges,
	scenario: { durationS: total, warmupS: warm, seed: 1, events: [] }
});

type Run = { design: Design; rate: number; warm: number; d: number; factor: number; requests: number };
function durations(c: Case, rate: number) {
	const full = c.simulation.duration_s, warm = c.simulation.warmup_s;
	const d = c.category === 'overload' ? full : Math.min(full, Math.ceil(REQUESTS / rate));
	return { warm, d, factor: Math.sqrt(full / d), requests: rate * d };
}
function tol(c: Case, metric: string, run: Run, key = metric): [string, number] {
	const t = c.tolerance[key];
	const kind = 'rel' in t ? 'rel' : 'abs';
	let v: number = t[kind];
	if (run.factor > 1 + 1e-9) {
		const q1m = c.simulation.tolerance_if_only_1M_requests?.[metric];
		if (q1m !== undefined && kind === 'rel') v = Math.max(v, q1m * Math.sqrt(Math.max(1, 1e6 / run.requests)));
		else if (t['se_' + kind] !== undefined) v = Math.max(v, 3 * t['se_' + kind] * run.factor);
	}
	return [kind, v];
}
function check(sim: number, exp: number, [kind, v]: [string, number], what: string) {
	const err = kind === 'rel' ? Math.abs(sim / exp - 1) : Math.abs(sim - exp);
	expect(err, `${what}: sim ${sim} expected ${exp} (${kind} ${v})`).toBeLessThanOrEqual(v + 1e-12);
}
const span = (r: SimResult) => r.durationS - r.warmupS;

function groupCase(c: Case) {
	const p = c.params, sg = p.server_group, lam = p.arrival.rate_rps;
	const { warm, d, factor, requests } = durations(c, lam);
	const isDb = c.id.startsWith('mm1_db') || c.id.startsWith('db_pool');
	const params = (isDb ? db : grp)(sg.instances, sg.concurrency, sg.service.mean_ms, dist(sg.service.dist), sg.queueLimit);
	const nodes = [n('client', 'client', client(lam))];
	const edges = [];
	if (sg.routing === 'round_robin') {
		nodes.push(n('lb', 'loadBalancer', lb('round-robin')));
		edges.push(e('client', 'lb'), e('lb', 'sut'));
	} else edges.push(e('client', 'sut'));
	nodes.push(n('sut', isDb ? 'database' : 'service', params));
	const run: Run = { design: mk(nodes, edges, warm + d, warm), rate: lam, warm, d, factor, requests };
	const r = simulate(run.design);
	const s = r.nodes.sut, N = sg.instances * sg.concurrency;
	for (const metric of Object.keys(c.tolerance)) {
		const exp = c.expected[metric];
		const stat = metric.split('_')[0] as 'mean' | 'p50' | 'p95' | 'p99';
		if (metric.endsWith('latency_ms')) check(s.latency[stat], exp, tol(c, metric, run), metric);
		else if (metric === 'utilization') check(s.utilization, exp, tol(c, metric, run), metric);
		else if (metric === 'throughput_rps') check(s.completed / span(r), exp, tol(c, metric, run), metric);
		else if (metric === 'rejection_fraction') check(s.failed.rejected / s.arrived, exp, tol(c, metric, run), metric);
		else if (metric === 'mean_in_system_total') check(s.meanQueue + s.utilization * N, exp, tol(c, metric, run), metric);
		else if (metric === 'P_wait' && sg.queueLimit === null) check(s.waitRatio, exp, tol(c, metric, run), metric);
	}
}

function lbCase(c: Case) {
	const p = c.params, lam = p.arrival.rate_rps;
	const { warm, d, factor, requests } = durations(c, lam);
	const algo = ({ random: 'random', round_robin: 'round-robin', weighted: 'weighted' } as Record<string, string>)[p.load_balancer.policy];
	const nodes = [n('client', 'client', client(lam)), n('lb', 'loadBalancer', lb(algo))];
	const edges = [e('client', 'lb')];
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	p.instances.forEach((i: any, k: number) => {
		nodes.push(n(`s${k}`, 'service', grp(1, i.concurrency, i.service.mean_ms, dist(i.service.dist), i.queueLimit ?? null)));
		edges.push(e('lb', `s${k}`, 0, algo === 'weighted' ? { weight: 1000 / i.service.mean_ms } : {}));
	});
	const run: Run = { design: mk(nodes, edges, warm + d, warm), rate: lam, warm, d, factor, requests };
	const r = simulate(run.design);
	for (const metric of Object.keys(c.tolerance)) {
		const m = /^per_instance\[(\d+)\]\.(.*)$/.exec(metric);
		if (m) {
			const exp = c.expected.per_instance[Number(m[1])][m[2]];
			const nd = r.nodes[`s${m[1]}`];
			if (m[2] === 'mean_latency_ms') check(nd.latency.mean, exp, tol(c, metric, run), metric);
			else if (m[2] === 'utilization') check(nd.utilization, exp, tol(c, metric, run), metric);
		} else {
			const stat = metric.split('_')[0] as 'mean' | 'p50' | 'p95' | 'p99';
			check(r.global.latency[stat], c.expected[metric], tol(c, metric, run), metric);
		}
	}
}

function cacheCase(c: Case) {
	const p = c.params, lam = p.arrival.rate_rps, N = p.keys.count, s = p.keys.popularity.s;
	const { warm, d, factor, requests } = durations(c, lam);
	const lru = p.cache.policy === 'LRU';
	const cap = lru ? p.cache.capacity_keys : (p.cache.capacity_keys ?? N);
	const cp = { ...grp(1, 1000, 0.01, 'constant'), capacity: cap, eviction: 'lru', ttlS: lru ? 0 : p.cache.ttl_ms / 1000, strategy: 'read-through' };
	const run: Run = {
		design: mk(
			[n('client', 'client', client(lam, 1, 0, N, s)), n('cache', 'cache', cp), n('db', 'database', db(1, 1000, 0.01, 'constant'))],
			[e('client', 'cache', 0, { carries: ['read'] }), e('cache', 'db')],
			warm + d,
			warm
		),
		rate: lam, warm, d, factor, requests
	};
	const r = simulate(run.design);
	check(r.nodes.cache.hitRatio!, c.expected.hit_ratio, tol(c, 'hit_ratio', run), 'hit_ratio');
	if ('miss_rate_rps' in c.tolerance) check(r.nodes.db.arrived / span(r), c.expected.miss_rate_rps, tol(c, 'miss_rate_rps', run), 'miss rate');
}

function quorumCase(c: Case) {
	const p = c.params, lam = p.arrival.rate_rps;
	const { warm, d, factor, requests } = durations(c, lam);
	const mttr = 1e-4, mtbf = (mttr * (1 - p.p_down)) / p.p_down;
	const kvp = { nodes: p.replicas, n: p.replicas, w: p.write_quorum_W, r: p.read_quorum_R, concurrency: 1000, serviceTimeMs: 1e-6, serviceDist: 'constant', queueLimit: BIG, failures: { mtbfS: mtbf, mttrS: mttr } };
	for (const [variant, need] of [['read', p.read_quorum_R], ['write', p.write_quorum_W]] as const) {
		const run: Run = {
			design: mk([n('client', 'client', client(lam, variant === 'read' ? 1 : 0, variant === 'write' ? 1 : 0)), n('kv', 'kvStore', kvp)], [e('client', 'kv')], warm + d, warm),
			rate: lam, warm, d, factor, requests
		};
		const r = simulate(run.design);
		const metric = `${variant}_unavailability`;
		const [kind, v] = tol(c, metric, run);
		// Outages last ~ mttr/(machines that must come back): requests sample each one several times.
		const infl = Math.sqrt(1 + 2 * lam * (mttr / (p.replicas - need + 1)));
		check(r.global.failed.unavailable / r.global.arrived, c.expected[metric], [kind, v * infl], metric);
	}
}

function asyncCase(c: Case) {
	const p = c.params, keys = p.keys ?? 1;
	const wr = p.writes.rate_rps_per_key * keys, rr = p.reads.rate_rps_total;
	const { warm, d, factor, requests } = durations(c, wr + rr);
	const z = keys > 1 ? 0 : 0.99;
	const run: Run = {
		design: mk(
			[
				n('writer', 'client', client(wr, 0, 1, keys, z)),
				n('reader', 'client', client(rr, 1, 0, keys, z)),
				n('leader', 'database', db(1, 1000, 0.01, 'constant')),
				n('follower', 'database', db(1, 1000, 0.01, 'constant', null, 'follower'))
			],
			[e('writer', 'leader', 0, { carries: ['write'] }), e('reader', 'follower', 0, { carries: ['read'] }), e('leader', 'follower', 0, { mode: 'async', lagMs: p.replication_lag_ms })],
			warm + d,
			warm
		),
		rate: wr + rr, warm, d, factor, requests
	};
	const r = simulate(run.design);
	check(r.nodes.follower.staleReads! / r.nodes.follower.completed, c.expected.stale_fraction, tol(c, 'stale_fraction', run), 'stale');
}

function tandemCase(c: Case) {
	const p = c.params, lam = p.arrival.rate_rps;
	const [a, b] = p.stations;
	const lat = Object.fromEntries(p.edges.map((x: { from: string; to: string; latency_ms: number }) => [`${x.from}>${x.to}`, x.latency_ms]));
	const { warm, d, factor, requests } = durations(c, lam);
	const run: Run = {
		design: mk(
			[
				n('client', 'client', client(lam)),
				n('api', 'service', grp(a.instances, a.concurrency, a.service.mean_ms, dist(a.service.dist), a.queueLimit)),
				n('db', 'database', db(b.instances, b.concurrency, b.service.mean_ms, dist(b.service.dist), b.queueLimit))
			],
			[e('client', 'api', lat['client>A'] / 2), e('api', 'db', lat['A>B'] / 2)],
			warm + d,
			warm
		),
		rate: lam, warm, d, factor, requests
	};
	const r = simulate(run.design);
	for (const metric of Object.keys(c.tolerance)) {
		const exp = c.expected[metric];
		if (metric === 'A_mean_sojourn_ms') check(r.nodes.api.latency.mean, exp, tol(c, metric, run), metric);
		else if (metric === 'B_mean_sojourn_ms') check(r.nodes.db.latency.mean, exp, tol(c, metric, run), metric);
		else check(r.global.latency[metric.split('_')[0] as 'mean'], exp, tol(c, metric, run), metric);
	}
}

function mqCase(c: Case) {
	const p = c.params, lam = p.producers.rate_rps, k = p.consumers.count, S = p.consumers.service.mean_ms;
	const { warm, d, factor, requests } = durations(c, lam);
	const run: Run = {
		design: mk(
			[
				n('client', 'client', client(lam, 0, 1)),
				n('mq', 'queue', { publishMs: 0, maxDepth: BIG, partitions: 1 }),
				n('wk', 'worker', { ...grp(1, k, S, dist(p.consumers.service.dist)), autoscale: { enabled: false } })
			],
			[e('client', 'mq'), e('mq', 'wk')],
			warm + d,
			warm
		),
		rate: lam, warm, d, factor, requests
	};
	const r = simulate(run.design);
	const m: Record<string, number> = {
		mean_backlog: r.nodes.mq.meanQueue,
		mean_wait_ms: r.nodes.mq.latency.mean,
		mean_latency_ms: r.nodes.mq.latency.mean + r.nodes.wk.latency.mean,
		consumer_utilization: r.nodes.wk.utilization,
		expected_backlog_after_T: r.nodes.mq.depth ?? NaN,
		throughput_rps: r.nodes.wk.completed / span(r)
	};
	for (const metric of Object.keys(c.tolerance)) check(m[metric], c.expected[metric], tol(c, metric, run), metric);
}

describe('reference cases (cases.json)', () => {
	for (const c of CASES) {
		const p = c.params;
		const fam = 'server_group' in p ? groupCase : 'load_balancer' in p ? lbCase : c.category === 'cache' ? cacheCase : 'replicas' in p ? quorumCase : 'replication_lag_ms' in p ? asyncCase : 'stations' in p ? tandemCase : 'producers' in p ? mqCase : null;
		it.skipIf(fam === null)(`${c.id}: ${c.model}`, () => fam!(c));
	}
});
