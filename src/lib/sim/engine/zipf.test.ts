// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Zipf } from './zipf';
import { Rng } from './rng';
import { zipfPmf } from '../theory';

/** Upper 0.1% point of chi-square with df degrees of freedom (Wilson–Hilferty). */
function chiSquareCritical(df: number): number {
	const z = 3.09;
	const a = 2 / (9 * df);
	return df * Math.pow(1 - a + z * Math.sqrt(a), 3);
}

describe('Zipf sampler', () => {
	for (const [n, s] of [
		[10, 0],
		[10, 0.5],
		[50, 0.9],
		[50, 0.99],
		[50, 1],
		[20, 1.0000001],
		[30, 1.3],
		[1, 0.9],
		[2, 3]
	] as const) {
		it(`matches the exact pmf for n=${n}, s=${s} (chi-square, p=0.001)`, () => {
			const draws = 200_000;
			const z = new Zipf(n, s);
			const rng = new Rng(n * 1000 + Math.round(s * 100));
			const counts = new Float64Array(n);
			for (let i = 0; i < draws; i++) counts[z.sample(rng) - 1]++;
			const p = zipfPmf(n, s);
			let chi = 0;
			for (let k = 0; k < n; k++) chi += (counts[k] - draws * p[k]) ** 2 / (draws * p[k]);
			if (n === 1) expect(counts[0]).toBe(draws);
			else expect(chi).toBeLessThan(chiSquareCritical(n - 1));
		});
	}

	it('stays in range and is skewed for n = 1e9', () => {
		for (const s of [0, 0.5, 0.99, 1, 1.2]) {
			const z = new Zipf(1e9, s);
			const rng = new Rng(3);
			let ones = 0, max = 0, bad = 0;
			for (let i = 0; i < 100_000; i++) {
				const k = z.sample(rng);
				if (!(Number.isInteger(k) && k >= 1 && k <= 1e9)) bad++;
				if (k === 1) ones++;
				if (k > max) max = k;
			}
			expect(bad).toBe(0);
			if (s >= 0.99) expect(ones).toBeGreaterThan(1000); // rank 1 is hot
			if (s <= 0.5) expect(max).toBeGreaterThan(1e8); // the tail is reached
		}
	});

	it('same seed, same draws', () => {
		const z = new Zipf(1000, 0.99);
		const a = new Rng(42), b = new Rng(42);
		for (let i = 0; i < 1000; i++) expect(z.sample(a)).toBe(z.sample(b));
	});

	it('refuses nonsense parameters', () => {
		expect(() => new Zipf(0, 1)).toThrow(RangeError);
		expect(() => new Zipf(10, -1)).toThrow(RangeError);
	});
});
