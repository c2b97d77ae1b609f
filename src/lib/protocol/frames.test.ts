import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packFrames, unpackFrames, frameStride, latestStates } from './frames';
import type { MetricsFrame, NodeFrame } from '../sim/types';

const num = fc.double({ noNaN: true, noDefaultInfinity: true });
const stat = fc.record({ mean: num, p50: num, p95: num, p99: num, max: num });
const failed = fc.record({ rejected: num, 'rate-limited': num, timeout: num, unavailable: num, lost: num, 'pool-timeout': num });
const node: fc.Arbitrary<NodeFrame> = fc.record(
	{
		arrived: num,
		completed: num,
		failed,
		inFlight: num,
		utilization: num,
		meanQueue: num,
		latency: stat,
		up: num,
		instances: num,
		hitRatio: num,
		staleReads: num,
		lostWrites: num,
		replicationLagMs: num,
		depth: num,
		oldestAgeMs: num
	},
	{ requiredKeys: ['arrived', 'completed', 'failed', 'inFlight', 'utilization', 'meanQueue', 'latency', 'up', 'instances'] }
);
const ids = ['lb', 'web', 'db', 'cache'];
const frame: fc.Arbitrary<MetricsFrame> = fc.record({
	t: num,
	dt: num,
	global: fc.record({ arrived: num, completed: num, failed, inFlight: num, offeredRps: num, servedRps: num, latency: stat }),
	nodes: fc.record({ lb: node, web: node, db: node, cache: node }, { requiredKeys: [] })
});

describe('frame codec', () => {
	it('round-trips any batch of frames exactly', () => {
		fc.assert(
			fc.property(fc.array(frame, { maxLength: 8 }), (frames) => {
				const packed = packFrames(frames, ids);
				expect(packed.length).toBe(frames.length * frameStride(ids.length));
				expect(unpackFrames(packed, ids)).toEqual(frames);
			})
		);
	});
	it('ignores nodes outside the run and keeps the buffer compact', () => {
		const f: MetricsFrame = {
			t: 1,
			dt: 1,
			global: { arrived: 1, completed: 1, failed: { rejected: 0, 'rate-limited': 0, timeout: 0, unavailable: 0, lost: 0, 'pool-timeout': 0 }, inFlight: 0, offeredRps: 1, servedRps: 1, latency: { mean: 1, p50: 1, p95: 1, p99: 1, max: 1 } },
			nodes: {}
		};
		expect(unpackFrames(packFrames([f], []), [])).toEqual([f]);
	});
	it('reports the latest lifecycle state per node', () => {
		const n = (state?: string) => ({ state }) as unknown as NodeFrame;
		const frames = [
			{ nodes: { db: n('electing') } },
			{ nodes: { db: n('healthy'), web: n() } }
		] as unknown as MetricsFrame[];
		expect(latestStates(frames)).toEqual({ db: 'healthy' });
	});
});
