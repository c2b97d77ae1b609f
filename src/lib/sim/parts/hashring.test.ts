import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HashRing, fmix32, shardOf } from './hashring';

const KEYS = 100_000;

function owners(ring: HashRing): Int32Array {
	const out = new Int32Array(KEYS);
	for (let k = 0; k < KEYS; k++) out[k] = ring.owner(k);
	return out;
}

describe('fmix32', () => {
	it('is a bijection-like 32-bit mix with no easy collisions', () => {
		const seen = new Set<number>();
		for (let k = 0; k < 100_000; k++) seen.add(fmix32(k));
		expect(seen.size).toBe(100_000);
		for (let k = 0; k < 1000; k++) expect(fmix32(k)).toBeGreaterThanOrEqual(0);
	});

	it('spreads consecutive keys evenly over shards', () => {
		const counts = new Array(8).fill(0);
		for (let k = 0; k < 80_000; k++) counts[shardOf(k, 8)]++;
		for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
	});
});

describe('HashRing', () => {
	it('balances keys within ±25% with 128 virtual nodes', () => {
		const ring = HashRing.of(10);
		const counts = new Array(10).fill(0);
		for (const o of owners(ring)) counts[o]++;
		for (const c of counts) expect(Math.abs(c / (KEYS / 10) - 1)).toBeLessThan(0.25);
	});

	it('adding an instance moves only ~1/n of keys, all to the newcomer', () => {
		for (const n of [3, 10]) {
			const ring = HashRing.of(n);
			const before = owners(ring);
			ring.add(n);
			const after = owners(ring);
			let moved = 0;
			let elsewhere = 0;
			for (let k = 0; k < KEYS; k++) {
				if (before[k] !== after[k]) {
					moved++;
					if (after[k] !== n) elsewhere++;
				}
			}
			expect(elsewhere).toBe(0);
			const expected = KEYS / (n + 1);
			expect(Math.abs(moved / expected - 1)).toBeLessThan(0.3);
		}
	});

	it('removing an instance moves only its own keys', () => {
		fc.assert(
			fc.property(fc.integer({ min: 2, max: 12 }), fc.nat(), (n, pick) => {
				const ring = HashRing.of(n, 32);
				const gone = pick % n;
				const before = new Int32Array(2000);
				for (let k = 0; k < 2000; k++) before[k] = ring.owner(k * 7919);
				ring.remove(gone);
				let wrong = 0;
				for (let k = 0; k < 2000; k++) {
					const now = ring.owner(k * 7919);
					if (now === gone || (before[k] !== gone && now !== before[k])) wrong++;
				}
				expect(wrong).toBe(0);
			}),
			{ numRuns: 40 }
		);
	});

	it('gives preference lists of distinct instances starting with the owner', () => {
		const ring = HashRing.of(5);
		const out = new Int32Array(3);
		for (let k = 0; k < 1000; k++) {
			expect(ring.replicas(k, 3, out)).toBe(3);
			expect(out[0]).toBe(ring.owner(k));
			expect(new Set(out).size).toBe(3);
		}
		expect(HashRing.of(2).replicas(1, 3, out)).toBe(2);
		expect(new HashRing().owner(5)).toBe(-1);
	});

	it('is deterministic whatever the order instances joined', () => {
		const a = new HashRing();
		const b = new HashRing();
		for (const i of [0, 1, 2, 3]) a.add(i);
		for (const i of [3, 1, 0, 2]) b.add(i);
		for (let k = 0; k < 5000; k++) expect(a.owner(k)).toBe(b.owner(k));
	});

	it('ownerUp skips dead and inactive instances, in ring order', () => {
		const ring = HashRing.of(4);
		const up = new Uint8Array([1, 1, 1, 1]);
		for (let k = 0; k < 2000; k++) expect(ring.ownerUp(k, up, 4)).toBe(ring.owner(k));
		up[2] = 0;
		const out = new Int32Array(4);
		for (let k = 0; k < 2000; k++) {
			ring.replicas(k, 4, out);
			const want = out[0] === 2 ? out[1] : out[0];
			expect(ring.ownerUp(k, up, 4)).toBe(want);
			expect(ring.ownerUp(k, up, 1)).toBe(0);
		}
		expect(ring.ownerUp(7, new Uint8Array(4), 4)).toBe(-1);
	});
});
