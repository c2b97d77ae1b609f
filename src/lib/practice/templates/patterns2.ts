// The failure gallery, part 2: patterns of caches, balancers and dependencies (cache
// cold-mode collapse, thundering herd on a cold restart, LB sinkholing, connection-pool
// exhaustion).
import { design, edge, node, scenario } from '../build';
import type { PatternSpec } from './pattern';

const reads = (rps: number, extra: Record<string, unknown> = {}) => ({ rps, mix: { static: 0, read: 1, write: 0 }, keys: 10000, zipf: 1, timeoutMs: 2000, ...extra });

/** users → api → cache (cache-aside) + database whose service time grows with load. */
const cached = (id: string, name: string, fixed: boolean, events: Parameters<typeof scenario>[1], dbEdge: Record<string, unknown>, contention = 0.2) =>
	design(
		id,
		name,
		[
			node('users', 'client', 0, 120, reads(500), { label: 'Users' }),
			node('api', 'service', 200, 120, { instances: 4, concurrency: 64, serviceTimeMs: 1, queueLimit: 10000 }, { label: 'API' }),
			node('cache', 'cache', 400, 20, { instances: 2, capacity: 3000, ttlS: 0, strategy: 'cache-aside', warm: true }, { label: 'Cache' }),
			node('db', 'database', 400, 220, {
				concurrency: 4,
				readMs: 10,
				queueLimit: 100000,
				overload: { contention, ...(fixed ? { discipline: 'lifo', dropAbandoned: true } : {}) }
			}, { label: 'Database' })
		],
		[edge('users', 'api'), edge('api', 'cache'), edge('api', 'db', { timeoutMs: 100, ...dbEdge })],
		{ scenario: scenario(60, events, 0) }
	);

export const CACHE_COLD_MODE: PatternSpec = {
	id: 'pattern-cache-cold-mode',
	title: 'Cache cold-mode collapse',
	story:
		'The database is sized for the misses of a warm cache (about a fifth of the traffic), and like a real database it slows down as more requests run at once (contention 0.4). A flush sends every read to it: five times its usual load. Its service time grows, answers pass the API’s 100 ms timeout, and a read that times out never fills the cache. The cache cannot warm up because the database is overloaded, and the database stays overloaded because the cache is cold: two stable modes, and the flush pushed the system into the bad one (Brooker, “Caches, Modes, and Unstable Systems”).',
	watch: 'After the flush at 15 s the cache hit ratio stays low and the database stays saturated to the end.',
	fix: 'let the database shed stale work: serve newest first and drop reads whose caller left. The reads it does serve answer in time, fill the cache, and the hit ratio climbs back; the database load falls with it.',
	build: (fixed) =>
		cached(
			fixed ? 'tpl-pattern-cache-cold-mode-fixed' : 'tpl-pattern-cache-cold-mode',
			fixed ? 'Cache cold mode: fixed by shedding stale reads' : 'Cache cold-mode collapse',
			fixed,
			[{ atS: 15, action: 'flush', target: 'cache' }],
			{},
			// 0.4: with caches that start full (their steady content), 0.2 leaves the database
			// just able to refill the cache after a flush; at 0.4 the flush tips it into the bad mode.
			0.4
		)
};

export const THUNDERING_HERD: PatternSpec = {
	id: 'pattern-thundering-herd',
	title: 'Thundering herd on a cold restart',
	story:
		'The cache tier restarts (2 s down) and comes back empty. All the reads it absorbed arrive at the database at once, and every timeout retries twice right away, in step: the herd is three times the traffic. The load-dependent database falls behind and the restart becomes an outage.',
	watch: 'From 20 s: database arrivals triple, failures climb and the cache never gets warm again.',
	fix: 'a retry budget and full jitter on the API’s database calls, plus shedding stale reads at the database. The herd is one request per read, the answers arrive in time and fill the cache.',
	build: (fixed) =>
		cached(
			fixed ? 'tpl-pattern-thundering-herd-fixed' : 'tpl-pattern-thundering-herd',
			fixed ? 'Thundering herd: fixed with a retry budget and jitter' : 'Thundering herd on a cold restart',
			fixed,
			[{ atS: 20, action: 'coldRestart', target: 'cache', durationS: 2 }],
			{ retries: 2, backoffMs: 5, jitter: fixed ? 'full' : 'none', ...(fixed ? { retryBudget: { enabled: true, burst: 20, ratePerS: 5, perSuccess: 0.05 } } : {}) }
		)
};

export const LB_SINKHOLE: PatternSpec = {
	id: 'pattern-lb-sinkhole',
	title: 'Load-balancer sinkholing',
	story:
		'A least-connections balancer sends each request to the instance with the fewest requests in progress. One instance dies; its health check takes 30 s to notice. A dead instance fails everything at once, so it never has a request in progress: it always looks the least busy, and it swallows nearly all the traffic, far more than its quarter.',
	watch: 'From 10 s to 40 s most requests fail, though three of four instances are healthy.',
	fix: 'round-robin (a dead instance gets its quarter, not everything), a 2-second health check, and one retry at the balancer, which goes to the next instance.',
	build: (fixed) =>
		design(
			fixed ? 'tpl-pattern-lb-sinkhole-fixed' : 'tpl-pattern-lb-sinkhole',
			fixed ? 'LB sinkholing: fixed' : 'Load-balancer sinkholing',
			[
				node('users', 'client', 0, 120, reads(400), { label: 'Users' }),
				node('lb', 'loadBalancer', 200, 120, { algorithm: fixed ? 'round-robin' : 'least-connections', healthCheckS: fixed ? 2 : 30 }, { label: 'Balancer' }),
				node('api', 'service', 400, 120, { instances: 4, concurrency: 16, serviceTimeMs: 20 }, { label: 'API' })
			],
			[edge('users', 'lb'), edge('lb', 'api', fixed ? { retries: 1, backoffMs: 1 } : {})],
			{ scenario: scenario(60, [{ atS: 10, action: 'failInstance', target: 'api', instance: 0 }], 0) }
		)
};

export const POOL_EXHAUSTION: PatternSpec = {
	id: 'pattern-pool-exhaustion',
	title: 'Connection-pool exhaustion',
	story:
		'The web tier runs thread-per-request (blocking): a worker waits while its database call runs, and while it waits for one of the 32 pooled connections to the database. Half the traffic is static pages that never touch the database. When the database slows down (×100), reads hold a connection for half a second each; 300 reads a second would need 150, the pool has 64. Reads queue for a connection (up to 2 s), every worker ends up waiting, the queue fills, and the static pages are refused too: a slow dependency took down work that never needed it.',
	watch: 'From 10 s to 30 s the web tier rejects requests of every type, static ones included.',
	fix: 'a bulkhead: a pool of 8 connections per instance that never makes a call wait (pool-wait timeout 0). At most 8 workers per instance can be tied up by the database; reads beyond that fail at once ("pool-timeout") while the database is slow, and static pages are unaffected.',
	build: (fixed) =>
		design(
			fixed ? 'tpl-pattern-pool-exhaustion-fixed' : 'tpl-pattern-pool-exhaustion',
			fixed ? 'Pool exhaustion: fixed with a bulkhead' : 'Connection-pool exhaustion',
			[
				node('users', 'client', 0, 120, { rps: 600, mix: { static: 0.5, read: 0.5, write: 0 }, keys: 10000, zipf: 1, timeoutMs: 2000 }, { label: 'Users' }),
				node('web', 'service', 200, 120, { instances: 2, concurrency: 32, serviceTimeMs: 2, queueLimit: 50, blocking: true }, { label: 'Web (blocking)' }),
				node('db', 'database', 400, 120, { concurrency: 200, readMs: 5, queueLimit: 1000 }, { label: 'Database' })
			],
			[edge('users', 'web'), edge('web', 'db', { carries: ['read'], pool: fixed ? { enabled: true, size: 8, waitTimeoutMs: 0 } : { enabled: true, size: 32, waitTimeoutMs: 2000 } })],
			{ scenario: scenario(40, [{ atS: 10, action: 'slow', target: 'db', factor: 100 }, { atS: 30, action: 'recover', target: 'db' }], 0) }
		)
};

export const PATTERNS_B: PatternSpec[] = [CACHE_COLD_MODE, THUNDERING_HERD, LB_SINKHOLE, POOL_EXHAUSTION];
