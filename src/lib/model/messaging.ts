// Param fields of message queues and their consumers (docs/model.md, "Queues: partitions,
// consumer groups, redelivery"): how a queue orders and hands out messages, how long a
// received message stays invisible before it is delivered again, when it goes to the
// dead-letter queue; and which consumer group a worker belongs to. All default to the
// behaviour before they existed: one group, any worker takes any message, no timeout.
import { UNBOUNDED, spec, type ParamSpec } from './params';

const { n, int, choice } = spec;

/** A queue's fields (before its random failures). */
export const QUEUE_FIELDS: ParamSpec[] = [
	n('publishMs', 'Publish time', 'ms', 2, 0, 60_000, 'Time until a publish is acknowledged.'),
	int('maxDepth', 'Max depth', 1_000_000, 1, UNBOUNDED, 'Messages held; a full queue rejects publishes.'),
	choice(
		'ordering',
		'Ordering',
		['none', 'per-partition'],
		'none',
		'None: any free consumer takes the oldest message (competing consumers, as SQS). Per partition: a message goes to partition hash(key) mod partitions, and in each consumer group a partition has one message in processing at a time (as Kafka), so parallelism ≤ partitions.'
	),
	int('partitions', 'Partitions', 1, 1, 10_000, 'Ordered partitions: each consumer group processes at most this many messages at once.', {
		when: { key: 'ordering', is: ['per-partition'] }
	}),
	n('visibilityTimeoutS', 'Visibility timeout', 's', 0, 0, 1e6, 'A received message is hidden this long; not acknowledged by then (slow, failed or crashed consumer), it is delivered again: at-least-once, with duplicates. 0: none — messages come back only when their consumer dies (as RabbitMQ), and a failed one is dropped.'),
	int('maxReceives', 'Max receives', 0, 0, 1000, 'After this many deliveries without an acknowledgement a message moves to the dead-letter queue (0: never, it is retried forever).')
];

/** A worker's consumer group: workers fed by one queue with the same number share its messages; each group gets every message. */
export const CONSUMER_GROUP: ParamSpec = int(
	'consumerGroup',
	'Consumer group',
	1,
	1,
	1000,
	'Workers fed by the same queue with the same group number share its messages (competing consumers); each group gets its own copy of every message (fan-out).'
);
