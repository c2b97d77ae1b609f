import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FrameRing } from './ring';
import { frameStride, G, GLOBAL_STRIDE, N } from '../protocol/frames';

function packedTimes(times: number[], nodes: number) {
	const s = frameStride(nodes);
	const a = new Float64Array(times.length * s);
	times.forEach((t, k) => {
		a[k * s + G.t] = t;
		for (let j = 0; j < nodes; j++) a[k * s + GLOBAL_STRIDE + j * (s - GLOBAL_STRIDE) / nodes + N.utilization] = t * 10 + j;
	});
	return a;
}

describe('FrameRing', () => {
	it('keeps the newest `capacity` frames in order', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 10 }), (cap, batches) => {
				const ring = new FrameRing(['a', 'b'], cap);
				let t = 0;
				for (const size of batches) ring.push(packedTimes(Array.from({ length: size }, () => ++t), 2));
				const total = t;
				expect(ring.appended).toBe(total);
				expect(ring.length).toBe(Math.min(cap, total));
				for (let i = 0; i < ring.length; i++) {
					const want = total - ring.length + 1 + i;
					expect(ring.global(i, G.t)).toBe(want);
					expect(ring.node(i, 1, N.utilization)).toBe(want * 10 + 1);
				}
			})
		);
	});
	it('finds the frame at a time', () => {
		const ring = new FrameRing([], 10);
		ring.push(packedTimes([1, 2, 3, 4], 0));
		expect(ring.indexAt(0.5)).toBe(-1);
		expect(ring.indexAt(2.5)).toBe(1);
		expect(ring.indexAt(9)).toBe(3);
		ring.clear();
		expect(ring.length).toBe(0);
		expect(ring.indexAt(3)).toBe(-1);
	});
});
