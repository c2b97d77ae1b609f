// The circuit breaker for the hot path: plain numbers and two typed arrays, no actor,
// no allocation per call. `breaker.ts` is the XState reference model of exactly these
// rules; a property test keeps the two in agreement.
//
// Rules (Nygard's breaker with a time-bucketed sliding window, as in resilience4j):
// - closed: every call goes through; results land in a window of `windowS` split into
//   `buckets` buckets. Once the window holds ≥ minRequests results and the failure share
//   is ≥ failureRate, the breaker opens.
// - open: calls are refused for `openS`; results of calls sent earlier are ignored.
//   The first request or event at ≥ openS goes half-open.
// - half-open: up to `halfOpenProbes` calls go through; one failure reopens it, that many
//   successes close it (with an empty window). Any result counts as a probe's.
// Time `now` is in seconds of simulated time.

export interface BreakerConfig {
	failureRate?: number;
	windowS?: number;
	openS?: number;
	halfOpenProbes?: number;
	minRequests?: number;
	buckets?: number;
}

export type BreakerStateName = 'closed' | 'open' | 'half-open';
export const CLOSED = 0, OPEN = 1, HALF_OPEN = 2;
const NAMES: readonly BreakerStateName[] = ['closed', 'open', 'half-open'];

export function breakerDefaults(c: BreakerConfig = {}): Required<BreakerConfig> {
	return {
		failureRate: c.failureRate ?? 0.5,
		windowS: c.windowS ?? 10,
		openS: c.openS ?? 5,
		halfOpenProbes: Math.max(1, Math.floor(c.halfOpenProbes ?? 3)),
		minRequests: Math.max(1, Math.floor(c.minRequests ?? 5)),
		buckets: Math.max(1, Math.floor(c.buckets ?? 10))
	};
}

export class BreakerState {
	/** CLOSED, OPEN or HALF_OPEN. */
	state = CLOSED;
	/** Times the breaker opened. */
	opens = 0;
	private readonly cfg: Required<BreakerConfig>;
	private readonly bucketLen: number;
	private readonly totals: Float64Array;
	private readonly fails: Float64Array;
	private bucket = 0;
	private sumTotal = 0;
	private sumFail = 0;
	private openedAt = 0;
	private probesSent = 0;
	private probesOk = 0;

	constructor(config: BreakerConfig = {}) {
		this.cfg = breakerDefaults(config);
		this.bucketLen = this.cfg.windowS / this.cfg.buckets;
		this.totals = new Float64Array(this.cfg.buckets);
		this.fails = new Float64Array(this.cfg.buckets);
	}

	stateName(): BreakerStateName {
		return NAMES[this.state];
	}

	/** May a call go out at `now`? Counts a half-open probe when it says yes. */
	allow(now: number): boolean {
		this.tick(now);
		if (this.state === CLOSED) return true;
		if (this.state === OPEN) return false;
		if (this.probesSent < this.cfg.halfOpenProbes) {
			this.probesSent++;
			return true;
		}
		return false;
	}

	/** The result of a call that went out. */
	record(ok: boolean, now: number): void {
		if (this.state === CLOSED) {
			this.advance(now);
			const i = this.bucket % this.cfg.buckets;
			this.totals[i]++;
			this.sumTotal++;
			if (!ok) {
				this.fails[i]++;
				this.sumFail++;
			}
			if (this.sumTotal >= this.cfg.minRequests && this.sumFail >= this.cfg.failureRate * this.sumTotal)
				this.open(now);
		} else if (this.state === HALF_OPEN) {
			if (!ok) this.open(now);
			else if (++this.probesOk >= this.cfg.halfOpenProbes) this.close();
		} else {
			this.tick(now);
		}
	}

	/** Let simulated time pass: an open breaker goes half-open after openS. */
	tick(now: number): void {
		if (this.state === OPEN && now - this.openedAt >= this.cfg.openS) {
			this.state = HALF_OPEN;
			this.probesSent = 0;
			this.probesOk = 0;
		}
	}

	private open(now: number): void {
		this.state = OPEN;
		this.openedAt = now;
		this.opens++;
	}

	private close(): void {
		this.state = CLOSED;
		this.totals.fill(0);
		this.fails.fill(0);
		this.sumTotal = 0;
		this.sumFail = 0;
	}

	/** Drop buckets that slid out of the window. */
	private advance(now: number): void {
		const idx = Math.floor(now / this.bucketLen);
		if (idx <= this.bucket) return;
		const b = this.cfg.buckets;
		const steps = Math.min(idx - this.bucket, b);
		for (let s = 1; s <= steps; s++) {
			const j = (this.bucket + s) % b;
			this.sumTotal -= this.totals[j];
			this.sumFail -= this.fails[j];
			this.totals[j] = 0;
			this.fails[j] = 0;
		}
		this.bucket = idx;
	}
}
