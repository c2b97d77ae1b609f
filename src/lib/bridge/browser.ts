// The app's workers, built by Vite as module workers (see stack.md): the live run's
// simulator and the job pool. The only place that names worker files for the browser.
import poolScript from '../../workers/pool.worker.ts?worker&url';
import { poolSize } from './cancel';
import type { JobPool } from './pool';
import type { RunBackend } from './backend';

export function spawnSimWorker(): Worker {
	return new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'simulator' });
}

/**
 * The live run's backend on the simulator worker. Its client (Comlink, the watchdog) loads
 * with the first start; calls keep their order across the load, and calls before any start
 * do nothing (there is no run to control).
 */
export function lazySimBackend(onCrash: (message: string) => void): RunBackend {
	let load: Promise<RunBackend> | null = null;
	let backend: RunBackend | null = null;
	const call = (fn: (b: RunBackend) => void) => {
		if (backend) fn(backend);
		else void load?.then(fn);
	};
	return {
		async start(...args) {
			load ??= import('./backend').then((m) => (backend = m.workerBackend(spawnSimWorker, onCrash)));
			return (await load).start(...args);
		},
		pause: () => call((b) => b.pause()),
		resume: () => call((b) => b.resume()),
		step: (s) => call((b) => b.step(s)),
		setSpeed: (s) => call((b) => b.setSpeed(s)),
		inject: (ev) => call((b) => b.inject(ev)),
		stop: () => call((b) => b.stop()),
		restart: () => call((b) => b.restart())
	};
}

let loaded: Promise<JobPool> | null = null;
let shared: JobPool | null = null;
let crashListener: ((message: string) => void) | null = null;

/** Logical cores, as the browser reports them (2 when it will not say). */
export function cores(): number {
	return typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
}

/** workerpool (and the in-process fallback's simulator) load with the first job, not with the page. */
function load(): Promise<JobPool> {
	loaded ??= import('./pool').then(({ workerPool }) =>
		workerPool({
			script: poolScript,
			type: 'web',
			maxWorkers: poolSize(cores(), Infinity),
			onCrash: (m) => crashListener?.(m)
		})
	);
	return loaded;
}

/**
 * The page's job pool: as many workers as cores minus one (at least one), made on the first
 * job. Workers start lazily, so a pool given N jobs uses min(cores − 1, N) of them.
 */
export function jobPool(): JobPool {
	shared ??= {
		size: poolSize(cores(), Infinity),
		run: async (design, opts) => (await load()).run(design, opts),
		point: async (job) => (await load()).point(job),
		// Reactions run in order, so a cancel after a job's request still reaches that job.
		cancelAll: () => void loaded?.then((p) => p.cancelAll()),
		terminate: async () => {
			if (loaded) await (await loaded).terminate();
		}
	};
	return shared;
}

/** Who hears about a pool worker that crashed or hung. */
export function onPoolCrash(fn: (message: string) => void): void {
	crashListener = fn;
}
