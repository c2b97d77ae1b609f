import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { CancelledError, inProcessPool, poolSize } from './pool';
import { deadline } from './watchdog';
import { chainDesign } from '../run/testDesign';
import { DesignError } from '../sim/types';

afterEach(() => vi.useRealTimers());

describe('poolSize', () => {
	it('leaves one core to the page, never exceeds the jobs, never drops below one', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 1, max: 100 }), (cores, jobs) => {
				const n = poolSize(cores, jobs);
				expect(n).toBeGreaterThanOrEqual(1);
				expect(n).toBeLessThanOrEqual(Math.max(1, jobs));
				if (cores >= 2 && jobs >= cores) expect(n).toBe(cores - 1);
			})
		);
		expect(poolSize(2, 12)).toBe(1);
		expect(poolSize(8, 3)).toBe(3);
	});
});

describe('deadline (the watchdog of a pool job)', () => {
	it('lets an answer through in time and ends the worker of a late one', async () => {
		vi.useFakeTimers();
		const late = vi.fn();
		await expect(deadline(Promise.resolve(7), 1000, late)).resolves.toBe(7);
		const hung = deadline(new Promise(() => {}), 1000, late);
		const seen = hung.catch((e: Error) => e.message);
		await vi.advanceTimersByTimeAsync(1001);
		expect(late).toHaveBeenCalledTimes(1);
		expect(await seen).toMatch(/stopped answering for 1 s/);
	});
});

describe('inProcessPool', () => {
	it('runs a check and a compact point; a design that cannot run rejects with its reasons', async () => {
		const pool = inProcessPool();
		const d = chainDesign();
		const r = await pool.run(d, { durationS: 5, warmupS: 1, seed: 1 });
		expect(r.global.completed).toBeGreaterThan(0);
		const p = await pool.point({ design: d, opts: { durationS: 5, warmupS: 1, seed: 1 }, rateScale: 2, series: true });
		if (!p.ok) throw new Error(p.reasons.join());
		expect(p.figures.offeredRps).toBeGreaterThan(1.5 * r.global.offeredRps);
		expect(p.series?.t.length).toBe(5);
		const broken = { ...d, nodes: d.nodes.filter((n) => n.kind !== 'client') };
		await expect(pool.run(broken, { durationS: 5 })).rejects.toBeInstanceOf(DesignError);
	});
	it('cancelAll rejects the jobs not yet run', async () => {
		const pool = inProcessPool();
		const job = pool.point({ design: chainDesign(), opts: { durationS: 5, seed: 1 }, rateScale: 1 });
		pool.cancelAll();
		await expect(job).rejects.toBeInstanceOf(CancelledError);
	});
});
