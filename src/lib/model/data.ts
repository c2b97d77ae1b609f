// Param fields for the data mechanisms (docs/model.md, "Consistency"): a leaderless store's
// quorums and how its replicas catch up (propagation delay, read repair, hinted handoff),
// and multi-leader replication on a database. All off by default: a design that does not
// ask for them runs exactly as before.
import { spec, type ParamSpec } from './params';

const { n, int, bool } = spec;

export const KV_FIELDS: ParamSpec[] = [
	int('nodes', 'Nodes', 5, 1, 10_000, 'Machines in the ring.'),
	int('n', 'Replicas (N)', 3, 1, 100, 'Copies of each key.'),
	int('w', 'Write quorum (W)', 2, 1, 100, 'Acks a write waits for.'),
	int('r', 'Read quorum (R)', 2, 1, 100, 'Replies a read waits for.'),
	n('propagationMs', 'Propagation delay', 'ms', 0, 0, 3_600_000, 'Replicas outside a write\'s quorum apply it this long (mean, exponential) after they processed it; 0: at once. With R + W ≤ N a read can then miss the latest write.'),
	bool('readRepair', 'Read repair', false, 'A read writes the newest version it finds back to the replicas it asked that were behind.'),
	bool('hintedHandoff', 'Hinted handoff', false, 'Writes meant for a down replica are kept by the coordinator and delivered when it recovers; off: it comes back without them.')
];

export const MULTI_LEADER_FIELD: ParamSpec = bool(
	'multiLeader',
	'Multi-leader',
	false,
	'Accept writes here too (every database of the replica set with this on and role leader takes the writes sent to it). Writes to a key at two leaders within the replication lag conflict: the later one wins, the other is a lost update.',
	{ when: { key: 'role', is: ['leader'] } }
);
