// Steps 6–10 of the walk: CDN, autoscaling, two regions, a queue, shards.
import { design, edge, node, scenario } from '../build';
import { DB, SLOW_DB, replication } from './path';
import type { Template } from './types';

const WITH_STATIC = { static: 0.5, read: 0.45, write: 0.05 };

const dataTier = (x: number) => [
	node('cache', 'cache', x, -20, { instances: 2, capacity: 20000, ttlS: 300 }),
	node('db', 'database', x, 120, { ...SLOW_DB, role: 'leader' }, { label: 'Leader' }),
	node('db-f1', 'database', x + 200, 40, { ...SLOW_DB, role: 'follower' }, { label: 'Follower 1' }),
	node('db-f2', 'database', x + 200, 200, { ...SLOW_DB, role: 'follower' }, { label: 'Follower 2' })
];
const dataEdges = [
	edge('web', 'cache', { carries: ['read'] }),
	edge('web', 'db'),
	edge('web', 'db-f1', { carries: ['read'] }),
	edge('web', 'db-f2', { carries: ['read'] }),
	...replication
];

const step6: Template = {
	id: 'path-6-cdn',
	title: '6. A CDN for static content',
	group: 'path',
	step: 6,
	changed:
		'Images, scripts and styles are served by a content delivery network from edges close to the users, with an object store as their origin. Only dynamic requests reach the load balancer. The edge answers in a few milliseconds and the web tier stops spending its workers on files that never change.',
	scenario:
		'6,000 requests per second, half of them for static files. In step 5 every one of them went through the web tier; here the CDN answers them and the tier sees half the load.',
	design: design(
		'tpl-path-6',
		'Step 6: CDN',
		[
			node('client', 'client', 0, 120, { rps: 6000, mix: WITH_STATIC }, { label: 'Users' }),
			node('dns', 'dns', 150, 120),
			node('cdn', 'cdn', 300, 120, { capacity: 50000 }),
			node('assets', 'objectStore', 300, 300, {}, { label: 'Static origin' }),
			node('lb', 'loadBalancer', 450, 120, { healthCheckS: 2 }),
			node('web', 'service', 600, 120, { instances: 6, concurrency: 16, serviceTimeMs: 15 }, { label: 'Web tier' }),
			...dataTier(800)
		],
		[
			edge('client', 'dns'),
			edge('dns', 'cdn'),
			edge('cdn', 'assets', { carries: ['static'] }),
			edge('cdn', 'lb', { carries: ['read', 'write'] }),
			edge('lb', 'web'),
			...dataEdges
		],
		{ scenario: scenario(40) }
	)
};

const step7: Template = {
	id: 'path-7-autoscale',
	title: '7. A stateless web tier that scales itself',
	group: 'path',
	step: 7,
	changed:
		'Session data moves out of the web servers into the shared cache, so any server can answer any user and a server can be added or removed at any time. An autoscaler watches utilization every 5 s and adds servers (each takes 10 s to warm up) when the tier runs hotter than 60 %, and removes them when it cools.',
	scenario:
		'Dynamic traffic ramps from 2,000 to 8,000 requests per second. The fixed six servers of step 6 top out near 6,400 rps, after which their queues overflow; here the tier grows with the ramp.',
	design: design(
		'tpl-path-7',
		'Step 7: stateless autoscaled web tier',
		[
			node('client', 'client', 0, 120, { rps: 4000, mix: WITH_STATIC, shape: { kind: 'ramp', toRps: 16000, overS: 40 } }, { label: 'Users' }),
			node('dns', 'dns', 150, 120),
			node('cdn', 'cdn', 300, 120, { capacity: 50000 }),
			node('assets', 'objectStore', 300, 300, {}, { label: 'Static origin' }),
			node('lb', 'loadBalancer', 450, 120, { healthCheckS: 2, algorithm: 'least-connections' }),
			node(
				'web',
				'service',
				600,
				120,
				{
					instances: 4,
					concurrency: 16,
					serviceTimeMs: 15,
					autoscale: { enabled: true, min: 4, max: 16, targetUtilization: 0.6, evaluateS: 5, warmupS: 10 }
				},
				{ label: 'Web tier (stateless)' }
			),
			...dataTier(800)
		],
		[
			edge('client', 'dns'),
			edge('dns', 'cdn'),
			edge('cdn', 'assets', { carries: ['static'] }),
			edge('cdn', 'lb', { carries: ['read', 'write'] }),
			edge('lb', 'web'),
			...dataEdges
		],
		{ scenario: scenario(60) }
	)
};

const step8: Template = {
	id: 'path-8-two-regions',
	title: '8. Two regions behind GeoDNS',
	group: 'path',
	step: 8,
	changed:
		'The whole stack is copied into a second region. GeoDNS sends each user to the nearest healthy region, which also cuts their round trip. The leader stays in US East and its follower in US West replays its writes asynchronously across the continent; if US East goes dark the follower is promoted. (The CDN and autoscaler of steps 6–7 are still there; the canvas shows the dynamic path.)',
	scenario:
		'At 20 s the whole US East region fails. Everything in step 7 lived there, so every request would fail; here GeoDNS notices within 5 s and sends everyone west, and writes resume when the west follower is promoted.',
	design: design(
		'tpl-path-8',
		'Step 8: two regions',
		[
			node('client', 'client', 0, 300, { rps: 3000, mix: { static: 0, read: 0.9, write: 0.1 }, regions: { 'us-east': 0.5, 'us-west': 0.5 } }, { label: 'Users' }),
			node('geo', 'geoDns', 200, 300, { healthCheckS: 5 }),
			node('lb-e', 'loadBalancer', 400, 120, { healthCheckS: 2 }, { region: 'us-east', label: 'LB east' }),
			node('web-e', 'service', 600, 120, { instances: 6, concurrency: 16, serviceTimeMs: 15 }, { region: 'us-east', label: 'Web east' }),
			node('cache-e', 'cache', 800, 40, { instances: 2, capacity: 20000 }, { region: 'us-east', label: 'Cache east' }),
			node('db', 'database', 800, 180, { ...DB, role: 'leader' }, { region: 'us-east', label: 'Leader' }),
			node('lb-w', 'loadBalancer', 400, 480, { healthCheckS: 2 }, { region: 'us-west', label: 'LB west' }),
			node('web-w', 'service', 600, 480, { instances: 6, concurrency: 16, serviceTimeMs: 15 }, { region: 'us-west', label: 'Web west' }),
			node('cache-w', 'cache', 800, 400, { instances: 2, capacity: 20000 }, { region: 'us-west', label: 'Cache west' }),
			node('db-w', 'database', 800, 540, { ...DB, role: 'follower' }, { region: 'us-west', label: 'Follower west' })
		],
		[
			edge('client', 'geo'),
			edge('geo', 'lb-e'),
			edge('geo', 'lb-w'),
			edge('lb-e', 'web-e'),
			edge('web-e', 'cache-e', { carries: ['read'] }),
			edge('web-e', 'db'),
			edge('lb-w', 'web-w'),
			edge('web-w', 'cache-w', { carries: ['read'] }),
			edge('web-w', 'db-w', { carries: ['read'] }),
			edge('web-w', 'db', { carries: ['write'] }),
			edge('db', 'db-w', { mode: 'async', lagMs: 80 })
		],
		{
			regions: [
				{ id: 'us-east', name: 'US East', position: { x: 360, y: -20 }, width: 640, height: 300 },
				{ id: 'us-west', name: 'US West', position: { x: 360, y: 340 }, width: 640, height: 300 }
			],
			scenario: scenario(40, [{ atS: 20, action: 'fail', target: 'us-east' }])
		}
	)
};

const step9: Template = {
	id: 'path-9-queue',
	title: '9. A message queue and workers',
	group: 'path',
	step: 9,
	changed:
		'Uploads need 200 ms of processing each (resizing, scanning). Instead of doing it inside the request, the web tier publishes a message and answers at once; a pool of workers pulls messages at its own pace. Producers and consumers now scale and fail independently, and a burst becomes a backlog instead of an outage. (Shown for one region.)',
	scenario:
		'Uploads double for 10 s at 15 s. Done synchronously, 200 ms jobs at that rate would need every web worker and more; queued, the backlog grows during the burst and the workers drain it after, while users keep getting fast answers.',
	design: design(
		'tpl-path-9',
		'Step 9: queue and workers',
		[
			node('client', 'client', 0, 120, { rps: 2000, mix: { static: 0, read: 0.7, write: 0.3 }, shape: { kind: 'spike', atS: 15, durationS: 10, factor: 2 } }, { label: 'Users' }),
			node('dns', 'dns', 200, 120),
			node('lb', 'loadBalancer', 400, 120, { healthCheckS: 2 }),
			node('web', 'service', 600, 120, { instances: 6, concurrency: 16, serviceTimeMs: 15 }, { label: 'Web tier' }),
			node('cache', 'cache', 800, 0, { instances: 2, capacity: 20000 }),
			node('db', 'database', 800, 120, { ...SLOW_DB, role: 'leader' }, { label: 'Database' }),
			node('jobs', 'queue', 800, 260, {}, { label: 'Upload jobs' }),
			node('workers', 'worker', 1000, 260, { instances: 20, concurrency: 8, serviceTimeMs: 200 }, { label: 'Processors' }),
			node('store', 'objectStore', 1200, 260, {}, { label: 'Media store' })
		],
		[
			edge('client', 'dns'),
			edge('dns', 'lb'),
			edge('lb', 'web'),
			edge('web', 'cache', { carries: ['read'] }),
			edge('web', 'db'),
			edge('web', 'jobs', { carries: ['write'] }),
			edge('jobs', 'workers'),
			edge('workers', 'store')
		],
		{ scenario: scenario(40) }
	)
};

const step10: Template = {
	id: 'path-10-sharding',
	title: '10. A sharded database',
	group: 'path',
	step: 10,
	changed:
		'Writes outgrow one leader: replicas multiply read capacity but every write still lands on the same machine. The data is split by a hash of the key into four shards, each its own leader, so write capacity grows with the shard count. The price: queries across shards, resharding when one fills up, and a celebrity key still lives on one shard (the cache shields its reads).',
	scenario:
		'Writes ramp to 2,400 per second. A single leader with 20 connections and 10 ms writes tops out at 2,000 writes a second; four shards share them at 600 each.',
	design: design(
		'tpl-path-10',
		'Step 10: sharded database',
		[
			node('client', 'client', 0, 120, { rps: 2000, mix: { static: 0, read: 0.6, write: 0.4 }, shape: { kind: 'ramp', toRps: 6000, overS: 30 } }, { label: 'Users' }),
			node('dns', 'dns', 200, 120),
			node('lb', 'loadBalancer', 400, 120, { healthCheckS: 2 }),
			node('web', 'service', 600, 120, { instances: 8, concurrency: 16, serviceTimeMs: 15 }, { label: 'Web tier' }),
			node('cache', 'cache', 800, 0, { instances: 2, capacity: 20000 }),
			node('db', 'database', 800, 160, { ...SLOW_DB, role: 'leader', shards: 4, sharding: 'hash' }, { label: 'Sharded database (4)' })
		],
		[edge('client', 'dns'), edge('dns', 'lb'), edge('lb', 'web'), edge('web', 'cache', { carries: ['read'] }), edge('web', 'db')],
		{ scenario: scenario(40) }
	)
};

export const PATH_STEPS_B: Template[] = [step6, step7, step8, step9, step10];
