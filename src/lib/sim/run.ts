// A run: wires the components to the core, schedules the clients, the frames, the warm-up
// boundary, the scenario and the random failures, and runs the event loop in steps.
import type { Design, ScenarioEvent } from '../model/types';
import { Sim } from './core';
import { C, EV, K, unreachable, type EvCode } from './consts';
import type { MetricsFrame, SimOptions, SimResult, Simulation } from './types';
import { DesignError } from './types';
import { checkDesign } from './check';
import { ClientState, deadline, scheduleNext, startClient, startRequest } from './components/client';
import { GC_TICK_S, gcTick } from './overload';
import { buildPools, poolWaitOver } from './pools';
import { buildPlans } from './components/service';
import { cacheFlush, initCache, prefillCache } from './components/cache';
import { leaseOver } from './components/cacheflight';
import { initDatabases, promote } from './components/database';
import { initForward } from './components/forward';
import { initQueue, initWorker, workerFree } from './components/queue';
import { messageEnd, visibilityExpired } from './components/delivery';
import { initKvVersions } from './components/kvConsistency';
import { initKv } from './components/kv';
import { initCdn } from './components/cdn';
import { buildFrame, buildResult, scaleFrame, scaleResult } from './metrics';
import { SAMPLE_RPS, offeredRps, sampleFactor, sliceDesign } from './scale';
import { CHECK_EVERY, DEFAULT_BUDGET, checkBudget, memoryBytes, overBudget, type Budget } from './budget';
import { resolveParams } from '../model/defaults';
import { num } from './compile';
import { Scenario } from './scenario';
import { initSessions } from './sessions';
import { onResume } from './dispatch';

export class Run implements Simulation {
	readonly s: Sim;
	readonly durationS: number;
	private seed: number;
	private onFrame?: (f: MetricsFrame) => void;
	private frames: MetricsFrame[] = [];
	private keepFrames = true;
	private scenario: Scenario;
	private budget: Budget;
	/** Bytes the run's fixed structures take (budget.ts); calls in flight are added as they grow. */
	private fixedBytes: number;

	constructor(design: Design, opts: SimOptions = {}) {
		const problems = checkDesign(design);
		if (problems.length > 0) throw new DesignError(problems);
		const sc = design.scenario;
		const durationS = opts.durationS ?? sc?.durationS ?? 60;
		const warmupS = opts.warmupS ?? sc?.warmupS ?? 0;
		const seed = opts.seed ?? sc?.seed ?? 1;
		const frameS = opts.frameS ?? 1;
		for (const [name, v, lo] of [
			['durationS', durationS, 0],
			['warmupS', warmupS, 0],
			['frameS', frameS, 0]
		] as const)
			if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || (name !== 'warmupS' && v === 0))
				throw new DesignError([`${name} must be a finite number above 0 (got ${v}).`]);
		if (warmupS >= durationS) throw new DesignError([`warmupS (${warmupS}) must be shorter than durationS (${durationS}).`]);
		this.durationS = durationS;
		this.seed = seed;
		this.onFrame = opts.onFrame;
		const k = sampleFactor(design, opts.sampleRps ?? SAMPLE_RPS);
		const slice = k > 1 ? sliceDesign(design, k) : null;
		// Refuse before allocating anything: a design can ask for more than the machine has.
		this.budget = { ...DEFAULT_BUDGET, ...opts.budget };
		const simulated = slice ? slice.design : design;
		let keys = 1;
		for (const n of design.nodes) if (n.kind === 'client') keys = Math.max(keys, num(resolveParams('client', n.params).keys, 1));
		checkBudget(simulated, { durationS, peakRps: offeredRps(design) / k, maxKeys: keys, budget: this.budget });
		this.fixedBytes = memoryBytes(simulated, keys).bytes;
		const s = (this.s = new Sim(slice ? slice.design : design, { durationS, warmupS, seed, frameS }));
		if (slice) {
			s.scale = k;
			s.nodes.forEach((n) => (s.instanceScale[n.idx] = slice.instanceScale[n.id] ?? 1));
		}
		s.pools = buildPools(s);
		s.onWorkerFree = (n, i) => workerFree(s, n, i);
		s.onMessageEnd = (c, res) => messageEnd(s, c, res);
		let maxKeys = 1;
		for (const n of s.nodes) {
			switch (n.k) {
				case K.client:
					n.client = new ClientState(s, n);
					maxKeys = Math.max(maxKeys, (n.client as ClientState).keys);
					break;
				case K.service:
				case K.worker:
				case K.objectStore:
					buildPlans(s, n);
					if (n.k === K.service && n.p.stateful === true) initSessions(n, keys);
					break;
				case K.cache:
					initCache(s, n);
					break;
				case K.dns:
				case K.geoDns:
				case K.loadBalancer:
				case K.apiGateway:
				case K.rateLimiter:
					initForward(s, n);
					break;
				case K.queue:
					initQueue(s, n);
					break;
				case K.kvStore:
					initKv(n);
					break;
				case K.cdn:
					initCdn(s, n);
					break;
				case K.database:
					break; // all replica sets at once, below (initDatabases)
				default:
					unreachable(n.k);
			}
		}
		for (const n of s.nodes) if (n.k === K.worker) initWorker(s, n);
		for (const n of s.nodes) if (n.k === K.worker) n.sources ??= [];
		initDatabases(s, maxKeys);
		for (const n of s.nodes) if (n.k === K.kvStore) initKvVersions(s, n, maxKeys);
		const clients = s.nodes.filter((n) => n.k === K.client).map((n) => n.client as ClientState);
		for (const n of s.nodes) if (n.k === K.cache) prefillCache(s, n, clients, seed);
		const types = new Set(s.nodes.filter((n) => n.k === K.client).map((n) => (n.client as ClientState).onlyType));
		s.singleType = types.size === 1 ? [...types][0] : -1;
		s.singleClient = s.nodes.filter((n) => n.k === K.client).length === 1;
		s.trackEwma = s.nodes.some((n) => n.k === K.loadBalancer && n.p.algorithm === 'least-response-time');
		s.keysMatter = s.nodes.some(
			(n) =>
				n.k === K.cache ||
				n.k === K.cdn ||
				n.k === K.kvStore ||
				(n.k === K.database && ((n.db as { set: unknown; shards: number }).set !== null || (n.db as { shards: number }).shards > 1)) ||
				(n.k === K.loadBalancer && n.p.algorithm === 'ip-hash') ||
				n.sessions !== null ||
				(n.k === K.rateLimiter && n.p.scope === 'per-key') ||
				(n.k === K.queue && n.p.ordering === 'per-partition' && (n.p.partitions as number) > 1)
		);
		this.scenario = new Scenario(s, design.scenario?.events ?? []);
		for (const n of s.nodes) if (n.k === K.client) startClient(s, n);
		for (const n of s.nodes) if (n.gc !== null) s.q.push(GC_TICK_S * s.rng.uniform(), EV.GC_TICK, n.idx, 0);
		s.q.push(Math.min(frameS, durationS), EV.FRAME, 0, 0);
		if (warmupS > 0) s.q.push(warmupS, EV.WARMUP, 0, 0);
		else s.snapRun = s.snapshot(0);
	}

	get timeS(): number {
		return this.s.now;
	}
	get done(): boolean {
		return this.s.now >= this.durationS;
	}

	advance(toS: number): MetricsFrame[] {
		return this.runTo(toS, true);
	}

	/** The event loop up to toS; frames are kept for the caller only if asked (memory stays flat otherwise). */
	runTo(toS: number, keepFrames: boolean): MetricsFrame[] {
		this.keepFrames = keepFrames;
		const s = this.s;
		const target = Math.min(Number.isFinite(toS) ? toS : this.durationS, this.durationS);
		this.frames = [];
		const q = s.q;
		while (q.size > 0 && q.peekTime() <= target) {
			q.pop();
			s.now = q.time;
			// The budget, once per CHECK_EVERY events: a mask and a compare, nothing allocated.
			if ((++s.events & (CHECK_EVERY - 1)) === 0) overBudget(s.events, s.cap, this.fixedBytes, this.budget, s.now);
			const a = q.a;
			// The heap stores codes as numbers; only EV codes are ever pushed (EvCode).
			const code = q.code as EvCode;
			switch (code) {
				case EV.ARRIVE:
					s.arrive(a);
					break;
				case EV.DONE:
					s.done(a);
					break;
				case EV.RETURN:
					s.deliver(a);
					break;
				case EV.ARRIVAL: {
					const n = s.nodes[a];
					if (q.bv === 2) {
						// A closed-loop user's next request (its think time is over).
						startRequest(s, n);
						break;
					}
					if (q.bv === 0) startRequest(s, n);
					scheduleNext(s, n);
					break;
				}
				case EV.TIMEOUT:
					s.timeout(a, q.bv);
					break;
				case EV.DEADLINE:
					deadline(s, a, q.bv);
					break;
				case EV.RETRY:
					if (s.cGen[a] === q.bv) onResume(s, s.nodes[s.cNode[a]].k, a);
					break;
				case EV.DELAY:
					onResume(s, s.nodes[s.cNode[a]].k, a);
					break;
				case EV.FRAME:
					this.frame();
					break;
				case EV.WARMUP:
					s.snapRun = s.snapshot(s.now);
					for (const n of s.nodes) n.hRun.reset();
					s.gRun.reset();
					s.gFailRun.reset();
					for (const n of s.nodes) n.hFailRun.reset();
					for (const h of s.gType) h.reset();
					break;
				case EV.PROMOTE:
					promote(s, a, q.bv);
					break;
				case EV.FLUSH:
					cacheFlush(s, s.nodes[a]);
					break;
				case EV.GC_TICK:
					gcTick(s, s.nodes[a]);
					break;
				case EV.VISIBLE:
					visibilityExpired(s, a, q.bv);
					break;
				case EV.POOL_WAIT:
					poolWaitOver(s, a, q.bv);
					break;
				case EV.LEASE:
					leaseOver(s, s.nodes[a], q.bv);
					break;
				case EV.SCENARIO:
				case EV.FAIL_TOGGLE:
				case EV.AUTOSCALE:
				case EV.INSTANCE_READY:
				case EV.SPIKE_END:
				case EV.FAULT_END:
				case EV.FAULT_TICK:
				case EV.GC_PAUSE:
					this.scenario.handle(code, a, q.bv);
					break;
				default:
					unreachable(code);
			}
		}
		s.now = Math.max(s.now, target);
		return this.frames;
	}

	private frame(): void {
		const s = this.s;
		const snap = s.snapWin;
		this.scenario.frame((n) => {
			const look = n.cnt[C.LOOKUPS] - snap.nodes[n.idx][C.LOOKUPS];
			const hits = n.cnt[C.HITS] - snap.nodes[n.idx][C.HITS];
			return [look > 0 ? hits / look : 0, look - hits];
		});
		const f = buildFrame(s, s.snapWin);
		scaleFrame(s, f);
		s.snapWin = s.snapshot(s.now);
		if (this.keepFrames) this.frames.push(f);
		this.onFrame?.(f);
		const next = Math.min(s.now + s.frameS, this.durationS);
		if (next > s.now) s.q.push(next, EV.FRAME, 0, 0);
	}

	inject(ev: Omit<ScenarioEvent, 'atS'>): void {
		this.scenario.apply({ ...ev, atS: this.s.now } as ScenarioEvent);
	}

	result(): SimResult {
		const r = buildResult(this.s, this.seed);
		scaleResult(this.s, r);
		return r;
	}
}

export function createSimulation(design: Design, opts: SimOptions = {}): Simulation {
	return new Run(design, opts);
}

export function simulate(design: Design, opts: SimOptions = {}): SimResult {
	const run = new Run(design, opts);
	run.runTo(run.durationS, false);
	return run.result();
}
