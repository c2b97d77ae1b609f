// Runs a challenge's check in a dedicated worker that lives for one run, so the page stays
// responsive and a long check never competes with the interactive run's worker.
import * as Comlink from 'comlink';
import { DesignError } from '$lib/sim/types';
import type { CheckApi } from '../../workers/check.worker';
import type { CheckRunner } from './practice.svelte';

export const workerCheckRunner: CheckRunner = async (design, opts) => {
	const worker = new Worker(new URL('../../workers/check.worker.ts', import.meta.url), { type: 'module' });
	try {
		const api = Comlink.wrap<CheckApi>(worker);
		const { onFrame: _drop, ...plain } = opts;
		const reply = await api.run(plainCopy(design), plain);
		if (!reply.ok) throw new DesignError(reply.reasons);
		return reply.result;
	} finally {
		worker.terminate();
	}
};

/** Designs from the editor are plain JSON already; a JSON copy strips any proxy before postMessage. */
function plainCopy<T>(v: T): T {
	return JSON.parse(JSON.stringify(v)) as T;
}
