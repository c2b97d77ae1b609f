// Runs inside the worker. What the worker exposes: one run at a time, driven by a RunLoop, frames packed per batch.
// Kept free of Comlink so tests call it directly; the worker file only wires it up.
import type { Design } from '../model/types';
import type { SimOptions, Simulation } from '../sim/types';
import type { SimHostApi } from '../protocol/live';
import { latestStates, packFrames } from '../protocol/frames';
import { RunLoop } from './loop';

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
