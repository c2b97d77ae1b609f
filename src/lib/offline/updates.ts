// Tell the user when a new version of the app has been downloaded and is waiting, and
// switch to it on request: the waiting worker takes over, then the page reloads once.

/** The parts of the browser's service-worker API this module uses (so tests can fake them). */
export interface SwContainer {
	controller: unknown;
	getRegistration(): Promise<SwRegistration | undefined>;
	/** Resolves once a registration is active (never, if none is ever registered). */
	ready?: Promise<SwRegistration>;
	addEventListener(type: 'controllerchange', cb: () => void): void;
}
export interface SwWorker {
	state: string;
	postMessage(msg: unknown): void;
	addEventListener(type: 'statechange', cb: () => void): void;
}
export interface SwRegistration {
	waiting: SwWorker | null;
	installing: SwWorker | null;
	addEventListener(type: 'updatefound', cb: () => void): void;
	update?(): Promise<unknown>;
}

/**
 * Watch for a waiting worker. Calls `onReady(apply)` when one is waiting; `apply()` activates
 * it and reloads the page (via `reload`) once it controls the page.
 */
export async function watchForUpdates(
	container: SwContainer | undefined,
	onReady: (apply: () => void) => void,
	reload: () => void = () => location.reload()
): Promise<void> {
	if (!container) return;
	// The app may mount before SvelteKit has registered the worker: then wait until it has.
	const reg = (await container.getRegistration()) ?? (await container.ready);
	if (!reg) return;
	// The first install also fires controllerchange (clients.claim): reload only when the
	// user asked for the new version.
	let applying = false;
	let reloading = false;
	container.addEventListener('controllerchange', () => {
		if (!applying || reloading) return;
		reloading = true;
		reload();
	});
	// Only an update (a worker already controls the page) is "a new version": the first
	// install simply makes the app work offline.
	const offer = (w: SwWorker) => {
		if (!container.controller) return;
		onReady(() => {
			applying = true;
			w.postMessage({ type: 'SKIP_WAITING' });
		});
	};
	if (reg.waiting) offer(reg.waiting);
	reg.addEventListener('updatefound', () => {
		const w = reg.installing;
		if (!w) return;
		w.addEventListener('statechange', () => {
			if (w.state === 'installed') offer(w);
		});
	});
}
