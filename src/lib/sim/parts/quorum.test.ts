import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QuorumPlacement, countUp } from './quorum';
import { quorumUnavailability } from '../theory';

const quorumAvailability = (n: number, k: number, pUp: number) => 1 - quorumUnavailability(n, k, pUp);
import { Rng } from '../engine/rng';

// Reference case quorum_n3_w2_r2_p001 (shared/reference/cases.json).
const EXPECTED_AVAILABILITY = 0.999702;
const UNAVAILABILITY_TOLERANCE = 2.6e-5;

describe('quorumAvailability', () => {
	it('matches the reference case n=3, w=2, p_down=0.01', () => {
		expect(quorumAvailability(3, 2, 0.99)).toBeCloseTo(EXPECTED_AVAILABILITY, 9);
	});

	it('has the obvious edges and is monotone in k', () => {
		expect(quorumAvailability(3, 0, 0.5)).toBe(1);
		expect(quorumAvailability(3, 4, 0.99)).toBeCloseTo(0, 12);
		expect(quorumAvailability(5, 5, 0.9)).toBeCloseTo(0.9 ** 5, 12);
		expect(quorumAvailability(5, 1, 0.9)).toBeCloseTo(1 - 0.1 ** 5, 12);
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 9 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p) => {
				for (let k = 1; k <= n; k++)
					expect(quorumAvailability(n, k, p)).toBeLessThanOrEqual(quorumAvailability(n, k - 1, p) + 1e-12);
			})
		);
	});
});

describe('QuorumPlacement', () => {
	it('places each key on n distinct machines, spread evenly', () => {
		const q = new QuorumPlacement(5, 3);
		const out = new Int32Array(3);
		const load = new Array(5).fill(0);
		let bad = 0;
		for (let k = 0; k < 50_000; k++) {
			if (q.replicasOf(k, out) !== 3 || out[0] === out[1] || out[1] === out[2] || out[0] === out[2]) bad++;
			for (const m of out) load[m]++;
		}
		expect(bad).toBe(0);
		for (const l of load) expect(Math.abs(l / 30_000 - 1)).toBeLessThan(0.15);
	});

	it('measured w-of-n unavailability matches the binomial tail (Monte Carlo)', () => {
		const q = new QuorumPlacement(5, 3);
		const rng = new Rng(99);
		const out = new Int32Array(3);
		const up = new Uint8Array(5);
		const trials = 1_000_000;
		let unavailable = 0;
		for (let i = 0; i < trials; i++) {
			for (let m = 0; m < 5; m++) up[m] = rng.uniform() < 0.99 ? 1 : 0;
			const n = q.replicasOf(i, out);
			if (countUp(out, n, up) < 2) unavailable++;
		}
		expect(Math.abs(unavailable / trials - (1 - EXPECTED_AVAILABILITY))).toBeLessThan(UNAVAILABILITY_TOLERANCE);
	});
});
