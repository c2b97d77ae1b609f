// Consistency in replicated data: multi-leader conflicts, stale reads in a leaderless store
// when R + W ≤ N, and replicas that come back without the writes they missed.
import { design, scenario } from '../build';
import { client, db, edge, lb, node, web } from './parts';
import type { Params, Region } from '../../model/types';
import type { Challenge } from './types';

const frame = (id: string, name: string, y: number): Region => ({ id, name, position: { x: 160, y }, width: 760, height: 260 });
const EAST = frame('us-east', 'US East', -40);
const EU = frame('eu-west', 'EU West', 260);

/** Users on both sides of the Atlantic editing shared records: 30 % writes over 500 records. */
const editors = () => client(1000, { mix: { static: 0, read: 0.7, write: 0.3 }, keys: 500, zipf: 0, regions: { 'us-east': 0.5, 'eu-west': 0.5 } });

/** GeoDNS, then in each region a balancer, a web tier and a leader that takes writes (multi-leader), linked both ways. */
function twoLeaders(id: string, name: string, euMulti: boolean, lagMs: number) {
	const stack = (suffix: string, region: string, y: number, multi: boolean) => [
		lb({}, `lb-${suffix}`, 250, y, region),
		web({ instances: 4, serviceTimeMs: 5 }, `web-${suffix}`, 450, y, region),
		{ ...db({ multiLeader: multi }, `db-${suffix}`, 700, y, region), label: `${suffix === 'e' ? 'US' : 'EU'} leader` }
	];
	return design(
		id,
		name,
		[editors(), node('geo', 'geoDns', 0, 0, { healthCheckS: 2 }), ...stack('e', 'us-east', 80, true), ...stack('eu', 'eu-west', 380, euMulti)],
		[
			edge('client', 'geo'),
			edge('geo', 'lb-e'),
			edge('geo', 'lb-eu'),
			edge('lb-e', 'web-e'),
			edge('web-e', 'db-e'),
			edge('lb-eu', 'web-eu'),
			edge('web-eu', 'db-eu'),
			edge('db-e', 'db-eu', { mode: 'async', lagMs }),
			edge('db-eu', 'db-e', { mode: 'async', lagMs })
		],
		{ regions: [EAST, EU] }
	);
}

export const multiLeaderConflicts: Challenge = {
	id: 'multi-leader-conflicts',
	title: 'Two leaders, one record',
	level: 'medium',
	topic: 'multi-leader',
	concepts: ['multi-leader', 'replication-modes'],
	brief:
		'Editors in the US and in Europe change the same 500 shared records. To keep writes fast each region has its own leader, and the leaders replicate to each other with half a second of lag. When both sides change a record within that lag, last write wins and one editor\'s change silently disappears. Keep lost updates under 0.1 % of requests, without making reads slow.',
	failure: '',
	goals: [
		{ kind: 'lostUpdates', maxPct: 0.1 },
		{ kind: 'latency', percentile: 'p95', maxMs: 160 },
		{ kind: 'latency', percentile: 'p99', maxMs: 60, type: 'read' },
		{ kind: 'errorBudget', maxPct: 1 }
	],
	run: scenario(25, [], 5, 7),
	start: twoLeaders('ch-multi-start', 'Multi-leader conflicts', true, 500),
	reference: twoLeaders('ch-multi-ref', 'Multi-leader conflicts (reference)', false, 500),
	hints: [
		'A lost update needs two leaders writing the same record before either has heard of the other. What makes that more likely: the write rate per record, and the lag.',
		'Either shrink the window (less lag, which distance does not allow here) or make sure each record has one leader that takes all its writes.',
		'Turn multi-leader off on the EU database: EU writes then cross the Atlantic to the US leader (about 80 ms more), nothing conflicts, and reads stay local.'
	],
	explanation:
		'With writes at λ = 0.3 per record per second at each leader and a 500 ms lag, a write is overwritten by a concurrent one from the other side with probability λ/(2λ)·(1 − e^(−2λ·L)) ≈ 13 %: one write in eight vanished. A single leader per record (here one for all) orders every write, so nothing is lost; the price is one ocean crossing for European writes, which fits in the latency goal because reads, 70 % of the traffic, stay in Europe on the local copy.'
};

const kvClient = (rps: number, p: Params = {}) => client(rps, { mix: { static: 0, read: 0.9, write: 0.1 }, keys: 200, zipf: 0, ...p });
const kvStack = (id: string, name: string, kv: Params) =>
	design(
		id,
		name,
		[kvClient(1000), lb(), web({ instances: 4, serviceTimeMs: 1 }), node('kv', 'kvStore', 650, 140, { nodes: 5, n: 3, concurrency: 32, ...kv }, { label: 'Key-value store' })],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'kv')]
	);
const SLOW_TAIL = { serviceDist: 'lognormal', serviceCv: 3, serviceTimeMs: 4, propagationMs: 100 };

export const quorumTuning: Challenge = {
	id: 'quorum-tuning',
	title: 'Fresh reads at the least latency',
	level: 'hard',
	topic: 'quorum',
	concepts: ['quorum-tuning', 'quorum', 'tail-latency'],
	brief:
		'A leaderless store (N = 3) answers reads and writes from one replica each (R = 1, W = 1), so it is fast, but the other replicas get a write about 100 ms later and some reads miss it. Nine requests in ten are reads, and machines have a long tail. Make every read see the latest write and keep reads under 14 ms at p99; writes may take longer.',
	failure: '',
	goals: [
		{ kind: 'staleReads', maxPct: 0.05 },
		{ kind: 'latency', percentile: 'p99', maxMs: 14, type: 'read' },
		{ kind: 'latency', percentile: 'p99', maxMs: 150, type: 'write' },
		{ kind: 'errorBudget', maxPct: 1 }
	],
	run: scenario(25, [], 5, 7),
	start: kvStack('ch-tuning-start', 'Quorum tuning', { ...SLOW_TAIL, w: 1, r: 1 }),
	reference: kvStack('ch-tuning-ref', 'Quorum tuning (reference)', { ...SLOW_TAIL, w: 3, r: 1 }),
	hints: [
		'A read misses the latest write when none of the replicas it asks has it yet. When can that not happen at all?',
		'R + W > N makes every read quorum overlap every write quorum. Which split puts the waiting where it hurts least, with nine reads for each write?',
		'W = 3, R = 1: writes wait for all three copies (the slowest of three), reads for the fastest one, and every replica has every acknowledged write.'
	],
	explanation:
		'With R + W ≤ N a read can land only on replicas the write has not reached: right after a write the chance is C(N − W, R)/C(N, R), 2/3 for R = W = 1. Any R + W > N removes it; the split sets who waits for whom. Waiting for k answers of 3 costs the k-th fastest, and with a long tail the third is far slower than the first. Reads are 90 % of the traffic, so they should wait for one answer (R = 1) and writes for all three (W = 3); W = R = 2 would give every read the second fastest of three.'
};

const kvFail = scenario(25, [{ atS: 8, action: 'failInstance', target: 'kv', instance: 0 }, { atS: 14, action: 'recover', target: 'kv' }], 5, 7);
const FAST = { nodes: 3, n: 3, w: 1, r: 1, serviceTimeMs: 2, serviceDist: 'constant' };

export const hintedHandoff: Challenge = {
	id: 'hinted-handoff',
	title: 'The replica that came back',
	level: 'medium',
	topic: 'quorum',
	concepts: ['read-repair', 'quorum'],
	brief:
		'A three-machine store keeps every key on all three (N = 3) and answers from the first replica (R = 1, W = 1). From 8 s to 14 s one machine is down; writes meanwhile reach only the other two. When it comes back it answers reads with what it had before it died. Keep stale reads under 0.5 % of requests, and keep the store fast.',
	failure: 'From 8 s to 14 s one machine of the key-value store is down.',
	goals: [
		{ kind: 'staleReads', maxPct: 0.5 },
		{ kind: 'latency', percentile: 'p99', maxMs: 30 },
		{ kind: 'errorBudget', maxPct: 1 }
	],
	run: kvFail,
	start: kvStack('ch-handoff-start', 'Hinted handoff', FAST),
	reference: kvStack('ch-handoff-ref', 'Hinted handoff (reference)', { ...FAST, hintedHandoff: true }),
	hints: [
		'The machine was down while writes happened. Nothing told it about them when it came back.',
		'Someone could keep the writes meant for it and hand them over when it returns, or each read could fix the replicas it finds behind.',
		'Turn on hinted handoff (the coordinator keeps the missed writes and delivers them on recovery); read repair also helps, fixing each key at its first read.'
	],
	explanation:
		'With W = 1 and a machine down, writes land on the two live replicas only. Without help the returning replica answers a third of the reads of every key written while it was away, until the key is written again. Hinted handoff delivers those writes the moment it returns, so it never serves them stale; read repair fixes each key at its first read after the return.'
};

export const CONSISTENCY: Challenge[] = [multiLeaderConflicts, hintedHandoff, quorumTuning];
