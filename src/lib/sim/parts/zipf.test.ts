import { describe, expect, it } from 'vitest';
import { ZipfSampler, zipfPmf } from './zipf';
import { mulberry32 } from './testRng';

/** Upper 0.1% point of chi-square with df degrees of freedom (Wilson–Hilferty). */
function chiSquareCritical(df: number): number {
	const z = 3.09;
	const a = 2 / (9 * df);
	return df * Math.pow(1 - a + z * Math.sqrt(a), 3);
}

describe('ZipfSampler', () => {
	for (const [n, s] of [
		[10, 0],
		[10, 0.5],
		[50, 0.9],
		[50, 0.99],
		[50, 1],
		[20, 1.0000001],
		[30, 1.5],
		[1, 0.9],
		[2, 3]
	] as const) {
		it(`matches the exact pmf for n=${n}, s=${s} (chi-square, p=0.001)`, () => {
			const draws = 200_000;
			const z = new ZipfSampler(n, s, mulberry32(n * 1000 + Math.round(s * 100)));
			const counts = new Float64Array(n);
			for (let i = 0; i < draws; i++) counts[z.sample()]++;
			const p = zipfPmf(n, s);
			let chi = 0;
			for (let k = 0; k < n; k++) chi += (counts[k] - draws * p[k]) ** 2 / (draws * p[k]);
			if (n === 1) expect(counts[0]).toBe(draws);
			else expect(chi).toBeLessThan(chiSquareCritical(n - 1));
		});
	}

	it('stays in range and is skewed for N = 1e9', () => {
		for (const s of [0, 0.5, 0.99, 1, 1.2]) {
			const z = new ZipfSampler(1e9, s, mulberry32(3));
			let zeros = 0;
			let max = 0;
			let bad = 0;
			for (let i = 0; i < 100_000; i++) {
				const k = z.sample();
				if (!(Number.isInteger(k) && k >= 0 && k < 1e9)) bad++;
				if (k === 0) zeros++;
				if (k > max) max = k;
			}
			expect(bad).toBe(0);
			if (s >= 0.99) expect(zeros).toBeGreaterThan(1000); // key 0 is hot
			if (s <= 0.5) expect(max).toBeGreaterThan(1e8); // the tail is reached
		}
	});

	it('is reproducible for a seed', () => {
		const a = new ZipfSampler(1000, 0.99, mulberry32(42));
		const b = new ZipfSampler(1000, 0.99, mulberry32(42));
		for (let i = 0; i < 1000; i++) expect(a.sample()).toBe(b.sample());
	});

	it('refuses nonsense parameters', () => {
		expect(() => new ZipfSampler(0, 1, Math.random)).toThrow(RangeError);
		expect(() => new ZipfSampler(10, -1, Math.random)).toThrow(RangeError);
	});
});
