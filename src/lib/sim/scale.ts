// Large designs: simulate a representative slice and scale the counts back.
//
// A design offering more than SAMPLE_RPS requests per second is simulated as 1/k of
// itself, k = ceil(offered / SAMPLE_RPS): every client's rate, every rate limit and queue
// bound is divided by k, and so is every server group's instance count (each instance keeps
// its own workers, queue and service time, so each one sees exactly the load it would in
// the full design). A group with fewer than k instances keeps them and has its concurrency
// divided instead. Cache TTLs are multiplied by k so each key's requests-per-TTL stays the
// same (an LRU's hit ratio depends only on popularity and capacity, which are unchanged).
// Counts (arrivals, completions, failures, rates, depth, stale reads, lost writes, mean
// queue) are multiplied by k on the way out; latencies, utilization and ratios are
// per-request or per-server figures and come out as they are.
//
// Exact for random routing over identical instances (each instance is the same M/M/c);
// approximate where the slice is less smooth than the whole: round-robin over fewer
// instances, groups whose concurrency had to be divided, and replication staleness (per-key
// write rates fall by k). docs/model.md gives the error measured on the benchmark.
import type { Design, Params } from '../model/types';
import { resolveParams } from '../model/defaults';
import { num, obj } from './compile';
import { KINDS } from '../model/kinds';

/** Above this many offered requests per second a design is simulated as a slice. */
export const SAMPLE_RPS = 25_000;

/**
 * The largest product of timeline spikes in force at once (a spike multiplies every client's
 * rate, or one client's: counted as all, an upper bound). A ×1e4 timeline spike must slice
 * the run as a ×1e4 client-shape spike does, or the run simulates 1e4 times the traffic.
 */
export function timelineSpike(design: Design): number {
	const spikes = (design.scenario?.events ?? [])
		.filter((e) => e.action === 'spike')
		.map((e) => ({ at: e.atS, end: e.atS + num(e.durationS, 10), f: Math.max(0, num(e.factor, 3)) }));
	let peak = 1;
	for (const a of spikes) {
		// The product of the spikes live at a's start: each overlap is checked at the later start.
		let m = 1;
		for (const b of spikes) if (b.at <= a.at && a.at < b.end) m *= b.f;
		peak = Math.max(peak, m);
	}
	return Math.min(peak, 1e12);
}

/** The design's offered rate at its peak (clients' rates, ramps and spike shapes, timeline spikes). */
export function offeredRps(design: Design): number {
	let total = 0;
	for (const n of design.nodes) {
		if (n.kind !== 'client') continue;
		const p = resolveParams('client', n.params);
		const sh = obj(p.shape);
		let peak = num(p.rps, 100);
		if (sh.kind === 'ramp') peak = Math.max(peak, num(sh.toRps, 1000));
		if (sh.kind === 'spike') peak *= Math.max(1, num(sh.factor, 3));
		if (sh.kind === 'diurnal') peak *= 1 + num(sh.amplitude, 0.5);
		// A closed loop (no rate, no shape) offers at most users / think time; its response time only lowers that.
		if (p.loop === 'closed') peak = num(p.users, 100) / Math.max(0.01, num(p.thinkMs, 1000) / 1000);
		total += peak;
	}
	return total * timelineSpike(design);
}

export function sampleFactor(design: Design, limit = SAMPLE_RPS): number {
	const r = offeredRps(design);
	return r > limit ? Math.ceil(r / limit) : 1;
}

/** The 1/k slice of a design, and per node how many real instances each simulated one stands for. */
export function sliceDesign(design: Design, k: number): { design: Design; instanceScale: Record<string, number> } {
	const instanceScale: Record<string, number> = {};
	const nodes = design.nodes.map((n) => {
		const p: Params = resolveParams(n.kind, n.params);
		const div = (key: string, min = 0) => {
			if (typeof p[key] === 'number') p[key] = Math.max(min, (p[key] as number) / k);
		};
		instanceScale[n.id] = 1;
		if (n.kind === 'client') {
			div('rps');
			if (p.loop === 'closed') p.users = Math.max(1, Math.round(num(p.users, 100) / k));
			const sh = { ...obj(p.shape) };
			if (typeof sh.toRps === 'number') sh.toRps = sh.toRps / k;
			p.shape = sh;
		} else if (KINDS[n.kind].scalesOut) {
			const inst = Math.floor(num(p.instances, 1));
			if (inst >= k) {
				p.instances = Math.max(1, Math.round(inst / k));
				instanceScale[n.id] = inst / (p.instances as number);
				const as = { ...obj(p.autoscale) };
				if (as.enabled === true) {
					as.min = Math.max(1, Math.round(num(as.min, 1) / k));
					as.max = Math.max(as.min as number, Math.round(num(as.max, 10) / k));
					p.autoscale = as;
				}
			} else p.concurrency = Math.max(1, Math.round(num(p.concurrency, 1) / k));
			if (n.kind === 'cache' || n.kind === 'cdn') p.ttlS = num(p.ttlS, 0) * k;
		} else if (n.kind === 'kvStore') p.concurrency = Math.max(1, Math.round(num(p.concurrency, 32) / k));
		else if (n.kind === 'loadBalancer' || n.kind === 'apiGateway') div('maxRps');
		else if (n.kind === 'rateLimiter') {
			div('limitRps');
			p.burst = Math.max(1, Math.round(num(p.burst, 100) / k));
		} else if (n.kind === 'queue') div('maxDepth', 1);
		return { ...n, params: p };
	});
	return { design: { ...design, nodes }, instanceScale };
}
