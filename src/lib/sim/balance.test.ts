// @vitest-environment node
// One instance of four down behind a load balancer: the survivors share its traffic, so
// three live instances behave as three instances (issue 9, item 1). 240 rps of Poisson
// reads over 4 single-worker instances of 10 ms exponential service; instance 0 fails at
// t = 0 and the warm-up (20 s) outlasts the balancer's health check (5 s), so the measured
// span sees a balancer that knows. Each survivor then gets 80 rps: ρ = 0.8.
//
// Theory per algorithm:
// - random, weighted (equal weights), ip-hash over uniform keys: each survivor is fed a
//   Poisson split of the arrivals, so it is M/M/1 at ρ = 0.8: mean S/(1−ρ) = 50 ms, sojourn
//   exponential, p99 = 50 ms × ln 100 ≈ 230 ms.
// - round robin: each survivor gets every third arrival, Erlang-3 gaps: E3/M/1. GI/M/1's
//   sojourn is exponential with rate μ(1−σ), σ the root in (0,1) of σ = A*(μ(1−σ)) with
//   A*(s) = (3λ/(3λ+s))³ for λ = 80/s per instance (giOfE3 below).
// - least-connections, least-response-time, power-of-two: no closed form; the same
//   balancer over three healthy instances is the reference (two runs, two seeds).
// Tolerances: relSeMean (theory.ts) bounds the relative standard error of a mean sojourn
// of an M/M/1-like station at ρ over T s; a check allows 4 of them (and p99 twice that,
// as its standard error is about twice the mean's for an exponential tail).
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import { design, edge, group, node, readClient } from '$testing/testkit';
import { relSeMean } from './theory';
import type { ScenarioEvent } from '../model/types';

const T = 900, WARM = 20, S = 0.01, LAMBDA = 240, RHO = 0.8;

function run(algorithm: string, instances: number, fail: boolean, seed = 5) {
	const events: ScenarioEvent[] = fail ? [{ atS: 0, action: 'failInstance', target: 'web', instance: 0 }] : [];
	const d = design(
		[
			node('client', 'client', readClient(LAMBDA, { keys: 100000, zipf: 0 })),
			node('lb', 'loadBalancer', { algorithm, overheadMs: 0, healthCheckS: 5 }),
			node('web', 'service', group(instances, 1, S * 1000))
		],
		[edge('client', 'lb'), edge('lb', 'web')],
		{ durationS: T + WARM, warmupS: WARM, seed, events }
	);
	return simulate(d).nodes.web;
}

/** E3/M/1: σ solving σ = (3λ/(3λ + μ(1−σ)))³, by fixed-point iteration (a contraction here). */
export function giOfE3(lambda: number, mu: number): number {
	let sigma = 0.5;
	for (let i = 0; i < 500; i++) sigma = Math.pow((3 * lambda) / (3 * lambda + mu * (1 - sigma)), 3);
	return sigma;
}

function near(sim: number, exp: number, rel: number, what: string) {
	expect(Math.abs(sim / exp - 1), `${what}: sim ${sim.toFixed(2)} vs ${exp.toFixed(2)} (tol ${(rel * 100).toFixed(1)} %)`).toBeLessThanOrEqual(rel);
}

const se = relSeMean(RHO, T, S);

describe('a dead instance’s share spreads over all live instances', () => {
	const mm1Mean = S / (1 - RHO) * 1000;
	const mm1P99 = mm1Mean * Math.log(100);
	for (const algorithm of ['random', 'weighted', 'ip-hash']) {
		it(`${algorithm}: each survivor is M/M/1 at ρ = 0.8 (mean 50 ms, p99 ≈ 230 ms)`, () => {
			const web = run(algorithm, 4, true);
			near(web.latency.mean, mm1Mean, 4 * se, 'mean');
			near(web.latency.p99, mm1P99, 8 * se + 0.01, 'p99');
			expect(web.utilization).toBeGreaterThan(RHO * (1 - 4 * se));
			expect(web.utilization).toBeLessThan(RHO * (1 + 4 * se));
		});
	}

	it('round robin: each survivor is E3/M/1 (mean ≈ 35 ms)', () => {
		const mu = 1 / S;
		const sigma = giOfE3(LAMBDA / 3, mu);
		const mean = 1000 / (mu * (1 - sigma));
		expect(mean).toBeGreaterThan(34);
		expect(mean).toBeLessThan(36);
		const web = run('round-robin', 4, true);
		near(web.latency.mean, mean, 4 * se, 'mean');
		near(web.latency.p99, mean * Math.log(100), 8 * se + 0.01, 'p99');
	});

	for (const algorithm of ['least-connections', 'least-response-time', 'power-of-two']) {
		it(`${algorithm}: three live of four behave as three instances`, () => {
			const failed = run(algorithm, 4, true, 5);
			const three = run(algorithm, 3, false, 6);
			near(failed.latency.mean, three.latency.mean, 6 * se, 'mean');
			near(failed.latency.p99, three.latency.p99, 10 * se + 0.01, 'p99');
		});
	}
});
