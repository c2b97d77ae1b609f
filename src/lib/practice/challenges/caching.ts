// Caching beyond cache-aside: TTL, eviction, write strategies; and the CDN at the edge.
import { design, scenario } from '../build';
import { cache, client, db, edge, lb, node, reads, web } from './parts';
import type { Challenge } from './types';

const readHeavy = (rps: number, p = {}) => client(rps, { mix: { static: 0, read: 0.95, write: 0.05 }, keys: 20000, ...p });
const SMALL_DB = { concurrency: 20, readMs: 10, writeMs: 10 };

export const ttlTooShort: Challenge = {
	id: 'ttl-too-short',
	title: 'A cache that forgets too soon',
	level: 'easy',
	topic: 'caching',
	concepts: ['ttl', 'cache-aside'],
	brief:
		'A cache sits in front of the database, yet the database is still overloaded at 3,000 requests per second. Someone set every entry to expire after one second, to be safe. Product says data up to five minutes old is fine.',
	failure: '',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 150 },
		{ kind: 'hitRatio', min: 0.8 }
	],
	run: scenario(25, [], 8, 7),
	start: design(
		'ch-ttl-start',
		'TTL too short',
		[readHeavy(3000), lb(), web({ instances: 6, serviceTimeMs: 15 }), cache({ capacity: 20000, ttlS: 1 }), db(SMALL_DB)],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'cache', reads), edge('web', 'db')]
	),
	reference: design(
		'ch-ttl-ref',
		'TTL too short (reference)',
		[readHeavy(3000), lb(), web({ instances: 6, serviceTimeMs: 15 }), cache({ capacity: 20000, ttlS: 300 }), db(SMALL_DB)],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'cache', reads), edge('web', 'db')]
	),
	hints: [
		'How often is a typical key read? If it is read less than once a second, a one-second entry is gone before the next read.',
		'The time to live bounds staleness: set it to what the product tolerates, not lower.',
		'A 300 s TTL: nearly every popular key stays cached between reads, and the database sees mostly writes and first reads.'
	],
	explanation:
		'A key read λ times a second hits a TTL-T cache with probability λT / (1 + λT). At T = 1 s most keys of a 20,000-key space are read far less than once a second, so most reads miss; at T = 300 s even rare keys stay cached.'
};

const evictionClient = () => client(2700, { mix: { static: 0, read: 0.95, write: 0.05 }, keys: 100000, zipf: 0.8 });
const evictionDesign = (id: string, name: string, eviction: string) =>
	design(
		id,
		name,
		[evictionClient(), lb(), web({ instances: 6, serviceTimeMs: 15 }), cache({ capacity: 2000, eviction, ttlS: 0 }), db(SMALL_DB)],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'cache', reads), edge('web', 'db')]
	);

export const evictionPolicy: Challenge = {
	id: 'eviction-policy',
	title: 'Make a small cache count',
	level: 'medium',
	topic: 'caching',
	concepts: ['eviction', 'cache-aside'],
	brief:
		'The cache has memory for 2,000 of 100,000 items and cannot grow. It drops the oldest entry first (FIFO), so popular items keep falling out. Popularity here is stable: the same items stay popular all day. Get more hits out of the same memory.',
	failure: '',
	goals: [
		{ kind: 'hitRatio', min: 0.31 },
		{ kind: 'errorBudget', maxPct: 2 }
	],
	run: scenario(25, [], 8, 7),
	start: evictionDesign('ch-evict-start', 'Eviction policy', 'fifo'),
	reference: evictionDesign('ch-evict-ref', 'Eviction policy (reference)', 'lfu'),
	hints: [
		'Which entry goes when the cache is full decides which items stay. FIFO ignores how often an entry is used.',
		'LRU keeps what was used recently; LFU keeps what is used often. With stable popularity, frequency is the better guide.',
		'Switch the cache\'s eviction to LFU.'
	],
	explanation:
		'FIFO evicts a hot key as readily as a cold one. LRU does better, but a burst of one-off reads still pushes hot keys out. LFU keeps the most frequently read keys, which under stable Zipf popularity are exactly the ones worth keeping: the hit ratio rises by about half with no extra memory.'
};

const WB_CLIENT = () => client(1500, { mix: { static: 0, read: 0.5, write: 0.5 }, keys: 50000 });
const WB_DB = { concurrency: 50, readMs: 5, writeMs: 10 };

export const writeBackLoss: Challenge = {
	id: 'write-back-loss',
	title: 'Fast writes that vanish',
	level: 'medium',
	topic: 'caching',
	concepts: ['write-strategies', 'cache-aside'],
	brief:
		'To make writes fast, the cache acknowledges them and writes them to the database later (write-back). At 15 s the cache is restarted, and every write it had not yet flushed is gone. Acknowledged writes must never be lost; writes may be as slow as the database.',
	failure: 'At 15 s the cache is flushed (restarted).',
	goals: [
		{ kind: 'noLostWrites' },
		{ kind: 'latency', percentile: 'p99', maxMs: 80, type: 'write' },
		{ kind: 'errorBudget', maxPct: 1 }
	],
	run: scenario(25, [{ atS: 15, action: 'flush', target: 'cache' }], 5, 7),
	start: design(
		'ch-wb-start',
		'Write-back loss',
		[WB_CLIENT(), lb(), web({ instances: 4, serviceTimeMs: 10 }), cache({ capacity: 50000, strategy: 'write-back', instances: 2 }), db(WB_DB)],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'cache'), edge('cache', 'db', { carries: ['write'] }), edge('web', 'db', reads)]
	),
	reference: design(
		'ch-wb-ref',
		'Write-back loss (reference)',
		[WB_CLIENT(), lb(), web({ instances: 4, serviceTimeMs: 10 }), cache({ capacity: 50000, strategy: 'write-through', instances: 2 }), db(WB_DB)],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'cache'), edge('cache', 'db', { carries: ['write'] }), edge('web', 'db', reads)]
	),
	hints: [
		'A write acknowledged from memory and written to disk later exists only in that memory until then.',
		'Choose a write strategy where the database has the write before the user hears "done".',
		'Switch the cache to write-through: it writes the database before acknowledging, and stays warm for reads.'
	],
	explanation:
		'Write-back holds up to a second of writes only in the cache, so a restart loses them. Write-through writes the database first: the write costs a database round trip (about 10 ms here), and a restart costs only warm entries, never data.'
};

const STATIC_MIX = { static: 0.7, read: 0.25, write: 0.05 };
const staticClient = () => client(3000, { mix: STATIC_MIX, keys: 5000 });
const ORIGIN = { instances: 4, concurrency: 16, serviceTimeMs: 22 };

export const cdnOffload: Challenge = {
	id: 'cdn-offload',
	title: 'Serve the images from the edge',
	level: 'easy',
	topic: 'cdn',
	concepts: ['cdn', 'capacity'],
	brief:
		'70 % of 3,000 requests per second are for images, scripts and style sheets that rarely change, and the web servers serve them all. The servers are nearly saturated. Take the static load off them for less than a web server costs.',
	failure: '',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 120 },
		{ kind: 'cost', maxUsd: 740 }
	],
	run: scenario(25, [], 8, 7),
	start: design('ch-cdn-start', 'CDN offload', [staticClient(), lb(), web(ORIGIN), db()], [edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]),
	reference: design(
		'ch-cdn-ref',
		'CDN offload (reference)',
		[node('client', 'client', -200, 140, { rps: 3000, mix: STATIC_MIX, keys: 5000 }, { label: 'Users' }), node('cdn', 'cdn', 0, 140, { capacity: 10000, ttlS: 3600 }), lb(), web(ORIGIN), db()],
		[edge('client', 'cdn'), edge('cdn', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	hints: [
		'Static files are the same for every user and change rarely. Why make an app server produce each one?',
		'Put a CDN between the users and the balancer: it answers static requests from its edge cache and passes everything else through.',
		'A CDN holding 10,000 objects for an hour: after the first fetch almost every static request is a hit, and the web tier sees only reads and writes.'
	],
	explanation:
		'The web tier could finish 2,900 requests a second and was asked for 3,000. With the CDN answering the 2,100 static requests a second from its cache, the servers run at under a third of capacity, and the CDN costs a fraction of a server.'
};

const FAR = [{ id: 'us-east', name: 'US East', position: { x: 160, y: 20 }, width: 760, height: 260 }];
const farClient = (x = 0) => node('client', 'client', x, 140, { rps: 1000, mix: { static: 0.8, read: 0.18, write: 0.02 }, keys: 500, regions: { 'ap-south': 1 } }, { label: 'Users in India' });
const eastStack = () => [lb({}, 'lb', 250, 140, 'us-east'), web({ instances: 3 }, 'web', 450, 140, 'us-east'), db({}, 'db', 700, 140, 'us-east')];

export const cdnFarUsers: Challenge = {
	id: 'cdn-far-users',
	title: 'Users on the other side of the world',
	level: 'medium',
	topic: 'cdn',
	concepts: ['cdn', 'geodns'],
	brief:
		'All the servers are in US East; all 1,000 requests per second come from India, 95 ms away each way. Pages are mostly images. Make the static content feel local: static p95 under 60 ms.',
	failure: '',
	goals: [
		{ kind: 'latency', percentile: 'p95', maxMs: 60, type: 'static' },
		{ kind: 'errorBudget', maxPct: 1 }
	],
	run: scenario(25, [], 8, 7),
	start: design('ch-far-start', 'Far users', [farClient(), ...eastStack()], [edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')], { regions: FAR }),
	reference: design(
		'ch-far-ref',
		'Far users (reference)',
		[farClient(-200), node('cdn', 'cdn', 0, 140, { capacity: 10000, ttlS: 3600 }), ...eastStack()],
		[edge('client', 'cdn'), edge('cdn', 'lb'), edge('lb', 'web'), edge('web', 'db')],
		{ regions: FAR }
	),
	hints: [
		'No server, however fast, beats the speed of light: a round trip to US East from India costs about 190 ms.',
		'Copy the static content close to the users: a CDN\'s edge servers answer from nearby.',
		'A CDN (outside any region, so it sits near every user) in front of the balancer: static hits answer in about 5 ms, only misses cross the ocean.'
	],
	explanation:
		'Every request that reaches US East pays the 190 ms round trip. The CDN\'s edge is near the users, so a hit costs its 5 ms lookup; with 500 distinct files and room for 10,000, nearly every static request is a hit after the first.'
};

export const CACHING: Challenge[] = [ttlTooShort, cdnOffload, evictionPolicy, writeBackLoss, cdnFarUsers];
