import type { Design, Reason, RequestType, Scenario } from '../../model/types';
import type { ConceptId } from '../concepts';
import type { EstimateInput } from '../estimator';
import type { TopicId } from '../topics';
import type { Band } from '../../sweep/bands';

/** A measurable goal, graded from a SimResult (whole-run figures, after warm-up). */
export type Goal =
	/** Served (completed) requests per second at least this. */
	| { kind: 'throughput'; minRps: number }
	/** A latency percentile of successful requests (all types, or one) at most this. */
	| { kind: 'latency'; percentile: 'p50' | 'p95' | 'p99'; maxMs: number; type?: RequestType }
	/** Failed / arrived at most this percentage; `ignore` reasons do not count (e.g. 429s shed on purpose). */
	| { kind: 'errorBudget'; maxPct: number; ignore?: Reason[] }
	/** Estimated monthly cost at most this (USD). */
	| { kind: 'cost'; maxUsd: number }
	/** No acknowledged write lost in a failover. */
	| { kind: 'noLostWrites' }
	/** Messages still waiting in all queues at the end at most this. */
	| { kind: 'backlog'; maxDepth: number }
	/** The best hit ratio of any cache or CDN at least this (0–1). */
	| { kind: 'hitRatio'; min: number }
	/** Reads served stale by a follower, as a percentage of completed requests, at most this. */
	| { kind: 'staleReads'; maxPct: number }
	/** Acknowledged writes overwritten by a concurrent write at another leader (last write wins), as a percentage of completed requests, at most this. */
	| { kind: 'lostUpdates'; maxPct: number };

export type Level = 'easy' | 'medium' | 'hard';

export interface Challenge {
	id: string;
	title: string;
	level: Level;
	/** The curriculum topic it teaches (topics.ts). */
	topic: TopicId;
	/** Concepts it exercises, first the main one; each has a "Why?" (concepts.ts). */
	concepts: ConceptId[];
	/** When the workload comes from a back-of-the-envelope estimate: its inputs (the client's rate is derived from them). */
	estimate?: EstimateInput;
	/** The situation, in a few sentences. */
	brief: string;
	/** What fails during the check, in words (empty when nothing does). */
	failure: string;
	goals: Goal[];
	/** The fixed run the check uses: duration, warm-up, seed and scenario events. */
	run: Scenario;
	/**
	 * Seeds the check runs (default 1): with more, each goal is graded on the pessimistic
	 * edge of its 5–95 % band over the runs (band.ts), for results that depend on luck.
	 */
	runs?: number;
	start: Design;
	reference: Design;
	/** Hints from general to specific; shown one level at a time. */
	hints: string[];
	/** Why the reference works, shown with it. */
	explanation: string;
}

export interface GoalResult {
	goal: Goal;
	/** The goal in words, e.g. "p99 latency under 200 ms". */
	label: string;
	met: boolean;
	actual: number;
	target: number;
	/** Unit for actual/target ("rps", "ms", "%", "$", "writes", "messages"). */
	unit: string;
	/** How it went, e.g. "143 ms: met with 57 ms to spare" or "missed by 43 ms". */
	verdict: string;
	/** Relative margin to the target: positive inside it (0.1 = 10 % to spare), negative outside. */
	slack: number;
	/** Checks over several runs: the figure's median and 5–95 % band (actual is its pessimistic edge). */
	band?: Band;
}

export interface Grade {
	passed: boolean;
	goals: GoalResult[];
}
