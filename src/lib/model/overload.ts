// Param sections for behaviour under overload (docs/model.md, "Overload and clients"): how a
// server orders and sheds its queue, how its service time grows with load, GC pauses that
// come faster as the heap (queue) fills; and on edges, how callers retry. All off by
// default: a design that does not ask for them runs exactly as before.
import { spec, type ParamSpec, type SectionSpec } from './params';

const { n, choice, bool, section } = spec;

export const OVERLOAD_SECTION: SectionSpec = section(
	'overload',
	'Overload behaviour',
	[
		choice('discipline', 'Queue order', ['fifo', 'lifo', 'adaptive'], 'fifo', 'Oldest first, newest first, or adaptive: FIFO until the queue stands for 100 ms, then newest first and drop waits over the timeout (CoDel-like).'),
		n('standingTimeoutMs', 'Standing-queue timeout', 'ms', 10, 0, 1e7, 'Adaptive only: while the queue stands, a request that waited longer is shed (503).', {
			when: { key: 'discipline', is: ['adaptive'] }
		}),
		bool('dropAbandoned', 'Drop abandoned work', false, 'Before serving a queued request, check its caller still waits (deadline propagation); skip it if not.'),
		n('contention', 'Contention', undefined, 0, 0, 10, 'Service time × (1 + c × (busy workers − 1)) on the instance: locks and coordination grow with concurrency.')
	],
	'Queue order, shedding, and service time that grows with load.'
);

export const GC_SECTION: SectionSpec = section(
	'gc',
	'GC pauses',
	[
		bool('enabled', 'Enabled', false, 'Stop-the-world pauses on each instance.'),
		n('pauseMs', 'Pause', 'ms', 100, 0, 1e6, 'Length of one pause: nothing on the instance finishes meanwhile.'),
		n('everyS', 'Mean gap when idle', 's', 30, 0.001, 1e7, 'Pauses come at rate 1/gap on an idle instance…', { exclusiveMin: true }),
		n('perQueued', 'Extra rate per queued request', '/s', 0.01, 0, 1e3, '…plus this much per waiting request (heap pressure): the seed of a death spiral.')
	],
	'Garbage-collection pauses whose rate grows with the queue.'
);

export const RETRY_FIELDS: ParamSpec[] = [
	n('backoffCapMs', 'Backoff cap', 'ms', 60_000, 0, 1e9, 'The wait never grows past this.'),
	choice('jitter', 'Jitter', ['equal', 'full', 'none'], 'equal', 'Equal: half fixed, half random. Full: uniform from 0 to the backoff (spreads retries most). None: all in step.'),
	choice('retryOn', 'Retry on', ['any-failure', 'not-overload', 'timeouts'], 'any-failure', 'Which failures are retried: all; all but rejections and 429s (the server asked for less); only timeouts.'),
	section(
		'retryBudget',
		'Retry budget',
		[
			bool('enabled', 'Enabled', false, 'A token bucket per edge: a retry spends a token; none left, no retry.'),
			n('burst', 'Bucket', 'tokens', 10, 0, 1e9, 'Tokens when full: the retries allowed at once.'),
			n('ratePerS', 'Refill', 'tokens/s', 1, 0, 1e9, 'Tokens added per second.'),
			n('perSuccess', 'Per success', 'tokens', 0.1, 0, 1e3, 'Tokens added per successful call (0.1: retries ≤ 10% of successes, as the AWS SDKs).')
		],
		'Caps retries so they cannot multiply load during an outage.'
	)
];

export const CLOSED_LOOP_FIELDS: ParamSpec[] = [
	choice('loop', 'Users', ['open', 'closed'], 'open', 'Open: arrivals at the rate, whatever happens. Closed: a fixed number of users, each waiting for its answer and thinking before the next.'),
	spec.int('users', 'Users', 100, 1, 1e7, 'Closed loop: how many users.', { when: { key: 'loop', is: ['closed'] } }),
	n('thinkMs', 'Think time', 'ms', 1000, 0, 1e9, 'Closed loop: mean pause between an answer and the next request (exponential).', { when: { key: 'loop', is: ['closed'] } })
];
