// The simulator's public types (docs/contract.md). Pure TypeScript: no DOM, no Svelte.
import type { Reason, RequestType, ScenarioEvent } from '../model/types';

export type { Reason, RequestType };

/** Latency summary in ms. */
export type Stat = { mean: number; p50: number; p95: number; p99: number; max: number };

export type FailureCounts = Record<Reason, number>;

/**
 * A queue's figures (docs/model.md, "Queues"): consumer lag (the most lagging group: waiting
 * + in hand) and its worst partition's, at the end of the run or of a frame's window, and the
 * messages redelivered, duplicated, dead-lettered and discarded over it.
 */
export interface QueueCounts {
	lag?: number;
	maxPartitionLag?: number;
	redelivered?: number;
	duplicates?: number;
	deadLettered?: number;
	discarded?: number;
}

export interface NodeResult extends QueueCounts {
	arrived: number;
	completed: number;
	failed: FailureCounts;
	utilization: number;
	meanQueue: number;
	waitRatio: number;
	latency: Stat;
	/** Failed visits: arrival at the node → the failure there (at a client: send → it learns of it). */
	latencyFailed?: Stat;
	hitRatio?: number;
	staleReads?: number;
	lostWrites?: number;
	/** A coalescing cache: misses that waited for another's fetch of their key. */
	coalesced?: number;
	/** A cache with stale-while-revalidate: hits served past their TTL, and their share of the lookups. */
	staleServed?: number;
	staleServedRatio?: number;
	/** Multi-leader: writes made without seeing a concurrent write of the key, and acknowledged writes that lost (last write wins). */
	conflicts?: number;
	lostUpdates?: number;
	replicationLagMs?: number;
	depth?: number;
	/** Duplicates / deliveries, redeliveries / deliveries. */
	duplicateRatio?: number;
	redeliveredRatio?: number;
	lagByGroup?: number[];
	lagByPartition?: number[];
	instances?: number;
	/**
	 * A blocking server: the share of its busy worker time spent waiting on downstream calls
	 * (a held worker counts as busy in `utilization`); docs/model.md, "What is measured".
	 */
	heldShare?: number;
	/** Instances alive at the end of the run (of `instances`). */
	up?: number;
	[extra: string]: unknown;
}

export interface SimResult {
	durationS: number;
	warmupS: number;
	seed: number;
	events: number;
	global: {
		offeredRps: number;
		servedRps: number;
		arrived: number;
		completed: number;
		failed: FailureCounts;
		successRatio: number;
		latency: Stat;
		/** Failed requests: from the client's send to the moment it learns of the failure (always set by the simulator). */
		latencyFailed?: Stat;
		latencyByType: Partial<Record<RequestType, Stat>>;
		costPerMonth: number;
		[extra: string]: unknown;
	};
	nodes: Record<string, NodeResult>;
}

/** One window of simulated time (1 s by default), streamed through onFrame. */
export interface NodeFrame extends QueueCounts {
	arrived: number;
	completed: number;
	failed: FailureCounts;
	/** Requests at the node at the end of the window (waiting + in service + awaiting downstream). */
	inFlight: number;
	utilization: number;
	meanQueue: number;
	latency: Stat;
	/** Instances alive / total at the end of the window. */
	up: number;
	instances: number;
	hitRatio?: number;
	staleReads?: number;
	lostWrites?: number;
	coalesced?: number;
	staleServed?: number;
	staleServedRatio?: number;
	conflicts?: number;
	lostUpdates?: number;
	replicationLagMs?: number;
	depth?: number;
	oldestAgeMs?: number;
	/** A database in a replica set: 1 while it is the leader, 0 while a follower (roles change on failover). */
	leader?: number;
	/** Lifecycle state names worth showing (e.g. "electing", "open", "scaling out"). */
	state?: string;
}

export interface MetricsFrame {
	/** End of the window, simulated seconds since start. */
	t: number;
	/** Window length, s. */
	dt: number;
	global: {
		arrived: number;
		completed: number;
		failed: FailureCounts;
		/** Requests in flight at the end of the window: arrived − completed − failed, cumulatively. */
		inFlight: number;
		offeredRps: number;
		servedRps: number;
		latency: Stat;
		/** Failed requests ended in the window: send → the client learns of the failure. */
		latencyFailed?: Stat;
	};
	nodes: Record<string, NodeFrame>;
}

export interface SimOptions {
	durationS?: number;
	seed?: number;
	warmupS?: number;
	/** Window length for frames, s (default 1). */
	frameS?: number;
	onFrame?: (f: MetricsFrame) => void;
	/**
	 * Above this offered rate (requests/s) the design is simulated as a 1/k slice and the
	 * counts scaled back by k (see scale.ts; default 25 000; Infinity turns it off).
	 */
	sampleRps?: number;
	/** Events and bytes one run may use (budget.ts; default DEFAULT_BUDGET). Past them the run stops with a BudgetError. */
	budget?: { events?: number; bytes?: number };
}

/** A run that advances in steps, for the live UI (pause, step, speed). */
export interface Simulation {
	readonly durationS: number;
	/** Simulated time reached, s. */
	readonly timeS: number;
	readonly done: boolean;
	/** Run until simulated time `toS` (capped at durationS); frames go to onFrame and are returned. */
	advance(toS: number): MetricsFrame[];
	/** Inject a scenario event now (the timeline's events are scheduled automatically). */
	inject(ev: Omit<ScenarioEvent, 'atS'>): void;
	/** Whole-run figures so far (after warm-up). */
	result(): SimResult;
}

/** Thrown by createSimulation/simulate for a design it cannot run; `reasons` are for people. */
export class DesignError extends Error {
	constructor(public reasons: string[]) {
		super(reasons.join('\n'));
		this.name = 'DesignError';
	}
}
