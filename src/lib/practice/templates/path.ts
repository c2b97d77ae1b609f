// "From one server to millions of users": ten steps, each a runnable design whose built-in
// scenario is the load or the failure that broke the step before it.
import { design, edge, node, scenario } from '../build';
import type { Template } from './types';

const READS = { static: 0, read: 0.9, write: 0.1 };
const DB = { readMs: 5, writeMs: 10, concurrency: 50, failoverS: 10 };

const step1: Template = {
	id: 'path-1-single-server',
	title: '1. A single server',
	group: 'path',
	step: 1,
	changed:
		'Everything runs on one machine: the web application, its database and its files. DNS turns the name into that machine\'s address. It is the cheapest design there is and perfectly fine for a first few hundred users.',
	scenario:
		'A steady 300 requests per second. The server is busy three quarters of the time: one more burst of growth and its queue starts to grow.',
	design: design(
		'tpl-path-1',
		'Step 1: single server',
		[
			node('client', 'client', 0, 120, { rps: 300, mix: READS }, { label: 'Users' }),
			node('dns', 'dns', 200, 120),
			node('app', 'service', 400, 120, { instances: 1, concurrency: 16, serviceTimeMs: 40 }, { label: 'Web + DB server' })
		],
		[edge('client', 'dns'), edge('dns', 'app')],
		{ scenario: scenario(30) }
	)
};

const step2: Template = {
	id: 'path-2-separate-database',
	title: '2. Separate the database',
	group: 'path',
	step: 2,
	changed:
		'The database moves to its own machine. The web server no longer shares CPU and memory with queries, so each request costs it less, and the two tiers can now be sized independently: web servers for CPU, the database for memory and disk.',
	scenario:
		'Traffic ramps from 300 to 700 requests per second. The single server of step 1 saturates near 400 rps and its queue overflows; here the lighter web server still has room.',
	design: design(
		'tpl-path-2',
		'Step 2: separate database',
		[
			node('client', 'client', 0, 120, { rps: 300, mix: READS, shape: { kind: 'ramp', toRps: 700, overS: 30 } }, { label: 'Users' }),
			node('dns', 'dns', 200, 120),
			node('web', 'service', 400, 120, { instances: 1, concurrency: 16, serviceTimeMs: 15 }, { label: 'Web server' }),
			node('db', 'database', 600, 120, DB, { label: 'Database' })
		],
		[edge('client', 'dns'), edge('dns', 'web'), edge('web', 'db')],
		{ scenario: scenario(40) }
	)
};

const step3: Template = {
	id: 'path-3-load-balancer',
	title: '3. Load balancer and two web servers',
	group: 'path',
	step: 3,
	changed:
		'A load balancer takes the public address and spreads requests over two web servers on a private network. Losing one server now costs capacity, not the site: the balancer\'s health check stops sending to it within seconds. More servers can be added behind it as traffic grows.',
	scenario:
		'At 15 s one web server crashes. With the single web server of step 2 every request after that fails; here the balancer notices after its 2 s health check and the survivor carries the load.',
	design: design(
		'tpl-path-3',
		'Step 3: load balancer + two web servers',
		[
			node('client', 'client', 0, 120, { rps: 700, mix: READS }, { label: 'Users' }),
			node('dns', 'dns', 200, 120),
			node('lb', 'loadBalancer', 400, 120, { healthCheckS: 2 }),
			node('web', 'service', 600, 120, { instances: 2, concurrency: 16, serviceTimeMs: 15 }, { label: 'Web tier' }),
			node('db', 'database', 800, 120, DB, { label: 'Database' })
		],
		[edge('client', 'dns'), edge('dns', 'lb'), edge('lb', 'web'), edge('web', 'db')],
		{ scenario: scenario(40, [{ atS: 15, action: 'failInstance', target: 'web', instance: 0 }]) }
	)
};

const replicated = (leaderX: number, y: number, region?: string) => [
	node('db', 'database', leaderX, y, { ...DB, role: 'leader' }, { label: 'Leader', region }),
	node('db-f1', 'database', leaderX + 200, y - 80, { ...DB, role: 'follower' }, { label: 'Follower 1', region }),
	node('db-f2', 'database', leaderX + 200, y + 80, { ...DB, role: 'follower' }, { label: 'Follower 2', region })
];
const replication = [edge('db', 'db-f1', { mode: 'semi-sync', lagMs: 50 }), edge('db', 'db-f2', { mode: 'semi-sync', lagMs: 50 })];

const step4: Template = {
	id: 'path-4-replication',
	title: '4. Leader and followers',
	group: 'path',
	step: 4,
	changed:
		'The database gets two followers that replay every write the leader commits. Reads, nine in ten requests, go to the followers; writes still go to the leader. If the leader dies a follower is promoted, so the data tier is no longer a single point of failure. Semi-synchronous replication waits for one follower\'s acknowledgement, so a promoted follower has every acknowledged write.',
	scenario:
		'At 15 s the leader dies. In step 3 the lone database takes every request down with it; here reads carry on from the followers, and writes resume once a follower is promoted 10 s later.',
	design: design(
		'tpl-path-4',
		'Step 4: leader and followers',
		[
			node('client', 'client', 0, 120, { rps: 1500, mix: READS }, { label: 'Users' }),
			node('dns', 'dns', 200, 120),
			node('lb', 'loadBalancer', 400, 120, { healthCheckS: 2 }),
			node('web', 'service', 600, 120, { instances: 2, concurrency: 16, serviceTimeMs: 15 }, { label: 'Web tier' }),
			...replicated(800, 120)
		],
		[
			edge('client', 'dns'),
			edge('dns', 'lb'),
			edge('lb', 'web'),
			edge('web', 'db'),
			edge('web', 'db-f1', { carries: ['read'] }),
			edge('web', 'db-f2', { carries: ['read'] }),
			...replication
		],
		{ scenario: scenario(40, [{ atS: 15, action: 'fail', target: 'db' }]) }
	)
};

const SLOW_DB = { ...DB, readMs: 10, concurrency: 20 };
const step5: Template = {
	id: 'path-5-cache',
	title: '5. A cache in front of the database',
	group: 'path',
	step: 5,
	changed:
		'A key-value cache sits beside the web tier. A read asks the cache first and only goes to a follower on a miss, then fills the cache (cache-aside). Popular keys are read far more often than the rest, so a cache a fifth the size of the key space answers most reads in under a millisecond. Entries expire after five minutes, which bounds how stale a read can be.',
	scenario:
		'Traffic ramps from 2,000 to 6,000 requests per second. Without the cache (step 4) the followers would need to serve over 5,000 reads a second, more than their pools can take; here most reads never reach them.',
	design: design(
		'tpl-path-5',
		'Step 5: cache',
		[
			node('client', 'client', 0, 120, { rps: 2000, mix: READS, shape: { kind: 'ramp', toRps: 6000, overS: 30 } }, { label: 'Users' }),
			node('dns', 'dns', 200, 120),
			node('lb', 'loadBalancer', 400, 120, { healthCheckS: 2 }),
			node('web', 'service', 600, 120, { instances: 8, concurrency: 16, serviceTimeMs: 15 }, { label: 'Web tier' }),
			node('cache', 'cache', 800, -20, { instances: 2, capacity: 20000, ttlS: 300 }),
			node('db', 'database', 800, 120, { ...SLOW_DB, role: 'leader' }, { label: 'Leader' }),
			node('db-f1', 'database', 1000, 40, { ...SLOW_DB, role: 'follower' }, { label: 'Follower 1' }),
			node('db-f2', 'database', 1000, 200, { ...SLOW_DB, role: 'follower' }, { label: 'Follower 2' })
		],
		[
			edge('client', 'dns'),
			edge('dns', 'lb'),
			edge('lb', 'web'),
			edge('web', 'cache', { carries: ['read'] }),
			edge('web', 'db'),
			edge('web', 'db-f1', { carries: ['read'] }),
			edge('web', 'db-f2', { carries: ['read'] }),
			...replication
		],
		{ scenario: scenario(40) }
	)
};

export const PATH_STEPS_A: Template[] = [step1, step2, step3, step4, step5];
export { READS, DB, SLOW_DB, replicated, replication };
