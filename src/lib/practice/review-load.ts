// Review rules about load and data: sessions behind a balancer that is not sticky, writes an
// asynchronous follower can lose, hot shards and hot keys, static files without a CDN, a
// public entry with no rate limit, a cache that never expires, a slow service called
// synchronously. (review.ts lists the rules and sorts what they find.)
import type { Design } from '../model/types';
import type { Finding, Rule } from './review';
import { addCacheFor, byId, decoupleWithQueue, incoming, insertOnEdges, isReplication, kindOf, nameOf, outgoing, paramsOf, setEdgeParams, setParams } from './transforms';

export const statefulNotSticky: Rule = (d) =>
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
					title: `${nameOf(n)} keeps sessions but its balancer is not sticky`,
					reason: 'Sessions live on one instance, so a user sent elsewhere loses theirs. Either make the balancer sticky (ip-hash) or, better, move sessions into a shared store and make the tier stateless.',
					fix: {
						label: 'Make the balancer sticky (ip-hash)',
						apply: (x: Design) => lbs.reduce((acc, lb) => setParams(acc, lb.id, { algorithm: 'ip-hash' }), x)
					}
				} satisfies Finding
			];
		});

export const asyncReplication: Rule = (d) =>
	d.edges
		.filter((e) => isReplication(d, e) && (e.params.mode ?? 'async') === 'async')
		.map((e) => ({
			id: `async-replication:${e.id}`,
			rule: 'async-replication',
			severity: 'medium',
			nodeId: e.source,
			title: `Asynchronous replication from ${nameOf(byId(d, e.source)!)} can lose writes`,
			reason: 'The leader acknowledges a write before any follower has it. If the leader dies, the writes it had not shipped are gone once a follower is promoted. Semi-synchronous replication waits for one follower.',
			fix: { label: 'Switch to semi-sync', apply: (x: Design) => setEdgeParams(x, e.id, { mode: 'semi-sync' }) }
		}));

const hasCacheBeside = (d: Design, dbId: string) =>
	incoming(d, dbId).some((e) => outgoing(d, e.source).some((o) => kindOf(d, o.target) === 'cache'));

export const hotShard: Rule = (d) => {
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
						title: `${nameOf(n)} is range-sharded: popular keys share a shard`,
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
						title: `A hot key will overload one shard of ${nameOf(n)}`,
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

export const noCdn: Rule = (d) => {
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

export const noRateLimit: Rule = (d) => {
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

export const cacheNoTtl: Rule = (d) =>
	d.nodes
		.filter((n) => n.kind === 'cache' && paramsOf(n).ttlS === 0)
		.map((n) => ({
			id: `cache-no-ttl:${n.id}`,
			rule: 'cache-no-ttl',
			severity: 'low',
			nodeId: n.id,
			title: `${nameOf(n)} never expires entries`,
			reason: 'Without a TTL an entry whose invalidation was missed stays wrong forever. A TTL bounds how stale a read can be.',
			fix: { label: 'Expire after 5 minutes', apply: (x: Design) => setParams(x, n.id, { ttlS: 300 }) }
		}));

export const syncSlowCall: Rule = (d) =>
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
				title: `${nameOf(t)} is slow and called synchronously`,
				reason: 'Every caller waits for slow work it does not need the answer to, and when that service falls behind its callers fail with it. A queue decouples them: answer at once, let workers catch up.',
				fix: { label: 'Decouple with a queue and workers', apply: (x: Design) => decoupleWithQueue(x, e.id) }
			} satisfies Finding;
		});
