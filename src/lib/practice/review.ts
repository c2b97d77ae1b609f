// Design review: read the design without running it and point at what an experienced
// interviewer would, each with the textbook reason and, where there is one, a fix. The
// rules live by theme beside this file (review-spof.ts: single points of failure;
// review-load.ts: load and data; review-followers.ts; review-consistency.ts); this file lists them and orders
// what they find.
import type { Design } from '../model/types';
import { idleFollowers } from './review-followers';
import { multiLeaderWrites, weakQuorum } from './review-consistency';
import { asyncReplication, cacheNoTtl, hotShard, noCdn, noRateLimit, statefulNotSticky, syncSlowCall } from './review-load';
import { noBalancer, singleBalancer, singleCache, singleDatabase, singleInstance, singleRegion } from './review-spof';

export type Severity = 'high' | 'medium' | 'low';

export interface Fix {
	label: string;
	apply: (d: Design) => Design;
}

export interface Finding {
	/** Stable per rule and target, e.g. "single-database:db". */
	id: string;
	rule: string;
	severity: Severity;
	nodeId?: string;
	title: string;
	reason: string;
	fix?: Fix;
}

export type Rule = (d: Design) => Finding[];

export const RULES: Rule[] = [
	singleDatabase,
	idleFollowers,
	singleInstance,
	statefulNotSticky,
	hotShard,
	singleBalancer,
	singleCache,
	noBalancer,
	asyncReplication,
	noCdn,
	syncSlowCall,
	noRateLimit,
	cacheNoTtl,
	singleRegion,
	weakQuorum,
	multiLeaderWrites
];

const ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Every finding for the design, most serious first. */
export function reviewDesign(d: Design): Finding[] {
	return RULES.flatMap((r) => r(d)).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/** The worst finding per node, for marks on the canvas. */
export function findingsByNode(list: Finding[]): Record<string, Finding> {
	const out: Record<string, Finding> = {};
	for (const f of list) if (f.nodeId && (!out[f.nodeId] || ORDER[f.severity] < ORDER[out[f.nodeId].severity])) out[f.nodeId] = f;
	return out;
}
