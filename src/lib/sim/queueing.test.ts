// @vitest-environment node
// The queueing core against closed forms: M/M/1, M/M/c (Erlang C), M/M/c/K, M/D/1, a
// Jackson tandem, and Little's law on every node.
//
// Tolerances come from the run length: relSeMean(ρ, T, S) is the relative standard error
// of a mean sojourn over T seconds (asymptotic variance of the number in system, via
// Little's law); a check allows 4 of those plus the histogram's 0.4% for percentiles,
// whose standard error is the i.i.d. quantile CLT √(q(1−q)/n)/(f(x)x) inflated by the same
// autocorrelation factor as the mean (SE_mean / SE_iid_mean).
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import { design, edge, group, node, readClient } from '$testing/testkit';
import { erlangC, md1MeanSojourn, mmcMeanSojourn, mmcSojournTail, mmck, quantileOf, relSeMean } from './theory';

function within(sim: number, exp: number, rel: number) {
	expect(Math.abs(sim / exp - 1), `sim ${sim} vs expected ${exp} (tol ${rel})`).toBeLessThanOrEqual(rel);
}

function runGroup(lambda: number, n: number, c: number, S: number, T: number, extra = {}, warm = 20) {
	const d = design(
		[node('client', 'client', readClient(lambda)), node('sut', 'service', group(n, c, S * 1000, extra))],
		[edge('client', 'sut')],
		{ durationS: T + warm, warmupS: warm, seed: 11 }
	);
	return simulate(d);
}

describe('M/M/c against Erlang C', () => {
	const cases = [
		{ name: 'M/M/1 ρ=0.7', lambda: 140, c: 1, S: 0.005, T: 1500 },
		{ name: 'M/M/4 ρ=0.8', lambda: 160, c: 4, S: 0.02, T: 1500 },
		{ name: 'M/M/16 ρ=0.9', lambda: 720, c: 16, S: 0.02, T: 600 }
	];
	for (const k of cases) {
		it(`${k.name}: mean, p50/p95/p99, utilization, waitRatio, meanQueue`, () => {
			const { lambda, c, S, T } = k;
			const mu = 1 / S, rho = lambda / (c * mu);
			const r = runGroup(lambda, 1, c, S, T);
			const sut = r.nodes.sut;
			const se = relSeMean(rho, T, S);
			within(sut.latency.mean, mmcMeanSojourn(lambda, mu, c) * 1000, 4 * se);
			const nReq = lambda * T;
			const inflation = se * Math.sqrt(nReq);
			for (const [q, key] of [
				[0.5, 'p50'],
				[0.95, 'p95'],
				[0.99, 'p99']
			] as const) {
				const x = quantileOf((t) => mmcSojournTail(lambda, mu, c, t), q);
				const dens = (mmcSojournTail(lambda, mu, c, x * 0.999) - mmcSojournTail(lambda, mu, c, x * 1.001)) / (0.002 * x);
				const qse = (Math.sqrt((q * (1 - q)) / nReq) / (dens * x)) * inflation;
				within(sut.latency[key], x * 1000, 4 * qse + 0.004);
			}
			expect(Math.abs(sut.utilization - rho)).toBeLessThan(4 * se * rho + 0.003);
			expect(Math.abs(sut.waitRatio - erlangC(c, lambda / mu))).toBeLessThan(0.02);
			// Little's law for the queue alone: Lq = λ Wq.
			const Wq = erlangC(c, lambda / mu) / (c * mu - lambda);
			within(sut.meanQueue, lambda * Wq, 6 * se + 0.01);
		});
	}

	it('more instances never raise the mean latency (monotonicity)', () => {
		let last = Infinity;
		for (const n of [1, 2, 3, 4]) {
			const r = runGroup(150, n, 1, 0.005, 300, {}, 10);
			expect(r.nodes.sut.latency.mean).toBeLessThanOrEqual(last * 1.02);
			last = r.nodes.sut.latency.mean;
		}
	});
});

describe('M/M/c/K: blocking', () => {
	it('1 instance × 8 workers, 20 waiting slots at λ=380/s, S=20 ms', () => {
		const lambda = 380, c = 8, S = 0.02, T = 1000;
		const th = mmck(lambda, 1 / S, c, c + 20);
		const r = runGroup(lambda, 1, c, S, T, { queueLimit: 20 });
		const sut = r.nodes.sut;
		const se = relSeMean(th.utilization, T, S);
		expect(Math.abs(sut.failed.rejected / sut.arrived - th.block)).toBeLessThan(0.0035);
		within(sut.latency.mean, th.meanSojourn * 1000, 4 * se);
		within(sut.meanQueue + sut.utilization * c, th.L, 4 * se);
		expect(Math.abs(sut.utilization - th.utilization)).toBeLessThan(0.006);
	});
});

describe('M/D/1: Pollaczek–Khinchine', () => {
	it('ρ = 0.5, constant 5 ms', () => {
		const lambda = 100, S = 0.005, T = 2000;
		const r = runGroup(lambda, 1, 1, S, T, { serviceDist: 'constant' });
		// Deterministic service halves the variance term: relSeMean is an upper bound here.
		within(r.nodes.sut.latency.mean, md1MeanSojourn(lambda, S) * 1000, 4 * relSeMean(0.5, T, S));
		expect(Math.abs(r.nodes.sut.waitRatio - 0.5)).toBeLessThan(0.01);
	});
});

describe('Jackson tandem and Little on every node', () => {
	it('service (M/M/1, 4 ms) → database (M/M/1, 5 ms) at 150/s, 1 ms edges', () => {
		const lambda = 150, T = 1500;
		const d = design(
			[
				node('client', 'client', readClient(lambda)),
				node('api', 'service', group(1, 1, 4)),
				node('db', 'database', { instances: 1, concurrency: 1, readMs: 5, writeMs: 5, queueLimit: 1e6 })
			],
			[edge('client', 'api', { latencyMs: 0.5 }), edge('api', 'db', { latencyMs: 0.5 })],
			{ durationS: T + 10, warmupS: 10, seed: 5 }
		);
		const r = simulate(d);
		const se = relSeMean(0.75, T, 0.005);
		within(r.nodes.api.latency.mean, 10, 4 * relSeMean(0.6, T, 0.004));
		within(r.nodes.db.latency.mean, 20, 4 * se);
		// End to end: the two sojourns plus 4 × 0.5 ms of edges.
		within(r.global.latency.mean, 32, 4 * se);
		for (const [id, c] of [
			['api', 1],
			['db', 1]
		] as const) {
			const nd = r.nodes[id];
			const L = nd.meanQueue + nd.utilization * c;
			const lambdaW = (nd.completed / T) * (nd.latency.mean / 1000);
			within(L, lambdaW, 0.01);
		}
	});
});
