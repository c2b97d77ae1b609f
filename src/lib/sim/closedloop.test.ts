// @vitest-environment node
// Closed-loop clients under a traffic spike and in a sliced run: a spike multiplies the users
// (a closed loop has no rate to multiply) while it lasts, and a slice of 1/k keeps 1/k of the
// users. Each user sends at 1/(R + Z) (the interactive response-time law), so counts over a
// window are checked against users × window / (R + Z), within 4 √n.
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import type { MetricsFrame } from './types';
import { design, edge, group, node, readClient } from '$testing/testkit';

const sum = (fs: MetricsFrame[], from: number, to: number, f: (x: MetricsFrame) => number) =>
	fs.filter((x) => x.t > from && x.t <= to).reduce((a, x) => a + f(x), 0);

const closed = (users: number, thinkMs: number, factor: number, T = 45) =>
	design([node('users', 'client', readClient(0, { loop: 'closed', users, thinkMs })), node('api', 'service', group(1, 1000, 1))], [edge('users', 'api')], {
		durationS: T,
		events: [{ atS: 20, action: 'spike', factor, durationS: 10 }]
	});

function run(factor: number) {
	const fs: MetricsFrame[] = [];
	const r = simulate(closed(100, 1000, factor), { onFrame: (f) => fs.push(f) });
	const cycle = 1 + r.global.latency.mean / 1000; // Z + R, s
	const count = (a: number, b: number) => sum(fs, a, b, (f) => f.global.arrived);
	return { cycle, count };
}

describe('closed-loop clients honour traffic spikes', () => {
	it('×2 for 10 s: twice the users while it lasts, back after', () => {
		const { cycle, count } = run(2);
		const before = count(5, 20), during = count(20, 30), after = count(31, 45);
		const near = (n: number, expected: number) => expect(Math.abs(n - expected)).toBeLessThan(4 * Math.sqrt(expected));
		near(before, (100 * 15) / cycle);
		// The new users start after a first think (exponential): Poisson from the spike on.
		near(during, (200 * 10) / cycle);
		// Those who came with it leave instead of their next request.
		near(after, (100 * 14) / cycle);
	});

	it('×0.5: half the users stay away while it lasts', () => {
		const { cycle, count } = run(0.5);
		// Fifty users leave at their next start (within about half a second at 100/s).
		const during = count(21, 30);
		expect(Math.abs(during - (50 * 9) / cycle)).toBeLessThan(4 * Math.sqrt((50 * 9) / cycle));
		const after = count(32, 45);
		expect(Math.abs(after - (100 * 13) / cycle)).toBeLessThan(4 * Math.sqrt((100 * 13) / cycle));
	});
});

describe('closed-loop clients in a sliced run', () => {
	it('a slice of 1/k keeps 1/k of the users, and the counts scale back', () => {
		const users = 1_000_000, Z = 10, T = 10;
		const d = design([node('users', 'client', readClient(0, { loop: 'closed', users, thinkMs: Z * 1000 })), node('api', 'service', group(100, 1000, 1))], [edge('users', 'api')], {
			durationS: T
		});
		const r = simulate(d);
		// Offered at most users / Z = 100 000 rps: four slices of 25 000.
		expect(r.global.sampleFactor).toBe(4);
		const expected = (users * T) / (Z + r.global.latency.mean / 1000);
		// The slice's own count is a quarter: its Poisson error, scaled back by 4.
		expect(Math.abs(r.global.arrived - expected)).toBeLessThan(4 * 4 * Math.sqrt(expected / 4));
	});
});
