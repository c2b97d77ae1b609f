// Latency histogram with log-spaced buckets: 128 linear sub-buckets per power of two, read
// from the float's own exponent and mantissa bits (no Math.log per sample). A bucket spans
// at most 1/128 of its lower edge, and we answer with its midpoint, so a percentile is
// within 0.4% of the true sample value (≤ 1% asked). Values are ms; the range is 2^-14 ms
// (61 ns) to 2^28 ms (74 h); below lands in bucket 0 (read as 0), above in the last (the
// exact max is kept beside). Counts are Uint32 (21 KB a histogram): a 2 000-node design
// stays under 100 MB.
import type { Stat } from '../types';

const SUB_BITS = 7;
const SUB = 1 << SUB_BITS;
const MIN_EXP = -14;
const MAX_EXP = 28;
export const BUCKETS = (MAX_EXP - MIN_EXP) * SUB + 2;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Little-endian everywhere this runs (x86, ARM): the high word holds sign, exponent, top mantissa.
const HI = 1;

export function bucketOf(ms: number): number {
	if (!(ms > 0)) return 0;
	f64[0] = ms;
	const hi = u32[HI];
	const e = ((hi >>> 20) & 0x7ff) - 1023;
	if (e < MIN_EXP) return 0;
	if (e >= MAX_EXP) return BUCKETS - 1;
	return 1 + (e - MIN_EXP) * SUB + ((hi >>> (20 - SUB_BITS)) & (SUB - 1));
}

/** Midpoint of a bucket, ms. */
export function bucketValue(i: number): number {
	if (i <= 0) return 0;
	const j = i - 1;
	const e = Math.floor(j / SUB) + MIN_EXP;
	const sub = j % SUB;
	return Math.pow(2, e) * (1 + (sub + 0.5) / SUB);
}

export class Histogram {
	counts = new Uint32Array(BUCKETS);
	n = 0;
	sum = 0;
	max = 0;
	lo = BUCKETS;
	hi = -1;

	add(ms: number): void {
		this.addAt(bucketOf(ms), ms);
	}

	addAt(i: number, ms: number): void {
		this.counts[i]++;
		this.n++;
		this.sum += ms;
		if (ms > this.max) this.max = ms;
	}

	/** The occupied bucket range is found when asked (once per frame), not tracked per sample. */
	private bounds(): void {
		const c = this.counts;
		let lo = 0, hi = c.length - 1;
		while (lo < c.length && c[lo] === 0) lo++;
		while (hi > lo && c[hi] === 0) hi--;
		this.lo = lo;
		this.hi = hi;
	}

	reset(): void {
		if (this.n > 0) {
			this.bounds();
			this.counts.fill(0, this.lo, this.hi + 1);
		}
		this.n = 0;
		this.sum = 0;
		this.max = 0;
		this.lo = BUCKETS;
		this.hi = -1;
	}

	/** The q-quantile: smallest bucket whose cumulative count reaches q·n, clamped to max. */
	quantile(q: number): number {
		if (this.n === 0) return 0;
		const target = Math.max(1, Math.ceil(q * this.n - 1e-9));
		this.bounds();
		let c = 0;
		for (let i = this.lo; i <= this.hi; i++) {
			c += this.counts[i];
			if (c >= target) return Math.min(bucketValue(i), this.max);
		}
		return this.max;
	}

	stat(): Stat {
		if (this.n === 0) return { mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
		// The three percentiles in one scan of the occupied range (stat runs per node per frame).
		const n = this.n;
		const t50 = Math.max(1, Math.ceil(0.5 * n - 1e-9));
		const t95 = Math.max(1, Math.ceil(0.95 * n - 1e-9));
		const t99 = Math.max(1, Math.ceil(0.99 * n - 1e-9));
		this.bounds();
		let p50 = -1, p95 = -1, p99 = this.max;
		let c = 0;
		for (let i = this.lo; i <= this.hi; i++) {
			c += this.counts[i];
			if (c < t50) continue;
			const v = Math.min(bucketValue(i), this.max);
			if (p50 < 0) p50 = v;
			if (p95 < 0 && c >= t95) p95 = v;
			if (c >= t99) {
				p99 = v;
				break;
			}
		}
		if (p50 < 0) p50 = this.max;
		if (p95 < 0) p95 = this.max;
		return { mean: this.sum / n, p50, p95, p99, max: this.max };
	}
}

/** Record one value in two histograms (the run's and the window's), finding its bucket once. */
export function addBoth(a: Histogram, b: Histogram, ms: number): void {
	const i = bucketOf(ms);
	a.addAt(i, ms);
	b.addAt(i, ms);
}
