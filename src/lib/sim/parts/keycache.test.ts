import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyCache, type Eviction } from './keycache';
import { Zipf } from '../engine/zipf';
import { Rng } from '../engine/rng';


/** Keys 0..99 999 drawn from Zipf(0.9), key 0 hottest. */
function zipfKeys(rng: Rng) {
	const z = new Zipf(100_000, 0.9);
	return { sample: () => z.sample(rng) - 1 };
}

// Reference case lru_zipf090_c1000_n100k (shared/reference/cases.json): Che's
// approximation for LRU, 1000 of 100,000 Zipf(0.9) keys, tolerance 3 SE + Che's error.
const CHE_HIT_RATIO = 0.342061165;
const CHE_TOLERANCE = 0.006;
const STATIC_TOP_C_BOUND = 0.474188218;

/** The obvious, slow cache with the same documented semantics. */
class NaiveCache {
	entries: { key: number; expires: number; freq: number; used: number; inserted: number }[] = [];
	clock = 0;
	constructor(
		readonly capacity: number,
		readonly policy: Eviction,
		readonly ttl: number
	) {}
	private idx(key: number) {
		return this.entries.findIndex((e) => e.key === key);
	}
	get(key: number, now: number): boolean {
		const i = this.idx(key);
		if (i < 0) return false;
		const e = this.entries[i];
		if (now >= e.expires) {
			this.entries.splice(i, 1);
			return false;
		}
		e.freq++;
		e.used = ++this.clock;
		return true;
	}
	put(key: number, now: number): void {
		if (this.capacity === 0) return;
		const expires = this.ttl > 0 ? now + this.ttl : Infinity;
		const i = this.idx(key);
		if (i >= 0) {
			const e = this.entries[i];
			e.expires = expires;
			e.freq++;
			e.used = ++this.clock;
			return;
		}
		if (this.entries.length === this.capacity) {
			let v = 0;
			for (let j = 1; j < this.entries.length; j++) {
				const a = this.entries[j];
				const b = this.entries[v];
				const better =
					this.policy === 'fifo'
						? a.inserted < b.inserted
						: this.policy === 'lru'
							? a.used < b.used
							: a.freq < b.freq || (a.freq === b.freq && a.used < b.used);
				if (better) v = j;
			}
			this.entries.splice(v, 1);
		}
		const t = ++this.clock;
		this.entries.push({ key, expires, freq: 1, used: t, inserted: t });
	}
	delete(key: number): boolean {
		const i = this.idx(key);
		if (i >= 0) this.entries.splice(i, 1);
		return i >= 0;
	}
}

const op = fc.oneof(
	{ arbitrary: fc.record({ kind: fc.constant('get' as const), key: fc.integer({ min: 0, max: 20 }), dt: fc.integer({ min: 0, max: 3 }) }), weight: 25 },
	{ arbitrary: fc.record({ kind: fc.constant('put' as const), key: fc.integer({ min: 0, max: 20 }), dt: fc.integer({ min: 0, max: 3 }) }), weight: 20 },
	{ arbitrary: fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 20 }), dt: fc.constant(0) }), weight: 5 },
	{ arbitrary: fc.record({ kind: fc.constant('clear' as const), key: fc.constant(0), dt: fc.constant(0) }), weight: 1 }
);

describe('KeyCache', () => {
	for (const policy of ['lru', 'lfu', 'fifo'] as const) {
		it(`${policy} gives the same hits and misses as a naive cache`, () => {
			fc.assert(
				fc.property(
					fc.integer({ min: 0, max: 8 }),
					fc.constantFrom(0, 5, 20),
					fc.array(op, { maxLength: 300 }),
					(capacity, ttl, ops) => {
						const fast = new KeyCache(capacity, policy, ttl);
						let naive = new NaiveCache(capacity, policy, ttl);
						let now = 0;
						for (const o of ops) {
							now += o.dt;
							if (o.kind === 'get') expect(fast.get(o.key, now)).toBe(naive.get(o.key, now));
							else if (o.kind === 'put') {
								fast.put(o.key, now);
								naive.put(o.key, now);
							} else if (o.kind === 'delete') expect(fast.delete(o.key)).toBe(naive.delete(o.key));
							else {
								fast.clear();
								naive = new NaiveCache(capacity, policy, ttl);
							}
							expect(fast.size).toBe(naive.entries.length);
						}
					}
				),
				{ numRuns: 300 }
			);
		});
	}

	it('a hit does not extend the TTL; a write restarts it', () => {
		const c = new KeyCache(4, 'lru', 10);
		c.put(1, 0);
		expect(c.get(1, 9)).toBe(true);
		expect(c.get(1, 10)).toBe(false); // expired exactly ttl after the write
		c.put(2, 0);
		c.put(2, 8);
		expect(c.get(2, 15)).toBe(true);
	});

	it('has() peeks without counting as a use', () => {
		const c = new KeyCache(2, 'lru');
		c.put(1, 0);
		c.put(2, 0);
		expect(c.has(1, 0)).toBe(true); // does not make 1 the most recent
		c.put(3, 0);
		expect([c.has(1, 0), c.has(2, 0), c.has(3, 0)]).toEqual([false, true, true]);
		expect(new KeyCache(0).put(1, 0)).toBe(-1);
	});

	it('handles large keys and heavy churn without losing entries', () => {
		const c = new KeyCache(1000, 'lru');
		const rng = new Rng(7);
		for (let i = 0; i < 200_000; i++) c.put(rng.u32() >>> 1, i);
		expect(c.size).toBe(1000);
		c.put(2 ** 31 - 1, 1e9);
		expect(c.get(2 ** 31 - 1, 1e9)).toBe(true);
	});

	it("LRU hit ratio under Zipf(0.9) matches Che's approximation (reference case)", () => {
		const zipf = zipfKeys(new Rng(2024));
		const cache = new KeyCache(1000, 'lru');
		// Warm-up ≥ 10 × Che's characteristic time (1362 requests), then 630k measured.
		for (let i = 0; i < 30_000; i++) {
			const k = zipf.sample();
			if (!cache.get(k, i)) cache.put(k, i);
		}
		let hits = 0;
		const n = 630_000;
		for (let i = 0; i < n; i++) {
			const k = zipf.sample();
			if (cache.get(k, i)) hits++;
			else cache.put(k, i);
		}
		const ratio = hits / n;
		expect(Math.abs(ratio - CHE_HIT_RATIO)).toBeLessThanOrEqual(CHE_TOLERANCE);
		expect(ratio).toBeLessThanOrEqual(STATIC_TOP_C_BOUND);
	});

	it('a TTL cache (60 s, not refreshed on hit) matches the renewal formula (reference case)', () => {
		// ttl_zipf090_T60s: h_i = λ_i T / (1 + λ_i T) averaged over Zipf(0.9) → 0.666995, ±0.003.
		const rng = new Rng(77);
		const zipf = zipfKeys(rng);
		const cache = new KeyCache(100_000, 'lru', 60); // holds every key: effectively unbounded
		let t = 0;
		let hits = 0;
		let measured = 0;
		while (t < 150 + 1200) {
			t += rng.exponential(1 / 1000);
			const k = zipf.sample();
			const hit = cache.get(k, t);
			if (!hit) cache.put(k, t);
			if (t >= 150) {
				measured++;
				if (hit) hits++;
			}
		}
		expect(Math.abs(hits / measured - 0.666995298)).toBeLessThanOrEqual(0.003);
	});

	it('LFU beats LRU and FIFO is no better than LRU under a static Zipf', () => {
		const ratios: Record<Eviction, number> = { lru: 0, lfu: 0, fifo: 0 };
		for (const policy of ['lru', 'lfu', 'fifo'] as const) {
			const zipf = zipfKeys(new Rng(5));
			const cache = new KeyCache(1000, policy);
			let hits = 0;
			for (let i = 0; i < 300_000; i++) {
				const k = zipf.sample();
				if (cache.get(k, i)) hits++;
				else cache.put(k, i);
			}
			ratios[policy] = hits / 300_000;
		}
		expect(ratios.lfu).toBeGreaterThan(ratios.lru);
		expect(ratios.fifo).toBeLessThan(ratios.lru + 0.005);
	});
});

describe('KeyCache with a grace (stale-while-revalidate)', () => {
	it('an entry is fresh until its TTL, stale (still served) until TTL + grace, then gone', () => {
		const c = new KeyCache(4, 'lru', 10, 5);
		c.put(7, 0);
		expect(c.look(7, 9.9)).toBe(1);
		expect(c.look(7, 10)).toBe(2);
		expect(c.look(7, 14.9)).toBe(2);
		expect(c.look(7, 15)).toBe(0);
		expect(c.size).toBe(0);
		// Writing it again restarts the TTL.
		c.put(7, 20);
		expect(c.look(7, 29)).toBe(1);
	});

	it('no grace without a TTL, and none asked for: look agrees with get', () => {
		expect(new KeyCache(4, 'lru', 0, 5).grace).toBe(0);
		const c = new KeyCache(4, 'lru', 10);
		c.put(1, 0);
		expect(c.look(1, 10)).toBe(0);
	});
});
