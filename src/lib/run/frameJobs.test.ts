import { afterEach, describe, expect, it, vi } from 'vitest';
import { cancelFrameJob, scheduleFrameJob } from './frameJobs';

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
	it('runs one job per frame, in the order asked, once per job however often it is asked', () => {
		const drawn: string[] = [];
		const a = () => drawn.push('a');
		const b = () => drawn.push('b');
		const c = () => drawn.push('c');
		scheduleFrameJob(a);
		scheduleFrameJob(b);
		scheduleFrameJob(a);
		scheduleFrameJob(c);
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
	it('forgets a cancelled job, and starts again after the queue ran dry', () => {
		const drawn: string[] = [];
		const a = () => drawn.push('a');
		const b = () => drawn.push('b');
		scheduleFrameJob(a);
		scheduleFrameJob(b);
		cancelFrameJob(a);
		frame();
		expect(drawn).toEqual(['b']);
		frame();
		scheduleFrameJob(a);
		frame();
		expect(drawn).toEqual(['b', 'a']);
	});
});
