// @vitest-environment node
// Adding a cache node mid-run: the keys that move to it miss once, against the hash ring's
// own count of moved keys and the Zipf popularity of each.
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import type { MetricsFrame } from './types';
import { BIG, design, edge, group, node, readClient } from '$testing/testkit';
import { HashRing } from './parts/hashring';
import { zipfPmf } from './theory';

const run = (d: ReturnType<typeof design>) => {
	const fs: MetricsFrame[] = [];
	simulate(d, { onFrame: (f) => fs.push(f) });
	return { fs };
};
/** Sum of a figure over the frames ending in (from, to]. */
const sum = (fs: MetricsFrame[], from: number, to: number, f: (x: MetricsFrame) => number) =>
	fs.filter((x) => x.t > from && x.t <= to).reduce((a, x) => a + f(x), 0);

describe('addCacheNode', () => {
	it('about 1/(n + 1) of the keys move to the new node; the hit ratio dips by their misses and recovers', () => {
		const keys = 3000, lambda = 5000, s = 0.99, W = 1, D = 0.001;
		const d = design(
			[
				node('users', 'client', readClient(lambda, { keys, zipf: s })),
				node('api', 'service', group(1, BIG, 0)),
				node('cache', 'cache', { ...group(3, BIG, 0), capacity: 3 * keys, ttlS: 0, warm: true }),
				node('db', 'database', { concurrency: BIG, queueLimit: BIG, readMs: D * 1000, serviceDist: 'constant' })
			],
			[edge('users', 'api'), edge('api', 'cache'), edge('api', 'db')],
			{ durationS: 12, events: [{ atS: 5, action: 'addCacheNode', target: 'cache' }] }
		);
		const { fs } = run(d);
		// Which keys the fourth node takes: the ring of 3 against the ring of 4 (100 points each).
		const before = HashRing.of(3, 100), after = HashRing.of(4, 100);
		const p = zipfPmf(keys, s);
		let moved = 0, misses = 0, later = 0;
		p.forEach((pi, k) => {
			if (before.owner(k) === after.owner(k)) return;
			moved++;
			// Each moved key misses when first asked for, and again until its read fills it (D).
			const r = lambda * pi;
			misses += 1 - Math.exp(-r * W) + r * D * (1 - Math.exp(-r * (W - D)));
			// Rare moved keys first asked for in (10, 12]: not in the 5 s after the move, then in those 2 s.
			later += Math.exp(-r * 5) * (1 - Math.exp(-r * 2));
		});
		expect(Math.abs(moved / keys - 1 / 4)).toBeLessThan(0.06);
		// The warm cache held every key: no miss before, the moved keys' misses after, then none.
		expect(sum(fs, 0, 5, (f) => f.nodes.db.arrived)).toBe(0);
		const dip = sum(fs, 5, 6, (f) => f.nodes.db.arrived);
		expect(Math.abs(dip - misses)).toBeLessThan(4 * Math.sqrt(misses));
		const hit = (a: number, b: number) => 1 - sum(fs, a, b, (f) => f.nodes.db.arrived) / sum(fs, a, b, (f) => f.nodes.cache.arrived);
		expect(hit(5, 6)).toBeLessThan(0.95);
		// Recovered: only the rare moved keys still miss, once each.
		const late = sum(fs, 10, 12, (f) => f.nodes.db.arrived);
		expect(Math.abs(late - later)).toBeLessThan(4 * Math.sqrt(later) + 1);
		expect(hit(10, 12)).toBeGreaterThan(0.99);
		expect(fs[fs.length - 1].nodes.cache.instances).toBe(4);
	});
});
