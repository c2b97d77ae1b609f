// The curriculum: the topics practice covers, in teaching order. A challenge carries one
// topic; progress by topic is read from the challenges passed.

export const TOPICS = [
	{ id: 'scaling', title: 'Scaling out', summary: 'From one server to many: capacity, horizontal scaling, autoscaling.' },
	{ id: 'load-balancing', title: 'Load balancing', summary: 'Balancing algorithms and health checks.' },
	{ id: 'stateless', title: 'Stateless tier', summary: 'Stateless web servers versus sticky sessions.' },
	{ id: 'caching', title: 'Caching', summary: 'Cache-aside, write strategies, eviction, TTL, stampedes.' },
	{ id: 'cdn', title: 'CDN', summary: 'Static content served from the edge.' },
	{ id: 'replication', title: 'Replication', summary: 'Single leader: sync, async, semi-sync, failover, lag.' },
	{ id: 'multi-leader', title: 'Multi-leader', summary: 'Writes accepted in several places, and their conflicts.' },
	{ id: 'quorum', title: 'Leaderless quorums', summary: 'N replicas, W and R acknowledgements, R + W > N.' },
	{ id: 'partitioning', title: 'Partitioning', summary: 'Hash versus range, hot keys, rebalancing.' },
	{ id: 'multi-region', title: 'Multi-region', summary: 'GeoDNS, region failover, network partitions.' },
	{ id: 'queues', title: 'Message queues', summary: 'Backlog, consumer groups, at-least-once delivery.' },
	{ id: 'rate-limiting', title: 'Rate limiting', summary: 'Token and leaky buckets, windows and logs.' },
	{ id: 'resilience', title: 'Resilience', summary: 'Gateways, timeouts, retries, circuit breakers, shedding.' },
	{ id: 'cost', title: 'Cost', summary: 'Meeting the goals for the least money.' },
	{ id: 'estimation', title: 'Estimation', summary: 'Back-of-the-envelope numbers that size a design.' }
] as const;

export type TopicId = (typeof TOPICS)[number]['id'];
export type Topic = (typeof TOPICS)[number];

export function topicById(id: string): Topic | undefined {
	return TOPICS.find((t) => t.id === id);
}

/**
 * Topics the simulator cannot grade yet, so no challenge claims them (the practice panel
 * says so rather than counting them as covered).
 */
export const AWAITING_SIMULATOR: readonly TopicId[] = [];
