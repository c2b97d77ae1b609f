// The one table of faults (scenario actions): what the timeline shows, which targets each
// takes, the numbers it carries and their defaults. The simulator's switch over actions
// (sim/scenario.ts, sim/faults.ts) is exhaustive over the same list.
import { NODE_KINDS, type NodeKind, type ScenarioAction, type ScenarioEvent } from './types';
import { KINDS } from './kinds';

/** A number a fault carries, edited in the timeline's event editor. */
export interface FaultField {
	key: 'factor' | 'durationS' | 'rate' | 'addMs' | 'instance' | 'count' | 'pauseMs' | 'everyS' | 'share' | 'lagMs' | 'stepS' | 'warmupS';
	label: string;
	unit?: string;
	default: number;
	min: number;
	max: number;
	step: number;
}

export interface FaultInfo {
	label: string;
	icon: string;
	/** node: one node; edge: one edge; nodes: two nodes (target, peer); regions: two regions; none. */
	needs: 'node' | 'edge' | 'nodes' | 'regions' | 'none';
	/** Kinds a node target may have (all but client when absent). */
	kinds?: readonly NodeKind[];
	/** What the chip's colour says: a hard failure, a repair, a degradation or a traffic change. */
	tone: 'fail' | 'recover' | 'degrade' | 'traffic';
	fields: readonly FaultField[];
	/** One line for the chip's tooltip: what it does and what to look for. */
	summary: string;
}

/** Server groups (instances × workers with a queue each, docs/model.md), and the kinds that hold a cache. */
const GROUPS: readonly NodeKind[] = ['service', 'worker', 'cache', 'database', 'objectStore', 'cdn', 'kvStore'];
const FLUSHABLE: readonly NodeKind[] = NODE_KINDS.filter((k) => KINDS[k].flushable);
const f = (key: FaultField['key'], label: string, def: number, min: number, max: number, step: number, unit?: string): FaultField => ({
	key,
	label,
	default: def,
	min,
	max,
	step,
	unit
});
/** "For" 0 means until a Recover of the same target. */
const FOR = (def: number) => f('durationS', 'For', def, 0, 1e7, 1, 's (0 = until recover)');

export const FAULTS: Record<ScenarioAction, FaultInfo> = {
	fail: { label: 'Fail node', icon: '✖', needs: 'node', tone: 'fail', fields: [], summary: 'Every instance dies; calls to it fail unavailable.' },
	recover: { label: 'Recover', icon: '✔', needs: 'node', tone: 'recover', fields: [], summary: 'Ends every fault on the target (or all partitions).' },
	failInstance: {
		label: 'Fail one instance',
		icon: '◐',
		needs: 'node',
		tone: 'fail',
		fields: [f('instance', 'Instance', 0, 0, 10_000, 1)],
		summary: 'One instance dies, losing what it held.'
	},
	slow: { label: 'Slow down', icon: '◷', needs: 'node', tone: 'degrade', fields: [f('factor', 'Factor', 5, 0.01, 1e4, 0.5, '×')], summary: 'Service time × factor.' },
	partition: { label: 'Partition regions', icon: '‖', needs: 'regions', tone: 'fail', fields: [], summary: 'Calls between two regions fail.' },
	flush: { label: 'Flush cache', icon: '⌫', needs: 'node', kinds: FLUSHABLE, tone: 'fail', fields: [], summary: 'The cache empties: a stampede of misses.' },
	spike: {
		label: 'Traffic spike',
		icon: '↑',
		needs: 'none',
		tone: 'traffic',
		fields: [f('factor', 'Factor', 3, 0.01, 1e4, 0.5, '×'), f('durationS', 'For', 10, 0, 1e7, 1, 's')],
		summary: 'Client rates × factor for a while.'
	},
	errorRate: {
		label: 'Error rate (5xx)',
		icon: '⚠',
		needs: 'node',
		tone: 'degrade',
		fields: [f('rate', 'Errors', 0.2, 0, 1, 0.05), FOR(20)],
		summary: 'A share of the requests reaching the node fail (5xx, counted unavailable).'
	},
	edgeLatency: {
		label: 'Latency spike (edge)',
		icon: '↝',
		needs: 'edge',
		tone: 'degrade',
		fields: [f('addMs', 'Add', 200, 0, 1e6, 10, 'ms each way'), FOR(20)],
		summary: 'The link gets slower: callers with timeouts start timing out.'
	},
	packetLoss: {
		label: 'Packet loss (edge)',
		icon: '⋯',
		needs: 'edge',
		tone: 'degrade',
		fields: [f('rate', 'Loss', 0.05, 0, 0.99, 0.01), FOR(20)],
		summary: 'Each loss costs a TCP retransmission timeout (200 ms, doubling): the tail grows.'
	},
	partitionNodes: {
		label: 'Partition two nodes',
		icon: '⫶',
		needs: 'nodes',
		tone: 'fail',
		fields: [FOR(0)],
		summary: 'Calls between the two nodes fail, both ways; everything else still talks.'
	},
	noisyNeighbour: {
		label: 'Noisy neighbour',
		icon: '▥',
		needs: 'node',
		kinds: GROUPS,
		tone: 'degrade',
		fields: [f('count', 'Instances', 1, 1, 10_000, 1), f('factor', 'Slower', 3, 1, 1e4, 0.5, '×'), FOR(0)],
		summary: 'Some instances lose capacity (shared host): their service time × factor.'
	},
	gcStorm: {
		label: 'GC pause storm',
		icon: '◧',
		needs: 'node',
		kinds: GROUPS,
		tone: 'degrade',
		fields: [f('pauseMs', 'Pause', 200, 1, 1e6, 10, 'ms'), f('everyS', 'Every', 1, 0.01, 1e6, 0.1, 's per instance'), FOR(20)],
		summary: 'Instances stop the world at random: nothing finishes during a pause.'
	},
	brownout: {
		label: 'Dependency brown-out',
		icon: '◔',
		needs: 'node',
		tone: 'degrade',
		fields: [f('factor', 'Slower', 3, 1, 1e4, 0.5, '×'), f('rate', 'Errors', 0.1, 0, 1, 0.05), FOR(20)],
		summary: 'Half-alive: slower and failing some requests, never quite down.'
	},
	dnsOutage: {
		label: 'DNS outage',
		icon: '⌀',
		needs: 'node',
		kinds: ['dns', 'geoDns'],
		tone: 'fail',
		fields: [FOR(60)],
		summary: 'Lookups fail; clients keep cached answers until their TTL runs out, so errors ramp up.'
	},
	originOutage: {
		label: 'CDN origin outage',
		icon: '☁',
		needs: 'node',
		kinds: ['cdn'],
		tone: 'fail',
		fields: [FOR(30)],
		summary: 'The CDN cannot reach its origin: hits are served, misses fail.'
	},
	hotKey: {
		label: 'Hot-key surge',
		icon: '♨',
		needs: 'node',
		kinds: ['client'],
		tone: 'traffic',
		fields: [f('share', 'Share', 0.5, 0, 1, 0.05), FOR(20)],
		summary: 'A share of the client’s requests go to one key: one shard or cache instance runs hot.'
	},
	coldRestart: {
		label: 'Restart, cold caches',
		icon: '❄',
		needs: 'node',
		kinds: GROUPS,
		tone: 'fail',
		fields: [f('durationS', 'Down for', 5, 0, 1e6, 1, 's')],
		summary: 'The node and the caches it reads restart empty: a thundering herd at the database.'
	},
	diskFull: {
		label: 'Disk full',
		icon: '▣',
		needs: 'node',
		kinds: ['database'],
		tone: 'fail',
		fields: [FOR(0)],
		summary: 'Writes fail, reads still work.'
	},
	replicationLag: {
		label: 'Replication lag spike',
		icon: '⇢',
		needs: 'node',
		kinds: ['database'],
		tone: 'degrade',
		fields: [f('lagMs', 'Lag', 5000, 0, 1e8, 100, 'ms'), FOR(20)],
		summary: 'Followers fall behind: stale reads rise (and more writes are at risk).'
	},
	consumerCrash: {
		label: 'Consumer crash',
		icon: '⊘',
		needs: 'node',
		kinds: ['worker'],
		tone: 'fail',
		fields: [FOR(20)],
		summary: 'The consumers die; messages in hand are redelivered and the backlog grows.'
	},
	poisonMessages: {
		label: 'Poison messages',
		icon: '☠',
		needs: 'node',
		kinds: ['queue'],
		tone: 'fail',
		fields: [f('rate', 'Poison', 0.05, 0, 1, 0.01), FOR(0)],
		summary: 'A share of the messages published always fail processing: retried forever unless a dead-letter queue takes them.'
	},
	badDeploy: {
		label: 'Bad deploy (rolling)',
		icon: '⤳',
		needs: 'node',
		kinds: ['service', 'worker', 'objectStore'],
		tone: 'degrade',
		fields: [f('rate', 'Errors', 0.5, 0, 1, 0.05), f('stepS', 'Per instance', 5, 0, 1e6, 1, 's')],
		summary: 'A bad version rolls over the instances one by one; each failing a share of its work.'
	},
	warmRestart: {
		label: 'Restart with warm-up',
		icon: '⟳',
		needs: 'node',
		kinds: GROUPS,
		tone: 'degrade',
		fields: [f('factor', 'Slower at first', 5, 1, 1e4, 0.5, '×'), f('warmupS', 'Warm-up', 20, 0, 1e6, 1, 's')],
		summary: 'Instances restart and run slow (cold JIT, cold local caches) until warm.'
	},
	addCacheNode: {
		label: 'Add a cache node',
		icon: '⊕',
		needs: 'node',
		kinds: ['cache'],
		tone: 'recover',
		fields: [],
		summary: 'One more instance joins the cache’s ring: about 1/(n + 1) of the keys move to it and miss once, then the hit ratio recovers.'
	}
};

/** The numbers faults carry beyond factor, durationS and instance (each checked by restore.ts). */
export const FAULT_FIELD_KEYS = ['rate', 'addMs', 'count', 'pauseMs', 'everyS', 'share', 'lagMs', 'stepS', 'warmupS'] as const;

/** Whether a node of this kind can be the target of the action. */
export function faultTargets(action: ScenarioAction, kind: NodeKind): boolean {
	const info = FAULTS[action];
	if (info.kinds) return info.kinds.includes(kind);
	return kind !== 'client';
}

/** The fault's own numbers at their defaults. */
export function faultDefaults(action: ScenarioAction): Partial<ScenarioEvent> {
	const out: Partial<ScenarioEvent> = {};
	for (const fl of FAULTS[action].fields) (out as Record<string, number>)[fl.key] = fl.default;
	return out;
}
