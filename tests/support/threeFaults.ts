// The issue-9 scenario for tests, the CLI check and the e2e: a shop (balancer, three web
// servers, a cache, a leader with an async follower "f1", a queue and workers), then kill
// the leader at 20 s, flush the cache at 25 s and triple the traffic for 15 s at 30 s.
import { design, edge, node } from './testkit';
import type { ScenarioEvent } from '$lib/model/types';

export const THREE_FAULTS: ScenarioEvent[] = [
	{ atS: 20, action: 'fail', target: 'db' },
	{ atS: 25, action: 'flush', target: 'cache' },
	{ atS: 30, action: 'spike', factor: 3, durationS: 15 }
];

export function shop(events: ScenarioEvent[] = THREE_FAULTS) {
	return design(
		[
			node('users', 'client', { rps: 900, mix: { static: 0, read: 0.8, write: 0.2 }, keys: 20000, zipf: 0.99, timeoutMs: 2000 }, undefined),
			node('lb', 'loadBalancer', { algorithm: 'least-connections', healthCheckS: 2 }),
			node('web', 'service', { instances: 3, concurrency: 8, serviceTimeMs: 10, queueLimit: 50 }),
			node('cache', 'cache', { instances: 1, capacity: 10000, strategy: 'cache-aside' }),
			node('db', 'database', { role: 'leader', concurrency: 40, readMs: 5, writeMs: 8, failoverS: 15 }),
			node('f1', 'database', { role: 'follower', concurrency: 40, readMs: 5, writeMs: 8 }),
			node('jobs', 'queue', {}),
			node('worker', 'worker', { instances: 3, concurrency: 4, serviceTimeMs: 40 })
		],
		[
			edge('users', 'lb'),
			edge('lb', 'web'),
			edge('web', 'cache', { carries: ['read'] }),
			edge('web', 'db'),
			edge('web', 'f1', { carries: ['read'] }),
			edge('db', 'f1', { mode: 'async', lagMs: 100 }),
			edge('web', 'jobs', { carries: ['write'] }),
			edge('jobs', 'worker')
		],
		{ durationS: 60, warmupS: 5, seed: 2, events }
	);
}

