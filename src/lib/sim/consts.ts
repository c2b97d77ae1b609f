// Small integer codes used in the hot loop (typed arrays hold numbers, not strings).
import { FAILURE_REASONS, type NodeKind, type Reason, type RequestType } from '../model/types';
import { KINDS, type KindInfo } from '../model/kinds';

/**
 * The kind codes of the hot loop, the only enumeration of kinds in the simulator: NodeRt.k is
 * K[node.kind]. `satisfies` makes a kind added to model/types.ts a compile error here until it
 * has a code, and the switches of dispatch.ts and run.ts are exhaustive over these codes.
 */
export const K = {
	client: 0,
	dns: 1,
	geoDns: 2,
	cdn: 3,
	loadBalancer: 4,
	apiGateway: 5,
	rateLimiter: 6,
	service: 7,
	worker: 8,
	cache: 9,
	database: 10,
	kvStore: 11,
	objectStore: 12,
	queue: 13
} as const satisfies Record<NodeKind, number>;
export type KindCode = (typeof K)[NodeKind];

type Trait = { [T in keyof KindInfo]: KindInfo[T] extends boolean ? T : never }[keyof KindInfo];
/** A yes/no trait of the kinds table indexed by kind code: the loop looks it up by NodeRt.k. */
export function traitByCode(trait: Trait): readonly boolean[] {
	const out: boolean[] = [];
	for (const kind of Object.keys(K) as NodeKind[]) out[K[kind]] = KINDS[kind][trait];
	return out;
}

export { unreachable } from '../model/exhaustive';

export const TYPES: readonly RequestType[] = ['static', 'read', 'write'];
export const T_STATIC = 0, T_READ = 1, T_WRITE = 2;

export const REASONS: readonly Reason[] = FAILURE_REASONS;
/** Result codes of a call: 0 is success, 1 + index into REASONS is a failure. */
export const OK = 0, REJECTED = 1, RATE_LIMITED = 2, TIMEOUT = 3, UNAVAILABLE = 4, LOST = 5, POOL_TIMEOUT = 6;

// Event codes (≤ 31: they share an Int32 with their payload in the heap).
export const EV = {
	ARRIVAL: 0, // a = client node, b = 1 when only re-drawing the next gap
	ARRIVE: 1, // a = call reaches its node
	DONE: 2, // a = call's service ends
	RETURN: 3, // a = call's answer reaches its parent
	TIMEOUT: 4, // a = child call, b = its gen
	DEADLINE: 5, // a = root call, b = its gen
	RETRY: 6, // a = parent call, b = its gen
	DELAY: 7, // a = call resumes after a fixed delay (lookups, overheads, acks)
	FRAME: 8,
	WARMUP: 9,
	SCENARIO: 10, // a = index of the scenario event
	FAIL_TOGGLE: 11, // a = node, b = instance: random failure or repair
	PROMOTE: 12, // a = replica set, b = failover epoch
	AUTOSCALE: 13, // a = node
	INSTANCE_READY: 14, // a = node, b = instance
	FLUSH: 15, // a = node: write-back flush
	SPIKE_END: 16, // a = index of the spike
	FAULT_END: 18, // a = index of the fault (sim/faults.ts) whose time is up
	FAULT_TICK: 19, // a = index of the fault: its next step (rolling deploy, warm-up)
	GC_PAUSE: 20, // a = node, b = instance: a stop-the-world pause starts
	GC_TICK: 21, // a = node: look at its heap pressure (GC pauses mechanism)
	VISIBLE: 22, // a = message, b = its gen: its visibility timeout ends (components/delivery.ts)
	POOL_WAIT: 23, // a = call waiting for a pooled connection, b = its ticket
	LEASE: 24 // a = cache node, b = key: a cache-aside lease (coalescing) runs out
} as const;
/** An event code: the loop's switch (run.ts) is exhaustive over these, so a new code names its handler. */
export type EvCode = (typeof EV)[keyof typeof EV];

// Per-node counters (Float64Array), cumulative from t = 0; windows and the run are differences.
export const C = {
	ARR: 0,
	COMP: 1,
	FAIL: 2, // 2..7 by reason (REASONS order)
	ACC: 8,
	WAITED: 9,
	LOOKUPS: 10,
	HITS: 11,
	STALE: 12,
	LOST: 13,
	COALESCED: 14, // cache misses that waited for another's fetch of their key
	CONFLICTS: 15, // multi-leader writes made without seeing a concurrent one (components/multileader.ts)
	LOST_UPDATES: 16, // acknowledged writes overwritten by a concurrent write (last write wins)
	// Queues (components/delivery.ts): messages delivered again, of which while an earlier
	// delivery was still being processed (duplicates); moved to the dead-letter queue; dropped
	// after a failed processing (no visibility timeout).
	REDELIVERED: 17,
	DUPLICATES: 18,
	DEAD_LETTERED: 19,
	DISCARDED: 20,
	// A blocking server: seconds its workers were held waiting on downstream calls, counted
	// when each held call ends (so a window's figure lags by the call's length).
	HELD_S: 21,
	SIZE: 22
} as const;

// Plan steps of a service or worker, per request type.
export const S = {
	CALL: 0, // synchronous call over an edge; its failure fails the request
	CACHE_READ: 1, // look up a linked cache; a hit skips DB_READ
	DB_READ: 2, // read from the database group (followers first)
	DB_WRITE: 3, // write to the replica set's leader
	CACHE_WRITE: 4, // write-through / write-back: the write goes through the cache
	INVALIDATE: 5, // drop the key from a linked cache (free)
	PUBLISH: 6 // publish to a queue (waits for the broker's ack)
} as const;
/** A plan step's code: runPlan's switch (components/service.ts) is exhaustive over these. */
export type StepCode = (typeof S)[keyof typeof S];

// A message's state (the call pool's cMsg): receives so far in the low bits, then flags,
// then the index of its consumer group.
export const M = {
	RECEIVES: 0xffff,
	POISON: 1 << 16, // always fails processing (the poison-messages fault)
	SUPERSEDED: 1 << 17, // its visibility ran out and it went back (or to the DLQ): its ack does nothing
	FAILED: 1 << 18, // processing failed: it waits for its visibility timeout to go back
	HOLDS: 1 << 19, // it holds its partition in its group (ordered queues)
	KEEP: 0xffff | (1 << 16), // what a redelivery keeps: receives and poison
	GROUP_SHIFT: 20
} as const;

// Call flags.
export const F = {
	HIT: 1, // the cache answered from memory
	MISS: 2, // a cache-aside lookup missed: fill after the database answers
	REPLICA: 4, // a kvStore replica request (no edge)
	MESSAGE: 8, // a message in a queue / at a worker (no caller)
	HELD: 16, // a blocking server holds its worker for this call
	STARTED: 32, // service has started (the call holds a worker)
	LOSSY: 64, // sent over a link with packet loss: the answer may be retransmitted too
	DOOMED: 128, // a client write whose commit a failover discarded: its success will be "lost"
	BACKGROUND: 256 // a call nobody waits for on purpose (a cache's background refresh): never abandoned
} as const;
