// Things that change state over time: the timeline's events, random failures and repairs,
// autoscaling. Each acts on the core's health arrays at its simulated time.
import type { ScenarioEvent } from '../model/types';
import type { Sim } from './core';
import type { NodeRt } from './compile';
import { num, obj } from './compile';
import { EV, K } from './consts';
import { cacheLose } from './components/cache';
import { cdnFlush } from './components/cdn';
import { dbHealthChanged } from './components/database';
import { qs } from './components/queue';

export class Scenario {
	private spikes: { factor: number; target: number }[] = [];
	private lastBusy: Float64Array;
	private lastCap: Float64Array;
	pendingReady: Int32Array;

	constructor(
		private s: Sim,
		private events: ScenarioEvent[]
	) {
		s.spikesPlanned = events.some((e) => e.action === 'spike');
		s.spikeMul = new Float64Array(s.nodes.length).fill(1);
		this.lastBusy = new Float64Array(s.nodes.length);
		this.lastCap = new Float64Array(s.nodes.length);
		this.pendingReady = new Int32Array(s.nodes.length);
		s.scenario = this;
		events.forEach((e, i) => {
			if (Number.isFinite(e.atS) && e.atS >= 0 && e.atS <= s.durationS) s.q.push(e.atS, EV.SCENARIO, i, 0);
		});
		for (const n of s.nodes) {
			if (n.failures) for (let i = 0; i < n.nInst; i++) s.q.push(s.rng.exponential(n.failures.mtbf), EV.FAIL_TOGGLE, n.idx, i);
			const as = obj(n.p.autoscale);
			if (as.enabled === true && (n.k === K.SERVICE || n.k === K.WORKER)) s.q.push(Math.max(0.1, num(as.evaluateS, 10)), EV.AUTOSCALE, n.idx, 0);
		}
	}

	handle(code: number, a: number, b: number): void {
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
				break;
			}
			case EV.AUTOSCALE:
				this.autoscale(s.nodes[a]);
				break;
			case EV.INSTANCE_READY: {
				const n = s.nodes[a];
				this.pendingReady[a]--;
				if (b === n.active) {
					s.touch(n);
					n.active++;
					n.capTotal = n.active * n.conc;
					n.up[b] = 1;
					n.ready[b] = 1;
					if (n.k === K.WORKER) for (let j = 0; j < n.conc; j++) s.onWorkerFree(n, b);
				}
				break;
			}
		}
	}

	private isGroup(n: NodeRt): boolean {
		return n.k === K.SERVICE || n.k === K.WORKER || n.k === K.CACHE || n.k === K.DB || n.k === K.OBJECT || n.k === K.CDN || n.k === K.KV;
	}

	kill(n: NodeRt, i: number): void {
		const s = this.s;
		if (!this.isGroup(n)) {
			n.up[i] = 0;
			if (!n.failed) n.downSince = s.now;
			n.failed = true;
			return;
		}
		s.killInstance(n, i);
		if (n.k === K.CACHE) cacheLose(s, n, i);
		if (s.allDown(n) && n.downSince < n.instDownSince[i]) n.downSince = s.now;
		if (n.k === K.DB) dbHealthChanged(s, n);
	}

	revive(n: NodeRt, i: number): void {
		const s = this.s;
		if (!this.isGroup(n)) {
			n.up[i] = 1;
			n.failed = false;
			return;
		}
		s.reviveInstance(n, i);
	}

	private failNode(n: NodeRt): void {
		const s = this.s;
		if (!n.failed) n.downSince = s.now;
		for (let i = 0; i < n.nInst; i++) this.kill(n, i);
		n.failed = true;
		if (n.k === K.DB) dbHealthChanged(s, n);
		if (n.k === K.QUEUE) {
			// A broker that dies loses what it held (no replication modelled).
			const st = qs(n);
			for (let j = 0; j < st.len; j++) s.free(st.buf[(st.head + j) % st.buf.length]);
			n.cnt[6] += st.len; // counted as unavailable
			s.touch(n);
			n.waitTotal -= st.len;
			st.len = 0;
		}
	}

	private recoverNode(n: NodeRt): void {
		n.failed = false;
		n.slow = 1;
		for (let i = 0; i < n.nInst; i++) if (i < n.active) this.revive(n, i);
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
					for (const m of s.nodes) if (m.region === region && m.k !== K.CLIENT) this.failNode(m);
				}
				break;
			case 'recover':
				if (n) this.recoverNode(n);
				else if (region >= 0) {
					s.regionDown[region] = 0;
					for (const m of s.nodes) if (m.region === region && m.k !== K.CLIENT) this.recoverNode(m);
				} else s.partitioned.fill(0);
				if (Array.isArray(ev.regions)) this.partition(ev.regions, 0);
				break;
			case 'failInstance':
				if (n) this.kill(n, Math.min(n.nInst - 1, Math.max(0, Math.floor(num(ev.instance, 0)))));
				break;
			case 'slow':
				if (n) n.slow = Math.max(0, num(ev.factor, 2));
				break;
			case 'partition':
				if (Array.isArray(ev.regions)) this.partition(ev.regions, 1);
				break;
			case 'flush':
				if (n && n.k === K.CACHE) for (let i = 0; i < n.nInst; i++) cacheLose(s, n, i);
				if (n && n.k === K.CDN) cdnFlush(n);
				if (n) n.state.flushedAt = s.now;
				break;
			case 'spike': {
				const factor = Math.max(0, num(ev.factor, 3));
				if (factor === 0) break;
				const target = n && n.k === K.CLIENT ? n.idx : -1;
				this.spikes.push({ factor, target });
				this.mul(target, factor);
				s.spikesPlanned = true;
				const d = num(ev.durationS, 10);
				if (s.now + d <= s.durationS) s.q.push(s.now + d, EV.SPIKE_END, this.spikes.length - 1, 0);
				break;
			}
		}
	}

	private partition(regions: unknown[], v: number): void {
		const s = this.s;
		const [a, b] = regions.map((r) => s.cx.regions.indexOf(String(r)));
		if (a >= 0 && b >= 0) {
			s.partitioned[a * s.R + b] = v;
			s.partitioned[b * s.R + a] = v;
		}
	}

	/** Utilization rule (Kubernetes HPA): desired = ceil(active × utilization / target). */
	private autoscale(n: NodeRt): void {
		const s = this.s;
		const as = obj(n.p.autoscale);
		const every = Math.max(0.1, num(as.evaluateS, 10));
		s.touch(n);
		const busy = n.busyArea - this.lastBusy[n.idx], cap = n.capArea - this.lastCap[n.idx];
		this.lastBusy[n.idx] = n.busyArea;
		this.lastCap[n.idx] = n.capArea;
		const min = Math.max(1, num(as.min, 1)), max = Math.min(n.nInst, Math.max(min, num(as.max, 10)));
		let desired = n.active;
		const perWorker = num(as.targetBacklogPerWorker, 0);
		if (n.k === K.WORKER && perWorker > 0) {
			let backlog = 0;
			for (const q of n.state.queues as number[]) backlog += qs(s.nodes[q]).len;
			desired = Math.ceil(backlog / perWorker);
		} else if (cap > 0) desired = Math.ceil((n.active * (busy / cap)) / Math.max(0.01, num(as.targetUtilization, 0.6)));
		desired = Math.min(max, Math.max(min, desired));
		const pending = this.pendingReady[n.idx];
		if (desired > n.active + pending) {
			const warm = Math.max(0, num(as.warmupS, 30));
			for (let i = n.active + pending; i < desired; i++) {
				n.up[i] = 1;
				n.ready[i] = 0;
				this.pendingReady[n.idx]++;
				s.q.push(s.now + warm, EV.INSTANCE_READY, n.idx, i);
			}
		} else if (desired < n.active && pending === 0) {
			n.active = desired;
			n.capTotal = n.active * n.conc;
		}
		if (s.now + every <= s.durationS) s.q.push(s.now + every, EV.AUTOSCALE, n.idx, 0);
	}
}
