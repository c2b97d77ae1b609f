import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findKnee, KNEE_P99_FACTOR, KNEE_SUCCESS, kneeSentence, longestFirst, mmcCurve, mmcTierQuantiles, sweepLoads, type SweepPoint } from './plan';
import { band, bandSeries, bandText, quantileSorted } from './bands';
import { mmcMeanSojourn, mmcSojournTail, quantileOf } from '../sim/theory';

const point = (targetRps: number, p99: number, successRatio: number): SweepPoint => ({
	targetRps,
	offeredRps: targetRps,
	servedRps: targetRps * successRatio,
	successRatio,
	p50: p99 / 3,
	p95: p99 / 1.5,
	p99,
	mean: p99 / 3
});

describe('sweepLoads', () => {
	it('spans 10 % to 150 % of capacity, evenly, with the asked number of points', () => {
		fc.assert(
			fc.property(fc.double({ min: 1, max: 1e7, noNaN: true }), fc.integer({ min: 8, max: 40 }), (cap, n) => {
				const l = sweepLoads(cap, n);
				expect(l).toHaveLength(n);
				const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * cap);
				near(l[0], 0.1 * cap);
				near(l[n - 1], 1.5 * cap);
				for (let i = 1; i < n; i++) near(l[i] - l[i - 1], (1.4 * cap) / (n - 1));
			})
		);
	});
});

const arbPoints = fc
	.array(fc.record({ p99: fc.double({ min: 0.1, max: 1e4, noNaN: true }), ok: fc.double({ min: 0.99, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 20 })
	.map((xs) => xs.map((x, i) => point(100 * (i + 1), x.p99, x.ok)));

describe('findKnee', () => {
	it('is the last load of the run of loads, from the lowest up, that keep p99 ≤ 2× base and success ≥ 99.9 %', () => {
		fc.assert(
			fc.property(arbPoints, fc.boolean(), (pts, shuffle) => {
				const input = shuffle ? [...pts].reverse() : pts;
				const knee = findKnee(input);
				const base = pts[0].p99;
				const good = (p: SweepPoint) => p.p99 <= KNEE_P99_FACTOR * base && p.successRatio >= KNEE_SUCCESS;
				if (!knee) {
					expect(good(pts[0])).toBe(false);
					return;
				}
				const k = pts.indexOf(knee);
				for (let i = 0; i <= k; i++) expect(good(pts[i])).toBe(true);
				if (k + 1 < pts.length) expect(good(pts[k + 1])).toBe(false);
			})
		);
	});
	it('on a hockey stick it lands just before p99 doubles', () => {
		const pts = [1, 2, 3, 4, 5, 6].map((i) => point(i * 100, i < 5 ? 10 + i : 25 * i, 1));
		expect(findKnee(pts)?.targetRps).toBe(400);
		expect(kneeSentence(3333, point(2900, 1, 1))).toBe('capacity ≈ 3.3 k rps; p99 doubles past 2.9 k rps');
	});
	it('a failing success ratio ends the knee even if latency is flat', () => {
		const pts = [point(100, 10, 1), point(200, 10, 0.9985), point(300, 10, 1)];
		expect(findKnee(pts)?.targetRps).toBe(100);
	});
});

describe('mmcTierQuantiles', () => {
	const tier = { id: 'web', label: 'web', visits: 1, nodeRps: 3333, clientRps: 3333, why: '', mmc: { instances: 4, c: 8, serviceMs: 9.6 } };
	it('at light load the p50 is the exponential median of service, and p99 grows with load', () => {
		const low = mmcTierQuantiles(tier, 10)!;
		expect(low.p50).toBeCloseTo(9.6 * Math.LN2, 1);
		expect(low.p99).toBeCloseTo(9.6 * Math.log(100), 0);
		const high = mmcTierQuantiles(tier, 3200)!;
		expect(high.p99).toBeGreaterThan(2 * low.p99);
		expect(high.waitProbability).toBeGreaterThan(low.waitProbability);
		expect(mmcTierQuantiles(tier, 3334)).toBeNull();
	});
	it('the curve stops at saturation and is increasing', () => {
		const c = mmcCurve(tier, 4000);
		expect(c.length).toBe(49); // 4000·i/60 < 3333.3 for i < 50
		for (let i = 1; i < c.length; i++) expect(c[i].p99).toBeGreaterThan(c[i - 1].p99);
		expect(mmcCurve(tier, 4000)).toBe(c);
	});
	it('agrees with the sojourn tail of sim/theory at every load below saturation', () => {
		fc.assert(
			fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), (rho) => {
				const rps = rho * 3333.33;
				const q = mmcTierQuantiles(tier, rps)!;
				const tail = (t: number) => mmcSojournTail(rps / 4, 1000 / 9.6, 8, t);
				expect(q.p99).toBeCloseTo(1000 * quantileOf(tail, 0.99), 3);
			}),
			{ numRuns: 30 }
		);
	});
	it('is consistent with the M/M/c mean sojourn (median below mean for this skewed law)', () => {
		const q = mmcTierQuantiles(tier, 3000)!;
		const mean = 1000 * mmcMeanSojourn(3000 / 4, 1000 / 9.6, 8);
		expect(q.p50).toBeLessThan(mean);
		expect(q.p99).toBeGreaterThan(mean);
	});
});

describe('bands', () => {
	it('quantiles lie between min and max, are monotone in q and exact on order statistics', () => {
		fc.assert(
			fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
				const s = [...xs].sort((a, b) => a - b);
				const b = band(xs);
				expect(b.lo).toBeGreaterThanOrEqual(s[0]);
				expect(b.hi).toBeLessThanOrEqual(s[s.length - 1]);
				expect(b.lo).toBeLessThanOrEqual(b.median);
				expect(b.median).toBeLessThanOrEqual(b.hi);
				expect(quantileSorted(s, 0)).toBe(s[0]);
				expect(quantileSorted(s, 1)).toBe(s[s.length - 1]);
			})
		);
		expect(band([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).lo).toBeCloseTo(1.5, 9);
		expect(band([3, 1, 2, NaN]).median).toBe(2);
	});
	it('per-second bands over runs, and the summary text', () => {
		const b = bandSeries([[1, 10], [2, 20], [3, 30]]);
		expect(b.map((x) => x.median)).toEqual([2, 20]);
		expect(bandText({ median: 180, lo: 168, hi: 192, n: 8 }, 'ms')).toBe('180 ± 12 ms (8 runs)');
	});
});

describe('longestFirst', () => {
	it('is a permutation of the jobs, costliest first, ties in their listed order', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 }), (costs) => {
				const o = longestFirst(costs);
				expect([...o].sort((a, b) => a - b)).toEqual(costs.map((_, i) => i));
				for (let k = 1; k < o.length; k++) {
					expect(costs[o[k - 1]]).toBeGreaterThanOrEqual(costs[o[k]]);
					if (costs[o[k - 1]] === costs[o[k]]) expect(o[k - 1]).toBeLessThan(o[k]);
				}
			})
		);
	});
});
