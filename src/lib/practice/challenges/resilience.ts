// Resilience between services: gateways and bulkheads, circuit breakers, timeouts that
// cut the tail, retries that mask transient failures.
import { design, scenario } from '../build';
import { client, db, edge, lb, node, reads, web, writes } from './parts';
import type { Params } from '../../model/types';
import type { Challenge } from './types';

const gatewayClient = () => client(1000);
const gateway = () => node('gw', 'apiGateway', 200, 140, { overheadMs: 1 }, { label: 'API gateway' });
const payments = () => node('pay', 'service', 850, 300, { instances: 4, concurrency: 64, serviceTimeMs: 300 }, { label: 'Payments' });

export const gatewayBulkhead: Challenge = {
	id: 'gateway-bulkhead',
	title: 'Keep slow checkouts from blocking browsing',
	level: 'medium',
	topic: 'resilience',
	concepts: ['bulkheads', 'api-gateway'],
	brief:
		'One web service handles both browsing (reads, 5 ms) and checkouts (writes), which wait 300 ms on the payment provider while holding a worker. Checkouts take nearly every worker and browsing queues behind them. Keep reads under 50 ms at p99.',
	failure: '',
	goals: [
		{ kind: 'latency', percentile: 'p99', maxMs: 50, type: 'read' },
		{ kind: 'errorBudget', maxPct: 1 }
	],
	run: scenario(25, [], 5, 7),
	start: design(
		'ch-bulkhead-start',
		'Gateway bulkhead',
		[gatewayClient(), gateway(), web({ instances: 4, concurrency: 8, serviceTimeMs: 5, blocking: true }), db(), payments()],
		[edge('client', 'gw'), edge('gw', 'web'), edge('web', 'db'), edge('web', 'pay', writes)]
	),
	reference: design(
		'ch-bulkhead-ref',
		'Gateway bulkhead (reference)',
		[
			gatewayClient(),
			gateway(),
			web({ instances: 2, concurrency: 8, serviceTimeMs: 5, blocking: true }, 'web', 400, 40),
			web({ instances: 4, concurrency: 16, serviceTimeMs: 5, blocking: true }, 'checkout', 400, 260),
			db(),
			payments()
		],
		[edge('client', 'gw'), edge('gw', 'web', reads), edge('gw', 'checkout', writes), edge('web', 'db'), edge('checkout', 'db'), edge('checkout', 'pay')]
	),
	hints: [
		'A worker waiting on the payment provider is a worker browsing cannot use. How many workers do checkouts hold at once?',
		'Give checkouts their own pool (a bulkhead): a separate service behind the gateway, which routes each request type to its own service.',
		'A checkout service (4 × 16 workers) that takes the writes and calls payments, and the web service for reads only; the gateway routes reads and writes apart.'
	],
	explanation:
		'100 checkouts a second × 300 ms hold 30 workers on average, nearly all of the 32, so reads wait for a free one. With the pools split, a slow payment provider can exhaust only the checkout pool; browsing keeps its own workers and stays fast.'
};

const breakerClient = () => client(1000, { mix: { static: 0, read: 0.5, write: 0.5 } });
const recs = () => node('recs', 'service', 650, 300, { instances: 2, concurrency: 64, serviceTimeMs: 10 }, { label: 'Recommendations' });
const breakerWeb = () => web({ instances: 4, concurrency: 16, serviceTimeMs: 5, blocking: true });
const sick = scenario(30, [{ atS: 10, action: 'slow', target: 'recs', factor: 100 }], 5, 7);

export const circuitBreaker: Challenge = {
	id: 'circuit-breaker',
	title: 'Stop calling a sick dependency',
	level: 'hard',
	topic: 'resilience',
	concepts: ['circuit-breaker', 'timeouts'],
	brief:
		'Product pages (reads) call a recommendation service with a 500 ms timeout; orders (writes) do not. At 10 s recommendations become a hundred times slower. Every page now holds a worker for 500 ms, the web tier runs out of workers, and orders fail too. Pages may fail while recommendations are sick; orders must not.',
	failure: 'From 10 s the recommendation service is 100 times slower.',
	goals: [
		{ kind: 'latency', percentile: 'p95', maxMs: 100, type: 'write' },
		{ kind: 'throughput', minRps: 520 }
	],
	run: sick,
	start: design('ch-breaker-start', 'Circuit breaker', [breakerClient(), lb(), breakerWeb(), db(), recs()], [edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db'), edge('web', 'recs', { carries: ['read'], timeoutMs: 500 })]),
	reference: design(
		'ch-breaker-ref',
		'Circuit breaker (reference)',
		[breakerClient(), lb(), breakerWeb(), db(), recs()],
		[
			edge('client', 'lb'),
			edge('lb', 'web'),
			edge('web', 'db'),
			edge('web', 'recs', { carries: ['read'], timeoutMs: 500, breaker: { enabled: true, failureRate: 0.5, windowS: 1, openS: 5, halfOpenProbes: 3 } })
		]
	),
	hints: [
		'A timeout limits how long one call waits, but when every call times out the workers still spend all their time waiting.',
		'Once most calls to recommendations fail, stop making them for a while and fail at once: a circuit breaker on that edge.',
		'A circuit breaker on web → recommendations: opens at 50 % failures over 1 s, stays open 5 s, then probes with 3 calls.'
	],
	explanation:
		'500 page views a second each holding a worker for 500 ms need 250 workers; the tier has 64, so orders queue behind them. With the breaker open, page views fail in microseconds, the workers are free, and orders flow at normal speed. Probes notice when recommendations recover.'
};

const tailBackend = (p: Params = {}) => node('api', 'service', 650, 300, { instances: 4, concurrency: 32, serviceTimeMs: 10, serviceDist: 'lognormal', serviceCv: 4, ...p }, { label: 'Search' });
const tailClient = () => client(1000, { mix: { static: 0, read: 1, write: 0 } });
const tailDesign = (id: string, name: string, call: Params) =>
	design(id, name, [tailClient(), lb(), web({ instances: 4, serviceTimeMs: 2 }), tailBackend()], [edge('client', 'lb'), edge('lb', 'web'), edge('web', 'api', call)]);

export const cutTheTail: Challenge = {
	id: 'cut-the-tail',
	title: 'Cut the tail with a timeout',
	level: 'hard',
	topic: 'resilience',
	concepts: ['timeouts', 'tail-latency', 'retries'],
	brief:
		'Search usually answers in a few milliseconds, but one call in a hundred takes ten times the average or more (garbage collection, a cold disk). It has plenty of spare capacity. Bring page p99 under 60 ms without touching the search service.',
	failure: '',
	goals: [
		{ kind: 'latency', percentile: 'p99', maxMs: 60 },
		{ kind: 'errorBudget', maxPct: 0.5 }
	],
	run: scenario(25, [], 5, 7),
	// The p99 is set by one call in a hundred: graded on the band over six seeds, not one lucky one.
	runs: 6,
	start: tailDesign('ch-tail-start', 'Cut the tail', {}),
	reference: tailDesign('ch-tail-ref', 'Cut the tail (reference)', { timeoutMs: 25, retries: 2, backoffMs: 1 }),
	hints: [
		'A slow call is usually slow because of the machine it landed on, not the query. Would the same query elsewhere be fast?',
		'Give up on a call that takes much longer than usual and try again: a short timeout with a retry.',
		'Timeout 25 ms (above nearly all normal answers) with two retries and a tiny backoff on web → search.'
	],
	explanation:
		'With very variable service times the slowest percent of calls sets the p99. A timeout just above the usual latency abandons those calls, and the retry, landing on another worker, is almost always fast. The abandoned work costs a little extra load, which the spare capacity absorbs.'
};

const flakyDesign = (id: string, name: string, call: Params) =>
	design(
		id,
		name,
		[client(800), lb(), web({ instances: 4, serviceTimeMs: 5 }), lb({ healthCheckS: 2 }, 'lb-inv', 650, 300), node('inv', 'service', 850, 300, { instances: 4, concurrency: 16, serviceTimeMs: 5, failures: { enabled: true, mtbfS: 20, mttrS: 1 } }, { label: 'Inventory' })],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'lb-inv', call), edge('lb-inv', 'inv')]
	);

export const retryTransient: Challenge = {
	id: 'retry-transient',
	title: 'Ride out flaky instances',
	level: 'medium',
	topic: 'resilience',
	concepts: ['retries', 'health-checks'],
	brief:
		'The inventory service\'s instances keep crashing and restarting (every 20 s or so, down for a second). Until the balancer notices, calls to a dead instance fail and so do the users\' requests. The other instances are fine.',
	failure: 'Inventory instances fail at random (mean 20 s up, 1 s down).',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 150 }
	],
	run: scenario(30, [], 5, 11),
	// When instances crash is random: errors over six seeds swing by several percent.
	runs: 6,
	start: flakyDesign('ch-flaky-start', 'Flaky instances', {}),
	reference: flakyDesign('ch-flaky-ref', 'Flaky instances (reference)', { retries: 3, backoffMs: 10 }),
	hints: [
		'The failures are transient: the same call a moment later, on another instance, would succeed.',
		'Retry failed calls, with exponential backoff and jitter so the retries do not arrive in step.',
		'Three retries with a 10 ms backoff on web → inventory balancer: the retry is sent to the next instance in rotation.'
	],
	explanation:
		'Each attempt fails only if it lands on a dead instance the balancer has not yet dropped, a few percent of the time; with three retries a request fails only if all four attempts do. Backoff with jitter keeps the retries from hammering in lockstep, and a small retry count keeps them from multiplying load when the failure is not transient.'
};

export const RESILIENCE: Challenge[] = [gatewayBulkhead, retryTransient, circuitBreaker, cutTheTail];
