// Overload: retry budgets against a metastable retry storm, shedding stale work (newest
// first, drop what nobody waits for), and a cache knocked into its cold mode.
import { design, scenario } from '../build';
import { client, edge, node, reads } from './parts';
import type { Params } from '../../model/types';
import type { Challenge } from './types';

const readers = (rps: number, p: Params = {}) => client(rps, { mix: { static: 0, read: 1, write: 0 }, keys: 1000, zipf: 0.9, ...p });
const stormApi = () => node('api', 'service', 250, 140, { instances: 1, concurrency: 8, serviceTimeMs: 20, queueLimit: 100000 }, { label: 'API' });
const stormRun = scenario(40, [{ atS: 10, action: 'spike', factor: 1.5, durationS: 5 }], 5, 7);

export const retryBudget: Challenge = {
	id: 'retry-budget',
	title: 'A storm that outlives its cause',
	level: 'hard',
	topic: 'resilience',
	concepts: ['retries', 'retry-storm'],
	brief:
		'The API runs at 75 % of its capacity. Callers time out after 200 ms and retry three times. At 10 s a 5-second surge builds a queue; answers start arriving after callers gave up, each timeout sends a retry, and the retries keep the API overloaded long after the surge. Make the system recover by itself, keeping retries for the odd failure.',
	failure: 'From 10 s to 15 s traffic is 1.5 times higher.',
	goals: [
		{ kind: 'errorBudget', maxPct: 30 },
		{ kind: 'latency', percentile: 'p99', maxMs: 300 }
	],
	run: stormRun,
	start: design('ch-budget-storm-start', 'Retry budget', [readers(300, { timeoutMs: 5000 }), stormApi()], [edge('client', 'api', { timeoutMs: 200, retries: 3, backoffMs: 20 })]),
	reference: design(
		'ch-budget-storm-ref',
		'Retry budget (reference)',
		[readers(300, { timeoutMs: 5000 }), stormApi()],
		[edge('client', 'api', { timeoutMs: 200, retries: 3, backoffMs: 20, jitter: 'full', retryBudget: { enabled: true, burst: 10, ratePerS: 1, perSuccess: 0.1 } })]
	),
	hints: [
		'Once every answer is late, every request becomes four requests, and the API cannot catch up even at its normal rate.',
		'Cap the retries as a whole, not per request: a retry budget lets retries through only while most calls succeed.',
		'A retry budget on the callers\' edge (10 tokens, 1 a second, 0.1 per success) with full jitter.'
	],
	explanation:
		'A retry budget is a token bucket per caller: each retry spends a token, successes earn a tenth of one. While things are healthy retries cost little; during the surge the bucket empties, the load stays near the users\' rate, the queue drains and the system returns to its good mode instead of staying stuck in the bad one.'
};

const staleApi = (p: Params = {}) => node('api', 'service', 250, 140, { instances: 1, concurrency: 4, serviceTimeMs: 40, queueLimit: 100000, ...p }, { label: 'API' });
const staleRun = scenario(50, [{ atS: 10, action: 'spike', factor: 2.5, durationS: 10 }], 5, 7);

export const staleQueue: Challenge = {
	id: 'stale-queue',
	title: 'Busy serving people who left',
	level: 'hard',
	topic: 'resilience',
	concepts: ['load-shedding', 'timeouts'],
	brief:
		'A 10-second surge at two and a half times capacity leaves a thousand requests queued, oldest first. Once it ends the API works at full speed, but on requests whose callers gave up after a second: throughput is high and almost every answer is too late. Keep serving the people who are still waiting.',
	failure: 'From 10 s to 20 s traffic is 2.5 times higher.',
	goals: [{ kind: 'errorBudget', maxPct: 30 }],
	run: staleRun,
	start: design('ch-stale-start', 'Stale queue', [readers(80, { timeoutMs: 1000 }), staleApi()], [edge('client', 'api')]),
	reference: design('ch-stale-ref', 'Stale queue (reference)', [readers(80, { timeoutMs: 1000 }), staleApi({ overload: { discipline: 'lifo', dropAbandoned: true } })], [edge('client', 'api')]),
	hints: [
		'After the surge, which requests does the API serve first, and are their callers still there?',
		'Serve the newest requests first, and skip work whose caller has already given up.',
		'In the API\'s overload settings: queue order LIFO and "drop abandoned work".'
	],
	explanation:
		'First in, first out is fair only while everyone waits. After the surge the oldest requests are dead: serving them first makes every answer late. Newest first answers fresh requests in time, and dropping abandoned work clears the stale backlog without spending a worker on it.'
};

const coldReaders = () => client(500, { mix: { static: 0, read: 1, write: 0 }, keys: 10000, zipf: 1, timeoutMs: 2000 });
const coldDesign = (id: string, name: string, dbOverload: Params) =>
	design(
		id,
		name,
		[
			coldReaders(),
			node('api', 'service', 250, 140, { instances: 4, concurrency: 64, serviceTimeMs: 1, queueLimit: 10000 }, { label: 'API' }),
			node('cache', 'cache', 500, 20, { instances: 2, capacity: 3000, ttlS: 0, strategy: 'cache-aside', warm: true }, { label: 'Cache' }),
			node('db', 'database', 500, 260, { concurrency: 4, readMs: 10, queueLimit: 100000, overload: { contention: 0.2, ...dbOverload } }, { label: 'Database' })
		],
		[edge('client', 'api'), edge('api', 'cache', reads), edge('api', 'db', { timeoutMs: 100 })]
	);

export const cacheColdMode: Challenge = {
	id: 'cache-cold-mode',
	title: 'A cache that cannot warm up',
	level: 'hard',
	topic: 'caching',
	concepts: ['cache-stampede', 'load-shedding'],
	brief:
		'The database is sized for a warm cache\'s misses and slows down as more requests run at once. At 15 s the cache is flushed: every read goes to the database, answers pass the API\'s 100 ms timeout, and a read that times out never fills the cache. Cold cache, overloaded database, each keeping the other so. Get the cache warm again.',
	failure: 'At 15 s the cache is flushed.',
	goals: [
		{ kind: 'errorBudget', maxPct: 5 },
		{ kind: 'hitRatio', min: 0.6 }
	],
	run: scenario(40, [{ atS: 15, action: 'flush', target: 'cache' }], 5, 7),
	start: coldDesign('ch-cold-start', 'Cache cold mode', {}),
	reference: coldDesign('ch-cold-ref', 'Cache cold mode (reference)', { discipline: 'lifo', dropAbandoned: true }),
	hints: [
		'A miss fills the cache only if the database answers in time. How many do, after the flush?',
		'Let the database shed work that cannot succeed, so the reads it does serve answer in time and fill the cache.',
		'Database overload settings: newest first (LIFO) and drop abandoned work.'
	],
	explanation:
		'The system has two stable modes: warm cache and idle database, or cold cache and a database too slow for any answer to arrive in time (so nothing fills the cache). Shedding stale work lets the database answer fresh reads within the timeout; each answer fills a key, the hit ratio climbs and the load falls with it.'
};

export const OVERLOAD: Challenge[] = [retryBudget, staleQueue, cacheColdMode];
