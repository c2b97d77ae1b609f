// Main thread's end of the job pool: one-shot simulations (challenge checks, sweep points,
// confidence repeats) fanned out over workerpool's workers (Web Workers in the browser,
// worker threads in Node), each job watched by the bridge's watchdog (a deadline: a job
// cannot answer pings while it runs). In-process for component tests, where jsdom has no
// Worker: the same API, jobs run one by one between macrotasks.
import workerpool from 'workerpool';
import type { Design } from '../model/types';
import { DesignError, type SimResult } from '../sim/types';
import type { JobOptions, PointJob, PointReply, RunReply } from '../protocol/jobs';
import { JOBS } from '../worker/jobs';
import { crashMessage, deadline, JOB_DEADLINE_MS } from './watchdog';

export interface JobPool {
	/** Workers the pool may use at once. */
	readonly size: number;
	/** One full run (a challenge check); rejects with DesignError if the design cannot run. */
	run(design: Design, opts: JobOptions): Promise<SimResult>;
	/** One compact run (a sweep point or a repeat). */
	point(job: PointJob): Promise<PointReply>;
	/** Drops queued jobs and ends running ones (their workers are replaced); they reject with CancelledError. */
	cancelAll(): void;
	terminate(): Promise<void>;
}

export { CancelledError, poolSize } from './cancel';
import { CancelledError } from './cancel';

/** Designs from the editor may be Svelte proxies; a JSON copy is plain before postMessage. */
function plain<T>(v: T): T {
	return JSON.parse(JSON.stringify(v)) as T;
}

function asResult(reply: RunReply): SimResult {
	if (!reply.ok) throw new DesignError(reply.reasons);
	return reply.result;
}

export interface WorkerPoolOptions {
	/** The worker script: a URL (browser, module worker) or a file path (Node thread). */
	script: string;
	type: 'web' | 'thread';
	maxWorkers: number;
	/** Told, in plain words, when a worker crashed or hung (it is replaced). */
	onCrash?: (message: string) => void;
	deadlineMs?: number;
}

export function workerPool(o: WorkerPoolOptions): JobPool {
	const pool = workerpool.pool(o.script, {
		maxWorkers: o.maxWorkers,
		workerType: o.type,
		...(o.type === 'web' ? { workerOpts: { type: 'module', name: 'jobs' } } : {})
	});
	const live = new Set<{ cancel(): unknown }>();
	let cancelled = 0;

	function exec<T>(method: 'run' | 'point', params: unknown[]): Promise<T> {
		const epoch = cancelled;
		const task = pool.exec(method, params);
		live.add(task);
		const watched = deadline(Promise.resolve(task as unknown as Promise<T>), o.deadlineMs ?? JOB_DEADLINE_MS, () => {
			task.cancel();
			o.onCrash?.(`A background run took longer than ${Math.round((o.deadlineMs ?? JOB_DEADLINE_MS) / 1000)} s; its worker was restarted.`);
		});
		return watched.then(
			(v) => {
				live.delete(task);
				return v;
			},
			(e: unknown) => {
				live.delete(task);
				if (epoch !== cancelled) throw new CancelledError();
				if (e instanceof Error && /terminated unexpectedly/i.test(e.message)) {
					const msg = crashMessage();
					o.onCrash?.(msg);
					throw new Error(msg);
				}
				throw e;
			}
		);
	}

	return {
		size: o.maxWorkers,
		run: async (design, opts) => asResult(await exec<RunReply>('run', [plain(design), plain(opts)])),
		point: (job) => exec<PointReply>('point', [plain(job)]),
		cancelAll() {
			cancelled++;
			for (const t of live) t.cancel();
			live.clear();
		},
		terminate: async () => void (await pool.terminate(true))
	};
}

/** The same API without workers (tests; Node scripts that want one thread). */
export function inProcessPool(): JobPool {
	let cancelled = 0;
	const later = () => new Promise<void>((r) => setTimeout(r, 0));
	async function job<T>(fn: () => T): Promise<T> {
		const epoch = cancelled;
		await later();
		if (epoch !== cancelled) throw new CancelledError();
		const v = fn();
		if (epoch !== cancelled) throw new CancelledError();
		return v;
	}
	return {
		size: 1,
		run: async (design, opts) => asResult(await job(() => JOBS.run(plain(design), opts))),
		point: (j) => job(() => JOBS.point(j)),
		cancelAll: () => void cancelled++,
		terminate: async () => {}
	};
}
