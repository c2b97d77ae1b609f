// The run loop that lives in the worker: turns wall time into simulated time at the chosen
// speed, advances the simulation in slices short enough that the worker keeps answering,
// and hands frames out in batches, at most one batch per FLUSH_MS whatever the speed.
// Pure: the clock, the timer and the outputs are passed in, so tests drive it by hand.
import type { ScenarioEvent } from '../model/types';
import type { MetricsFrame, SimResult, Simulation } from '../sim/types';
import type { Speed } from '../protocol/live';

/** Longest slice of work per tick, ms of wall time. */
export const SLICE_MS = 30;
/** Shortest gap between two batches, ms (so ≤ 20 batches per second). */
export const FLUSH_MS = 50;
/** Gap between ticks at a paced speed, ms. */
const PACED_TICK_MS = 25;

export interface LoopIO {
	now(): number;
	schedule(fn: () => void, ms: number): void;
	emit(frames: MetricsFrame[], timeS: number): void;
	finished(result: SimResult): void;
	failed(message: string): void;
}

export type LoopState = 'paused' | 'running' | 'done' | 'failed' | 'stopped';

export class RunLoop {
	state: LoopState = 'paused';
	private pending: MetricsFrame[] = [];
	private lastFlush = -Infinity;
	private anchorWall = 0;
	private anchorSim = 0;
	/** Simulated seconds per slice at max speed, tuned from how long slices take. */
	private chunkS = 0.05;
	private ticking = false;

	constructor(
		private sim: Simulation,
		private io: LoopIO,
		private speed: Speed = 1
	) {}

	get timeS() {
		return this.sim.timeS;
	}

	resume() {
		if (this.state !== 'paused') return;
		this.state = 'running';
		this.rebase();
		this.kick();
	}

	pause() {
		if (this.state !== 'running') return;
		this.state = 'paused';
		this.flush(true);
	}

	stop() {
		this.state = 'stopped';
		this.pending = [];
	}

	setSpeed(speed: Speed) {
		this.speed = speed;
		this.rebase();
	}

	inject(ev: Omit<ScenarioEvent, 'atS'>) {
		this.guard(() => this.sim.inject(ev));
	}

	/** While paused: run `seconds` more of simulated time and show it at once. */
	step(seconds = 1) {
		if (this.state !== 'paused') return;
		this.guard(() => {
			const to = Math.min(this.sim.durationS, this.sim.timeS + seconds);
			while (this.sim.timeS < to - 1e-9 && !this.sim.done) this.pending.push(...this.sim.advance(Math.min(to, this.sim.timeS + Math.max(this.chunkS, 0.001))));
			this.flush(true);
			this.finishIfDone();
		});
	}

	private rebase() {
		this.anchorWall = this.io.now();
		this.anchorSim = this.sim.timeS;
	}

	private kick() {
		if (this.ticking) return;
		this.ticking = true;
		this.io.schedule(() => this.tick(), 0);
	}

	/** One slice of work; reschedules itself while running. */
	tick() {
		this.ticking = false;
		if (this.state !== 'running') return;
		this.guard(() => {
			const start = this.io.now();
			const target =
				this.speed === 'max' ? this.sim.durationS : Math.min(this.sim.durationS, this.anchorSim + (this.speed * (start - this.anchorWall)) / 1000);
			while (this.sim.timeS < target - 1e-9 && !this.sim.done) {
				const before = this.io.now();
				const from = this.sim.timeS;
				const to = Math.min(target, from + this.chunkS);
				this.pending.push(...this.sim.advance(to));
				this.tune(this.sim.timeS - from, this.io.now() - before);
				if (this.io.now() - start >= SLICE_MS) break;
			}
			// A design too heavy for the chosen pace runs as fast as it can, without a backlog to catch up.
			if (this.speed !== 'max' && this.sim.timeS < target - 1e-9) this.rebase();
			this.flush(false);
			if (!this.finishIfDone()) {
				this.ticking = true;
				this.io.schedule(() => this.tick(), this.speed === 'max' ? 0 : PACED_TICK_MS);
			}
		});
	}

	/** Aim each slice at ~a third of the budget, so one slow slice cannot blow it. */
	private tune(simS: number, wallMs: number) {
		if (simS <= 0) return;
		const perSec = wallMs / simS;
		const want = perSec > 0 ? SLICE_MS / 3 / perSec : this.chunkS * 2;
		this.chunkS = Math.min(10, Math.max(0.001, Math.min(want, this.chunkS * 4)));
	}

	private flush(force: boolean) {
		const now = this.io.now();
		if (!this.pending.length && !force) return;
		if (!force && now - this.lastFlush < FLUSH_MS) return;
		const frames = this.pending;
		this.pending = [];
		this.lastFlush = now;
		this.io.emit(frames, this.sim.timeS);
	}

	private finishIfDone(): boolean {
		if (!this.sim.done || this.state === 'done') return this.state === 'done';
		this.flush(true);
		this.state = 'done';
		this.io.finished(this.sim.result());
		return true;
	}

	private guard(fn: () => void) {
		try {
			fn();
		} catch (e) {
			this.state = 'failed';
			this.pending = [];
			this.io.failed(e instanceof Error ? e.message : String(e));
		}
	}
}
