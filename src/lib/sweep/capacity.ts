// How much load a design can take, estimated from its parts (no simulation): client rates
// flow through the graph per request type (static/read/write), each node's arrival rate per
// client request (its visit ratio) is found, and each part's capacity is
//   server groups: instances × concurrency / mean service time (a database weights readMs
//   and writeMs by the read/write split it sees; a kvStore machine does n of every request);
//   balancers and gateways: maxRps; a global rate limiter: limitRps.
// The design's capacity is the smallest capacity / visit ratio: the bottleneck tier.
// Approximations (docs/model.md, "Load sweep"): caches hit at Che's LRU ratio for the
// clients' Zipf keys (TTL ignored); a balancer splits by its targets' instances (weights
// when weighted); forwarders take the first edge carrying the type; a queue's messages go
// to every consumer group, and within a group to its consumers in proportion to their
// workers (at most `partitions` at once with per-partition ordering); replication edges
// carry nothing.
import type { Design, DesignEdge, DesignNode, RequestType } from '../model/types';
import { REQUEST_TYPES } from '../model/types';
import { resolveEdgeParams, resolveParams } from '../model/defaults';
import { edgeKindOf } from '../model/connections';
import { KINDS } from '../model/kinds';
import { cheHitRatioZipf } from './che';

type Rates = Record<RequestType, number>;
const zero = (): Rates => ({ static: 0, read: 0, write: 0 });
const sum = (r: Rates) => r.static + r.read + r.write;

export interface TierCapacity {
	id: string;
	label: string;
	/** Node arrivals per client request. */
	visits: number;
	/** What the part can serve, in its own arrivals per second. */
	nodeRps: number;
	/** The client rate at which it saturates: nodeRps / visits. */
	clientRps: number;
	/** M/M/c parameters when the part is a queueing server group with exponential service. */
	mmc?: { instances: number; c: number; serviceMs: number };
	/** Plain-words formula, for the UI. */
	why: string;
}

export interface CapacityEstimate {
	/** Total client rate of the design as drawn. */
	designRps: number;
	/** Client rps at which the bottleneck saturates (Infinity if nothing limits). */
	capacityRps: number;
	bottleneck: TierCapacity | null;
	tiers: TierCapacity[];
}

const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

export function estimateCapacity(design: Design): CapacityEstimate {
	const nodes = new Map(design.nodes.map((n) => [n.id, { ...n, params: resolveParams(n.kind, n.params) } as DesignNode]));
	const out = new Map<string, { edge: DesignEdge; carries: Set<RequestType> }[]>();
	for (const e of design.edges) {
		const p = resolveEdgeParams(e.params);
		if (edgeKindOf(nodes.get(e.source), nodes.get(e.target)) === 'replication') continue;
		const carries = new Set((Array.isArray(p.carries) ? p.carries : REQUEST_TYPES) as RequestType[]);
		(out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push({ edge: e, carries });
	}
	const arrivals = new Map<string, Rates>();
	const clients = design.nodes.filter((n) => n.kind === 'client');
	let designRps = 0;
	let keys = 100_000;
	let zipf = 0.99;
	for (const c of clients) {
		const p = nodes.get(c.id)!.params as { rps: number; keys: number; zipf: number };
		designRps += num(p.rps, 0);
		keys = num(p.keys, keys);
		zipf = num(p.zipf, zipf);
	}
	const hit = (cache: DesignNode) => cheHitRatioZipf(keys, zipf, num(cache.params.capacity, 10_000));

	/**
	 * A queue's consumers by consumer group, each member with its slots (instances ×
	 * concurrency). With per-partition ordering a group processes at most `partitions`
	 * messages at once, so its members' capacity shrinks by partitions / slots (keys spread
	 * evenly over partitions assumed); `partitionCap` keeps that factor per consumer.
	 */
	const partitionCap = new Map<string, { factor: number; partitions: number }>();
	function consumerGroups(queue: DesignNode, edges: { edge: DesignEdge }[]) {
		const groups = new Map<number, { slots: number; members: { id: string; slots: number }[] }>();
		for (const e of edges) {
			const tn = nodes.get(e.edge.target);
			if (!tn) continue;
			const slots = num(tn.params.instances, 1) * num(tn.params.concurrency, 1);
			const key = num(tn.params.consumerGroup, 1);
			const g = groups.get(key) ?? groups.set(key, { slots: 0, members: [] }).get(key)!;
			g.slots += slots;
			g.members.push({ id: tn.id, slots });
		}
		if (queue.params.ordering === 'per-partition') {
			const partitions = num(queue.params.partitions, 1);
			for (const g of groups.values()) for (const m of g.members) if (g.slots > partitions) partitionCap.set(m.id, { factor: partitions / g.slots, partitions });
		}
		return [...groups.values()].map((g) => ({ ...g, slots: g.slots || 1 }));
	}

	// Push one unit of client traffic (rates per client rps) through the graph, depth-first;
	// a visit deeper than the node count is a cycle and stops there.
	function push(id: string, r: Rates, depth: number) {
		const node = nodes.get(id);
		if (!node || depth > nodes.size + 2 || sum(r) < 1e-12) return;
		if (node.kind !== 'client') {
			const a = arrivals.get(id) ?? arrivals.set(id, zero()).get(id)!;
			for (const t of REQUEST_TYPES) a[t] += r[t];
		}
		const edges = out.get(id) ?? [];
		const first = (t: RequestType) => edges.find((e) => e.carries.has(t));
		const send = (target: string, t: RequestType, rate: number) => {
			const x = zero();
			x[t] = rate;
			push(target, x, depth + 1);
		};
		const kind = node.kind;
		for (const t of REQUEST_TYPES) {
			const rate = r[t];
			if (rate === 0) continue;
			if (kind === 'queue') {
				// Every consumer group gets every message; within a group they are shared by slots.
				for (const group of consumerGroups(node, edges.filter((e) => e.carries.has(t)))) {
					for (const m of group.members) send(m.id, t, (rate * m.slots) / group.slots);
				}
			} else if (kind === 'loadBalancer') {
				const targets = edges.filter((e) => e.carries.has(t));
				const weighted = node.params.algorithm === 'weighted';
				const w = targets.map((e) => (weighted ? num(resolveEdgeParams(e.edge.params).weight, 1) : num(nodes.get(e.edge.target)?.params.instances, 1)));
				const total = w.reduce((a, b) => a + b, 0) || 1;
				targets.forEach((e, i) => send(e.edge.target, t, (rate * w[i]) / total));
			} else if (kind === 'cdn') {
				const e = first(t);
				if (e) send(e.edge.target, t, t === 'static' ? rate * (1 - hit(node)) : rate);
			} else if (kind === 'cache') {
				// A read-through cache fetches its misses itself.
				const e = edges.find((x) => nodes.get(x.edge.target)?.kind === 'database');
				if (e && t !== 'write' && node.params.strategy === 'read-through') send(e.edge.target, t, rate * (1 - hit(node)));
			} else if (kind === 'service' || kind === 'worker' || kind === 'objectStore') {
				const mine = edges.filter((e) => e.carries.has(t));
				const caches = mine.filter((e) => nodes.get(e.edge.target)?.kind === 'cache');
				let miss = 1;
				for (const e of caches) {
					const cache = nodes.get(e.edge.target)!;
					if (t !== 'write') {
						send(cache.id, t, rate * miss);
						miss *= cache.params.strategy === 'read-through' ? 0 : 1 - hit(cache);
					} else if (cache.params.strategy === 'write-through' || cache.params.strategy === 'write-back') send(cache.id, t, rate);
				}
				for (const e of mine) {
					const target = nodes.get(e.edge.target);
					if (!target || target.kind === 'cache') continue;
					send(target.id, t, target.kind === 'database' && t !== 'write' ? rate * miss : rate);
				}
			} else if (kind === 'client' || kind === 'dns' || kind === 'geoDns' || kind === 'apiGateway' || kind === 'rateLimiter') {
				const e = first(t);
				if (e) send(e.edge.target, t, rate);
			}
			// database and kvStore end the path.
		}
	}
	const unit = designRps > 0 ? 1 / designRps : 0;
	for (const c of clients) {
		const p = nodes.get(c.id)!.params as { rps: number; mix: Partial<Rates> };
		const mix = { static: num(p.mix?.static, 0), read: num(p.mix?.read, 0.9), write: num(p.mix?.write, 0.1) };
		const m = sum(mix) || 1;
		const share = num(p.rps, 0) * unit;
		push(c.id, { static: (share * mix.static) / m, read: (share * mix.read) / m, write: (share * mix.write) / m }, 0);
	}

	const tiers: TierCapacity[] = [];
	for (const [id, a] of arrivals) {
		const node = nodes.get(id)!;
		const p = node.params;
		const visits = sum(a);
		const label = node.label ?? id;
		const tier = (nodeRps: number, why: string, mmc?: TierCapacity['mmc']) =>
			tiers.push({ id, label, visits, nodeRps, clientRps: visits > 0 ? nodeRps / visits : Infinity, why, mmc });
		if (KINDS[node.kind].scalesOut) {
			const n = num(p.instances, 1);
			const c = num(p.concurrency, 1);
			let s: number;
			if (node.kind === 'database') s = (a.write * num(p.writeMs, 10) + (a.read + a.static) * num(p.readMs, 5)) / visits;
			else if (node.kind === 'cdn') s = num(p.hitMs, 5);
			else s = num(p.serviceTimeMs, 20);
			const shards = node.kind === 'database' ? num(p.shards, 1) : 1;
			const cap = partitionCap.get(id);
			const nodeRps = s > 0 ? (shards * n * c * 1000 * (cap?.factor ?? 1)) / s : Infinity;
			const exp = (p.serviceDist ?? 'exponential') === 'exponential' && node.kind !== 'cdn' && node.kind !== 'worker' && shards === 1;
			const why = `${shards > 1 ? `${shards} shards × ` : ''}${n} × ${c} workers / ${fmtMs(s)} ms${cap ? ` (its group: ${cap.partitions} partitions at a time)` : ''}`;
			tier(nodeRps, why, exp && !cap ? { instances: n, c, serviceMs: s } : undefined);
		} else if (node.kind === 'kvStore') {
			const machines = num(p.nodes, 5);
			const c = num(p.concurrency, 32);
			const s = num(p.serviceTimeMs, 3);
			const copies = num(p.n, 3);
			tier(s > 0 ? (machines * c * 1000) / s / copies : Infinity, `${machines} × ${c} workers / ${fmtMs(s)} ms / ${copies} replicas`);
		} else if ((node.kind === 'loadBalancer' || node.kind === 'apiGateway') && Number.isFinite(num(p.maxRps, Infinity))) {
			tier(num(p.maxRps, Infinity), `max ${num(p.maxRps, 0)} rps`);
		} else if (node.kind === 'rateLimiter' && p.scope !== 'per-key') {
			tier(num(p.limitRps, Infinity), `limit ${num(p.limitRps, 0)} rps`);
		}
	}
	tiers.sort((x, y) => x.clientRps - y.clientRps);
	const bottleneck = tiers.find((t) => Number.isFinite(t.clientRps)) ?? null;
	return { designRps, capacityRps: bottleneck ? bottleneck.clientRps : Infinity, bottleneck, tiers };
}

function fmtMs(ms: number): string {
	return Number.isInteger(ms) ? String(ms) : ms.toPrecision(3).replace(/\.?0+$/, '');
}
