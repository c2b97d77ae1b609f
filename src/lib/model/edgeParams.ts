// Edge params (calls and replication) and the built-in inter-region latency matrix.
import { spec, type ParamSpec } from './params';
import { RETRY_FIELDS } from './overload';
import { POOL_SECTION } from './services';

const { n, int, choice, bool, section } = spec;

/** Edge params. Replication edges (database → database) use mode and lagMs. */
export const EDGE_PARAMS: ParamSpec[] = [
	n('latencyMs', 'Latency', 'ms', 0.5, 0, 60_000, 'One way; paid there and back.'),
	{ type: 'types', key: 'carries', label: 'Carries', help: 'Request types that travel this edge.', default: ['static', 'read', 'write'] },
	n('weight', 'Weight', undefined, 1, 0, 1e6, 'Share for the weighted balancer.'),
	n('timeoutMs', 'Timeout', 'ms', 0, 0, 1e9, 'The caller gives up after this (0 = none).'),
	int('retries', 'Retries', 0, 0, 20, 'Retries on failure, with exponential backoff and jitter.'),
	n('backoffMs', 'Backoff base', 'ms', 100, 0, 1e7, 'First retry waits about this, doubling each time.'),
	...RETRY_FIELDS,
	section(
		'breaker',
		'Circuit breaker',
		[
			bool('enabled', 'Enabled', false, 'Stop calling a failing target for a while.'),
			n('failureRate', 'Failure rate', undefined, 0.5, 0, 1, 'Opens above this fraction of failures.'),
			n('windowS', 'Window', 's', 10, 0.001, 3600, 'Over this much recent time.', { exclusiveMin: true }),
			n('openS', 'Open for', 's', 5, 0, 3600, 'Then lets probes through (half-open).'),
			int('halfOpenProbes', 'Half-open probes', 3, 1, 1000, 'Successes needed to close again.')
		],
		'closed → open → half-open → closed.'
	),
	POOL_SECTION,
	choice('mode', 'Replication', ['async', 'sync', 'semi-sync'], 'async', 'When the leader acknowledges a write.'),
	n('lagMs', 'Replication lag', 'ms', 100, 0, 1e8, 'Time for a committed write to reach the follower (async).')
];

/** Keys of EDGE_PARAMS that only apply to replication edges, and those that only apply to calls. */
export const REPLICATION_EDGE_KEYS = ['mode', 'lagMs'];

/** One-way latency between the built-in regions (ms): us-east, us-west, eu-west, ap-south, ap-northeast. */
export const REGION_LATENCY_MS: Record<string, number> = {
	'us-east|us-west': 35,
	'us-east|eu-west': 40,
	'us-east|ap-south': 95,
	'us-east|ap-northeast': 75,
	'us-west|eu-west': 70,
	'us-west|ap-south': 110,
	'us-west|ap-northeast': 55,
	'eu-west|ap-south': 60,
	'eu-west|ap-northeast': 110,
	'ap-south|ap-northeast': 65
};
/** Between two regions the matrix does not know (user-made ones). */
export const DEFAULT_INTER_REGION_MS = 50;
