import { describe, expect, it } from 'vitest';
import { createHost } from './host';
import { createFakeSimulation } from '../run/fakeSim';
import { chainDesign } from '../run/testDesign';
import { unpackFrames } from '../protocol/frames';
import type { SimResult } from '../sim/types';

describe('worker host', () => {
	it('streams packed batches that unpack to the run, then the result', async () => {
		const host = createHost({ create: createFakeSimulation, now: () => performance.now(), schedule: (f, ms) => setTimeout(f, ms) });
		const times: number[] = [];
		let ids: string[] = [];
		const result = await new Promise<SimResult>((resolve, reject) => {
			ids = host.start(
				chainDesign(),
				{ durationS: 5, seed: 1, speed: 'max' },
				(packed) => times.push(...unpackFrames(packed, ids).map((f) => f.t)),
				resolve,
				reject
			).nodeIds;
		});
		expect(ids).toEqual(['client', 'web', 'db']);
		expect(times).toEqual([1, 2, 3, 4, 5]);
		expect(result.durationS).toBe(5);
	});
	it('a new start silences the previous run', async () => {
		const host = createHost({ create: createFakeSimulation, now: () => performance.now(), schedule: (f, ms) => setTimeout(f, ms) });
		let first = 0;
		host.start(chainDesign(), { durationS: 100, seed: 1, speed: 100 }, () => first++, () => {}, () => {});
		host.start(chainDesign(), { durationS: 100, seed: 1, speed: 1, paused: true }, () => {}, () => {}, () => {});
		const before = first;
		await new Promise((r) => setTimeout(r, 120));
		expect(first).toBe(before);
		host.stop();
	});
});
