// The pool's small shared facts, apart from pool.ts so the page can name them without
// loading workerpool and the simulator (the pool itself is loaded on first use).

export class CancelledError extends Error {
	constructor() {
		super('Cancelled.');
		this.name = 'CancelledError';
	}
}

/** Workers for `jobs` jobs on a machine with `cores` logical cores: one core stays with the page. */
export function poolSize(cores: number, jobs: number): number {
	return Math.max(1, Math.min((cores || 2) - 1, jobs));
}
