// What a run may cost, decided before it starts and watched while it runs. A design that
// passes validation can still ask for more than a browser tab has: a billion cached keys, a
// hundred million database instances, a fan-out that doubles at every layer, a month of
// simulated time. Each is estimated from the (sliced) design and refused with a sentence
// that says what to lower; the event loop then checks a counter every CHECK_EVERY events
// (one compare, no allocation) so that an estimate that was too kind still stops cleanly.
import type { Design } from '../model/types';
import { resolveParams } from '../model/defaults';
import { KINDS } from '../model/kinds';
import { num, obj } from './compile';
import { DesignError } from './types';
import { SESSION_SLOTS_MAX } from './sessions';
import { KeyVersions } from './parts/versions';
import { MultiLeader } from './components/multileader';

export interface Budget {
	/** Events one run may process. */
	events: number;
	/** Bytes the run's own structures may take. */
	bytes: number;
}

/** About a minute or two of work on a laptop, and a quarter of a browser tab's memory. */
export const DEFAULT_BUDGET: Budget = { events: 1e9, bytes: 1 << 30 };
/** A request that fans out into more calls than this (a diamond of diamonds) is refused. */
export const MAX_CALLS_PER_REQUEST = 10_000;
/** The loop looks at its budget once per this many events (a power of two: a mask, not a division). */
export const CHECK_EVERY = 1 << 16;

/** Thrown when a run would pass (or has passed) its budget; the message says what to lower. */
export class BudgetError extends DesignError {
	constructor(reason: string) {
		super([reason]);
		this.name = 'BudgetError';
	}
}

// Bytes, measured roughly on V8: what each structure costs per unit.
const NODE_BYTES = 40_000; // two latency histograms, counters, machines
const INSTANCE_BYTES = 200; // its queue buffer and per-instance typed-array slots
const KEY_BYTES = 48; // one cached key: hash slots, key, expiry, list links
const CALL_BYTES = 100; // one request in flight (calls.ts), all columns
const REPLICA_KEY_BYTES = 8;
const LIMITER_KEY_BYTES = 80;
const FAILURE_EVENT_COST = 20;

const fmtBytes = (b: number) => (b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(1)} GB` : `${Math.ceil(b / 2 ** 20)} MB`);
const fmtCount = (n: number) =>
	n >= 1e12 ? n.toExponential(1) : n >= 1e9 ? `${Number((n / 1e9).toPrecision(3))} billion` : n >= 1e6 ? `${Number((n / 1e6).toPrecision(3))} million` : Math.round(n).toLocaleString('en-US');
const name = (n: { id: string; label?: string }) => `"${n.label || n.id}"`;


/**
 * Calls one request makes at most, counted over the call graph: a node that picks one target
 * costs its dearest, one that calls each costs their sum. Iterative (a 1,000-service chain
 * must not overflow the stack) and memoized (a diamond is counted once per node, not per path).
 */
export function callsPerRequest(design: Design): { calls: number; at: string } {
	const out = new Map<string, string[]>();
	for (const e of design.edges) {
		if (!out.has(e.source)) out.set(e.source, []);
		out.get(e.source)!.push(e.target);
	}
	const kind = new Map(design.nodes.map((n) => [n.id, n.kind]));
	const memo = new Map<string, number>();
	const onPath = new Set<string>();
	let worst = { calls: 1, at: '' };
	for (const root of design.nodes) {
		if (root.kind !== 'client') continue;
		const stack: [string, number][] = [[root.id, 0]];
		while (stack.length > 0) {
			const top = stack[stack.length - 1];
			const [id, i] = top;
			const kids = out.get(id) ?? [];
			if (i === 0) onPath.add(id);
			if (i < kids.length) {
				top[1]++;
				const k = kids[i];
				// A cycle through a queue or replication is asynchronous: counted once, not followed.
				if (!memo.has(k) && !onPath.has(k)) stack.push([k, 0]);
				continue;
			}
			stack.pop();
			onPath.delete(id);
			const costs = kids.map((k) => memo.get(k) ?? 1);
			const own = KINDS[kind.get(id)!].picksOne ? Math.max(0, ...costs) : costs.reduce((a, b) => a + b, 0);
			const calls = Math.min(1e15, 1 + own);
			memo.set(id, calls);
		}
		const c = memo.get(root.id) ?? 1;
		if (c > worst.calls) worst = { calls: c, at: root.id };
	}
	return worst;
}

/** Bytes the run's fixed structures take, and the node that takes most of them. */
export function memoryBytes(design: Design, maxKeys: number): { bytes: number; top: string } {
	let bytes = 0;
	let top = { bytes: 0, what: '' };
	for (const n of design.nodes) {
		const p = resolveParams(n.kind, n.params);
		const inst = Math.max(1, Math.floor(num(p.instances, 1))) * (n.kind === 'database' ? Math.max(1, Math.floor(num(p.shards, 1))) : 1);
		let b = NODE_BYTES + inst * INSTANCE_BYTES;
		let what = n.kind === 'database' ? `instances × shards of ${name(n)}` : `instances of ${name(n)}`;
		if (n.kind === 'cache' || n.kind === 'cdn') {
			const keys = num(p.capacity, 10_000) * KEY_BYTES;
			if (keys > b) what = `capacity of ${name(n)}`;
			b += keys;
		}
		if (n.kind === 'kvStore') {
			b += num(p.nodes, 5) * INSTANCE_BYTES;
			// The version table of a store that tracks stale reads (components/kvConsistency.ts).
			const tracks = num(p.propagationMs, 0) > 0 || p.readRepair === true || p.hintedHandoff === true || obj(p.failures).enabled === true || (design.scenario?.events ?? []).some((e) => e.target === n.id);
			if (tracks) {
				const versions = KeyVersions.bytes(maxKeys, Math.min(num(p.nodes, 5), num(p.n, 3)));
				if (versions > b) what = `key space of the clients, or the replicas (N) of ${name(n)}`;
				b += versions;
			}
		}
		if (n.kind === 'database') b += Math.min(maxKeys, 1 << 22) * REPLICA_KEY_BYTES + (p.multiLeader === true ? MultiLeader.bytes(maxKeys, 2) : 0);
		if (n.kind === 'rateLimiter' && p.scope === 'per-key') b += Math.min(65536, maxKeys) * LIMITER_KEY_BYTES;
		if (n.kind === 'service' && p.stateful === true) b += Math.min(maxKeys, SESSION_SLOTS_MAX) * 8; // two Int32 per user (sessions.ts)
		bytes += b;
		if (b > top.bytes) top = { bytes: b, what };
	}
	return { bytes, top: top.what };
}

/** Random failures: each instance fails and recovers about durationS / (mtbf + mttr) times. */
function failureEvents(design: Design, durationS: number): number {
	let total = 0;
	for (const n of design.nodes) {
		const f = obj(resolveParams(n.kind, n.params).failures);
		if (f.enabled !== true) continue;
		const inst = Math.max(1, num(resolveParams(n.kind, n.params).instances, 1));
		// A failure or repair drives a lifecycle machine: weighed as FAILURE_EVENT_COST request events.
		total += (FAILURE_EVENT_COST * 2 * inst * durationS) / Math.max(1e-9, num(f.mtbfS, 3600) + num(f.mttrS, 60));
	}
	return total;
}

/**
 * Refuses a run whose estimate passes the budget, with what to lower. `design` is what will
 * be simulated (already sliced), `peakRps` its offered rate at the peak.
 */
export function checkBudget(design: Design, o: { durationS: number; peakRps: number; maxKeys: number; budget: Budget }): void {
	const mem = memoryBytes(design, o.maxKeys);
	if (mem.bytes > o.budget.bytes)
		throw new BudgetError(`This design needs about ${fmtBytes(mem.bytes)} of memory to simulate (the limit is ${fmtBytes(o.budget.bytes)}); lower the ${mem.top}.`);
	const fan = callsPerRequest(design);
	if (fan.calls > MAX_CALLS_PER_REQUEST)
		throw new BudgetError(
			`Each request from "${fan.at}" fans out into about ${fmtCount(fan.calls)} calls (at most ${fmtCount(MAX_CALLS_PER_REQUEST)} can be simulated); remove some of the calls that each service makes to several others.`
		);
	// Each call is about three events (arrive, done, return).
	const events = o.peakRps * o.durationS * fan.calls * 3 + failureEvents(design, o.durationS);
	if (events > o.budget.events) {
		const fits = (o.budget.events / Math.max(1, events)) * o.durationS;
		throw new BudgetError(
			`This run needs about ${fmtCount(events)} events (the limit is ${fmtCount(o.budget.events)}); shorten it to about ${Math.max(1, Math.floor(fits))} s or lower the load.`
		);
	}
}

/** The loop's check, every CHECK_EVERY events: one compare each, a throw past the budget. */
export function overBudget(events: number, callsInFlight: number, fixedBytes: number, budget: Budget, nowS: number): void {
	if (events > budget.events)
		throw new BudgetError(
			`This run passed its budget of ${fmtCount(budget.events)} events at ${nowS.toFixed(1)} s of simulated time; shorten it or lower the load.`
		);
	const bytes = fixedBytes + callsInFlight * CALL_BYTES;
	if (bytes > budget.bytes)
		throw new BudgetError(
			`This run holds about ${fmtCount(callsInFlight)} requests in flight at ${nowS.toFixed(1)} s (${fmtBytes(bytes)}, the limit is ${fmtBytes(budget.bytes)}); lower the load or the queue limits.`
		);
}
