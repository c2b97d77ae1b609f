// The degradations of the fault table (model/faults.ts) beyond fail/recover/slow/partition/
// flush/spike: each sets a field the hot loop already tests (a number, a null or a flag on
// the node or edge), and undoes it when its time is up or a Recover names its target.
import type { ScenarioAction, ScenarioEvent } from '../model/types';
import type { Sim } from './core';
import type { EdgeRt, NodeRt } from './compile';
import { num } from './compile';
import { EV, K, unreachable } from './consts';
import { clientState } from './components/client';
import { dbs } from './components/database';
import { fs } from './components/forward';
import { qs } from './components/queue';
import { undoFault } from './faultEnd';
import { addCacheInstance } from './components/cachegrow';

/** What the scenario lends the faults: whole-node failure and repair, and cache emptying. */
export interface FaultHost {
	failNode(n: NodeRt): void;
	recoverNode(n: NodeRt): void;
	emptyCache(n: NodeRt): void;
	killInstance(n: NodeRt, i: number): void;
	reviveInstance(n: NodeRt, i: number): void;
}

/** One fault in force: what it touched, so it can be undone exactly. */
export interface Live {
	ev: ScenarioEvent & { action: Degradation };
	n: NodeRt | null;
	e: EdgeRt[];
	/** Steps taken (rolling deploy: instances done; warm-up: seconds elapsed). */
	step: number;
	/** Values to put back (edge latency, follower lags). */
	saved: number[];
	over: boolean;
}

const TICK_S = 1;

/** The actions scenario.ts handles itself; the rest are this module's. */
export type BaseAction = 'fail' | 'recover' | 'failInstance' | 'slow' | 'partition' | 'flush' | 'spike';
export type Degradation = Exclude<ScenarioAction, BaseAction>;
/** The event codes faults.ts schedules for itself (run.ts → scenario.ts hand them here). */
export type FaultCode = typeof EV.FAULT_END | typeof EV.FAULT_TICK | typeof EV.GC_PAUSE;

export class Faults {
	private live: Live[] = [];

	constructor(
		private s: Sim,
		private host: FaultHost
	) {}

	/** Recover of a node: every fault on it ends now. */
	recoverNode(n: NodeRt): void {
		for (let i = 0; i < this.live.length; i++) if (this.live[i].n === n) this.end(i);
	}
	/** Recover with no target: every fault on edges and node pairs ends. */
	recoverLinks(): void {
		for (let i = 0; i < this.live.length; i++) if (this.live[i].e.length > 0) this.end(i);
	}

	/** Apply one of the table's degradations (an unusable target is ignored, like the base faults do). */
	apply(ev: ScenarioEvent & { action: Degradation }, n: NodeRt | undefined): void {
		const s = this.s;
		const l: Live = { ev, n: n ?? null, e: [], step: 0, saved: [], over: false };
		const dur = num(ev.durationS, 0);
		switch (ev.action) {
			case 'errorRate':
				if (!n) return;
				n.errRate = clamp01(num(ev.rate, 0.2));
				break;
			case 'brownout':
				if (!n) return;
				n.errRate = clamp01(num(ev.rate, 0.1));
				n.faultSlow *= Math.max(1, num(ev.factor, 3));
				l.saved.push(Math.max(1, num(ev.factor, 3)));
				this.reslow(n);
				break;
			case 'edgeLatency': {
				const e = this.edge(ev.target);
				if (!e) return;
				const add = Math.max(0, num(ev.addMs, 200)) / 1000;
				e.lat += add;
				e.base += add;
				l.e.push(e);
				l.saved.push(add);
				break;
			}
			case 'packetLoss': {
				const e = this.edge(ev.target);
				if (!e) return;
				e.loss = Math.min(0.99, Math.max(0, num(ev.rate, 0.05)));
				l.e.push(e);
				break;
			}
			case 'partitionNodes': {
				const a = s.cx.byId.get(String(ev.target)), b = s.cx.byId.get(String(ev.peer));
				if (a === undefined || b === undefined) return;
				for (const e of s.edges) if ((e.src === a && e.dst === b) || (e.src === b && e.dst === a)) l.e.push(e);
				for (const e of l.e) e.cut = true;
				s.anyPartition = true;
				break;
			}
			case 'noisyNeighbour': {
				if (!n) return;
				n.instSlow ??= new Float64Array(n.nInst).fill(1);
				const k = Math.min(n.nInst, Math.max(1, Math.floor(num(ev.count, 1))));
				const f = Math.max(1, num(ev.factor, 3));
				for (let i = 0; i < k; i++) n.instSlow[i] *= f;
				l.saved.push(k, f);
				break;
			}
			case 'gcStorm': {
				if (!n) return;
				n.pausedUntil ??= new Float64Array(n.nInst);
				const every = Math.max(0.01, num(ev.everyS, 1));
				for (let i = 0; i < n.nInst; i++) s.q.push(s.now + s.rng.exponential(every), EV.GC_PAUSE, n.idx, i);
				break;
			}
			case 'dnsOutage':
				if (!n || (n.k !== K.dns && n.k !== K.geoDns)) return;
				fs(n).outageAt = s.now;
				break;
			case 'originOutage':
				if (!n || n.k !== K.cdn) return;
				n.originDown = true;
				break;
			case 'hotKey': {
				if (!n || n.k !== K.client) return;
				const st = clientState(n);
				st.hotShare = clamp01(num(ev.share, 0.5));
				st.hotKey = s.rng.int(st.keys);
				break;
			}
			case 'coldRestart': {
				if (!n) return;
				// The node and the caches it reads go down together and come back empty.
				const caches = [n, ...n.out[1].map((e) => s.nodes[s.edges[e].dst]).filter((m) => m.k === K.cache || m.k === K.cdn)];
				for (const m of caches) {
					this.host.emptyCache(m);
					this.host.failNode(m);
				}
				l.saved.push(...caches.map((m) => m.idx));
				this.at(l, Math.max(0, num(ev.durationS, 5)), EV.FAULT_END);
				return;
			}
			case 'diskFull':
				if (!n || n.k !== K.database) return;
				n.writesFail = true;
				break;
			case 'replicationLag': {
				const set = n && n.k === K.database ? dbs(n).set : null;
				if (!set) return;
				const lag = Math.max(0, num(ev.lagMs, 5000)) / 1000;
				for (const m of set.members) l.saved.push(dbs(s.nodes[m]).lag);
				l.saved.push(set.maxAsyncLag);
				for (const m of set.members) if (m !== set.leader) dbs(s.nodes[m]).lag = lag;
				set.maxAsyncLag = Math.max(set.maxAsyncLag, lag);
				break;
			}
			case 'consumerCrash':
				if (!n || n.k !== K.worker) return;
				this.host.failNode(n);
				break;
			case 'poisonMessages':
				if (!n || n.k !== K.queue) return;
				l.saved.push(qs(n).poison);
				qs(n).poison = clamp01(num(ev.rate, 0.05));
				break;
			case 'badDeploy': {
				if (!n) return;
				n.instErr ??= new Float64Array(n.nInst);
				this.push(l);
				this.tick(this.live.length - 1);
				return;
			}
			case 'warmRestart': {
				if (!n) return;
				for (let i = 0; i < n.nInst; i++)
					if (n.up[i] === 1) {
						this.host.killInstance(n, i);
						this.host.reviveInstance(n, i);
					}
				l.saved.push(Math.max(1, num(ev.factor, 5)));
				n.faultSlow *= l.saved[0];
				this.reslow(n);
				this.push(l);
				if (num(ev.warmupS, 20) > 0) s.q.push(s.now + TICK_S, EV.FAULT_TICK, this.live.length - 1, 0);
				else this.end(this.live.length - 1);
				return;
			}
			case 'addCacheNode':
				// Capacity added for good (no undo; a Recover does not remove it).
				if (n && n.k === K.cache) addCacheInstance(s, n);
				return;
			default:
				return unreachable(ev.action);
		}
		this.push(l);
		if (dur > 0) this.at(l, dur, EV.FAULT_END);
	}

	private push(l: Live): void {
		this.live.push(l);
	}
	private at(l: Live, afterS: number, code: number): void {
		if (!this.live.includes(l)) this.live.push(l);
		if (this.s.now + afterS <= this.s.durationS) this.s.q.push(this.s.now + afterS, code, this.live.indexOf(l), 0);
	}

	handle(code: FaultCode, a: number, b: number): void {
		switch (code) {
			case EV.FAULT_END:
				this.end(a);
				break;
			case EV.FAULT_TICK:
				this.tick(a);
				break;
			case EV.GC_PAUSE:
				this.pause(a, b);
				break;
			default:
				unreachable(code);
		}
	}

	/** A stop-the-world pause on instance i, then the next one while the storm lasts. */
	private pause(node: number, i: number): void {
		const s = this.s;
		const n = s.nodes[node];
		const l = this.live.find((x) => !x.over && x.n === n && x.ev.action === 'gcStorm');
		if (!l || n.pausedUntil === null) return;
		n.pausedUntil[i] = Math.max(n.pausedUntil[i], s.now + Math.max(0, num(l.ev.pauseMs, 200)) / 1000);
		s.q.push(s.now + s.rng.exponential(Math.max(0.01, num(l.ev.everyS, 1))), EV.GC_PAUSE, node, i);
	}

	private tick(a: number): void {
		const l = this.live[a];
		if (!l || l.over || !l.n) return;
		const s = this.s, n = l.n;
		if (l.ev.action === 'badDeploy') {
			// The next instance takes the bad version.
			if (l.step < n.nInst && n.instErr) n.instErr[l.step++] = clamp01(num(l.ev.rate, 0.5));
			const step = Math.max(0, num(l.ev.stepS, 5));
			if (l.step < n.nInst) {
				if (step === 0) this.tick(a);
				else if (s.now + step <= s.durationS) s.q.push(s.now + step, EV.FAULT_TICK, a, 0);
			}
		} else if (l.ev.action === 'warmRestart') {
			// The slowdown wears off linearly over the warm-up.
			const warm = Math.max(TICK_S, num(l.ev.warmupS, 20));
			l.step += TICK_S;
			const was = l.saved[l.saved.length - 1];
			const now = l.step >= warm ? 1 : 1 + (l.saved[0] - 1) * (1 - l.step / warm);
			n.faultSlow *= now / was;
			l.saved.push(now);
			this.reslow(n);
			if (l.step >= warm) {
				l.over = true;
				return;
			}
			if (s.now + TICK_S <= s.durationS) s.q.push(s.now + TICK_S, EV.FAULT_TICK, a, 0);
		}
	}

	/** Undo fault a. */
	private end(a: number): void {
		const l = this.live[a];
		if (!l || l.over) return;
		l.over = true;
		undoFault(this.s, this.host, l);
	}

	private edge(id: unknown): EdgeRt | undefined {
		return this.s.edges.find((e) => e.id === id);
	}

	private reslow(n: NodeRt): void {
		n.slow = n.healthSlow * n.faultSlow;
	}
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
