// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from './heap';

describe('EventQueue', () => {
	it('pops by time, then in push order for equal times', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (times) => {
				const q = new EventQueue(4);
				times.forEach((t, i) => q.push(t, 1, i, 0));
				const got: [number, number][] = [];
				while (q.size > 0) {
					q.pop();
					got.push([q.time, q.a]);
				}
				const want = times.map((t, i) => [t, i] as [number, number]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
				expect(got).toEqual(want);
			})
		);
	});

	it('rejects NaN, negative and infinite times at the door', () => {
		const q = new EventQueue();
		expect(() => q.push(NaN, 0, 0, 0)).toThrow(RangeError);
		expect(() => q.push(-1, 0, 0, 0)).toThrow(RangeError);
		expect(() => q.push(Infinity, 0, 0, 0)).toThrow(RangeError);
		expect(q.size).toBe(0);
	});

	it('keeps code, a and b', () => {
		const q = new EventQueue();
		q.push(2, 7, 123456, -5);
		q.push(1, 3, 9, 42);
		q.pop();
		expect([q.time, q.code, q.a, q.bv]).toEqual([1, 3, 9, 42]);
		q.pop();
		expect([q.time, q.code, q.a, q.bv]).toEqual([2, 7, 123456, -5]);
	});
});
