// The one table of component kinds: what the palette shows, the inspector edits,
// validation checks and the simulator reads (through defaults.ts). model.md is the source.
import type { NodeKind } from './types';
import { FAILURES_SECTION, UNBOUNDED, autoscaleSection, serverGroup, spec } from './params';
import { CLOSED_LOOP_FIELDS, GC_SECTION, OVERLOAD_SECTION } from './overload';
import { CONSUMER_GROUP, QUEUE_FIELDS } from './messaging';
import { CACHE_FLIGHT_FIELDS } from './services';
import { KV_FIELDS, MULTI_LEADER_FIELD } from './data';
import type { KindInfo, PaletteGroup } from './kindInfo';
export type { KindInfo, PaletteGroup };

import { DNS_PARAMS, LB_ALGORITHMS, MIX, RATE_ALGORITHMS, SHAPE } from './sharedParams';
export { LB_ALGORITHMS, RATE_ALGORITHMS, type LbAlgorithm, type RateLimitAlgorithm } from './sharedParams';
export { EDGE_PARAMS, REPLICATION_EDGE_KEYS, REGION_LATENCY_MS, DEFAULT_INTER_REGION_MS } from './edgeParams';

const { n, int, choice, bool } = spec;

/** Each simulated key costs about 48 bytes: ten million is half a gigabyte, the most a run can hold. */
export const MAX_CACHE_KEYS = 10_000_000;
/** A spike or slow-down past this factor is a typo, and would overflow the rates it multiplies. */
export const MAX_EVENT_FACTOR = 1e4;

export const KINDS: Record<NodeKind, KindInfo> = {
	client: {
		kind: 'client',
		name: 'Client',
		group: 'Traffic',
		summary: 'Users sending requests: rate, mix, key popularity.',
		hourlyUsd: 0,
		billed: false,
		receives: false, sends: true, hasWorkers: false, flushable: false, scalesOut: false, byInstance: false, failsByInstance: false, picksOne: true, balances: false,
		params: [
			n('rps', 'Rate', 'rps', 100, 0, 1e8, 'Mean requests per second.'),
			MIX,
			int('keys', 'Key space', 100_000, 1, 1e9, 'Distinct keys (users, items) requests pick from.'),
			n('zipf', 'Zipf exponent', undefined, 0.99, 0, 5, 'Key popularity skew: 0 is uniform, ~1 is typical web traffic.'),
			choice('arrival', 'Arrivals', ['poisson', 'uniform'], 'poisson', 'Poisson (random gaps) or evenly spaced.'),
			SHAPE,
			{ type: 'map', key: 'regions', label: 'Origin regions', help: 'Share of traffic from each region.', default: {}, min: 0, max: 1 },
			n('timeoutMs', 'Timeout', 'ms', 10_000, 1, 1e9, 'The client gives up after this.'),
			...CLOSED_LOOP_FIELDS
		]
	},
	dns: {
		kind: 'dns',
		name: 'DNS',
		group: 'Traffic',
		summary: 'Name resolution; if it is down, nothing behind it is reachable.',
		hourlyUsd: 0.01,
		billed: true,
		receives: true, sends: true, hasWorkers: false, flushable: false, scalesOut: false, byInstance: false, failsByInstance: false, picksOne: true, balances: false,
		params: [...DNS_PARAMS, FAILURES_SECTION]
	},
	geoDns: {
		kind: 'geoDns',
		name: 'GeoDNS',
		group: 'Traffic',
		summary: 'Routes each user to the nearest healthy region.',
		hourlyUsd: 0.02,
		billed: true,
		receives: true, sends: true, hasWorkers: false, flushable: false, scalesOut: false, byInstance: false, failsByInstance: false, picksOne: true, balances: false,
		params: [
			...DNS_PARAMS,
			choice('policy', 'Policy', ['nearest', 'weighted', 'failover'], 'nearest', 'Nearest region, weighted by edge weight, or primary with failover.'),
			n('healthCheckS', 'Health check', 's', 10, 0, 3600, 'Time before a dead target stops getting traffic.'),
			FAILURES_SECTION
		]
	},
	cdn: {
		kind: 'cdn',
		name: 'CDN',
		group: 'Traffic',
		summary: 'Edge cache for static assets; misses go to the origin.',
		hourlyUsd: 0.05,
		billed: true,
		receives: true, sends: true, hasWorkers: true, flushable: true, scalesOut: true, byInstance: false, failsByInstance: true, picksOne: false, balances: false,
		params: [
			int('capacity', 'Capacity', 10_000, 1, MAX_CACHE_KEYS, 'Objects held (LRU).'),
			n('ttlS', 'TTL', 's', 3600, 0, 1e9, 'An object expires this long after it was fetched (0 = never).'),
			n('hitMs', 'Hit time', 'ms', 5, 0, 60_000, 'Time to answer from the edge.'),
			...serverGroup({ instances: 1, concurrency: 100_000, queueLimit: UNBOUNDED }),
			FAILURES_SECTION
		]
	},
	loadBalancer: {
		kind: 'loadBalancer',
		name: 'Load balancer',
		group: 'Compute',
		summary: 'Spreads requests over the instances behind it.',
		hourlyUsd: 0.025,
		billed: true,
		receives: true, sends: true, hasWorkers: true, flushable: false, scalesOut: false, byInstance: false, failsByInstance: false, picksOne: true, balances: true,
		params: [
			choice(
				'algorithm',
				'Algorithm',
				LB_ALGORITHMS,
				'round-robin',
				'How the next instance is picked.'
			),
			n('overheadMs', 'Overhead', 'ms', 0.5, 0, 60_000, 'Constant time added to each request.'),
			n('maxRps', 'Max rate', 'rps', 50_000, 0, 1e10, 'Above this (token bucket of one second) requests are rejected.'),
			n('healthCheckS', 'Health check', 's', 5, 0, 3600, 'Time before a dead instance stops getting traffic.'),
			FAILURES_SECTION
		]
	},
	apiGateway: {
		kind: 'apiGateway',
		name: 'API gateway',
		group: 'Compute',
		summary: 'Auth and routing at the edge, with a built-in rate limit.',
		hourlyUsd: 0.05,
		billed: true,
		receives: true, sends: true, hasWorkers: true, flushable: false, scalesOut: false, byInstance: false, failsByInstance: false, picksOne: true, balances: true,
		params: [
			n('overheadMs', 'Overhead', 'ms', 2, 0, 60_000, 'Auth and routing time per request.'),
			n('maxRps', 'Max rate', 'rps', 20_000, 0, 1e10, 'Requests above this rate are rate-limited (429).'),
			FAILURES_SECTION
		]
	},
	rateLimiter: {
		kind: 'rateLimiter',
		name: 'Rate limiter',
		group: 'Compute',
		summary: 'Drops traffic above a limit with 429.',
		hourlyUsd: 0.02,
		billed: true,
		receives: true, sends: true, hasWorkers: true, flushable: false, scalesOut: false, byInstance: false, failsByInstance: false, picksOne: true, balances: false,
		params: [
			choice(
				'algorithm',
				'Algorithm',
				RATE_ALGORITHMS,
				'token-bucket',
				'How the limit is counted.'
			),
			n('limitRps', 'Limit', 'rps', 1000, 0, 1e10, 'Sustained rate allowed.'),
			int('burst', 'Burst', 100, 0, 1e9, 'Extra requests allowed at once (bucket size).'),
			choice('scope', 'Scope', ['global', 'per-key'], 'global', 'One limit for all, or one per key (user).'),
			FAILURES_SECTION
		]
	},
	service: {
		kind: 'service',
		name: 'Service',
		group: 'Compute',
		summary: 'Stateless web or app tier: queue, service time, downstream calls.',
		hourlyUsd: 0.1,
		billed: true,
		receives: true, sends: true, hasWorkers: true, flushable: false, scalesOut: true, byInstance: true, failsByInstance: true, picksOne: false, balances: false,
		params: [
			...serverGroup({ instances: 2, concurrency: 8, serviceTimeMs: 20, queueLimit: 100 }),
			bool('blocking', 'Blocking calls', false, 'Hold the worker while downstream calls run (thread-per-request).'),
			bool('stateful', 'Stateful sessions', false, 'Sessions live on an instance: needs ip-hash, lost when it dies.'),
			OVERLOAD_SECTION,
			GC_SECTION,
			autoscaleSection(false),
			FAILURES_SECTION
		]
	},
	worker: {
		kind: 'worker',
		name: 'Worker',
		group: 'Compute',
		summary: 'Consumer group pulling messages from a queue.',
		hourlyUsd: 0.1,
		billed: true,
		receives: true, sends: true, hasWorkers: true, flushable: false, scalesOut: true, byInstance: true, failsByInstance: true, picksOne: false, balances: false,
		params: [
			...serverGroup({ instances: 2, concurrency: 4, serviceTimeMs: 50, queueLimit: 0 }).filter((f) => f.key !== 'queueLimit'),
			CONSUMER_GROUP,
			GC_SECTION,
			autoscaleSection(true),
			FAILURES_SECTION
		]
	},
	cache: {
		kind: 'cache',
		name: 'Cache',
		group: 'Data',
		summary: 'Key-value cache (Redis, Memcached) in front of a database.',
		hourlyUsd: 0.15,
		billed: true,
		receives: true, sends: true, hasWorkers: true, flushable: true, scalesOut: true, byInstance: true, failsByInstance: true, picksOne: false, balances: false,
		params: [
			...serverGroup({ instances: 1, concurrency: 16, serviceTimeMs: 0.5, queueLimit: 1000 }),
			int('capacity', 'Capacity', 10_000, 1, MAX_CACHE_KEYS, 'Keys held in all, spread over the instances.'),
			choice('eviction', 'Eviction', ['lru', 'lfu', 'fifo'], 'lru', 'Which key goes when the cache is full.'),
			n('ttlS', 'TTL', 's', 300, 0, 1e9, 'An entry expires this long after it was written (0 = never).'),
			choice(
				'strategy',
				'Strategy',
				['cache-aside', 'read-through', 'write-through', 'write-back', 'write-around'],
				'cache-aside',
				'How reads fill it and how writes reach it.'
			),
			bool('warm', 'Start warm', false, 'Start with the most popular keys loaded (a cache-warming job ran); off: it starts empty.'),
			...CACHE_FLIGHT_FIELDS,
			FAILURES_SECTION
		]
	},
	database: {
		kind: 'database',
		name: 'Database',
		group: 'Data',
		summary: 'Relational store: leader takes writes, followers serve reads.',
		hourlyUsd: 0.5,
		billed: true,
		receives: true, sends: true, hasWorkers: true, flushable: false, scalesOut: true, byInstance: true, failsByInstance: true, picksOne: false, balances: false,
		params: [
			choice('role', 'Role', ['leader', 'follower'], 'leader', 'Leader takes writes; followers take reads.'),
			MULTI_LEADER_FIELD,
			...serverGroup({ instances: 1, concurrency: 50, queueLimit: 200 }),
			n('readMs', 'Read time', 'ms', 5, 0, 3_600_000, 'Mean service time of a read.'),
			n('writeMs', 'Write time', 'ms', 10, 0, 3_600_000, 'Mean service time of a write.'),
			int('shards', 'Shards', 1, 1, 10_000, 'Keys split over this many partitions.'),
			choice('sharding', 'Sharding', ['hash', 'range'], 'hash', 'Hash spreads keys; range keeps neighbours together (and hot keys hot).'),
			n('failoverS', 'Failover time', 's', 30, 0, 3600, 'Time to promote a follower after the leader dies.'),
			OVERLOAD_SECTION,
			GC_SECTION,
			FAILURES_SECTION
		]
	},
	kvStore: {
		kind: 'kvStore',
		name: 'Key-value store',
		group: 'Data',
		summary: 'Leaderless quorum store (Dynamo, Cassandra).',
		hourlyUsd: 0.3,
		billed: false,
		receives: true, sends: false, hasWorkers: true, flushable: false, scalesOut: false, byInstance: false, failsByInstance: true, picksOne: false, balances: false,
		params: [
			...KV_FIELDS,
			int('concurrency', 'Concurrency', 32, 1, 1_000_000, 'Workers per node.'),
			n('serviceTimeMs', 'Service time', 'ms', 3, 0, 3_600_000, 'Mean time per request on one node.'),
			choice('serviceDist', 'Service distribution', ['exponential', 'constant', 'lognormal'], 'exponential', 'How service times vary.'),
			n('serviceCv', 'Service CV', undefined, 1, 0, 100, 'Coefficient of variation (lognormal only).', {
				when: { key: 'serviceDist', is: ['lognormal'] }
			}),
			int('queueLimit', 'Queue limit', 1000, 0, UNBOUNDED, 'Waiting slots per node.'),
			FAILURES_SECTION
		]
	},
	objectStore: {
		kind: 'objectStore',
		name: 'Object store',
		group: 'Data',
		summary: 'Blob storage (S3), the usual CDN origin.',
		hourlyUsd: 0.05,
		billed: true,
		receives: true, sends: false, hasWorkers: true, flushable: false, scalesOut: true, byInstance: true, failsByInstance: true, picksOne: false, balances: false,
		params: [...serverGroup({ instances: 1, concurrency: 1000, serviceTimeMs: 30, queueLimit: 10_000 }), FAILURES_SECTION]
	},
	queue: {
		kind: 'queue',
		name: 'Message queue',
		group: 'Data',
		summary: 'Broker that decouples producers from workers.',
		hourlyUsd: 0.1,
		billed: true,
		receives: true, sends: true, hasWorkers: true, flushable: false, scalesOut: false, byInstance: false, failsByInstance: false, picksOne: true, balances: false,
		params: [
			...QUEUE_FIELDS,
			FAILURES_SECTION
		]
	}
};

export const KIND_LIST: KindInfo[] = Object.values(KINDS);
export const PALETTE_GROUPS: PaletteGroup[] = ['Traffic', 'Compute', 'Data'];
