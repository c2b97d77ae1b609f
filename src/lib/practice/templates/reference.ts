// Reference designs for the classic interview questions, each a runnable starting point.
import { design, edge, node, scenario } from '../build';
import type { Template } from './types';

const ref = (id: string, title: string, changed: string, scenarioText: string, d: ReturnType<typeof design>): Template => ({
	id,
	title,
	group: 'reference',
	changed,
	scenario: scenarioText,
	design: d
});

const urlShortener = ref(
	'ref-url-shortener',
	'URL shortener',
	'Reads outnumber writes a hundred to one, so the design is a read path. A short code is seven base-62 characters (62^7 ≈ 3.5 × 10^12 codes), taken from a counter or a hash, and maps to the long URL. A redirect looks the code up in the cache first; popular links stay there. Writes go to the leader; followers serve the rare cache miss. A 302 redirect keeps analytics possible, a 301 lets browsers skip the service.',
	'5,000 redirects per second with a strongly skewed popularity (Zipf 1.1): the cache answers almost all of them.',
	design(
		'tpl-ref-url',
		'URL shortener',
		[
			node('client', 'client', 0, 120, { rps: 5000, mix: { static: 0, read: 0.99, write: 0.01 }, zipf: 1.1, keys: 1000000 }, { label: 'Users' }),
			node('dns', 'dns', 200, 120),
			node('lb', 'loadBalancer', 400, 120, { healthCheckS: 2 }),
			node('api', 'service', 600, 120, { instances: 4, concurrency: 16, serviceTimeMs: 5 }, { label: 'Redirect API' }),
			node('cache', 'cache', 800, 0, { instances: 3, capacity: 100000, ttlS: 3600 }),
			node('db', 'database', 800, 160, { role: 'leader', failoverS: 10 }, { label: 'URL table leader' }),
			node('db-f', 'database', 1000, 160, { role: 'follower' }, { label: 'Follower' })
		],
		[
			edge('client', 'dns'),
			edge('dns', 'lb'),
			edge('lb', 'api'),
			edge('api', 'cache', { carries: ['read'] }),
			edge('api', 'db'),
			edge('api', 'db-f', { carries: ['read'] }),
			edge('db', 'db-f', { mode: 'semi-sync' })
		],
		{ scenario: scenario(30) }
	)
);

const chat = ref(
	'ref-chat',
	'Chat system',
	'Each user holds a long-lived connection to one chat server, so the balancer must be sticky (ip-hash) and the chat tier is stateful: losing a server drops its connections and they reconnect elsewhere. A sent message is stored in a wide-column key-value store (quorum writes, W = 2 of N = 3) and published to a queue; delivery workers push it to the recipients\' servers. Presence and recent messages live in a cache.',
	'1,500 messages per second with 60 % reads of recent history.',
	design(
		'tpl-ref-chat',
		'Chat system',
		[
			node('client', 'client', 0, 120, { rps: 1500, mix: { static: 0, read: 0.6, write: 0.4 } }, { label: 'Chat clients' }),
			node('lb', 'loadBalancer', 200, 120, { algorithm: 'ip-hash', healthCheckS: 2 }),
			node('chat', 'service', 400, 120, { instances: 4, concurrency: 32, serviceTimeMs: 5, stateful: true }, { label: 'Chat servers' }),
			node('presence', 'cache', 600, 0, { instances: 2, capacity: 50000 }, { label: 'Presence + recent' }),
			node('messages', 'kvStore', 600, 140, { nodes: 5, n: 3, w: 2, r: 2 }, { label: 'Message store' }),
			node('fanout', 'queue', 600, 280, { partitions: 8 }, { label: 'Delivery queue' }),
			node('deliver', 'worker', 800, 280, { instances: 4, concurrency: 16, serviceTimeMs: 10 }, { label: 'Delivery workers' })
		],
		[
			edge('client', 'lb'),
			edge('lb', 'chat'),
			edge('chat', 'presence', { carries: ['read'] }),
			edge('chat', 'messages'),
			edge('chat', 'fanout', { carries: ['write'] }),
			edge('fanout', 'deliver')
		],
		{ scenario: scenario(30) }
	)
);

const photos = ref(
	'ref-photo-sharing',
	'Photo sharing',
	'Photos are written once and read many times, so bytes and metadata take different paths. The image bytes live in an object store behind a CDN; uploads publish a job and workers make thumbnails in the background. Metadata (who posted what, likes) lives in a replicated database behind a cache.',
	'4,000 requests per second, 60 % of them image fetches served by the CDN.',
	design(
		'tpl-ref-photos',
		'Photo sharing',
		[
			node('client', 'client', 0, 160, { rps: 4000, mix: { static: 0.6, read: 0.36, write: 0.04 } }, { label: 'Users' }),
			node('dns', 'dns', 150, 160),
			node('cdn', 'cdn', 300, 160, { capacity: 100000 }),
			node('lb', 'loadBalancer', 450, 160, { healthCheckS: 2 }),
			node('web', 'service', 600, 160, { instances: 4, concurrency: 16, serviceTimeMs: 15 }, { label: 'Photo API' }),
			node('cache', 'cache', 800, 40, { instances: 2, capacity: 50000 }),
			node('db', 'database', 800, 180, { role: 'leader', failoverS: 10 }, { label: 'Metadata leader' }),
			node('db-f', 'database', 1000, 180, { role: 'follower' }, { label: 'Follower' }),
			node('jobs', 'queue', 800, 320, {}, { label: 'Thumbnail jobs' }),
			node('thumbs', 'worker', 1000, 320, { instances: 8, concurrency: 4, serviceTimeMs: 150 }, { label: 'Thumbnailers' }),
			node('store', 'objectStore', 450, 360, {}, { label: 'Image store' })
		],
		[
			edge('client', 'dns'),
			edge('dns', 'cdn'),
			edge('cdn', 'store', { carries: ['static'] }),
			edge('cdn', 'lb', { carries: ['read', 'write'] }),
			edge('lb', 'web'),
			edge('web', 'cache', { carries: ['read'] }),
			edge('web', 'db'),
			edge('web', 'db-f', { carries: ['read'] }),
			edge('web', 'jobs', { carries: ['write'] }),
			edge('db', 'db-f', { mode: 'semi-sync' }),
			edge('jobs', 'thumbs'),
			edge('thumbs', 'store')
		],
		{ scenario: scenario(30) }
	)
);

const newsFeed = ref(
	'ref-news-feed',
	'News feed',
	'Fan-out on write: a new post is stored, then a message goes to a queue and workers push the post id into each follower\'s precomputed feed in a cache, so reading a feed is one cache lookup. Celebrities with millions of followers are the exception (their posts are merged in at read time instead), which is why the feed cache is large and the post store is replicated.',
	'3,000 requests per second, 90 % feed reads; posts fan out in the background.',
	design(
		'tpl-ref-feed',
		'News feed',
		[
			node('client', 'client', 0, 120, { rps: 3000, mix: { static: 0, read: 0.9, write: 0.1 } }, { label: 'Users' }),
			node('lb', 'loadBalancer', 200, 120, { healthCheckS: 2 }),
			node('feed', 'service', 400, 120, { instances: 4, concurrency: 16, serviceTimeMs: 10 }, { label: 'Feed + post API' }),
			node('feedcache', 'cache', 600, 0, { instances: 3, capacity: 80000, ttlS: 600 }, { label: 'Feed cache' }),
			node('posts', 'database', 600, 140, { role: 'leader', failoverS: 10 }, { label: 'Posts leader' }),
			node('posts-f', 'database', 800, 140, { role: 'follower' }, { label: 'Posts follower' }),
			node('fanout', 'queue', 600, 280, {}, { label: 'Fan-out queue' }),
			node('fanworkers', 'worker', 800, 280, { instances: 4, concurrency: 8, serviceTimeMs: 40 }, { label: 'Fan-out workers' })
		],
		[
			edge('client', 'lb'),
			edge('lb', 'feed'),
			edge('feed', 'feedcache', { carries: ['read'] }),
			edge('feed', 'posts'),
			edge('feed', 'posts-f', { carries: ['read'] }),
			edge('feed', 'fanout', { carries: ['write'] }),
			edge('posts', 'posts-f', { mode: 'semi-sync' }),
			edge('fanout', 'fanworkers'),
			edge('fanworkers', 'feedcache')
		],
		{ scenario: scenario(30) }
	)
);

const rateLimiter = ref(
	'ref-rate-limiter',
	'Rate limiter',
	'The limiter sits between the edge and the API and answers 429 above the limit, so one client cannot starve the others. A sliding-window counter per key (user or IP) is accurate enough and cheap: two counters per key, kept in a shared cache so every limiter instance sees the same counts. Requests under the limit pay a fraction of a millisecond.',
	'Traffic spikes to four times normal for 10 s: the excess gets 429s while the API stays at its normal latency.',
	design(
		'tpl-ref-limiter',
		'Rate limiter',
		[
			node('client', 'client', 0, 120, { rps: 1000, shape: { kind: 'spike', atS: 10, durationS: 10, factor: 4 } }, { label: 'Clients' }),
			node('gw', 'apiGateway', 200, 120, {}, { label: 'API gateway' }),
			node('limiter', 'rateLimiter', 400, 120, { algorithm: 'sliding-window-counter', limitRps: 1500, burst: 200 }),
			node('lb', 'loadBalancer', 600, 120, { healthCheckS: 2 }),
			node('api', 'service', 800, 120, { instances: 3, concurrency: 16, serviceTimeMs: 20 }, { label: 'API' }),
			node('db', 'database', 1000, 120, { role: 'leader' })
		],
		[edge('client', 'gw'), edge('gw', 'limiter'), edge('limiter', 'lb'), edge('lb', 'api'), edge('api', 'db')],
		{ scenario: scenario(30) }
	)
);

const messageQueue = ref(
	'ref-message-queue',
	'Distributed message queue',
	'Producers write to brokers that append each message to a partitioned, replicated log; consumers in a group each own some partitions and pull at their own pace, remembering their offset. Partitions are the unit of parallelism and ordering. Delivery is at least once, so consumers must be idempotent. Here the brokers are the queue node (8 partitions), the consumer group the workers.',
	'2,000 messages per second in, consumed by 32 workers at 10 ms each.',
	design(
		'tpl-ref-mq',
		'Distributed message queue',
		[
			node('client', 'client', 0, 120, { rps: 2000, mix: { static: 0, read: 0, write: 1 } }, { label: 'Producers' }),
			node('lb', 'loadBalancer', 200, 120, { healthCheckS: 2 }),
			node('ingest', 'service', 400, 120, { instances: 3, concurrency: 32, serviceTimeMs: 2 }, { label: 'Broker front' }),
			node('log', 'queue', 600, 120, { partitions: 8, publishMs: 3 }, { label: 'Partitioned log' }),
			node('consumers', 'worker', 800, 120, { instances: 8, concurrency: 4, serviceTimeMs: 10 }, { label: 'Consumer group' }),
			node('sink', 'kvStore', 1000, 120, {}, { label: 'Results' })
		],
		[edge('client', 'lb'), edge('lb', 'ingest'), edge('ingest', 'log'), edge('log', 'consumers'), edge('consumers', 'sink')],
		{ scenario: scenario(30) }
	)
);

const uniqueIds = ref(
	'ref-unique-ids',
	'Unique ID generator',
	'A Snowflake-style ID is 64 bits: 41 of milliseconds since an epoch, 5 of datacenter, 5 of machine and 12 of sequence, so each machine mints up to 4,096 sortable IDs per millisecond with no coordination and no database. The tier only needs enough machines for availability; its clocks must not go backwards.',
	'20,000 IDs per second, each minted in a tenth of a millisecond.',
	design(
		'tpl-ref-ids',
		'Unique ID generator',
		[
			node('client', 'client', 0, 120, { rps: 20000, mix: { static: 0, read: 0, write: 1 } }, { label: 'Services needing IDs' }),
			node('lb', 'loadBalancer', 200, 120, { healthCheckS: 2 }),
			node('ids', 'service', 400, 120, { instances: 3, concurrency: 4, serviceTimeMs: 0.1 }, { label: 'ID generators' })
		],
		[edge('client', 'lb'), edge('lb', 'ids')],
		{ scenario: scenario(10) }
	)
);

export const REFERENCE_DESIGNS: Template[] = [urlShortener, chat, photos, newsFeed, rateLimiter, messageQueue, uniqueIds];
