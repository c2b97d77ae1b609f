// The data tier: read replicas, replication modes and lag, leaderless quorums, the ring.
import { design, scenario } from '../build';
import { client, db, edge, follower, lb, node, reads, web } from './parts';
import type { Params } from '../../model/types';
import type { Challenge } from './types';

const stack = () => [lb(), web({ instances: 4, serviceTimeMs: 10 })];
const front = [edge('client', 'lb'), edge('lb', 'web')];
/** Followers f1, f2… of `db`, each taking reads from the web tier and replicated with `repl`. */
const followers = (ids: string[], repl: Params, p: Params = {}) => ({
	nodes: ids.map((id, i) => follower(p, id, 850, 60 + 160 * i)),
	edges: ids.flatMap((id) => [edge('web', id, reads), edge('db', id, repl)])
});

const REPLICA_DB = { concurrency: 20, readMs: 10, writeMs: 10 };
const replicaClient = () => client(3000);

export const readReplicas: Challenge = {
	id: 'read-replicas',
	title: 'Spread the reads',
	level: 'easy',
	topic: 'replication',
	concepts: ['read-replicas', 'capacity'],
	brief:
		'3,000 requests per second, nine in ten reads, all served by one database that can finish about 2,000 a second. Writes are light. Add read capacity.',
	failure: '',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 150 }
	],
	run: scenario(25, [], 5, 7),
	start: design('ch-replicas-start', 'Read replicas', [replicaClient(), ...stack(), db(REPLICA_DB)], [...front, edge('web', 'db')]),
	reference: (() => {
		const f = followers(['db-f1', 'db-f2'], { mode: 'async', lagMs: 50 }, REPLICA_DB);
		return design('ch-replicas-ref', 'Read replicas (reference)', [replicaClient(), ...stack(), db(REPLICA_DB), ...f.nodes], [...front, edge('web', 'db'), ...f.edges]);
	})(),
	hints: [
		'Reads outnumber writes nine to one. Does every read have to be answered by the machine that takes the writes?',
		'Add followers that replicate the leader and serve reads; the leader keeps the writes.',
		'Two followers taking reads: the read load splits three ways (or two, if reads go only to followers), each machine well under capacity.'
	],
	explanation:
		'Followers replay every write, so they can answer reads. With two of them the 2,700 reads a second are spread over the followers, each at about two thirds of its capacity, and the leader handles 300 writes a second with ease.'
};

const rywClient = () => client(1000, { mix: { static: 0, read: 0.5, write: 0.5 }, keys: 1000, zipf: 1.2 });

export const readYourWrites: Challenge = {
	id: 'read-your-writes',
	title: 'Read your own writes',
	level: 'medium',
	topic: 'replication',
	concepts: ['read-your-writes', 'read-replicas'],
	brief:
		'Users edit their profile and reload the page at once. Reads go to followers that are 2 s behind the leader, so people keep seeing their old profile and edit it again. The leader has plenty of spare capacity. Keep stale reads under 1 %.',
	failure: '',
	goals: [
		{ kind: 'staleReads', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 100 },
		{ kind: 'errorBudget', maxPct: 1 }
	],
	run: scenario(25, [], 5, 7),
	start: (() => {
		const f = followers(['db-f1', 'db-f2'], { mode: 'async', lagMs: 2000 });
		return design('ch-ryw-start', 'Read your writes', [rywClient(), ...stack(), db(), ...f.nodes], [...front, edge('web', 'db'), ...f.edges]);
	})(),
	reference: design(
		'ch-ryw-ref',
		'Read your writes (reference)',
		[rywClient(), ...stack(), db(), follower({}, 'db-f1', 850, 60), follower({}, 'db-f2', 850, 220)],
		[...front, edge('web', 'db'), edge('db', 'db-f1', { mode: 'async', lagMs: 2000 }), edge('db', 'db-f2', { mode: 'async', lagMs: 2000 })]
	),
	hints: [
		'A follower shows the data as it was one lag ago. A user who just wrote will often read before the follower has it.',
		'Send the reads that must see recent writes to the leader, which always has them. Keep the followers as standbys.',
		'Remove the web tier\'s read edges to the followers: all reads go to the leader, which at 50 connections has room for them.'
	],
	explanation:
		'With popular keys written several times a second and a 2 s lag, most follower reads of those keys miss the latest write (the stale share is 1 − e^(−write rate × lag)). The leader has every committed write, so reading from it gives read-your-writes; its capacity was the only reason not to, and here it has plenty.'
};

const failClient = () => client(1000, { mix: { static: 0, read: 0.8, write: 0.2 } });
const leaderDies = scenario(30, [{ atS: 15, action: 'fail', target: 'db' }], 5, 7);

export const asyncLosesWrites: Challenge = {
	id: 'async-loses-writes',
	title: 'The follower that was behind',
	level: 'medium',
	topic: 'replication',
	concepts: ['replication-modes', 'failover'],
	brief:
		'The database has a follower and fails over to it in 3 s. But replication is asynchronous with half a second of lag, so when the leader dies at 15 s the follower is promoted without the last writes users were told had succeeded.',
	failure: 'At 15 s the database leader (db) fails for good.',
	goals: [{ kind: 'noLostWrites' }, { kind: 'errorBudget', maxPct: 3 }, { kind: 'latency', percentile: 'p99', maxMs: 100 }],
	run: leaderDies,
	start: (() => {
		const f = followers(['db-f1'], { mode: 'async', lagMs: 500 });
		return design('ch-async-start', 'Async loses writes', [failClient(), ...stack(), db({ failoverS: 3 }), ...f.nodes], [...front, edge('web', 'db'), ...f.edges]);
	})(),
	reference: (() => {
		const f = followers(['db-f1'], { mode: 'semi-sync', lagMs: 5 });
		return design('ch-async-ref', 'Async loses writes (reference)', [failClient(), ...stack(), db({ failoverS: 3 }), ...f.nodes], [...front, edge('web', 'db'), ...f.edges]);
	})(),
	hints: [
		'With asynchronous replication the leader says "done" before any follower has the write.',
		'Make the leader wait for a follower\'s acknowledgement before it acknowledges the write.',
		'Semi-synchronous replication to the follower (it is close, so a 5 ms lag): every acknowledged write is on the follower before it is promoted.'
	],
	explanation:
		'Asynchronous replication loses whatever the follower had not received: half a second of writes here. Semi-sync makes the leader wait for one follower, adding its lag to each write but guaranteeing the promoted follower has every acknowledged write.'
};

export const syncTooSlow: Challenge = {
	id: 'sync-too-slow',
	title: 'Safe writes without the slowest follower',
	level: 'hard',
	topic: 'replication',
	concepts: ['replication-modes', 'failover'],
	brief:
		'To never lose a write, the leader replicates synchronously to two followers: one next to it (5 ms) and one in another region (150 ms). Every write now waits for the far one. Keep writes under 90 ms at p99 and still lose nothing when the leader dies at 15 s.',
	failure: 'At 15 s the database leader (db) fails for good.',
	goals: [
		{ kind: 'latency', percentile: 'p99', maxMs: 90, type: 'write' },
		{ kind: 'noLostWrites' },
		{ kind: 'errorBudget', maxPct: 4 }
	],
	run: leaderDies,
	start: (() => {
		const near = followers(['db-near'], { mode: 'sync', lagMs: 5 });
		const far = followers(['db-far'], { mode: 'sync', lagMs: 150 });
		return design('ch-sync-start', 'Sync too slow', [failClient(), ...stack(), db({ failoverS: 3 }), ...near.nodes, { ...far.nodes[0], position: { x: 1148, y: 220 } }], [...front, edge('web', 'db'), ...near.edges, ...far.edges]);
	})(),
	reference: (() => {
		const near = followers(['db-near', 'db-near2'], { mode: 'semi-sync', lagMs: 5 });
		const far = followers(['db-far'], { mode: 'semi-sync', lagMs: 150 });
		return design('ch-sync-ref', 'Sync too slow (reference)', [failClient(), ...stack(), db({ failoverS: 3 }), ...near.nodes, { ...far.nodes[0], position: { x: 1148, y: 220 } }], [...front, edge('web', 'db'), ...near.edges, ...far.edges]);
	})(),
	hints: [
		'Fully synchronous replication is as slow as the slowest follower. Does every follower need the write before the user is told?',
		'One follower holding the write is enough for it to survive the leader. Which mode waits for the first acknowledgement only?',
		'Semi-synchronous replication, and a second nearby follower: writes wait about 5 ms for the first near follower, and after a promotion the other near one is still there to answer fast.'
	],
	explanation:
		'Sync waits for the slowest live follower (150 ms); semi-sync for the fastest (5 ms), so every acknowledged write is on a near follower, which is first in line for promotion: nothing is lost. A second near follower keeps writes fast after the promotion, when the far one would otherwise be the only follower left.'
};

const kvClient = (rps: number, p: Params = {}) => client(rps, { mix: { static: 0, read: 0.5, write: 0.5 }, ...p });
const kv = (p: Params) => node('kv', 'kvStore', 650, 140, { nodes: 5, n: 3, concurrency: 32, serviceTimeMs: 3, ...p }, { label: 'Key-value store' });
const kvDesign = (id: string, name: string, rps: number, p: Params, webMs = 10) =>
	design(id, name, [kvClient(rps), lb(), web({ instances: 4, serviceTimeMs: webMs }), kv(p)], [...front, edge('web', 'kv')]);

export const quorumAvailability: Challenge = {
	id: 'quorum-availability',
	title: 'Survive a node with quorums',
	level: 'medium',
	topic: 'quorum',
	concepts: ['quorum'],
	brief:
		'A leaderless store keeps each key on 3 of 5 machines. Writes wait for all 3 copies (W = 3) so that reads can ask just one (R = 1). At 10 s one machine dies and every write to its keys fails. Keep reads seeing the latest write (R + W > N) and survive the loss.',
	failure: 'At 10 s one machine of the key-value store dies.',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 100 }
	],
	run: scenario(25, [{ atS: 10, action: 'failInstance', target: 'kv', instance: 0 }], 5, 7),
	start: kvDesign('ch-quorum-start', 'Quorum availability', 1000, { w: 3, r: 1 }),
	reference: kvDesign('ch-quorum-ref', 'Quorum availability (reference)', 1000, { w: 2, r: 2 }),
	hints: [
		'With W = N a write needs every replica up: one dead machine blocks writes for every key it holds.',
		'Pick W and R so that R + W > N still holds but neither needs all N copies.',
		'W = 2 and R = 2 with N = 3: any read quorum overlaps any write quorum, and one machine down leaves two copies to answer.'
	],
	explanation:
		'W = 3 tolerates no machine down for writes, and each machine holds the keys of three fifths of the ring. W = 2, R = 2 keeps R + W = 4 > 3, so every read still meets the latest write, and one machine down leaves two replicas for both quorums.'
};

const TAIL = { serviceDist: 'lognormal', serviceCv: 3, serviceTimeMs: 10 };

export const quorumTail: Challenge = {
	id: 'quorum-tail',
	title: 'Waiting for the slowest replica',
	level: 'hard',
	topic: 'quorum',
	concepts: ['quorum', 'tail-latency'],
	brief:
		'Writes are fire-and-forget (W = 1), so reads wait for all three replicas (R = 3) to stay consistent. Machines are sometimes slow, and a read is as slow as the slowest of three. Keep reads and writes under 60 ms at p99, without giving up R + W > N.',
	failure: '',
	goals: [
		{ kind: 'latency', percentile: 'p99', maxMs: 60, type: 'read' },
		{ kind: 'latency', percentile: 'p99', maxMs: 60, type: 'write' },
		{ kind: 'errorBudget', maxPct: 1 }
	],
	run: scenario(25, [], 5, 7),
	start: kvDesign('ch-tail-start', 'Quorum tail', 1000, { w: 1, r: 3, ...TAIL }, 1),
	reference: kvDesign('ch-tail-ref', 'Quorum tail (reference)', 1000, { w: 2, r: 2, ...TAIL }, 1),
	hints: [
		'Waiting for k answers out of n means waiting for the k-th fastest. The slowest of three is much slower than the second.',
		'Balance the quorums: spend some of the consistency on writes instead of all of it on reads.',
		'W = 2, R = 2: both wait for the second answer of three, and R + W = 4 > 3 still.'
	],
	explanation:
		'R = 3 waits for the maximum of three variable service times, whose tail is far longer than the median\'s. W = 2, R = 2 has every operation wait for the second fastest of three, which cuts the read tail and costs writes only a little.'
};

export const growTheRing: Challenge = {
	id: 'grow-the-ring',
	title: 'Grow the ring',
	level: 'medium',
	topic: 'partitioning',
	concepts: ['consistent-hashing', 'sharding'],
	brief:
		'The key-value store has 3 machines, and every key has 3 copies, so every machine handles every request: 3,000 a second against about 2,700 each can finish. Adding a machine to a consistent-hash ring moves only a slice of the keys. Scale it out.',
	failure: '',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 60 }
	],
	run: scenario(25, [], 5, 7),
	start: kvDesign('ch-ring-start', 'Grow the ring', 3000, { nodes: 3, concurrency: 8 }),
	reference: kvDesign('ch-ring-ref', 'Grow the ring (reference)', 3000, { nodes: 6, concurrency: 8 }),
	hints: [
		'With N = 3 replicas on 3 machines, each machine stores and serves everything: there is no partitioning at all.',
		'Add machines to the ring: each key still has 3 copies, but each machine now owns only its share of the keys.',
		'Six machines: each sees half the requests, about 1,500 a second.'
	],
	explanation:
		'Each request is sent to its key\'s N replicas, so a machine handles N / machines of all requests. At 3 of 3 that is everything; at 3 of 6 it is half. Consistent hashing moves only the keys on the new machines\' arcs as the ring grows.'
};

export const DATA: Challenge[] = [readReplicas, readYourWrites, asyncLosesWrites, quorumAvailability, growTheRing, syncTooSlow, quorumTail];
