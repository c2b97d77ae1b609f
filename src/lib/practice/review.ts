// Design review: read the design without running it and point at what an experienced
// interviewer would, each with the textbook reason and, where there is one, a fix.
import type { Design, DesignNode } from '../model/types';
import {
	addCacheFor,
	addFollower,
	addStandby,
	byId,
	decoupleWithQueue,
	incoming,
	insertOnEdges,
	isReplication,
	kindOf,
	outgoing,
	paramsOf,
	setEdgeParams,
	setParams
} from './transforms';
import { idleFollowers } from './review-followers';

export type Severity = 'high' | 'medium' | 'low';

export interface Fix {
	label: string;
	apply: (d: Design) => Design;
}

export interface Finding {
	/** Stable per rule and target, e.g. "single-database:db". */
	id: string;
	rule: string;
	severity: Severity;
	nodeId?: string;
	title: string;
	reason: string;
	fix?: Fix;
}

const name = (n: DesignNode) => n.label || n.id;
const BALANCERS = new Set(['loadBalancer', 'apiGateway']);
const SCALED = new Set(['service', 'worker']);

function multiInstance(n: DesignNode): boolean {
	const p = paramsOf(n);
	const auto = p.autoscale as { enabled?: boolean; max?: number } | undefined;
	return (p.instances as number) > 1 || !!(auto?.enabled && (auto.max ?? 1) > 1);
}

type Rule = (d: Design) => Finding[];

const singleBalancer: Rule = (d) =>
	d.nodes
		.filter((n) => n.kind === 'loadBalancer')
		.filter((n) => {
			// A balancer is redundant when some caller of it also calls another balancer.
			const callers = incoming(d, n.id).map((e) => e.source);
			return !callers.some((c) => outgoing(d, c).some((e) => e.target !== n.id && kindOf(d, e.target) === 'loadBalancer'));
		})
		.map((n) => ({
			id: `single-load-balancer:${n.id}`,
			rule: 'single-load-balancer',
			severity: 'medium',
			nodeId: n.id,
			title: `${name(n)} is a single point of failure`,
			reason: 'Everything behind one balancer becomes unreachable when it fails. Run balancers in an active/standby pair (with a floating address) or several behind DNS.',
			fix: { label: 'Add a standby balancer', apply: (x) => addStandby(x, n.id) }
		}));

const singleDatabase: Rule = (d) =>
	d.nodes
		.filter((n) => n.kind === 'database' && paramsOf(n).role === 'leader')
		.filter((n) => !outgoing(d, n.id).some((e) => isReplication(d, e)))
		.map((n) => ({
			id: `single-database:${n.id}`,
			rule: 'single-database',
			severity: 'high',
			nodeId: n.id,
			title: `${name(n)} has no replica`,
			reason: 'A lone database takes every read and write down with it, and its data with its disk. A follower that replays the leader\'s writes can serve reads and be promoted when the leader fails.',
			fix: { label: 'Add a follower (semi-sync)', apply: (x) => addFollower(x, n.id) }
		}));

const singleCache: Rule = (d) =>
	d.nodes
		.filter((n) => n.kind === 'cache' && paramsOf(n).instances === 1)
		.map((n) => ({
			id: `single-cache:${n.id}`,
			rule: 'single-cache',
			severity: 'medium',
			nodeId: n.id,
			title: `${name(n)} runs on one instance`,
			reason: 'When the only cache node dies every key is gone at once and the whole read load lands on the database (a stampede). Spread keys over several nodes by consistent hashing so one loss costs a fraction.',
			fix: { label: 'Use three cache instances', apply: (x) => setParams(x, n.id, { instances: 3 }) }
		}));

const singleInstance: Rule = (d) =>
	d.nodes
		.filter((n) => SCALED.has(n.kind) && !multiInstance(n))
		.map((n) => ({
			id: `single-instance:${n.id}`,
			rule: 'single-instance',
			severity: 'high',
			nodeId: n.id,
			title: `${name(n)} runs on one machine`,
			reason: 'One instance is a single point of failure, and it cannot be upgraded without downtime. Run at least two, behind a balancer with health checks.',
			fix: { label: 'Run two instances', apply: (x) => setParams(x, n.id, { instances: 2 }) }
		}));

const singleRegion: Rule = (d) => {
	if (!d.nodes.some((n) => n.kind === 'database' || n.kind === 'kvStore')) return [];
	const regions = new Set(d.nodes.map((n) => n.region ?? ''));
	if (regions.size > 1) return [];
	return [
		{
			id: 'single-region',
			rule: 'single-region',
			severity: 'low',
			title: 'Everything lives in one region',
			reason: 'A region is a failure domain: a power or network event there takes the whole product down, and users far away pay the round trip. A second region behind GeoDNS, with a replica of the data, survives it.'
		}
	];
};

const noBalancer: Rule = (d) =>
	d.nodes
		.filter((n) => n.kind === 'service' && multiInstance(n))
		.flatMap((n) => {
			const direct = incoming(d, n.id).filter((e) => !BALANCERS.has(kindOf(d, e.source) ?? ''));
			if (direct.length === 0) return [];
			return [
				{
					id: `no-balancer:${n.id}`,
					rule: 'no-balancer',
					severity: 'medium',
					nodeId: n.id,
					title: `${name(n)} has several instances but no load balancer`,
					reason: 'Callers that pick an instance themselves keep sending to one that has died and spread load unevenly. A balancer health-checks instances and spreads requests evenly.',
					fix: { label: 'Put a load balancer in front', apply: (x: Design) => insertOnEdges(x, direct.map((e) => e.id), 'loadBalancer', 'lb', { healthCheckS: 2 }) }
				} satisfies Finding
			];
		});

const statefulNotSticky: Rule = (d) =>
	d.nodes
		.filter((n) => n.kind === 'service' && paramsOf(n).stateful === true)
		.flatMap((n) => {
			const lbs = incoming(d, n.id)
				.map((e) => byId(d, e.source)!)
				.filter((s) => s.kind === 'loadBalancer' && paramsOf(s).algorithm !== 'ip-hash');
			if (lbs.length === 0) return [];
			return [
				{
					id: `stateful-not-sticky:${n.id}`,
					rule: 'stateful-not-sticky',
					severity: 'high',
					nodeId: n.id,
					title: `${name(n)} keeps sessions but its balancer is not sticky`,
					reason: 'Sessions live on one instance, so a user sent elsewhere loses theirs. Either make the balancer sticky (ip-hash) or, better, move sessions into a shared store and make the tier stateless.',
					fix: {
						label: 'Make the balancer sticky (ip-hash)',
						apply: (x: Design) => lbs.reduce((acc, lb) => setParams(acc, lb.id, { algorithm: 'ip-hash' }), x)
					}
				} satisfies Finding
			];
		});

const asyncReplication: Rule = (d) =>
	d.edges
		.filter((e) => isReplication(d, e) && (e.params.mode ?? 'async') === 'async')
		.map((e) => ({
			id: `async-replication:${e.id}`,
			rule: 'async-replication',
			severity: 'medium',
			nodeId: e.source,
			title: `Asynchronous replication from ${name(byId(d, e.source)!)} can lose writes`,
			reason: 'The leader acknowledges a write before any follower has it. If the leader dies, the writes it had not shipped are gone once a follower is promoted. Semi-synchronous replication waits for one follower.',
			fix: { label: 'Switch to semi-sync', apply: (x: Design) => setEdgeParams(x, e.id, { mode: 'semi-sync' }) }
		}));

const hasCacheBeside = (d: Design, dbId: string) =>
	incoming(d, dbId).some((e) => outgoing(d, e.source).some((o) => kindOf(d, o.target) === 'cache'));

const hotShard: Rule = (d) => {
	const skew = Math.max(0, ...d.nodes.filter((n) => n.kind === 'client').map((n) => paramsOf(n).zipf as number));
	return d.nodes
		.filter((n) => n.kind === 'database' && (paramsOf(n).shards as number) > 1)
		.flatMap((n): Finding[] => {
			const p = paramsOf(n);
			if (p.sharding === 'range')
				return [
					{
						id: `hot-shard:${n.id}`,
						rule: 'hot-shard',
						severity: 'high',
						nodeId: n.id,
						title: `${name(n)} is range-sharded: popular keys share a shard`,
						reason: 'Range partitioning keeps neighbouring keys together, and popular keys tend to be neighbours (recent ids, one celebrity\'s data), so one shard takes most of the load. Hashing the key spreads them.',
						fix: { label: 'Shard by hash', apply: (x) => setParams(x, n.id, { sharding: 'hash' }) }
					}
				];
			if (skew >= 0.9 && !hasCacheBeside(d, n.id))
				return [
					{
						id: `hot-key:${n.id}`,
						rule: 'hot-key',
						severity: 'medium',
						nodeId: n.id,
						title: `A hot key will overload one shard of ${name(n)}`,
						reason: 'With skewed popularity the busiest key gets a large share of traffic, and no partitioning can split one key. A cache in front absorbs its reads.',
						fix: { label: 'Add a cache in front', apply: (x) => addCacheFor(x, n.id) }
					}
				];
			return [];
		});
};

/** The edge where traffic enters the system proper: past the client and any of `skip` (dns, cdn). */
function entryEdge(d: Design, clientId: string, skip: Set<string>) {
	let e = outgoing(d, clientId)[0];
	const seen = new Set<string>();
	while (e && skip.has(kindOf(d, e.target) ?? '') && !seen.has(e.target)) {
		seen.add(e.target);
		// a CDN's object-store origin only serves static files: follow the dynamic path
		const next = outgoing(d, e.target).find((o) => kindOf(d, o.target) !== 'objectStore');
		if (!next) break;
		e = next;
	}
	return e;
}

const noCdn: Rule = (d) => {
	if (d.nodes.some((n) => n.kind === 'cdn')) return [];
	const c = d.nodes.find((n) => n.kind === 'client' && ((paramsOf(n).mix as Record<string, number>).static ?? 0) > 0);
	if (!c) return [];
	const e = entryEdge(d, c.id, new Set(['dns', 'geoDns']));
	return [
		{
			id: 'no-cdn',
			rule: 'no-cdn',
			severity: 'medium',
			nodeId: e?.target,
			title: 'Static files are served without a CDN',
			reason: 'Images, scripts and styles never change per user, yet each one costs the origin a worker and the user a long round trip. A CDN answers them from an edge near the user.',
			fix: e ? { label: 'Put a CDN in front', apply: (x: Design) => insertOnEdges(x, [e.id], 'cdn', 'cdn') } : undefined
		}
	];
};

const noRateLimit: Rule = (d) => {
	if (d.nodes.some((n) => n.kind === 'rateLimiter' || n.kind === 'apiGateway')) return [];
	const c = d.nodes.find((n) => n.kind === 'client');
	if (!c) return [];
	const e = entryEdge(d, c.id, new Set(['dns', 'geoDns', 'cdn']));
	if (!e) return [];
	const rps = paramsOf(c).rps as number;
	return [
		{
			id: 'no-rate-limit',
			rule: 'no-rate-limit',
			severity: 'low',
			nodeId: e.target,
			title: 'The public entry has no rate limit',
			reason: 'One misbehaving client or a retry storm can push the system past capacity, and then everyone suffers. A limiter at the edge refuses the excess with 429 while the admitted traffic is served normally.',
			fix: {
				label: 'Add a rate limiter',
				apply: (x: Design) => insertOnEdges(x, [e.id], 'rateLimiter', 'limiter', { limitRps: Math.max(1000, Math.ceil(rps * 2)), burst: 200 })
			}
		}
	];
};

const cacheNoTtl: Rule = (d) =>
	d.nodes
		.filter((n) => n.kind === 'cache' && paramsOf(n).ttlS === 0)
		.map((n) => ({
			id: `cache-no-ttl:${n.id}`,
			rule: 'cache-no-ttl',
			severity: 'low',
			nodeId: n.id,
			title: `${name(n)} never expires entries`,
			reason: 'Without a TTL an entry whose invalidation was missed stays wrong forever. A TTL bounds how stale a read can be.',
			fix: { label: 'Expire after 5 minutes', apply: (x: Design) => setParams(x, n.id, { ttlS: 300 }) }
		}));

const syncSlowCall: Rule = (d) =>
	d.edges
		.filter((e) => kindOf(d, e.source) === 'service' && kindOf(d, e.target) === 'service')
		.filter((e) => (paramsOf(byId(d, e.target)!).serviceTimeMs as number) >= 100)
		.map((e) => {
			const t = byId(d, e.target)!;
			return {
				id: `sync-slow-call:${e.id}`,
				rule: 'sync-slow-call',
				severity: 'medium',
				nodeId: t.id,
				title: `${name(t)} is slow and called synchronously`,
				reason: 'Every caller waits for slow work it does not need the answer to, and when that service falls behind its callers fail with it. A queue decouples them: answer at once, let workers catch up.',
				fix: { label: 'Decouple with a queue and workers', apply: (x: Design) => decoupleWithQueue(x, e.id) }
			} satisfies Finding;
		});

export const RULES: Rule[] = [
	singleDatabase,
	idleFollowers,
	singleInstance,
	statefulNotSticky,
	hotShard,
	singleBalancer,
	singleCache,
	noBalancer,
	asyncReplication,
	noCdn,
	syncSlowCall,
	noRateLimit,
	cacheNoTtl,
	singleRegion
];

const ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Every finding for the design, most serious first. */
export function reviewDesign(d: Design): Finding[] {
	return RULES.flatMap((r) => r(d)).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/** The worst finding per node, for marks on the canvas. */
export function findingsByNode(list: Finding[]): Record<string, Finding> {
	const out: Record<string, Finding> = {};
	for (const f of list) if (f.nodeId && (!out[f.nodeId] || ORDER[f.severity] < ORDER[out[f.nodeId].severity])) out[f.nodeId] = f;
	return out;
}
