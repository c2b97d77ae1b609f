// The shape of an entry of the kinds table (kinds.ts): the facts and traits every layer
// reads about a kind. Kept apart so kinds.ts holds only the entries (files under 300 lines).
import type { NodeKind } from './types';
import type { ParamSpec } from './params';

export type PaletteGroup = 'Traffic' | 'Compute' | 'Data';

export interface KindInfo {
	kind: NodeKind;
	/** Name in the palette and the default label. */
	name: string;
	group: PaletteGroup;
	/** One line for the palette tooltip. */
	summary: string;
	params: ParamSpec[];
	/** Hourly price per instance (USD), for the monthly cost estimate. */
	hourlyUsd: number;
	/** Whether `instances` counts machines that cost money (false for client). */
	billed: boolean;
	/** Edges may end here (the node has a target handle); false for client, which only sends. */
	receives: boolean;
	/** Edges may start here (a source handle); false for stores that call nothing downstream. */
	sends: boolean;
	/** It has workers, so its utilization is a figure (false for client and DNS, which never queue). */
	hasWorkers: boolean;
	/** It holds cached entries that a "flush" fault empties. */
	flushable: boolean;
	/** It scales out by adding instances (the bottleneck fix offers more, a sliced run divides them). */
	scalesOut: boolean;
	/** A balancer in front picks its instances one by one (else it takes a request as a whole). */
	byInstance: boolean;
	/** A failure (fault or MTBF) takes one instance down at a time, not the whole node. */
	failsByInstance: boolean;
	/** A request goes on to one of its targets (the others call each of theirs, in order). */
	picksOne: boolean;
	/** It spreads requests over the instances behind it (a lone instance behind it is a single point of failure). */
	balances: boolean;
}
