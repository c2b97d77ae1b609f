import { describe, expect, it } from 'vitest';
import { chainDesign } from '$testing/testDesign';
import { inProcessPool, type JobPool } from '../bridge/pool';
import type { PointJob } from '../protocol/jobs';
import { estimateCapacity } from './capacity';
import { runSweep } from './runner';

/** The in-process pool, recording the rate scale of each job in the order it was queued. */
function recordingPool(): { pool: JobPool; queued: number[] } {
	const inner = inProcessPool();
	const queued: number[] = [];
	return {
		queued,
		pool: { ...inner, point: (j: PointJob) => (queued.push(j.rateScale), inner.point(j)) }
	};
}

describe('runSweep on the pool', () => {
	it('queues the heaviest load first and still returns the points by load, lowest first', async () => {
		const d = chainDesign({ scenario: { durationS: 3, warmupS: 0, seed: 1, events: [] } });
		const { pool, queued } = recordingPool();
		const r = await runSweep(pool, d, 8);
		expect(queued).toHaveLength(8);
		for (let k = 1; k < queued.length; k++) expect(queued[k]).toBeLessThan(queued[k - 1]);
		const designRps = estimateCapacity(d).designRps;
		expect(queued[0] * designRps).toBeCloseTo(1.5 * r.capacityRps, 6);
		const targets = r.points.map((p) => p.targetRps);
		expect(targets).toEqual([...targets].sort((a, b) => a - b));
		// Each point is the run at its own load: offered grows with the target.
		expect(r.points[7].offeredRps).toBeGreaterThan(r.points[0].offeredRps * 5);
	});
});
