import { describe, expect, it } from 'vitest';
import { RunLoop, FLUSH_MS, type LoopIO } from './loop';
import type { Speed } from '../protocol/live';
import { createFakeSimulation } from '../run/fakeSim';
import { chainDesign } from '../run/testDesign';
import type { MetricsFrame, SimResult, Simulation } from '../sim/types';

/** A hand-driven clock: `run(ms)` fires due timers in order. */
function harness(speed: Speed, sim: Simulation = createFakeSimulation(chainDesign())) {
	let now = 0;
	const timers: { at: number; fn: () => void }[] = [];
	const batches: { frames: MetricsFrame[]; at: number; timeS: number }[] = [];
	const out = { result: null as SimResult | null, error: null as string | null };
	const io: LoopIO = {
		now: () => now,
		schedule: (fn, ms) => void timers.push({ at: now + ms, fn }),
		emit: (frames, timeS) => void batches.push({ frames, at: now, timeS }),
		finished: (r) => void (out.result = r),
		failed: (m) => void (out.error = m)
	};
	const loop = new RunLoop(sim, io, speed);
	function run(ms: number) {
		const end = now + ms;
		for (;;) {
			timers.sort((a, b) => a.at - b.at);
			const t = timers[0];
			if (!t || t.at > end) break;
			timers.shift();
			now = Math.max(now, t.at);
			t.fn();
		}
		now = end;
	}
	return { loop, run, batches, out, sim };
}

describe('RunLoop', () => {
	it('paces simulated time at 1× and 10×', () => {
		const h = harness(1);
		h.loop.resume();
		h.run(3000);
		expect(h.sim.timeS).toBeGreaterThanOrEqual(2.9);
		expect(h.sim.timeS).toBeLessThanOrEqual(3.1);
		const f = harness(10);
		f.loop.resume();
		f.run(500);
		expect(f.sim.timeS).toBeCloseTo(5, 0);
	});
	it('runs to the end at max speed, every frame once, in order, then reports the result', () => {
		const h = harness('max');
		h.loop.resume();
		h.run(10_000);
		const ts = h.batches.flatMap((b) => b.frames.map((f) => f.t));
		expect(ts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(h.loop.state).toBe('done');
		expect(h.out.result?.durationS).toBe(10);
	});
	it('sends at most one batch per FLUSH_MS (the final one aside)', () => {
		const h = harness(100, createFakeSimulation(chainDesign(), { durationS: 1000 }));
		h.loop.resume();
		h.run(2000);
		expect(h.batches.length).toBeGreaterThan(10);
		for (let i = 1; i < h.batches.length; i++) expect(h.batches[i].at - h.batches[i - 1].at).toBeGreaterThanOrEqual(FLUSH_MS);
	});
	it('pauses, steps one simulated second, resumes', () => {
		const h = harness(1);
		h.loop.resume();
		h.run(2000);
		h.loop.pause();
		const at = h.sim.timeS;
		h.run(5000);
		expect(h.sim.timeS).toBe(at);
		h.loop.step();
		expect(h.sim.timeS).toBeCloseTo(at + 1, 6);
		expect(h.batches.at(-1)!.timeS).toBeCloseTo(at + 1, 6);
		h.loop.resume();
		h.run(1000);
		expect(h.sim.timeS).toBeGreaterThan(at + 1.5);
	});
	it('reports a simulator failure instead of throwing', () => {
		const sim = createFakeSimulation(chainDesign());
		sim.advance = () => {
			throw new Error('boom');
		};
		const h = harness('max', sim);
		h.loop.resume();
		h.run(100);
		expect(h.out.error).toBe('boom');
		expect(h.loop.state).toBe('failed');
	});
	it('applies injected events', () => {
		const h = harness('max');
		h.loop.inject({ action: 'fail', target: 'db' });
		h.loop.step();
		expect(h.batches[0].frames[0].global.failed.unavailable).toBeGreaterThan(0);
	});
});
