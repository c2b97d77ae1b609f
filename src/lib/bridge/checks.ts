// A challenge's Check runs on the job pool, through the same bridge and watchdog as the
// sweep and the live run, so a long check never blocks the page or the live run's worker.
import type { CheckRunner } from '../stores/practice.svelte';
import type { JobPool } from './pool';

export function poolCheckRunner(pool: () => JobPool): CheckRunner {
	return (design, opts) => {
		const { onFrame: _drop, ...plain } = opts;
		return pool().run(design, plain);
	};
}
