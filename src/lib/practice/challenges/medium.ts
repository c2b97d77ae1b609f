// Medium challenges: failover, a cache stampede, a region outage, a traffic flood.
import { design, scenario } from '../build';
import { cache, client, db, edge, follower, lb, node, reads, web, writes } from './parts';
import type { Challenge } from './types';

export const leaderFailover: Challenge = {
	id: 'leader-failover',
	title: 'Keep the writes when the leader dies',
	level: 'medium',
	topic: 'replication',
	concepts: ['failover', 'replication-modes'],
	brief:
		'1,000 requests per second, one in ten a write. The database leader will die 15 s in. Stay within a 3 % error budget and lose no write that was acknowledged.',
	failure: 'At 15 s the database leader (db) fails for good.',
	goals: [
		{ kind: 'errorBudget', maxPct: 3 },
		{ kind: 'noLostWrites' },
		{ kind: 'latency', percentile: 'p99', maxMs: 200 }
	],
	run: scenario(40, [{ atS: 15, action: 'fail', target: 'db' }], 5, 7),
	start: design(
		'ch-failover-start',
		'Leader failover',
		[client(1000), lb(), web({ instances: 3 }), db()],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	reference: design(
		'ch-failover-ref',
		'Leader failover (reference)',
		[client(1000), lb(), web({ instances: 3 }), db({ failoverS: 5 }), follower()],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db'), edge('web', 'db-f1', reads), edge('db', 'db-f1', { mode: 'semi-sync', lagMs: 20 })]
	),
	hints: [
		'One database is a single point of failure for reads and writes alike. Something must hold a copy of the data.',
		'Add a follower with a replication edge from the leader. Reads keep flowing from it, and it is promoted when the leader dies. Asynchronous replication loses the writes it had not shipped yet.',
		'Use semi-synchronous replication (the leader waits for one follower\'s acknowledgement) and a short failover time (5 s).'
	],
	explanation:
		'The follower serves reads throughout and is promoted after 5 s, so only writes fail, and only for those 5 s: about 1.5 % of requests. Semi-sync replication means every acknowledged write is already on the follower, so nothing is lost in the promotion.'
};

const STAMPEDE_DB = { concurrency: 20, readMs: 15, writeMs: 15 };
const stampedeClient = () => client(3000, { mix: { static: 0, read: 0.95, write: 0.05 }, keys: 8000, zipf: 0.5 });

export const cacheStampede: Challenge = {
	id: 'cache-stampede',
	title: 'Survive a cache stampede',
	level: 'medium',
	topic: 'caching',
	concepts: ['cache-stampede', 'read-replicas'],
	brief:
		'A cache shields a modest database from 3,000 requests per second. 20 s in, the cache is flushed (a deploy restarts it) and every read misses at once. Keep errors and latency in check through the storm.',
	failure: 'At 20 s the cache loses every key.',
	goals: [
		{ kind: 'errorBudget', maxPct: 0.5 },
		{ kind: 'latency', percentile: 'p99', maxMs: 150 }
	],
	run: scenario(40, [{ atS: 20, action: 'flush', target: 'cache' }], 10, 7),
	start: design(
		'ch-stampede-start',
		'Cache stampede',
		[stampedeClient(), lb(), web({ instances: 6, serviceTimeMs: 15 }), cache({ capacity: 20000, ttlS: 600 }), db(STAMPEDE_DB)],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'cache', reads), edge('web', 'db')]
	),
	reference: design(
		'ch-stampede-ref',
		'Cache stampede (reference)',
		[
			stampedeClient(),
			lb(),
			web({ instances: 6, serviceTimeMs: 15 }),
			cache({ capacity: 20000, ttlS: 600 }),
			db(STAMPEDE_DB),
			follower(STAMPEDE_DB, 'db-f1', 850, 80),
			follower(STAMPEDE_DB, 'db-f2', 850, 220)
		],
		[
			edge('client', 'lb'),
			edge('lb', 'web'),
			edge('web', 'cache', reads),
			edge('web', 'db'),
			edge('web', 'db-f1', reads),
			edge('web', 'db-f2', reads),
			edge('db', 'db-f1', { mode: 'semi-sync', lagMs: 5 }),
			edge('db', 'db-f2', { mode: 'semi-sync', lagMs: 5 })
		]
	),
	hints: [
		'A cache hides how small the database is, until the cache is empty. Then every read lands on the database in the same second.',
		'The database tier must survive the miss storm on its own: spread the reads over read replicas (or keep the database big enough for a cold cache).',
		'Two followers, each taking reads, triple the read capacity behind the cache; the leader keeps the writes.'
	],
	explanation:
		'Right after the flush nearly all 2,850 reads a second miss. One database with 20 connections at 15 ms manages about 1,300; three machines sharing the reads manage about 4,000, so the storm passes while the cache refills, hottest keys first.'
};

const twoRegions = [
	{ id: 'us-east', name: 'US East', position: { x: 160, y: -40 }, width: 760, height: 260 },
	{ id: 'us-west', name: 'US West', position: { x: 160, y: 260 }, width: 760, height: 260 }
];
const regionClient = () => client(2000, { mix: { static: 0, read: 0.95, write: 0.05 }, regions: { 'us-east': 0.5, 'us-west': 0.5 } });
const geo = () => node('geo', 'geoDns', 0, 0, { healthCheckS: 2 });
const EAST = 'us-east';
const WEST = 'us-west';

export const regionOutage: Challenge = {
	id: 'region-outage',
	title: 'Lose a whole region',
	level: 'medium',
	topic: 'multi-region',
	concepts: ['region-failover', 'geodns'],
	brief:
		'Users on both US coasts send 2,000 requests per second to a stack that lives entirely in US East. At 15 s the US East region goes dark. Keep the product up.',
	failure: 'At 15 s every node in region us-east fails.',
	goals: [
		{ kind: 'errorBudget', maxPct: 6 },
		{ kind: 'latency', percentile: 'p99', maxMs: 300 }
	],
	run: scenario(40, [{ atS: 15, action: 'fail', target: 'us-east' }], 5, 7),
	start: design(
		'ch-region-start',
		'Region outage',
		[regionClient(), geo(), lb({}, 'lb-e', 250, 80, EAST), web({ instances: 6 }, 'web-e', 450, 80, EAST), db({}, 'db', 700, 80, EAST)],
		[edge('client', 'geo'), edge('geo', 'lb-e'), edge('lb-e', 'web-e'), edge('web-e', 'db')],
		{ regions: [twoRegions[0]] }
	),
	reference: design(
		'ch-region-ref',
		'Region outage (reference)',
		[
			regionClient(),
			geo(),
			lb({}, 'lb-e', 250, 80, EAST),
			web({ instances: 6 }, 'web-e', 450, 80, EAST),
			db({ failoverS: 5 }, 'db', 700, 80, EAST),
			lb({}, 'lb-w', 250, 380, WEST),
			web({ instances: 6 }, 'web-w', 450, 380, WEST),
			follower({}, 'db-w', 700, 380, WEST)
		],
		[
			edge('client', 'geo'),
			edge('geo', 'lb-e'),
			edge('geo', 'lb-w'),
			edge('lb-e', 'web-e'),
			edge('web-e', 'db'),
			edge('lb-w', 'web-w'),
			edge('web-w', 'db-w', reads),
			edge('web-w', 'db', writes),
			edge('db', 'db-w', { mode: 'semi-sync' })
		],
		{ regions: twoRegions }
	),
	hints: [
		'Everything in one region means one failure domain: a power cut, a network partition or a bad deploy there takes everything down.',
		'Build a second copy of the stack in US West, behind GeoDNS, with a follower of the database there that can be promoted.',
		'GeoDNS with a 2 s health check, a web tier in each region able to carry all the traffic, and a semi-sync follower in US West with a 5 s failover.'
	],
	explanation:
		'GeoDNS sends each user to their nearest region and, 2 s after US East dies, sends everyone west. US West can carry the whole load on its own, reads continue from its follower and writes resume once the follower is promoted.'
};

export const shedTheFlood: Challenge = {
	id: 'shed-the-flood',
	title: 'Shed a flood of traffic',
	level: 'medium',
	topic: 'rate-limiting',
	concepts: ['rate-limiting', 'load-shedding'],
	brief:
		'A misbehaving client multiplies traffic by five for 10 s. The web tier can finish about 2,400 requests a second. Refusing the excess quickly (429) is fine; letting queues explode and requests time out is not.',
	failure: 'From 15 s to 25 s the arrival rate jumps from 800 to 4,000 rps.',
	goals: [
		{ kind: 'errorBudget', maxPct: 1, ignore: ['rate-limited'] },
		{ kind: 'latency', percentile: 'p99', maxMs: 150 }
	],
	run: scenario(40, [], 5, 7),
	start: design(
		'ch-flood-start',
		'Shed the flood',
		[client(800, { shape: { kind: 'spike', atS: 15, durationS: 10, factor: 5 } }), lb(), web({ instances: 3 }), db()],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	reference: design(
		'ch-flood-ref',
		'Shed the flood (reference)',
		[
			node('client', 'client', -200, 140, { rps: 800, shape: { kind: 'spike', atS: 15, durationS: 10, factor: 5 } }, { label: 'Users' }),
			node('limiter', 'rateLimiter', 0, 140, { algorithm: 'token-bucket', limitRps: 1600, burst: 200 }),
			lb(),
			web({ instances: 3 }),
			db()
		],
		[edge('client', 'limiter'), edge('limiter', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	hints: [
		'A server pushed past its capacity gets slower for everyone, not just for the excess. Better to turn some requests away at the door.',
		'Put a rate limiter in front of the balancer so that what gets through never exceeds what the tier can finish.',
		'A token bucket at 1,600 rps with a burst of 200 keeps the web tier below two thirds busy; the rest of the flood gets 429.'
	],
	explanation:
		'Above its capacity the tier\'s queues fill, latency climbs and requests are rejected after waiting. The limiter refuses the excess in a fraction of a millisecond, so the traffic it admits is served at normal speed.'
};

export const MEDIUM: Challenge[] = [leaderFailover, cacheStampede, regionOutage, shedTheFlood];
