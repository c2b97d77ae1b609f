// Easy challenges: capacity, redundancy behind a balancer, a cache for a read-heavy load.
import { design, scenario } from '../build';
import { cache, client, db, edge, lb, reads, web } from './parts';
import type { Challenge } from './types';

export const outgrowOneServer: Challenge = {
	id: 'outgrow-one-server',
	title: 'Outgrow one server',
	level: 'easy',
	topic: 'scaling',
	concepts: ['horizontal-scaling', 'capacity'],
	brief:
		'The product launched and 1,200 requests per second now arrive. One web server with 16 workers at 20 ms a request can finish about 800 a second. Serve everyone, quickly, without overspending.',
	failure: '',
	goals: [
		{ kind: 'throughput', minRps: 1140 },
		{ kind: 'latency', percentile: 'p99', maxMs: 250 },
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'cost', maxUsd: 1200 }
	],
	run: scenario(30, [], 5, 7),
	start: design('ch-outgrow-start', 'Outgrow one server', [client(1200), web({ instances: 1 }), db()], [edge('client', 'web'), edge('web', 'db')]),
	reference: design(
		'ch-outgrow-ref',
		'Outgrow one server (reference)',
		[client(1200), lb(), web({ instances: 3 }), db()],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	hints: [
		'One machine has a fixed number of workers. Capacity is instances × concurrency ÷ service time; what must grow?',
		'Scale out horizontally: put a load balancer in front and run several web servers behind it.',
		'Three web instances behind a round-robin balancer give about 2,400 rps of capacity, so the tier runs half busy.'
	],
	explanation:
		'Three instances at 16 workers and 20 ms each can finish 2,400 requests a second, so at 1,200 the tier is half busy and queues stay short. The balancer spreads the load evenly, which random picking would not.'
};

export const survivesCrash: Challenge = {
	id: 'survive-a-crash',
	title: 'Survive a crashed web server',
	level: 'easy',
	topic: 'load-balancing',
	concepts: ['health-checks', 'single-point-of-failure'],
	brief: 'A web server will crash 15 s into the run and not come back. Keep serving 600 requests per second through it.',
	failure: 'At 15 s the first web instance crashes.',
	goals: [
		{ kind: 'errorBudget', maxPct: 3 },
		{ kind: 'latency', percentile: 'p99', maxMs: 300 }
	],
	run: scenario(40, [{ atS: 15, action: 'failInstance', target: 'web', instance: 0 }], 5, 7),
	start: design('ch-crash-start', 'Survive a crash', [client(600), web({ instances: 1 }), db()], [edge('client', 'web'), edge('web', 'db')]),
	reference: design(
		'ch-crash-ref',
		'Survive a crash (reference)',
		[client(600), lb({ healthCheckS: 1 }), web({ instances: 3 }), db()],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	hints: [
		'A single instance is a single point of failure: when it goes, everything behind it goes.',
		'Run more than one instance, and put a load balancer with a health check in front so traffic stops going to the dead one.',
		'Three instances behind a balancer with a 1 s health check: the two survivors still have more than twice the capacity needed.'
	],
	explanation:
		'With three instances the loss of one costs a third of capacity, not the service. The balancer keeps sending to the dead instance only until its health check notices (1 s), so only a sliver of requests fail.'
};

export const cacheTheReads: Challenge = {
	id: 'cache-the-reads',
	title: 'Read-heavy: take the load off the database',
	level: 'easy',
	topic: 'caching',
	concepts: ['cache-aside', 'cost'],
	brief:
		'3,000 requests per second, 95 % of them reads of popular items. The database has 20 connections at 10 ms a read: about 2,000 reads a second. Keep errors and latency down within a budget of $1,500 a month.',
	failure: '',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 150 },
		{ kind: 'cost', maxUsd: 1500 }
	],
	run: scenario(30, [], 8, 7),
	start: design(
		'ch-cache-start',
		'Cache the reads',
		[client(3000, { mix: { static: 0, read: 0.95, write: 0.05 }, keys: 20000 }), lb(), web({ instances: 6, serviceTimeMs: 15 }), db({ concurrency: 20, readMs: 10, writeMs: 10 })],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	reference: design(
		'ch-cache-ref',
		'Cache the reads (reference)',
		[
			client(3000, { mix: { static: 0, read: 0.95, write: 0.05 }, keys: 20000 }),
			lb(),
			web({ instances: 6, serviceTimeMs: 15 }),
			cache({ instances: 2, capacity: 20000, ttlS: 300 }),
			db({ concurrency: 20, readMs: 10, writeMs: 10 })
		],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'cache', reads), edge('web', 'db')]
	),
	hints: [
		'Popular items are read again and again. Does every read need to reach the database?',
		'Put a cache beside the web tier (cache-aside): reads check it first and only a miss reaches the database. Read replicas would also work, but cost more.',
		'A cache holding the whole key space (20,000 keys) with a five-minute TTL turns nearly every read into a hit after the first.'
	],
	explanation:
		'Key popularity is skewed, so a cache answers most reads in half a millisecond and the database sees only misses and writes. Two followers would also carry the reads, but at $365 a month each they break the budget; a cache node costs far less.'
};

export const EASY: Challenge[] = [outgrowOneServer, survivesCrash, cacheTheReads];
