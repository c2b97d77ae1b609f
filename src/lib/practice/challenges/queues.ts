// Queues beyond the backlog: partitions that cap a consumer group, a visibility timeout
// shorter than the processing tail (duplicates), and poison messages without a
// dead-letter queue.
import { design, scenario } from '../build';
import { edge, lb, node, web } from './parts';
import type { Params } from '../../model/types';
import type { Challenge } from './types';

const producers = (rps: number) =>
	node('client', 'client', 0, 140, { rps, mix: { static: 0, read: 0, write: 1 }, keys: 100_000, zipf: 0.5 }, { label: 'Users' });
const head = () => [lb(), web({ instances: 2, serviceTimeMs: 10 })];
const pipe = (q: string, w: string) => [edge('client', 'lb'), edge('lb', 'web'), edge('web', q), edge(q, w)];

const orders = (p: Params) => node('orders', 'queue', 650, 140, { ordering: 'per-partition', ...p }, { label: 'Orders' });
const processors = () => node('proc', 'worker', 850, 140, { instances: 4, concurrency: 2, serviceTimeMs: 20 }, { label: 'Order processors' });

export const partitionParallelism: Challenge = {
	id: 'consumer-group-parallelism',
	title: 'Eight workers, two at work',
	level: 'medium',
	topic: 'queues',
	concepts: ['consumer-groups', 'message-queue'],
	brief:
		'Orders arrive at 300 a second and must be processed in order per customer, so the queue is partitioned by customer. Eight order processors (4 instances × 2) could do 400 a second, yet the backlog climbs and most processors sit idle. Adding more of them changes nothing.',
	failure: '',
	goals: [
		{ kind: 'backlog', maxDepth: 200 },
		{ kind: 'errorBudget', maxPct: 1 }
	],
	run: scenario(40, [], 5, 7),
	start: design('ch-partitions-start', 'Consumer group parallelism', [producers(300), ...head(), orders({ partitions: 2 }), processors()], pipe('orders', 'proc')),
	reference: design(
		'ch-partitions-ref',
		'Consumer group parallelism (reference)',
		[producers(300), ...head(), orders({ partitions: 16 }), processors()],
		pipe('orders', 'proc')
	),
	hints: [
		'Look at the processors\' utilization. How many messages can one consumer group process at once when the queue is ordered per partition?',
		'Within a consumer group a partition goes to one consumer at a time: the partitions, not the workers, cap the parallelism.',
		'Raise the queue\'s partitions to at least the 8 consumers; 16 spreads the customers evenly enough that no partition runs hot.'
	],
	explanation:
		'Ordering per partition means one message of a partition in processing at a time, so a group runs at most min(partitions, consumers) messages at once. Two partitions give two busy processors: 2 ÷ 20 ms = 100 orders a second for 300 arriving. With 16 partitions all eight processors work (300 × 20 ms = 6 busy of 8), and each customer\'s orders still stay in order.'
};

const payments = (p: Params) => node('payments', 'queue', 650, 140, { visibilityTimeoutS: 1, ...p }, { label: 'Payments' });
const chargers = () => node('charger', 'worker', 850, 140, { instances: 4, concurrency: 16, serviceTimeMs: 400 }, { label: 'Card charger' });

export const atLeastOnce: Challenge = {
	id: 'at-least-once-duplicates',
	title: 'Charged twice',
	level: 'medium',
	topic: 'queues',
	concepts: ['at-least-once', 'message-queue'],
	brief:
		'Each payment message charges a card, taking 400 ms on average (longer for some banks). Customers complain of double charges: about one payment in twelve is charged twice. The workers have capacity to spare and nothing fails.',
	failure: '',
	goals: [
		{ kind: 'duplicates', maxPct: 0.5 },
		{ kind: 'backlog', maxDepth: 100 }
	],
	run: scenario(40, [], 5, 7),
	start: design('ch-dupes-start', 'At-least-once duplicates', [producers(100), ...head(), payments({}), chargers()], pipe('payments', 'charger')),
	reference: design(
		'ch-dupes-ref',
		'At-least-once duplicates (reference)',
		[producers(100), ...head(), payments({ visibilityTimeoutS: 5 }), chargers()],
		pipe('payments', 'charger')
	),
	hints: [
		'A received message is hidden only for the queue\'s visibility timeout. What happens to a payment still being charged when the timeout ends?',
		'It is delivered again while the first worker is still on it: both charge the card. The timeout must outlast almost every processing time, not the average.',
		'Raise the Payments queue\'s visibility timeout from 1 s to about 5 s (over ten times the mean charging time).'
	],
	explanation:
		'With exponential processing of mean S, a share e^(−V/S) of deliveries outlive a visibility timeout V: e^(−1/0.4) ≈ 8 % at 1 s, so the broker hands those payments to a second worker. At 5 s the share is e^(−12.5), about four in a million. The cost is slower recovery when a worker dies (its messages wait out the timeout), and duplicates are still possible, so the charge should also be idempotent (a payment id).'
};

const events = (p: Params) => node('events', 'queue', 650, 140, { visibilityTimeoutS: 1, ...p }, { label: 'Events' });
const handlers = () => node('handler', 'worker', 850, 140, { instances: 1, concurrency: 4, serviceTimeMs: 20 }, { label: 'Event handlers' });
const poisonRun = scenario(45, [{ atS: 5, action: 'poisonMessages', target: 'events', rate: 0.1, durationS: 0 }], 5, 7);

export const deadLetters: Challenge = {
	id: 'dead-letters',
	title: 'Messages that never succeed',
	level: 'hard',
	topic: 'queues',
	concepts: ['dead-letter-queue', 'at-least-once'],
	brief:
		'From 5 s one event in ten is malformed and makes its handler fail every time. Each failure comes back a second later, the malformed events pile up, and after a while they take every handler: good events wait longer and longer. Keep the good events flowing without dropping any event on the floor.',
	failure: 'From 5 s, 10 % of published events are poison: their processing always fails.',
	goals: [
		{ kind: 'backlog', maxDepth: 100 },
		{ kind: 'droppedMessages', max: 0 }
	],
	run: poisonRun,
	start: design('ch-dlq-start', 'Dead letters', [producers(100), ...head(), events({}), handlers()], pipe('events', 'handler')),
	reference: design('ch-dlq-ref', 'Dead letters (reference)', [producers(100), ...head(), events({ maxReceives: 3 }), handlers()], pipe('events', 'handler')),
	hints: [
		'A failed event is not acknowledged, so it comes back after the visibility timeout, again and again. What stops that?',
		'Give up on a message after a few deliveries and set it aside for a person, instead of retrying it forever (turning the timeout off would drop it silently).',
		'Set the Events queue\'s max receives to 3: a poison event costs three tries, then goes to the dead-letter queue.'
	],
	explanation:
		'Retried forever, every poison event adds a delivery per second for good: 10 new ones a second each costing 20 ms of a handler, so after about 15 s they need more handlers than there are and the good events back up. With max receives 3, each costs three tries and then lands in the dead-letter queue, where it waits for a person to fix it; the handlers spend 6 % of their time on them and the backlog stays near empty.'
};

export const QUEUES: Challenge[] = [partitionParallelism, atLeastOnce, deadLetters];
