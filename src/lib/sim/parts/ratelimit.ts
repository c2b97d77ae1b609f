// The five inline rate limiters of model.md (`rateLimiter` node, also the token bucket
// behind a load balancer's or gateway's `maxRps`). `allow(now, key)` admits (true) or
// refuses (false, a 429) one request; a refused request consumes nothing.
//
// Time is in the caller's unit: pass `unitsPerSecond` (1 if `now` is in seconds, 1000 if
// in ms). Windows are one second long (longer when limitRps < 1, so a window admits at
// least one request); `burst` matters only to the two buckets.
//
// Scope `per-key`: each key (user) has its own state, kept for the `maxKeys` most
// recently seen keys (an LRU of slots over typed arrays: no allocation per call). Past
// the bound the least recently seen key's state is dropped; if that key returns it
// starts afresh (full bucket, empty windows). That is exact when the dropped key had
// been idle longer than one window (or burst/limitRps for the buckets), and otherwise
// errs on the lenient side, like a Redis limiter whose keys were evicted.
import { KeyCache } from './keycache';
import { unreachable } from '../../model/exhaustive';

export type RateAlgorithm =
	| 'token-bucket'
	| 'leaky-bucket'
	| 'fixed-window'
	| 'sliding-window-log'
	| 'sliding-window-counter';

export interface RateLimitOptions {
	algorithm: RateAlgorithm;
	limitRps: number;
	burst?: number;
	scope?: 'global' | 'per-key';
	unitsPerSecond?: number;
	maxKeys?: number;
}

const TOKEN = 0, LEAKY = 1, FIXED = 2, LOG = 3, COUNTER = 4;
const CODES = {
	'token-bucket': TOKEN,
	'leaky-bucket': LEAKY,
	'fixed-window': FIXED,
	'sliding-window-log': LOG,
	'sliding-window-counter': COUNTER
} as const satisfies Record<RateAlgorithm, number>;
/** Sliding logs keep one timestamp per admitted request: cap them at 32 MB. */
const LOG_BUDGET = 1 << 22;

export class RateLimiter {
	readonly algorithm: RateAlgorithm;
	/** Admissions per window for the window algorithms. */
	readonly windowLimit: number;
	/** Window length in the caller's time unit. */
	readonly window: number;
	readonly maxKeys: number;
	private readonly code: (typeof CODES)[RateAlgorithm];
	private readonly rate: number; // per caller time unit
	private readonly burst: number;
	private readonly keys: KeyCache | null;
	// Per bucket state; meaning depends on the algorithm.
	private readonly a: Float64Array; // tokens | theoretical arrival time | window index
	private readonly b: Float64Array; // last refill | — | count in current window
	private readonly c: Float64Array; // count in previous window (counter)
	private readonly log: Float64Array; // LOG: ring of admitted times, `ring` per bucket
	/** Ring slots per bucket: windowLimit, unless that would pass LOG_BUDGET (a limit of 1e10 rps). */
	private readonly ring: number;
	private readonly head: Int32Array;
	private readonly len: Int32Array;

	constructor(opts: RateLimitOptions) {
		const ups = opts.unitsPerSecond ?? 1;
		const limitRps = opts.limitRps;
		if (!(limitRps > 0) || !(ups > 0)) throw new RangeError('limitRps and unitsPerSecond must be > 0');
		this.algorithm = opts.algorithm;
		this.code = CODES[opts.algorithm];
		if (this.code === undefined) throw new RangeError(`unknown rate limiter ${opts.algorithm}`);
		this.rate = limitRps / ups;
		this.burst = Math.max(1, opts.burst ?? 1);
		const seconds = Math.max(1, 1 / limitRps);
		this.window = seconds * ups;
		this.windowLimit = Math.max(1, Math.round(limitRps * seconds));
		let maxKeys = opts.scope === 'per-key' ? Math.max(1, Math.floor(opts.maxKeys ?? 65536)) : 1;
		if (this.code === LOG) maxKeys = Math.max(1, Math.min(maxKeys, Math.floor(LOG_BUDGET / this.windowLimit)));
		this.maxKeys = maxKeys;
		this.ring = this.code === LOG ? Math.max(1, Math.min(this.windowLimit, Math.floor(LOG_BUDGET / maxKeys))) : 0;
		this.keys = opts.scope === 'per-key' ? new KeyCache(maxKeys, 'lru') : null;
		this.a = new Float64Array(maxKeys);
		this.b = new Float64Array(maxKeys);
		this.c = new Float64Array(this.code === COUNTER ? maxKeys : 0);
		this.log = new Float64Array(maxKeys * this.ring);
		this.head = new Int32Array(this.code === LOG ? maxKeys : 0);
		this.len = new Int32Array(this.code === LOG ? maxKeys : 0);
		if (!this.keys) this.reset(0, -Infinity);
	}

	/** Admit one request at `now` (for scope per-key, of `key`, an integer in [0, 2^31)). */
	allow(now: number, key = 0): boolean {
		let slot = 0;
		if (this.keys) {
			slot = this.keys.getSlot(key, now);
			if (slot < 0) {
				slot = this.keys.put(key, now);
				this.reset(slot, now);
			}
		}
		switch (this.code) {
			case TOKEN:
				return this.tokenBucket(slot, now);
			case LEAKY:
				return this.leakyBucket(slot, now);
			case FIXED:
				return this.fixedWindow(slot, now);
			case LOG:
				return this.slidingLog(slot, now);
			case COUNTER:
				return this.slidingCounter(slot, now);
			default:
				return unreachable(this.code);
		}
	}

	private reset(slot: number, now: number): void {
		this.a[slot] = this.code === TOKEN ? this.burst : this.code === LEAKY ? now : -Infinity;
		this.b[slot] = this.code === TOKEN ? now : 0;
		if (this.code === COUNTER) this.c[slot] = 0;
		if (this.code === LOG) {
			this.head[slot] = 0;
			this.len[slot] = 0;
		}
	}

	/** Tokens refill at limitRps up to burst; a request takes one. */
	private tokenBucket(s: number, now: number): boolean {
		const elapsed = now - this.b[s];
		let tokens = this.a[s];
		if (elapsed > 0) {
			tokens = Math.min(this.burst, tokens + elapsed * this.rate);
			this.b[s] = now;
		}
		if (tokens >= 1) {
			this.a[s] = tokens - 1;
			return true;
		}
		this.a[s] = tokens;
		return false;
	}

	/**
	 * Leaky bucket as a meter (GCRA, the ATM formulation): the bucket drains at limitRps
	 * and holds `burst`; a request that would overflow it is refused. As a meter it admits
	 * the same requests as the token bucket (a shaper would delay instead of refuse).
	 */
	private leakyBucket(s: number, now: number): boolean {
		const interval = 1 / this.rate;
		const tat = Math.max(this.a[s], now); // when the bucket would be empty
		if (tat - now > (this.burst - 1) * interval) return false;
		this.a[s] = tat + interval;
		return true;
	}

	/** At most windowLimit per aligned window: up to 2× across a window boundary. */
	private fixedWindow(s: number, now: number): boolean {
		const idx = Math.floor(now / this.window);
		if (idx !== this.a[s]) {
			this.a[s] = idx;
			this.b[s] = 0;
		}
		if (this.b[s] >= this.windowLimit) return false;
		this.b[s]++;
		return true;
	}

	/**
	 * Exact: at most windowLimit admissions in any window (now − window, now]. Past LOG_BUDGET
	 * the ring forgets its oldest entries: only a limit above four million per window admits
	 * more than it should, and no simulated load reaches that within one window.
	 */
	private slidingLog(s: number, now: number): boolean {
		const cap = this.ring;
		const base = s * cap;
		let head = this.head[s];
		let len = this.len[s];
		const cutoff = now - this.window;
		while (len > 0 && this.log[base + head] <= cutoff) {
			head = head + 1 === cap ? 0 : head + 1;
			len--;
		}
		let ok = false;
		if (len < this.windowLimit) {
			if (len === cap) {
				head = head + 1 === cap ? 0 : head + 1;
				len--;
			}
			let tail = head + len;
			if (tail >= cap) tail -= cap;
			this.log[base + tail] = now;
			len++;
			ok = true;
		}
		this.head[s] = head;
		this.len[s] = len;
		return ok;
	}

	/**
	 * Sliding window counter (Cloudflare's): the previous window's count weighted by how
	 * much of it still overlaps the sliding window, plus the current count.
	 */
	private slidingCounter(s: number, now: number): boolean {
		const idx = Math.floor(now / this.window);
		const last = this.a[s];
		if (idx !== last) {
			this.c[s] = idx === last + 1 ? this.b[s] : 0;
			this.b[s] = 0;
			this.a[s] = idx;
		}
		const elapsed = now / this.window - idx;
		const estimate = this.c[s] * (1 - elapsed) + this.b[s];
		if (estimate + 1 > this.windowLimit) return false;
		this.b[s]++;
		return true;
	}
}
