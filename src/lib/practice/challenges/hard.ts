// Hard challenges: retry storms, write scaling, hot keys, slow work, cost, a rising tide.
import { design, scenario } from '../build';
import { cache, client, db, edge, follower, lb, node, reads, web, writes } from './parts';
import type { Challenge } from './types';

const STORM_DB = { concurrency: 20, readMs: 8, writeMs: 12, queueLimit: 1000 };

export const retryStorm: Challenge = {
	id: 'retry-storm',
	title: 'Stop a retry storm',
	level: 'hard',
	topic: 'resilience',
	concepts: ['retry-storm', 'load-shedding', 'retries'],
	brief:
		'The web tier calls the database with a 200 ms timeout and three retries. At 15 s the database slows to half speed for 5 s. Retries multiply the load and the system never recovers, even after the slowdown ends. Make it recover.',
	failure: 'From 15 s to 20 s the database runs at half speed.',
	goals: [
		{ kind: 'errorBudget', maxPct: 8 },
		{ kind: 'latency', percentile: 'p99', maxMs: 500 }
	],
	run: scenario(
		40,
		[
			{ atS: 15, action: 'slow', target: 'db', factor: 2 },
			{ atS: 20, action: 'slow', target: 'db', factor: 1 }
		],
		5,
		7
	),
	start: design(
		'ch-storm-start',
		'Retry storm',
		[client(1500), lb(), web({ instances: 4, serviceTimeMs: 10 }), db(STORM_DB)],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db', { timeoutMs: 200, retries: 3, backoffMs: 50 })]
	),
	reference: design(
		'ch-storm-ref',
		'Retry storm (reference)',
		[client(1500), lb(), web({ instances: 4, serviceTimeMs: 10 }), db({ ...STORM_DB, queueLimit: 100 })],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db', { timeoutMs: 200, retries: 1, backoffMs: 100 })]
	),
	hints: [
		'A request that times out is still worked on by the database, and then its retry adds more work. Past a point the database is busy only with answers nobody waits for.',
		'Fail fast instead of queueing: a short queue at the database rejects at once rather than making requests wait past their timeout; and fewer retries (or a circuit breaker) stop the multiplication.',
		'Database queue limit 100 (at most ~80 ms of waiting, well under the 200 ms timeout) and a single retry with 100 ms backoff.'
	],
	explanation:
		'With 1,000 waiting slots a slowed database builds up more than a second of queue, every request times out, and each is retried three times: four times the load, so the queue never drains even at full speed. A 100-slot queue bounds the wait under the timeout, so the excess is rejected at once, one retry at most is added, and the database catches up as soon as it is back to speed.'
};

const writeClient = () => client(3000, { mix: { static: 0, read: 0.4, write: 0.6 } });
const WRITE_DB = { concurrency: 30, readMs: 5, writeMs: 15 };

export const shardTheWrites: Challenge = {
	id: 'shard-the-writes',
	title: 'Write-heavy: split the data',
	level: 'hard',
	topic: 'partitioning',
	concepts: ['sharding', 'read-replicas'],
	brief:
		'3,000 requests per second, 60 % writes. One leader with 30 connections at 15 ms a write finishes 2,000 writes a second at most. Replicas copy every write, so they will not help. Meet the latency goal within $4,000 a month.',
	failure: '',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 100 },
		{ kind: 'cost', maxUsd: 4000 }
	],
	run: scenario(30, [], 5, 7),
	start: design(
		'ch-shard-start',
		'Shard the writes',
		[writeClient(), lb(), web({ instances: 6, serviceTimeMs: 10 }), db(WRITE_DB)],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	reference: design(
		'ch-shard-ref',
		'Shard the writes (reference)',
		[writeClient(), lb(), web({ instances: 6, serviceTimeMs: 10 }), db({ ...WRITE_DB, shards: 4, sharding: 'hash' })],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	hints: [
		'Replication multiplies read capacity, not write capacity: every replica applies every write.',
		'Partition (shard) the data so each shard owns a slice of the keys and takes only its slice of the writes.',
		'Four hash shards: each takes about 450 writes a second, well under a quarter of its capacity, even with the hottest key.'
	],
	explanation:
		'Hash sharding spreads keys, and so writes, evenly over four leaders, so each runs under a third busy. The skewed key popularity still puts the hottest key on one shard, but at this rate it fits.'
};

const hotClient = () => client(3000, { mix: { static: 0, read: 0.9, write: 0.1 }, zipf: 1.2 });
const SHARD = { concurrency: 10, readMs: 10, writeMs: 10, shards: 4 };

export const hotKey: Challenge = {
	id: 'hot-key',
	title: 'Cool down a hot shard',
	level: 'hard',
	topic: 'partitioning',
	concepts: ['hot-keys', 'sharding', 'cache-aside'],
	brief:
		'The data is split over four shards by key range, and a few celebrity keys get most of the 3,000 requests per second. Their shard melts while the other three idle.',
	failure: '',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 100 }
	],
	run: scenario(30, [], 8, 7),
	start: design(
		'ch-hot-start',
		'Hot shard',
		[hotClient(), lb(), web({ instances: 6, serviceTimeMs: 10 }), db({ ...SHARD, sharding: 'range' })],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	reference: design(
		'ch-hot-ref',
		'Hot shard (reference)',
		[hotClient(), lb(), web({ instances: 6, serviceTimeMs: 10 }), cache({ instances: 2, capacity: 20000, ttlS: 300 }), db({ ...SHARD, sharding: 'hash' })],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'cache', reads), edge('web', 'db')]
	),
	hints: [
		'Range partitioning keeps neighbouring keys together, and the popular keys are neighbours. Even a perfect hash leaves each celebrity key on one shard.',
		'Hash the keys so the popular ones spread over shards, and put a cache in front so the celebrity reads never reach a shard at all.',
		'Hash sharding plus a 20,000-key cache: reads of hot keys become cache hits, and the shards see misses and writes spread evenly.'
	],
	explanation:
		'With range sharding the hottest keys all sit in the first range, so one shard gets nearly all the traffic. Hashing spreads them, and the cache absorbs repeated reads of any single hot key, which no partitioning scheme can split.'
};

const slowClient = () => client(1000, { mix: { static: 0, read: 0.7, write: 0.3 } });

export const queueSlowWork: Challenge = {
	id: 'queue-slow-work',
	title: 'Take slow work off the request path',
	level: 'hard',
	topic: 'queues',
	concepts: ['message-queue'],
	brief:
		'Every upload (300 a second) is resized by a thumbnail service that takes 300 ms, and the web tier waits for it. Users should get an answer fast, and the thumbnails must still keep up.',
	failure: '',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 150 },
		{ kind: 'backlog', maxDepth: 3000 }
	],
	run: scenario(30, [], 5, 7),
	start: design(
		'ch-queue-start',
		'Queue the slow work',
		[
			slowClient(),
			lb(),
			web({ instances: 4, serviceTimeMs: 10 }),
			db(),
			node('thumbs', 'service', 650, 300, { instances: 6, concurrency: 8, serviceTimeMs: 300 }, { label: 'Thumbnailer' })
		],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db'), edge('web', 'thumbs', writes)]
	),
	reference: design(
		'ch-queue-ref',
		'Queue the slow work (reference)',
		[
			slowClient(),
			lb(),
			web({ instances: 4, serviceTimeMs: 10 }),
			db(),
			node('jobs', 'queue', 650, 300, {}, { label: 'Thumbnail jobs' }),
			node('thumbs', 'worker', 850, 300, { instances: 14, concurrency: 8, serviceTimeMs: 300 }, { label: 'Thumbnailers' })
		],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db'), edge('web', 'jobs', writes), edge('jobs', 'thumbs')]
	),
	hints: [
		'The user does not need the thumbnail to get an answer. Why wait for it?',
		'Publish a message to a queue and answer at once; a pool of workers pulls jobs and resizes at its own pace.',
		'A queue plus 14 workers with 8 slots each: 112 slots at 300 ms finish about 370 jobs a second, more than the 300 arriving.'
	],
	explanation:
		'A 300 ms call inside the request puts its whole latency (and its tail) on every upload, and a thumbnailer too small for the rate fails the upload outright. Behind a queue the upload is acknowledged after the publish, and enough workers keep the backlog from growing.'
};

const budgetClient = () => client(2000, { keys: 50000 });

export const onABudget: Challenge = {
	id: 'on-a-budget',
	title: 'Same service, half the bill',
	level: 'hard',
	topic: 'cost',
	concepts: ['cost', 'capacity'],
	brief:
		'The design serves 2,000 requests per second well, but it was sized by guesswork: 16 web servers and five database machines cost about $3,000 a month. Keep the latency and error goals and bring the bill under $1,500.',
	failure: '',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 150 },
		{ kind: 'cost', maxUsd: 1500 }
	],
	run: scenario(30, [], 8, 7),
	start: design(
		'ch-budget-start',
		'On a budget',
		[
			budgetClient(),
			lb(),
			web({ instances: 16, serviceTimeMs: 15 }),
			db(),
			follower({}, 'db-f1', 850, 0),
			follower({}, 'db-f2', 850, 100),
			follower({}, 'db-f3', 850, 200),
			follower({}, 'db-f4', 850, 300)
		],
		[
			edge('client', 'lb'),
			edge('lb', 'web'),
			edge('web', 'db'),
			...['db-f1', 'db-f2', 'db-f3', 'db-f4'].flatMap((f) => [edge('web', f, reads), edge('db', f)])
		]
	),
	reference: design(
		'ch-budget-ref',
		'On a budget (reference)',
		[budgetClient(), lb(), web({ instances: 4, serviceTimeMs: 15 }), cache({ capacity: 30000 }), db(), follower()],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'cache', reads), edge('web', 'db'), edge('web', 'db-f1', reads), edge('db', 'db-f1', { mode: 'semi-sync', lagMs: 5 })]
	),
	hints: [
		'Find out how busy each tier really is: capacity is instances × concurrency ÷ service time. Anything far below half busy is money idling.',
		'Four web servers carry 2,000 rps comfortably. Database machines are the expensive part: a cache is much cheaper than replicas for skewed reads.',
		'Four web instances, one cache node, a leader and a single follower (kept for failover): about $1,150 a month.'
	],
	explanation:
		'Sixteen web servers ran one eighth busy and four followers shared reads that one follower could carry. A cache absorbs most reads for a fraction of a database machine\'s price; one follower stays for redundancy.'
};

const tideClient = () => client(500, { shape: { kind: 'ramp', toRps: 4000, overS: 40 } });

export const risingTide: Challenge = {
	id: 'rising-tide',
	title: 'Ride the evening peak',
	level: 'hard',
	topic: 'scaling',
	concepts: ['autoscaling', 'capacity'],
	brief:
		'Traffic climbs from 500 to 4,000 requests per second over 40 s. Three web servers are plenty at first and nowhere near enough at the top.',
	failure: '',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 200 }
	],
	run: scenario(45, [], 5, 7),
	start: design(
		'ch-tide-start',
		'Rising tide',
		[tideClient(), lb(), web({ instances: 3, serviceTimeMs: 15 }), db()],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	reference: design(
		'ch-tide-ref',
		'Rising tide (reference)',
		[
			tideClient(),
			lb({ algorithm: 'least-connections' }),
			web({ instances: 3, serviceTimeMs: 15, autoscale: { enabled: true, min: 3, max: 12, targetUtilization: 0.5, evaluateS: 3, warmupS: 5 } }),
			db()
		],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	hints: [
		'Capacity that is right at 500 rps is wrong at 4,000. Either size for the peak or let the tier grow with the load.',
		'Turn on autoscaling for the web tier; new instances need a warm-up, so scale early rather than late.',
		'Autoscale between 3 and 12 instances, aiming at 50 % utilization, evaluating every 3 s with a 5 s warm-up.'
	],
	explanation:
		'At 4,000 rps the tier needs about six instances at full utilization and more to keep queues short. The autoscaler adds them as the ramp climbs; aiming at 50 % leaves headroom for the warm-up delay.'
};

export const HARD: Challenge[] = [retryStorm, shardTheWrites, hotKey, queueSlowWork, onABudget, risingTide];
