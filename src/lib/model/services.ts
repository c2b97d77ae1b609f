// Param sections for services and caches under dependency trouble (docs/model.md, "Services
// and caches"): connection pools on calls out of a node (one pool per caller instance per
// edge, so each dependency is its own bulkhead), and a cache's request coalescing
// (single-flight) and stale-while-revalidate. All off by default: a design that does not
// ask for them runs exactly as before.
import { spec, type ParamSpec, type SectionSpec } from './params';

const { n, int, bool, section } = spec;

/** On an edge: the caller's connection pool to that dependency. */
export const POOL_SECTION: SectionSpec = section(
	'pool',
	'Connection pool',
	[
		bool('enabled', 'Enabled', false, 'Each caller instance holds at most this many connections to this dependency (its own bulkhead).'),
		int('size', 'Connections', 10, 1, 1_000_000, 'Per caller instance. A connection is held from the send until the answer returns (or the caller gives up).'),
		n('waitTimeoutMs', 'Pool-wait timeout', 'ms', 1000, 0, 1e9, 'A call that waits longer than this for a connection fails "pool-timeout" (0: fail at once when all are taken).')
	],
	'Connections per caller instance to this dependency, and how long a call waits for one.'
);

/** On a cache: what happens to concurrent misses and to entries just past their TTL. */
export const CACHE_FLIGHT_FIELDS: ParamSpec[] = [
	bool('coalesce', 'Coalesce misses', false, 'Single-flight: concurrent misses for one key share one database read; the others wait for it.'),
	n('leaseMs', 'Coalesced wait', 'ms', 1000, 0, 1e9, 'Cache-aside: a waiting miss gives up after this and reads the database itself (the first miss’s lease ran out).', {
		when: { key: 'coalesce', is: [true] }
	}),
	n('swrS', 'Stale-while-revalidate', 's', 0, 0, 1e9, 'For this long past its TTL an entry is still served, and refreshed once in the background (read-through: needs the cache’s own database edge).')
];
