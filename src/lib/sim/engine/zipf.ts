// Zipf(s) over ranks 1..n by rejection-inversion (Hörmann & Derflinger 1996): O(1) per draw
// for any n and any s ≥ 0, no table. Rank 1 is the most popular key.
import type { Rng } from './rng';

function helper1(x: number): number {
	return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}
function helper2(x: number): number {
	return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}

export class Zipf {
	private readonly hx1: number;
	private readonly hn: number;
	private readonly sv: number;

	constructor(
		readonly n: number,
		readonly s: number
	) {
		if (!(n >= 1) || !Number.isInteger(n)) throw new RangeError(`Zipf needs an integer n >= 1, got ${n}`);
		if (!(s >= 0) || !Number.isFinite(s)) throw new RangeError(`Zipf needs s >= 0, got ${s}`);
		this.hx1 = this.hIntegral(1.5) - 1;
		this.hn = this.hIntegral(n + 0.5);
		this.sv = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
	}

	private hIntegral(x: number): number {
		const lx = Math.log(x);
		return helper2((1 - this.s) * lx) * lx;
	}
	private h(x: number): number {
		return Math.exp(-this.s * Math.log(x));
	}
	private hIntegralInverse(x: number): number {
		let t = x * (1 - this.s);
		if (t < -1) t = -1;
		return Math.exp(helper1(t) * x);
	}

	/** A rank in 1..n. */
	sample(rng: Rng): number {
		if (this.s === 0) return 1 + rng.int(this.n);
		for (;;) {
			const u = this.hn + rng.uniform53() * (this.hx1 - this.hn);
			const x = this.hIntegralInverse(u);
			let k = Math.floor(x + 0.5);
			if (k < 1) k = 1;
			else if (k > this.n) k = this.n;
			if (k - x <= this.sv || u >= this.hIntegral(k + 0.5) - this.h(k)) return k;
		}
	}
}
