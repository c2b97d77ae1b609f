// Main thread's end of the live run: reaches the simulator through its Web Worker (the
// app) or in-process (component tests, where jsdom has no Worker). Both speak the host's
// API (protocol/live.ts); the worker is watched by the bridge's watchdog.
import * as Comlink from 'comlink';
import type { SimHostApi } from '../protocol/live';
import { Watchdog, WATCHDOG_MS, crashMessage, hungMessage } from './watchdog';

/**
 * The host's API (protocol/live.ts) as the main thread holds it: start answers across the
 * boundary (a promise), the watchdog's ping is the bridge's own business, and restart is added.
 */
export interface RunBackend extends Omit<SimHostApi, 'start' | 'ping'> {
	start(...args: Parameters<SimHostApi['start']>): Promise<ReturnType<SimHostApi['start']>>;
	/** Ends the worker for good (a crashed or hung one); the next start spawns a fresh one. */
	restart(): void;
}

export function inProcessBackend(host: SimHostApi): RunBackend {
	return {
		start: async (d, o, b, e, r) => host.start(d, o, b, e, r),
		pause: () => host.pause(),
		resume: () => host.resume(),
		step: (s) => host.step(s),
		setSpeed: (s) => host.setSpeed(s),
		inject: (ev) => host.inject(ev),
		stop: () => host.stop(),
		restart: () => host.stop()
	};
}

/**
 * The worker backend. `onCrash` hears, in plain words, that the worker threw outside a run,
 * failed to load, or stopped answering; the worker is then replaced on the next start.
 */
export function workerBackend(spawn: () => Worker, onCrash: (message: string) => void): RunBackend {
	let worker: Worker | null = null;
	let api: Comlink.Remote<SimHostApi> | null = null;
	const dog = new Watchdog(
		() => (api ? api.ping() : Promise.resolve(0)),
		WATCHDOG_MS,
		() => crash(hungMessage(WATCHDOG_MS)),
		(fn, ms) => setTimeout(fn, ms),
		(t) => clearTimeout(t as ReturnType<typeof setTimeout>)
	);

	function crash(message: string) {
		restart();
		onCrash(message);
	}
	function restart() {
		dog.stop();
		worker?.terminate();
		worker = null;
		api = null;
	}
	function ensure(): Comlink.Remote<SimHostApi> {
		if (api) return api;
		worker = spawn();
		worker.addEventListener('error', (e) => {
			e.preventDefault?.();
			crash(crashMessage(e.message));
		});
		api = Comlink.wrap<SimHostApi>(worker);
		return api;
	}
	// A call on a dead worker must not surface as an unhandled rejection.
	const quiet = (p: Promise<unknown> | undefined) => void p?.catch(() => {});

	return {
		async start(design, opts, onBatch, onEnd, onError) {
			const remote = ensure();
			const res = await remote.start(
				design,
				opts,
				Comlink.proxy(onBatch),
				Comlink.proxy((r) => {
					dog.stop();
					onEnd(r);
				}),
				Comlink.proxy((m) => {
					dog.stop();
					onError(m);
				})
			);
			dog.start();
			return res;
		},
		pause: () => quiet(api?.pause()),
		resume: () => quiet(api?.resume()),
		step: (s) => quiet(api?.step(s)),
		setSpeed: (s) => quiet(api?.setSpeed(s)),
		inject: (ev) => quiet(api?.inject(ev)),
		stop() {
			dog.stop();
			quiet(api?.stop());
		},
		restart
	};
}
