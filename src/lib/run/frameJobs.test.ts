import { afterEach, describe, expect, it, vi } from 'vitest';
import { cancelFrameJob as cancelDraw, scheduleFrameJob as scheduleDraw } from './frameJobs';

// Frames driven by hand: each frame() runs the callbacks requested before it.
let pending: FrameRequestCallback[] = [];
function frame() {
	const now = pending;
	pending = [];
	for (const f of now) f(0);
}
vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => pending.push(f));
afterEach(() => {
	while (pending.length) frame();
});

describe('frameJobs', () => {
	it('draws one chart per frame, in the order asked, once per chart however often it asks', () => {
		const drawn: string[] = [];
		const a = () => drawn.push('a');
		const b = () => drawn.push('b');
		const c = () => drawn.push('c');
		scheduleDraw(a);
		scheduleDraw(b);
		scheduleDraw(a);
		scheduleDraw(c);
		expect(drawn).toEqual([]);
		frame();
		expect(drawn).toEqual(['a']);
		frame();
		expect(drawn).toEqual(['a', 'b']);
		frame();
		expect(drawn).toEqual(['a', 'b', 'c']);
		frame();
		expect(drawn).toEqual(['a', 'b', 'c']);
		expect(pending).toHaveLength(0);
	});
	it('forgets a cancelled chart, and starts again after the queue ran dry', () => {
		const drawn: string[] = [];
		const a = () => drawn.push('a');
		const b = () => drawn.push('b');
		scheduleDraw(a);
		scheduleDraw(b);
		cancelDraw(a);
		frame();
		expect(drawn).toEqual(['b']);
		frame();
		scheduleDraw(a);
		frame();
		expect(drawn).toEqual(['b', 'a']);
	});
});
