// Concepts, each explained in a few sentences: the "Why?" behind review findings, run-summary
// fixes and challenges. Keyed by a stable id; the lookups below tie findings and fixes to one.

export interface Concept {
	title: string;
	/** The idea and why it works, in the app's own words. */
	why: string;
}

export const CONCEPTS = {
	capacity: {
		title: 'Capacity and utilization',
		why: 'A tier finishes at most instances × workers ÷ service time requests a second. Queues, and so latency, grow sharply as utilization nears 100 %: at 50 % a request rarely waits, at 95 % it waits many service times.'
	},
	'horizontal-scaling': {
		title: 'Horizontal scaling',
		why: 'Adding machines behind a balancer multiplies capacity without a bigger machine, and removes the single point of failure. It needs a stateless tier, so any machine can serve any request.'
	},
	autoscaling: {
		title: 'Autoscaling',
		why: 'The group grows and shrinks with the load, aiming at a target utilization. New machines need a warm-up, so the target leaves headroom; paying only for the capacity in use cuts cost when traffic swings.'
	},
	'single-point-of-failure': {
		title: 'Single point of failure',
		why: 'A part with no spare takes everything behind it down when it fails. Redundancy (two or more of everything on the request path) turns a failure into a loss of capacity instead of an outage.'
	},
	'load-balancing': {
		title: 'Load-balancing algorithms',
		why: 'Round-robin spreads requests evenly in count; least-connections and power-of-two choices send work to whoever is least busy, which matters when requests or machines differ; weighted spreads in proportion to capacity.'
	},
	'health-checks': {
		title: 'Health checks',
		why: 'A balancer keeps sending to a dead machine until a health check notices. The check interval is the outage each crash costs: short checks shrink it, at the price of more probing.'
	},
	'stateless-tier': {
		title: 'Stateless tier and sticky sessions',
		why: 'If sessions live in a web server, every user must return to it (sticky sessions): load follows users rather than capacity, and a crash logs people out. Keeping session state in a shared store makes servers interchangeable.'
	},
	'cache-aside': {
		title: 'Cache-aside',
		why: 'The application reads the cache first and, on a miss, reads the database and fills the cache. Popular keys are served from memory in a fraction of a millisecond and the database only sees misses and writes.'
	},
	'write-strategies': {
		title: 'Write-through, write-back, write-around',
		why: 'Write-through writes the cache and the database together: safe, as slow as the database. Write-back acknowledges from the cache and writes later: fast, but dirty keys die with the cache. Write-around skips the cache and invalidates it.'
	},
	eviction: {
		title: 'Eviction policies',
		why: 'A full cache must drop something. LRU drops the least recently used, LFU the least often used (better for stable popularity), FIFO the oldest (simplest, worst for skewed traffic). The policy decides the hit ratio a given memory buys.'
	},
	ttl: {
		title: 'Time to live',
		why: 'An entry expires a fixed time after it was written, bounding how stale a cached value can be. Too short and popular keys keep missing; too long and readers see old data.'
	},
	'cache-stampede': {
		title: 'Cache stampede',
		why: 'When a cache is emptied, every read misses at the same moment and the database behind it sees the full read load it was sized to never see. Spare database capacity, request coalescing or warming the cache first keeps it standing.'
	},
	cdn: {
		title: 'Content delivery network',
		why: 'Static files are copied to edge servers near users. A hit is answered nearby in a few milliseconds, without crossing an ocean and without touching the origin servers.'
	},
	'read-replicas': {
		title: 'Read replicas',
		why: 'Followers replay the leader\'s writes and serve reads, so read capacity grows with each follower. Writes still all go to the leader, so replication does not scale writes.'
	},
	'replication-modes': {
		title: 'Synchronous, semi-synchronous, asynchronous replication',
		why: 'Sync waits for every follower before acknowledging a write (slowest follower sets the latency); async waits for none (fast, but a failover loses what was not shipped); semi-sync waits for the first follower: no acknowledged write is lost, at the cost of the fastest follower\'s lag.'
	},
	failover: {
		title: 'Failover',
		why: 'When the leader dies a follower is promoted. Until then writes fail, so the detection and promotion time is the write outage; with async replication the writes the follower had not received are lost.'
	},
	'read-your-writes': {
		title: 'Replication lag and read-your-writes',
		why: 'A follower is behind the leader by its lag, so a user who writes and then reads from a follower may not see their own write. Reading recent or own data from the leader, or keeping lag small, restores read-your-writes.'
	},
	quorum: {
		title: 'Leaderless quorums',
		why: 'Each key lives on N machines; a write waits for W acknowledgements and a read for R answers. With R + W > N every read meets at least one copy of the latest write, and the store tolerates N − W machines down for writes, N − R for reads.'
	},
	'multi-leader': {
		title: 'Multi-leader replication and write conflicts',
		why: 'Letting each region\'s leader take writes makes writes local and fast, but two leaders can change the same key before either has heard of the other: a conflict. Last write wins keeps the later one and silently drops the other, a lost update acknowledged to its user. The chance grows with the write rate per key and the replication lag; giving each key one home leader removes it.'
	},
	'quorum-tuning': {
		title: 'Tuning R and W',
		why: 'With R + W > N every read quorum overlaps every write quorum, so reads see the latest write; with R + W ≤ N a read can land only on replicas the write has not reached yet, with probability C(N − W, R) / C(N, R) right after it. Within R + W > N, the split sets the latency: a read-heavy workload wants R = 1 and W = N, a write-heavy one the reverse.'
	},
	'read-repair': {
		title: 'Read repair and hinted handoff',
		why: 'Replicas drift: a write can miss one that was down or slow. Hinted handoff keeps the writes meant for a down replica and delivers them when it returns; read repair has each read push the newest version it finds to the replicas that were behind. Without either, a replica that comes back serves old data until the key is written again.'
	},
	sharding: {
		title: 'Partitioning (sharding)',
		why: 'Each shard owns a slice of the keys and takes only its slice of reads and writes, so write capacity grows with shards. Hash partitioning spreads keys evenly; range partitioning keeps neighbours together, which helps scans and hurts when the popular keys are neighbours.'
	},
	'hot-keys': {
		title: 'Hot keys',
		why: 'One very popular key lives on one shard however keys are split, so that shard melts while others idle. Caching the key\'s reads (or splitting the key itself) takes the heat off.'
	},
	'consistent-hashing': {
		title: 'Consistent hashing and rebalancing',
		why: 'Keys sit on a ring of virtual points, so adding a machine moves only the keys of its new arcs, and each machine\'s share of the load shrinks as the ring grows.'
	},
	geodns: {
		title: 'GeoDNS',
		why: 'DNS answers each user with the nearest healthy region, cutting round trips across continents; when a region stops answering its health check, users are sent to the next one.'
	},
	'region-failover': {
		title: 'Region failover',
		why: 'A region is one failure domain. A second region with its own copy of the stack and a replica of the data can take all traffic when the first goes dark.'
	},
	'network-partition': {
		title: 'Network partitions',
		why: 'When two regions cannot talk, each side must choose: refuse what needs the other side (consistency) or answer from what it has locally (availability). Local replicas keep reads answering during the cut.'
	},
	'message-queue': {
		title: 'Message queues',
		why: 'The request publishes a message and answers at once; workers take messages at their own pace. The queue absorbs bursts as backlog, and the workers only need to keep up on average.'
	},
	'at-least-once': {
		title: 'At-least-once delivery',
		why: 'A message is removed only after a worker acknowledges it; until then it is hidden for a visibility timeout, and delivered again if the timeout ends first. Nothing is lost, but a worker slower than the timeout means the work runs twice: set the timeout above the processing tail, and make consumers idempotent.'
	},
	'consumer-groups': {
		title: 'Partitions and consumer groups',
		why: 'A partitioned log keeps each partition in order by giving it to one consumer of a group at a time. So a group can never run more consumers than there are partitions: extra workers idle. Each group gets every message; workers in one group share them.'
	},
	'dead-letter-queue': {
		title: 'Dead-letter queues',
		why: 'Some messages can never succeed (bad data, a bug). Retried forever they come back again and again and take the workers from the good ones. After a few tries a dead-letter queue sets them aside for a person to look at, and the rest flow.'
	},
	'rate-limiting': {
		title: 'Rate limiting',
		why: 'Refusing the excess at the door (429) in microseconds keeps what is admitted fast. Token and leaky buckets admit a smooth rate; a fixed window lets a whole window\'s quota through at its start, a burst the servers behind must absorb.'
	},
	'api-gateway': {
		title: 'API gateway',
		why: 'One entry point that authenticates, limits and routes each request type to the service that owns it, so services can be split, scaled and isolated behind it.'
	},
	timeouts: {
		title: 'Timeouts',
		why: 'Without a timeout a caller waits as long as the slowest dependency, holding its worker. A timeout bounds the wait; set just above the normal tail, it plus a retry also cuts the tail latency.'
	},
	retries: {
		title: 'Retries with backoff',
		why: 'A retry turns a transient failure into a success. Exponential backoff with jitter spreads retries out, and a small retry count (or a retry budget) keeps them from multiplying the load on a struggling server.'
	},
	'retry-storm': {
		title: 'Retry storms',
		why: 'A timed-out request is still worked on, and its retry adds more work. Past a point the server spends its time on answers nobody waits for, and stays overloaded after the cause is gone.'
	},
	'circuit-breaker': {
		title: 'Circuit breakers',
		why: 'After enough failures the caller stops calling a dependency for a while and fails at once, freeing its workers; probes test whether it has recovered. A sick dependency then costs its own feature, not the whole service.'
	},
	'load-shedding': {
		title: 'Load shedding and bounded queues',
		why: 'A short queue rejects excess at once instead of making everyone wait past their timeout. Failing a few fast beats failing everyone slowly.'
	},
	bulkheads: {
		title: 'Bulkheads',
		why: 'Separate pools for separate work, so one slow kind of request cannot take every worker and starve the rest.'
	},
	'connection-pools': {
		title: 'Connection pools',
		why: 'A caller keeps a few open connections per dependency. It needs about calls per second × time each is held (Little\'s law) per instance, plus room for bursts; fewer and calls wait or are refused while the dependency sits idle, far more and a slow dependency can be swamped.'
	},
	cost: {
		title: 'Cost',
		why: 'Every machine is paid for every hour, busy or idle. Size each tier for the load with headroom, prefer cheap machines (caches) to expensive ones (databases) where they do the job, and let capacity follow the traffic.'
	},
	estimation: {
		title: 'Back-of-the-envelope estimation',
		why: 'Daily users × requests per user ÷ 86,400 s gives the average rate; the peak is a few times that. Sizing for the peak with headroom, not the average, is what keeps latency low at the busiest hour.'
	},
	'tail-latency': {
		title: 'Tail latency',
		why: 'The 99th percentile is what one request in a hundred sees, and a page that makes many calls sees it often. Variance, queueing and slow machines set the tail far above the mean.'
	}
} as const satisfies Record<string, Concept>;

export type ConceptId = keyof typeof CONCEPTS;

export function conceptById(id: string): Concept | undefined {
	return (CONCEPTS as Record<string, Concept>)[id];
}

/** The concept behind each design-review rule. */
export const RULE_CONCEPTS: Record<string, ConceptId> = {
	'single-load-balancer': 'single-point-of-failure',
	'single-database': 'failover',
	'single-cache': 'cache-stampede',
	'single-instance': 'single-point-of-failure',
	'single-region': 'region-failover',
	'no-balancer': 'load-balancing',
	'stateful-not-sticky': 'stateless-tier',
	'async-replication': 'replication-modes',
	'idle-follower': 'read-replicas',
	'hot-shard': 'sharding',
	'hot-key': 'hot-keys',
	'no-cdn': 'cdn',
	'no-rate-limit': 'rate-limiting',
	'cache-no-ttl': 'ttl',
	'sync-slow-call': 'message-queue',
	'weak-quorum': 'quorum-tuning',
	'multi-leader': 'multi-leader'
};

/** What a run-summary fix changes, as far as the concept goes (patch shapes of analysis/patch.ts). */
export type FixShape =
	| { op: 'setParams'; params: Record<string, unknown> }
	| { op: 'setEdgeParams'; params: Record<string, unknown> }
	| { op: 'add'; nodes: { kind: string; params?: Record<string, unknown> }[] };

/** The concept behind a run-summary fix, read from what its patch changes. */
export function conceptForFix(patch: FixShape): ConceptId {
	if (patch.op === 'add') {
		const kinds = new Set(patch.nodes.map((n) => n.kind));
		if (kinds.has('cache')) return 'cache-aside';
		if (kinds.has('database')) return 'read-replicas';
		if (kinds.has('cdn')) return 'cdn';
		if (kinds.has('queue')) return 'message-queue';
		if (kinds.has('rateLimiter')) return 'rate-limiting';
		return 'horizontal-scaling';
	}
	const keys = Object.keys(patch.params);
	if (patch.op === 'setEdgeParams') return keys.includes('pool') ? 'connection-pools' : 'capacity';
	if (keys.includes('shards')) return 'sharding';
	if (keys.includes('autoscale')) return 'autoscaling';
	if (keys.includes('limitRps') || keys.includes('maxRps')) return 'rate-limiting';
	if (keys.includes('instances')) return 'horizontal-scaling';
	return 'capacity';
}
