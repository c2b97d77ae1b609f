// Seeded pseudo-random numbers: sfc32 (a 128-bit-state generator that passes PractRand),
// so a run is a pure function of (design, seed). Distributions used by the model live here.
import { fmix32 } from '../parts/hash';

export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;
	private spare = NaN;

	constructor(seed: number) {
		// splitmix32 spreads any integer seed over the four words.
		let s = (Math.floor(seed) | 0) >>> 0;
		const next = () => {
			s = (s + 0x9e3779b9) | 0;
			return fmix32(s);
		};
		this.a = next(); this.b = next(); this.c = next(); this.d = next();
		for (let i = 0; i < 12; i++) this.u32();
	}

	u32(): number {
		const a = this.a, b = this.b, c = this.c, d = this.d;
		const t = (((a + b) | 0) + d) | 0;
		this.d = (d + 1) | 0;
		this.a = b ^ (b >>> 9);
		this.b = (c + (c << 3)) | 0;
		const cc = (c << 21) | (c >>> 11);
		this.c = (cc + t) | 0;
		return t >>> 0;
	}

	/** Uniform on [0, 1) with 32 random bits: enough for service times and routing
	 * (an exponential draw is then capped at 22 means, probability 2^-32). */
	uniform(): number {
		return this.u32() / 4294967296;
	}

	/** Uniform on [0, 1) with 53 random bits, for Zipf over very large key spaces. */
	uniform53(): number {
		return (this.u32() * 2097152 + (this.u32() >>> 11)) / 9007199254740992;
	}

	/** Uniform integer in [0, n). */
	int(n: number): number {
		return Math.floor((n > 65536 ? this.uniform53() : this.uniform()) * n);
	}

	exponential(mean: number): number {
		return -Math.log(1 - this.uniform()) * mean;
	}

	normal(): number {
		if (this.spare === this.spare) {
			const v = this.spare;
			this.spare = NaN;
			return v;
		}
		let u = 0;
		while (u === 0) u = this.uniform();
		const v = this.uniform();
		const r = Math.sqrt(-2 * Math.log(u));
		this.spare = r * Math.sin(2 * Math.PI * v);
		return r * Math.cos(2 * Math.PI * v);
	}
}
