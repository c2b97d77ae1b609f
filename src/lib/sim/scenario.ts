// Things that change state over time: the timeline's events, random failures and repairs,
// autoscaling (its machines and instance counts: scaling.ts). Each acts on the core's
// health arrays at its simulated time.
import type { ScenarioEvent } from '../model/types';
import type { Sim } from './core';
import type { NodeRt } from './compile';
import { num, obj } from './compile';
import { EV, K, traitByCode, unreachable } from './consts';
import { cacheLose } from './components/cache';
import { cdnFlush } from './components/cdn';
import { addUsers, spikeUsers } from './components/client';
import { dbHealthChanged } from './components/database';
import { dropBacklog } from './components/delivery';
import { startHealth, type Health } from './machines/health';
import type { Autoscaler } from './machines/autoscaler';
import { startCacheLife, type CacheLife } from './machines/cacheLife';
import { Faults, type Degradation, type FaultCode } from './faults';
import { evaluateScaler, setActive, startScalers } from './scaling';

const FAILS_BY_INSTANCE = traitByCode('failsByInstance');

/** The event codes the scenario handles (run.ts hands them over); the faults' own are FaultCode. */
export type ScenarioCode = typeof EV.SCENARIO | typeof EV.FAIL_TOGGLE | typeof EV.AUTOSCALE | typeof EV.INSTANCE_READY | typeof EV.SPIKE_END | FaultCode;

export class Scenario {
	private spikes: { factor: number; target: number; users: number[] }[] = [];
	private lastBusy: Float64Array;
	private lastCap: Float64Array;
	pendingReady: Int32Array;
	private health: (Health | undefined)[];
	private scalers: (Autoscaler | undefined)[];
	private caches: (CacheLife | undefined)[];
	private faults: Faults;

	constructor(private s: Sim, private events: ScenarioEvent[]) {
		s.spikesPlanned = events.some((e) => e.action === 'spike');
		s.spikeMul = new Float64Array(s.nodes.length).fill(1);
		this.lastBusy = new Float64Array(s.nodes.length);
		this.lastCap = new Float64Array(s.nodes.length);
		this.pendingReady = new Int32Array(s.nodes.length);
		s.scenario = this;
		const host = { failNode: (n: NodeRt) => this.failNode(n), recoverNode: (n: NodeRt) => this.recoverNode(n), emptyCache: (n: NodeRt) => this.empty(n) };
		this.faults = new Faults(s, { ...host, killInstance: (n, i) => s.killInstance(n, i), reviveInstance: (n, i) => s.reviveInstance(n, i) });
		// One health machine per node (instances are plain arrays, not actors), an autoscaler
		// per autoscaled group, a life per cache.
		this.health = s.nodes.map((n) => (n.k === K.client ? undefined : startHealth(0)));
		this.scalers = startScalers(s);
		this.caches = s.nodes.map((n) => (n.k === K.cache || n.k === K.cdn ? startCacheLife(Math.max(1, n.p.capacity as number)) : undefined));
		s.health = this.health;
		s.lives = s.nodes.map((n) => this.scalers[n.idx] ?? this.caches[n.idx]);
		events.forEach((e, i) => {
			if (Number.isFinite(e.atS) && e.atS >= 0 && e.atS <= s.durationS) s.q.push(e.atS, EV.SCENARIO, i, 0);
		});
		for (const n of s.nodes) {
			if (n.failures) for (let i = 0; i < n.nInst; i++) s.q.push(s.rng.exponential(n.failures.mtbf), EV.FAIL_TOGGLE, n.idx, i);
			const as = obj(n.p.autoscale);
			if (as.enabled === true && (n.k === K.service || n.k === K.worker)) s.q.push(Math.max(0.1, as.evaluateS as number), EV.AUTOSCALE, n.idx, 0);
		}
	}

	handle(code: ScenarioCode, a: number, b: number): void {
		const s = this.s;
		switch (code) {
			case EV.SCENARIO:
				this.apply(this.events[a]);
				break;
			case EV.FAIL_TOGGLE: {
				const n = s.nodes[a];
				const f = n.failures!;
				if (n.up[b] === 1) {
					this.kill(n, b);
					s.q.push(s.now + s.rng.exponential(f.mttr), EV.FAIL_TOGGLE, a, b);
				} else {
					this.revive(n, b);
					s.q.push(s.now + s.rng.exponential(f.mtbf), EV.FAIL_TOGGLE, a, b);
				}
				break;
			}
			case EV.SPIKE_END: {
				const sp = this.spikes[a];
				this.mul(sp.target, 1 / sp.factor);
				for (let j = 0; j < sp.users.length; j += 2) addUsers(this.s, this.s.nodes[sp.users[j]], -sp.users[j + 1]); // closed loops: back to their users
				break;
			}
			case EV.AUTOSCALE:
				this.autoscale(s.nodes[a]);
				break;
			case EV.FAULT_END:
			case EV.FAULT_TICK:
			case EV.GC_PAUSE:
				this.faults.handle(code, a, b);
				break;
			case EV.INSTANCE_READY: {
				const n = s.nodes[a];
				const sc = this.scalers[a];
				if (sc) {
					sc.send({ type: 'TICK', now: s.now });
					setActive(this.s, n, sc.instances());
				}
				break;
			}
			default:
				unreachable(code);
		}
	}

	/** Whether a failure takes one instance of n (KINDS[kind].failsByInstance) or the whole node. */
	private isGroup(n: NodeRt): boolean {
		return FAILS_BY_INSTANCE[n.k];
	}

	kill(n: NodeRt, i: number): void {
		const s = this.s;
		if (!this.isGroup(n)) {
			n.up[i] = 0;
			if (!n.failed) n.downSince = s.now;
			n.failed = true;
			s.recap(n);
			this.health[n.idx]?.send({ type: 'FAIL', now: s.now });
			return;
		}
		s.killInstance(n, i);
		if (n.k === K.cache) {
			cacheLose(s, n, i);
			this.caches[n.idx]?.send({ type: 'FLUSH', now: s.now });
		}
		if (s.allDown(n) && n.downSince < n.instDownSince[i]) n.downSince = s.now;
		if (n.k === K.database) dbHealthChanged(s, n);
	}

	revive(n: NodeRt, i: number): void {
		const s = this.s;
		if (!this.isGroup(n)) {
			n.up[i] = 1;
			n.failed = false;
			s.recap(n);
			this.health[n.idx]?.send({ type: 'RECOVER', now: s.now });
			return;
		}
		s.reviveInstance(n, i);
		if (n.k === K.database) dbHealthChanged(s, n);
	}

	private failNode(n: NodeRt): void {
		const s = this.s;
		this.health[n.idx]?.send({ type: 'FAIL', now: s.now });
		if (!n.failed) n.downSince = s.now;
		for (let i = 0; i < n.nInst; i++) this.kill(n, i);
		n.failed = true;
		s.recap(n);
		if (n.k === K.database) dbHealthChanged(s, n);
		if (n.k === K.queue) dropBacklog(s, n);
	}

	private recoverNode(n: NodeRt): void {
		const h = this.health[n.idx];
		h?.send({ type: 'RECOVER', now: this.s.now });
		h?.send({ type: 'RESTORE', now: this.s.now });
		n.failed = false;
		n.healthSlow = h ? h.factor() : 1;
		this.faults.recoverNode(n);
		n.slow = n.healthSlow * n.faultSlow;
		for (let i = 0; i < n.nInst; i++) if (i < n.active) this.revive(n, i);
		this.s.recap(n);
		if (n.k === K.database) dbHealthChanged(this.s, n);
	}

	private mul(target: number, f: number): void {
		const m = this.s.spikeMul;
		for (let i = 0; i < m.length; i++) if (target < 0 || target === i) m[i] *= f;
	}

	apply(ev: ScenarioEvent): void {
		const s = this.s;
		const node = ev.target !== undefined ? s.cx.byId.get(ev.target) : undefined;
		const region = ev.target !== undefined ? s.cx.regions.indexOf(ev.target) : -1;
		const n = node !== undefined ? s.nodes[node] : undefined;
		switch (ev.action) {
			case 'fail':
				if (n) this.failNode(n);
				else if (region >= 0) {
					s.regionDown[region] = 1;
					for (const m of s.nodes) if (m.region === region && m.k !== K.client) this.failNode(m);
				}
				break;
			case 'recover':
				if (n) this.recoverNode(n);
				else if (region >= 0) {
					s.regionDown[region] = 0;
					for (const m of s.nodes) if (m.region === region && m.k !== K.client) this.recoverNode(m);
				} else {
					s.partitioned.fill(0);
					this.faults.recoverLinks();
				}
				if (Array.isArray(ev.regions)) this.partition(ev.regions, 0);
				break;
			case 'failInstance':
				if (n) this.kill(n, Math.min(n.nInst - 1, Math.max(0, Math.floor(num(ev.instance, 0)))));
				break;
			case 'slow':
				if (n) {
					const h = this.health[n.idx];
					h?.send({ type: 'SLOW', now: s.now, factor: Math.max(0, num(ev.factor, 2)) });
					n.healthSlow = h ? h.factor() : Math.max(0, num(ev.factor, 2));
					n.slow = n.healthSlow * n.faultSlow;
				}
				break;
			case 'partition':
				if (Array.isArray(ev.regions)) this.partition(ev.regions, 1);
				break;
			case 'flush':
				if (n) this.empty(n);
				break;
			case 'spike': {
				const factor = Math.max(0, num(ev.factor, 3));
				if (factor === 0) break;
				const target = n && n.k === K.client ? n.idx : -1;
				this.spikes.push({ factor, target, users: spikeUsers(s, target, factor) });
				this.mul(target, factor);
				s.spikesPlanned = true;
				const d = num(ev.durationS, 10);
				if (s.now + d <= s.durationS) s.q.push(s.now + d, EV.SPIKE_END, this.spikes.length - 1, 0);
				break;
			}
			default:
				// The degradations (faults.ts, whose switch over them is exhaustive). The compiler
				// has narrowed ev.action to the actions not handled above; `rest` fails to compile
				// if a base action (BaseAction) is missing a case here.
				const rest: Degradation = ev.action;
				this.faults.apply(ev as ScenarioEvent & { action: typeof rest }, n);
		}
	}

	/** A cache or CDN loses everything it held (flush, cold restart). */
	private empty(n: NodeRt): void {
		if (n.k === K.cache) for (let i = 0; i < n.nInst; i++) cacheLose(this.s, n, i);
		if (n.k === K.cdn) cdnFlush(n);
		this.caches[n.idx]?.send({ type: 'FLUSH', now: this.s.now });
	}

	private partition(regions: unknown[], v: number): void {
		const s = this.s;
		const [a, b] = regions.map((r) => s.cx.regions.indexOf(String(r)));
		if (a >= 0 && b >= 0) {
			if (v === 1) s.anyPartition = true;
			s.partitioned[a * s.R + b] = v;
			s.partitioned[b * s.R + a] = v;
		}
	}

	/** Every evaluateS: the autoscaler machine sees utilization (or backlog) and plans. */
	private autoscale(n: NodeRt): void {
		evaluateScaler(this.s, n, this.scalers[n.idx]!, this.lastBusy, this.lastCap, this.pendingReady);
		setActive(this.s, n, this.scalers[n.idx]!.instances());
	}

	/** Once per frame: caches report their window's hit ratio and fills to their life machine. */
	frame(hitRatio: (n: NodeRt) => [number, number]): void {
		for (const n of this.s.nodes) {
			const life = this.caches[n.idx];
			if (!life) continue;
			const [h, fills] = hitRatio(n);
			life.send({ type: 'PROGRESS', now: this.s.now, hitRatio: h, fills });
		}
		for (const n of this.s.nodes) {
			const sc = this.scalers[n.idx];
			if (!sc) continue;
			sc.send({ type: 'TICK', now: this.s.now });
			setActive(this.s, n, sc.instances());
		}
	}
}
