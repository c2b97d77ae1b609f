// A tiny stand-in for the simulator, for tests of the run loop, the worker host and the
// store: every node sees the clients' whole rate, utilization follows from its capacity,
// and `fail`/`recover` (scheduled or injected) turn a node's traffic into `unavailable`.
import type { Design, ScenarioEvent } from '$lib/model/types';
import type { FailureCounts, MetricsFrame, NodeFrame, SimOptions, SimResult, Simulation } from '$lib/sim/types';

const zero = (): FailureCounts => ({ rejected: 0, 'rate-limited': 0, timeout: 0, unavailable: 0, lost: 0, 'pool-timeout': 0 });
const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

export function createFakeSimulation(design: Design, opts: SimOptions = {}): Simulation {
	const durationS = opts.durationS ?? design.scenario?.durationS ?? 60;
	const frameS = opts.frameS ?? 1;
	const rps = design.nodes.filter((n) => n.kind === 'client').reduce((s, n) => s + num(n.params.rps, 100), 0);
	const pending = [...(design.scenario?.events ?? [])].sort((a, b) => a.atS - b.atS);
	const down = new Set<string>();
	let timeS = 0;
	let arrived = 0,
		completed = 0;
	const failed = zero();

	function apply(ev: Omit<ScenarioEvent, 'atS'>) {
		if (ev.action === 'fail' && ev.target) down.add(String(ev.target));
		if (ev.action === 'recover' && ev.target) down.delete(String(ev.target));
	}

	function frame(t: number): MetricsFrame {
		const anyDown = design.nodes.some((n) => down.has(n.id));
		const served = anyDown ? 0 : rps;
		const nodes: Record<string, NodeFrame> = {};
		for (const n of design.nodes) {
			const cap = (num(n.params.instances, 1) * num(n.params.concurrency, 8) * 1000) / num(n.params.serviceTimeMs, 10);
			const f = zero();
			if (down.has(n.id)) f.unavailable = rps * frameS;
			nodes[n.id] = {
				arrived: rps * frameS,
				completed: down.has(n.id) ? 0 : rps * frameS,
				failed: f,
				inFlight: 0,
				utilization: n.kind === 'client' || down.has(n.id) ? 0 : Math.min(1, rps / cap),
				meanQueue: 0,
				latency: { mean: 10, p50: 8, p95: 20, p99: 30, max: 40 },
				up: down.has(n.id) ? 0 : num(n.params.instances, 1),
				instances: num(n.params.instances, 1)
			};
		}
		arrived += rps * frameS;
		completed += served * frameS;
		failed.unavailable += (rps - served) * frameS;
		const gf = zero();
		gf.unavailable = (rps - served) * frameS;
		return {
			t,
			dt: frameS,
			global: { arrived: rps * frameS, completed: served * frameS, failed: gf, inFlight: 0, offeredRps: rps, servedRps: served, latency: { mean: 12, p50: 10, p95: 25, p99: 40, max: 60 } },
			nodes
		};
	}

	const sim: Simulation = {
		durationS,
		get timeS() {
			return timeS;
		},
		get done() {
			return timeS >= durationS;
		},
		advance(toS: number) {
			const target = Math.min(toS, durationS);
			const out: MetricsFrame[] = [];
			while (timeS < target) {
				const next = Math.min(target, (Math.floor(timeS / frameS + 1e-9) + 1) * frameS);
				while (pending.length && pending[0].atS <= next) apply(pending.shift()!);
				timeS = next;
				if (Math.abs(timeS / frameS - Math.round(timeS / frameS)) < 1e-9) {
					const f = frame(timeS);
					out.push(f);
					opts.onFrame?.(f);
				}
			}
			return out;
		},
		inject: apply,
		result(): SimResult {
			const total = arrived || 1;
			return {
				durationS,
				warmupS: 0,
				seed: opts.seed ?? 1,
				events: arrived * 3,
				global: { offeredRps: rps, servedRps: completed / Math.max(timeS, 1), arrived, completed, failed: { ...failed }, successRatio: completed / total, latency: { mean: 12, p50: 10, p95: 25, p99: 40, max: 60 }, latencyByType: {}, costPerMonth: 100 },
				nodes: {}
			};
		}
	};
	return sim;
}
