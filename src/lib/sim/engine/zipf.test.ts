// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Zipf } from './zipf';
import { Rng } from './rng';
import { zipfPmf } from '../theory';

describe('Zipf sampler', () => {
	for (const s of [0, 0.5, 0.99, 1.3]) {
		it(`matches the Zipf(${s}) probabilities over 50 ranks`, () => {
			const n = 50, draws = 200_000;
			const z = new Zipf(n, s);
			const rng = new Rng(7);
			const counts = new Float64Array(n);
			for (let i = 0; i < draws; i++) counts[z.sample(rng) - 1]++;
			const p = zipfPmf(n, s);
			// Each frequency within 5 binomial standard errors.
			for (let k = 0; k < n; k++) {
				const se = Math.sqrt((p[k] * (1 - p[k])) / draws);
				expect(Math.abs(counts[k] / draws - p[k])).toBeLessThan(5 * se + 1e-9);
			}
		});
	}

	it('same seed, same draws', () => {
		const a = new Rng(3), b = new Rng(3);
		for (let i = 0; i < 100; i++) expect(a.u32()).toBe(b.u32());
	});
});
