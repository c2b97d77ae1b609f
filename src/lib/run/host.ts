// What the worker exposes: one run at a time, driven by a RunLoop, frames packed per batch.
// Kept free of Comlink so tests call it directly; the worker file only wires it up.
import type { Design, ScenarioEvent } from '../model/types';
import type { SimOptions, SimResult, Simulation } from '../sim/types';
import { latestStates, packFrames } from './frames';
import { RunLoop, type Speed } from './loop';

export type BatchFn = (packed: Float64Array, timeS: number, states: Record<string, string>) => void;
export type EndFn = (result: SimResult) => void;
export type ErrorFn = (message: string) => void;

export interface StartOptions {
	durationS: number;
	seed: number;
	speed: Speed;
	/** Start paused (for Step before Run). */
	paused?: boolean;
}

export interface SimHostApi {
	/** Builds the simulation and starts it; throws (a DesignError's message) if it cannot run. */
	start(design: Design, opts: StartOptions, onBatch: BatchFn, onEnd: EndFn, onError: ErrorFn): { nodeIds: string[]; durationS: number };
	pause(): void;
	resume(): void;
	step(seconds?: number): void;
	setSpeed(speed: Speed): void;
	inject(ev: Omit<ScenarioEvent, 'atS'>): void;
	stop(): void;
	/** The watchdog's question: answered only if the worker's event loop is free. */
	ping(): number;
}

export interface HostDeps {
	create: (design: Design, opts: SimOptions) => Simulation;
	now: () => number;
	schedule: (fn: () => void, ms: number) => void;
	/** Marks a buffer to be moved rather than copied (Comlink.transfer in the worker). */
	transfer?: (a: Float64Array) => Float64Array;
}

export function createHost(deps: HostDeps): SimHostApi {
	let loop: RunLoop | null = null;
	let run = 0;
	return {
		start(design, opts, onBatch, onEnd, onError) {
			loop?.stop();
			const sim = deps.create(design, { durationS: opts.durationS, seed: opts.seed, warmupS: design.scenario?.warmupS });
			const nodeIds = design.nodes.map((n) => n.id);
			const me = ++run;
			// Timers from a previous run must not reach the new one.
			const schedule = (fn: () => void, ms: number) => deps.schedule(() => me === run && fn(), ms);
			loop = new RunLoop(
				sim,
				{
					now: deps.now,
					schedule,
					emit(frames, timeS) {
						const packed = packFrames(frames, nodeIds);
						onBatch(deps.transfer ? deps.transfer(packed) : packed, timeS, latestStates(frames));
					},
					finished: onEnd,
					failed: onError
				},
				opts.speed
			);
			if (!opts.paused) loop.resume();
			return { nodeIds, durationS: sim.durationS };
		},
		pause: () => loop?.pause(),
		resume: () => loop?.resume(),
		step: (s = 1) => loop?.step(s),
		setSpeed: (s) => loop?.setSpeed(s),
		inject: (ev) => loop?.inject(ev),
		stop() {
			loop?.stop();
			loop = null;
			run++;
		},
		ping: () => Date.now()
	};
}
