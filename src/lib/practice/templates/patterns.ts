// The failure gallery, part 1: load-driven patterns (metastable retry storm, goodput collapse
// behind a stale queue, timeout cascade at ρ = 1, GC death spiral). Each emerges from the
// model's mechanisms, not from a script, and each fix is one change a reader can make.
import { design, edge, node, scenario } from '../build';
import type { PatternSpec } from './pattern';

const users = (rps: number, extra: Record<string, unknown> = {}) => ({ rps, mix: { static: 0, read: 1, write: 0 }, keys: 1000, zipf: 0.9, ...extra });

export const RETRY_STORM: PatternSpec = {
	id: 'pattern-retry-storm',
	title: 'Metastable retry storm',
	story:
		'The API runs at 75 % of its capacity, comfortably. Callers time out after 200 ms and retry three times. A 5-second surge (×1.5) builds a queue; answers start coming after the callers gave up, each timeout sends a retry, and the retries keep the queue long after the surge has passed. The trigger is gone, the overload stays: a metastable failure (Bronson et al.). The work is spent on requests nobody waits for.',
	watch: 'After the surge at 10 s, the success ratio never comes back: the API sees about four times the users’ rate.',
	fix: 'a retry budget on the callers’ edge (a token bucket: 10 tokens, 1 a second, 0.1 per success) with full jitter. During the surge retries are capped, the queue drains and the system returns to its good mode.',
	build: (fixed) =>
		design(
			fixed ? 'tpl-pattern-retry-storm-fixed' : 'tpl-pattern-retry-storm',
			fixed ? 'Retry storm: fixed with a retry budget' : 'Metastable retry storm',
			[
				node('users', 'client', 0, 120, users(300, { timeoutMs: 5000 }), { label: 'Users' }),
				node('api', 'service', 220, 120, { instances: 1, concurrency: 8, serviceTimeMs: 20, queueLimit: 100000 }, { label: 'API' })
			],
			[
				edge('users', 'api', {
					timeoutMs: 200,
					retries: 3,
					backoffMs: 20,
					...(fixed ? { jitter: 'full', retryBudget: { enabled: true, burst: 10, ratePerS: 1, perSuccess: 0.1 } } : {})
				})
			],
			{ scenario: scenario(60, [{ atS: 10, action: 'spike', factor: 1.5, durationS: 5 }], 0) }
		)
};

export const STALE_QUEUE: PatternSpec = {
	id: 'pattern-stale-queue',
	title: 'Goodput collapse behind a stale queue',
	story:
		'A 10-second surge at twice the capacity leaves a thousand requests in a first-in-first-out queue. Once the surge ends the server works at full speed, but on the oldest requests first, whose callers gave up after one second. Every answer arrives too late: throughput is high, goodput is zero, for the whole time the backlog takes to drain.',
	watch: 'Served requests stay at capacity after 20 s while the users’ successes drop to nothing for about a minute.',
	fix: 'serve newest first (LIFO) and drop work whose caller already left. Fresh requests are answered in time; the stale ones at the bottom are skipped instead of served for nobody (Facebook’s adaptive LIFO; the AWS Builders’ Library on load shedding).',
	build: (fixed) =>
		design(
			fixed ? 'tpl-pattern-stale-queue-fixed' : 'tpl-pattern-stale-queue',
			fixed ? 'Stale queue: fixed with LIFO' : 'Goodput collapse behind a stale queue',
			[
				node('users', 'client', 0, 120, users(80, { timeoutMs: 1000 }), { label: 'Users' }),
				node('api', 'service', 220, 120, {
					instances: 1,
					concurrency: 4,
					serviceTimeMs: 40,
					queueLimit: 100000,
					...(fixed ? { overload: { discipline: 'lifo', dropAbandoned: true } } : {})
				}, { label: 'API' })
			],
			[edge('users', 'api')],
			{ scenario: scenario(90, [{ atS: 10, action: 'spike', factor: 2.5, durationS: 10 }], 0) }
		)
};

export const TIMEOUT_CASCADE: PatternSpec = {
	id: 'pattern-timeout-cascade',
	title: 'Timeout cascade at ρ = 1',
	story:
		'The database is sized to exactly the offered load (ρ = 1). An M/M/c queue at ρ = 1 has no steady state: its queue wanders ever longer. Once its waits pass the API’s 300 ms timeout, the API gives up and retries, the web tier above gives up on the API, and the users on the web tier: every tier times out, each one still doing work for callers that have left.',
	watch: 'The database queue grows without bound; timeouts appear at every tier and success falls towards zero.',
	fix: 'shed load where it queues: a bounded database queue (20 waiting per instance) answers “busy” at once instead of slowly, and retries only on timeouts, not on those rejections. A few requests are refused; the rest are served in time.',
	build: (fixed) =>
		design(
			fixed ? 'tpl-pattern-timeout-cascade-fixed' : 'tpl-pattern-timeout-cascade',
			fixed ? 'Timeout cascade: fixed with load shedding' : 'Timeout cascade at ρ = 1',
			[
				node('users', 'client', 0, 120, users(400, { timeoutMs: 2000 }), { label: 'Users' }),
				node('web', 'service', 200, 120, { instances: 2, concurrency: 64, serviceTimeMs: 2, queueLimit: 10000 }, { label: 'Web' }),
				node('api', 'service', 400, 120, { instances: 2, concurrency: 64, serviceTimeMs: 2, queueLimit: 10000 }, { label: 'API' }),
				node('db', 'database', 600, 120, { concurrency: 8, readMs: 20, queueLimit: fixed ? 20 : 100000 }, { label: 'Database' })
			],
			[
				edge('users', 'web', { timeoutMs: 1000 }),
				edge('web', 'api', { timeoutMs: 600 }),
				edge('api', 'db', { timeoutMs: 300, retries: 2, backoffMs: 10, ...(fixed ? { retryOn: 'timeouts' } : {}) })
			],
			{ scenario: scenario(60, [], 0) }
		)
};

export const GC_SPIRAL: PatternSpec = {
	id: 'pattern-gc-death-spiral',
	title: 'GC death spiral',
	story:
		'Every queued request holds memory, and the garbage collector pauses more often as the heap fills: here each waiting request adds 0.12 pauses a second. At normal load the queue is short and pauses rare. A 5-second surge fills the queue; pauses come faster, capacity falls, the queue grows further. The loop feeds itself and the service never recovers, though the surge was short.',
	watch: 'After the surge at 10 s latency climbs and stays up; the service node shows the queue growing for the rest of the run.',
	fix: 'bound the queue (20 waiting per instance): the surge is partly refused, the heap never fills, pauses stay rare and the service is back to normal seconds after the surge.',
	build: (fixed) =>
		design(
			fixed ? 'tpl-pattern-gc-death-spiral-fixed' : 'tpl-pattern-gc-death-spiral',
			fixed ? 'GC death spiral: fixed with a bounded queue' : 'GC death spiral',
			[
				node('users', 'client', 0, 120, users(100, { timeoutMs: 5000 }), { label: 'Users' }),
				node('api', 'service', 220, 120, {
					instances: 1,
					concurrency: 4,
					serviceTimeMs: 25,
					queueLimit: fixed ? 20 : 100000,
					gc: { enabled: true, pauseMs: 100, everyS: 20, perQueued: 0.12 }
				}, { label: 'JVM service' })
			],
			[edge('users', 'api')],
			{ scenario: scenario(60, [{ atS: 10, action: 'spike', factor: 2, durationS: 5 }], 0) }
		)
};

export const PATTERNS_A: PatternSpec[] = [RETRY_STORM, STALE_QUEUE, TIMEOUT_CASCADE, GC_SPIRAL];
