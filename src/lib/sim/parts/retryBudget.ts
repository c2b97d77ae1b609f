// A retry budget: a token bucket per edge (the caller's view of one dependency). A retry
// spends one token; tokens come back at `ratePerS` a second and `perSuccess` per successful
// call, up to `burst`. So over any T seconds with no successes at most burst + ratePerS·T
// retries go out, however many attempts fail: retries cannot multiply load in an outage.
export class RetryBudget {
	private tokens: number;
	private last = 0;

	constructor(
		readonly burst: number,
		readonly ratePerS: number,
		readonly perSuccess: number
	) {
		this.tokens = burst;
	}

	/** Spend a token for a retry at `now`; false: no token, no retry. */
	take(now: number): boolean {
		this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.ratePerS);
		this.last = now;
		// (A token refilled in steps may sum to 1 − ε: rounding must not cost a retry.)
		if (this.tokens < 1 - 1e-9) return false;
		this.tokens = Math.max(0, this.tokens - 1);
		return true;
	}

	success(): void {
		if (this.perSuccess > 0) this.tokens = Math.min(this.burst, this.tokens + this.perSuccess);
	}
}
