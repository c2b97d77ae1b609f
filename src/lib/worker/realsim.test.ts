// The worker's host against the real simulator: frames pack, stream and finish.
import { describe, expect, it } from 'vitest';
import { createHost } from './host';
import { createSimulation } from '../sim';
import { chainDesign } from '../run/testDesign';
import { unpackFrames } from '../protocol/frames';
import type { MetricsFrame, SimResult } from '../sim/types';

describe('run host on the real simulator', () => {
	it('streams a short run frame by frame and ends with the result', async () => {
		const host = createHost({ create: createSimulation, now: () => performance.now(), schedule: (f, ms) => setTimeout(f, ms) });
		const frames: MetricsFrame[] = [];
		const d = chainDesign();
		const ids = d.nodes.map((n) => n.id);
		const result = await new Promise<SimResult>((resolve, reject) =>
			host.start(d, { durationS: 10, seed: 3, speed: 'max' }, (p) => frames.push(...unpackFrames(p, ids)), resolve, reject)
		);
		expect(frames.map((f) => f.t)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(frames[5].global.offeredRps).toBeGreaterThan(50);
		expect(result.global.successRatio).toBeGreaterThan(0.9);
	});
});
