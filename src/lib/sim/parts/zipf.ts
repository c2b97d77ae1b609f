// Zipf(s) over keys 0..N-1: P(key = k) ∝ 1 / (k + 1)^s, so key 0 is the hottest.
// Rejection-inversion (Hörmann & Derflinger 1996, "Rejection-inversion to generate
// variates from monotone discrete distributions"): O(1) expected per sample, no table,
// so N may be 1e9. The expected number of uniforms per sample is below ~1.1 for any s.
// s = 0 is plain uniform; s = 1 goes through the log1p/expm1 forms (no 1/(1-s) blow-up).

export class ZipfSampler {
	readonly n: number;
	readonly s: number;
	private readonly rng: () => number;
	private readonly hX1: number;
	private readonly hN: number;
	private readonly threshold: number;

	constructor(n: number, s: number, rng: () => number) {
		if (!(n >= 1) || !Number.isFinite(n)) throw new RangeError(`Zipf needs n >= 1, got ${n}`);
		if (!(s >= 0) || !Number.isFinite(s)) throw new RangeError(`Zipf needs s >= 0, got ${s}`);
		this.n = Math.floor(n);
		this.s = s;
		this.rng = rng;
		this.hX1 = this.hIntegral(1.5) - 1;
		this.hN = this.hIntegral(this.n + 0.5);
		this.threshold = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
	}

	/** A key in 0..n-1. Allocation-free. */
	sample(): number {
		const n = this.n;
		if (this.s === 0) {
			const k = Math.floor(this.rng() * n);
			return k < n ? k : n - 1;
		}
		for (;;) {
			const u = this.hN + this.rng() * (this.hX1 - this.hN);
			const x = this.hIntegralInverse(u);
			let k = Math.floor(x + 0.5);
			if (k < 1) k = 1;
			else if (k > n) k = n;
			// Accept when the rounding cannot land outside the bar under the hat, or
			// when u falls under the true mass of k.
			if (k - x <= this.threshold || u >= this.hIntegral(k + 0.5) - this.h(k)) return k - 1;
		}
	}

	/** h(x) = x^-s, the unnormalised density. */
	private h(x: number): number {
		return Math.exp(-this.s * Math.log(x));
	}

	/** H(x) = ∫ h = (x^(1-s) - 1) / (1 - s), or log x at s = 1. */
	private hIntegral(x: number): number {
		const logX = Math.log(x);
		return expm1OverX((1 - this.s) * logX) * logX;
	}

	private hIntegralInverse(x: number): number {
		let t = x * (1 - this.s);
		if (t < -1) t = -1; // guards rounding at the far tail
		return Math.exp(log1pOverX(t) * x);
	}
}

/** expm1(x) / x, continuous at 0. */
function expm1OverX(x: number): number {
	return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + x / 3);
}

/** log1p(x) / x, continuous at 0. */
function log1pOverX(x: number): number {
	return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x / 3);
}

/** Exact pmf for small n (tests and analytic checks). */
export function zipfPmf(n: number, s: number): Float64Array {
	const p = new Float64Array(n);
	let z = 0;
	for (let k = 0; k < n; k++) z += p[k] = Math.pow(k + 1, -s);
	for (let k = 0; k < n; k++) p[k] /= z;
	return p;
}
