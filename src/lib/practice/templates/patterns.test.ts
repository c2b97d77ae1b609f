// @vitest-environment node
// The failure gallery: each pattern emerges in its broken run, and its fix ends it, in the
// window after the trigger (frames summed, so a single unlucky second does not decide).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim';
import type { MetricsFrame } from '../../sim/types';
import { PATTERNS } from './index';

const frames = (fixed: boolean, id: string) => {
	const fs: MetricsFrame[] = [];
	simulate(structuredClone(PATTERNS.find((p) => p.id === id)!.build(fixed)), { onFrame: (f) => fs.push(f) });
	return fs;
};
const sum = (fs: MetricsFrame[], from: number, to: number, f: (x: MetricsFrame) => number) =>
	fs.filter((x) => x.t > from && x.t <= to).reduce((a, x) => a + f(x), 0);
const success = (fs: MetricsFrame[], from: number, to: number) => sum(fs, from, to, (f) => f.global.completed) / sum(fs, from, to, (f) => f.global.arrived);

/** Per pattern: the window to judge, and the success ratio the broken run stays under / the fixed one stays over. */
const CASES: [string, number, number, number, number][] = [
	['pattern-retry-storm', 30, 60, 0.1, 0.95],
	['pattern-stale-queue', 25, 60, 0.1, 0.9],
	['pattern-timeout-cascade', 40, 60, 0.1, 0.9],
	['pattern-gc-death-spiral', 30, 60, 0.1, 0.9],
	['pattern-cache-cold-mode', 30, 60, 0.6, 0.95],
	['pattern-thundering-herd', 30, 60, 0.1, 0.95],
	['pattern-lb-sinkhole', 12, 40, 0.5, 0.98]
];

describe('failure gallery', () => {
	it('has a pattern per classic failure, each with a fix', () => {
		expect(PATTERNS.length).toBe(8);
	});

	it.each(CASES)('%s emerges, and the fix ends it', (id, from, to, brokenUnder, fixedOver) => {
		const before = success(frames(false, id), 0, 8);
		expect(before).toBeGreaterThan(0.9);
		expect(success(frames(false, id), from, to)).toBeLessThan(brokenUnder);
		expect(success(frames(true, id), from, to)).toBeGreaterThan(fixedOver);
	});

	it('pattern-pool-exhaustion: the web tier refuses even static pages; a bulkhead pool keeps them', () => {
		const broken = frames(false, 'pattern-pool-exhaustion'), fixed = frames(true, 'pattern-pool-exhaustion');
		expect(sum(broken, 11, 30, (f) => f.nodes.web.failed.rejected)).toBeGreaterThan(3000);
		expect(sum(fixed, 11, 30, (f) => f.nodes.web.failed.rejected)).toBe(0);
		// The fix refuses reads at the pool, at once, instead of letting them wait.
		expect(sum(fixed, 11, 30, (f) => f.nodes.web.failed['pool-timeout'])).toBeGreaterThan(1000);
		expect(sum(broken, 0, 10, (f) => f.nodes.web.failed['pool-timeout'])).toBe(0);
		// Static pages are half the traffic: the fixed run serves at least them.
		expect(success(fixed, 11, 30)).toBeGreaterThan(0.5);
		expect(success(broken, 11, 30)).toBeLessThan(0.45);
	});

	it('cache cold mode: the hit ratio stays down after the flush, and comes back with the fix', () => {
		const hit = (fs: MetricsFrame[]) => sum(fs, 50, 60, (f) => f.nodes.cache.hitRatio ?? 0) / 10;
		expect(hit(frames(false, 'pattern-cache-cold-mode'))).toBeLessThan(0.5);
		expect(hit(frames(true, 'pattern-cache-cold-mode'))).toBeGreaterThan(0.75);
	});
});
