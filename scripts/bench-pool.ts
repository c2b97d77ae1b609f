// The job pool's speed-up for `npm run bench`: the same 12-point sweep of the tiered
// reference design on 1 and on 2 worker threads, taking turns BENCH_POOL_ROUNDS times (5).
// Every round is printed raw with the machine's load average at the time and the cores
// the process actually got (its CPU seconds over the wall seconds: other processes take
// cores from the pool, and no speed-up beats the cores it is given); the summary is the
// best (least disturbed) round of each.
import { loadavg, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Design } from '../src/lib/model/types';
import { workerPool } from '../src/lib/bridge/pool';
import { runSweep } from '../src/lib/sweep/runner';
import { DEFAULT_POINTS } from '../src/lib/sweep/plan';

const here = dirname(fileURLToPath(import.meta.url));

interface Timed {
	wall: number;
	/** Seconds each job took, in the order they were queued (known with one worker only). */
	jobs: number[];
	/** CPU seconds of the whole process (all its threads) per wall second. */
	cores: number;
	load: number;
}

async function sweepWall(design: Design, workers: number): Promise<Timed> {
	const pool = workerPool({ script: join(here, 'pool-thread.mjs'), type: 'thread', maxWorkers: workers });
	try {
		// Start every thread (its TypeScript loader, the simulator's modules) and let the JIT
		// compile the hot loop before the clock: one short run at full rate per worker, all
		// queued at once so each worker takes one. A page pays this once per visit, a sweep
		// not at all after the first.
		await Promise.all(Array.from({ length: workers }, (_, k) => pool.point({ design, opts: { durationS: 10, warmupS: 0, seed: 90 + k }, rateScale: 1 })));
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		const landed: number[] = [t0];
		await runSweep(pool, design, DEFAULT_POINTS, { onItem: () => landed.push(performance.now()) });
		const wall = (performance.now() - t0) / 1000;
		const c = process.cpuUsage(c0);
		const jobs = workers === 1 ? landed.slice(1).map((t, i) => (t - landed[i]) / 1000) : [];
		return { wall, jobs, cores: (c.user + c.system) / 1e6 / wall, load: loadavg()[0] };
	} finally {
		await pool.terminate();
	}
}

/**
 * The speed-up the queue order allows on `workers` free cores: jobs of these durations,
 * each handed to the first worker free (as workerpool does), total over the last finish.
 */
export function scheduleBound(jobs: number[], workers: number): number {
	const free = new Array(workers).fill(0);
	for (const d of jobs) {
		const k = free.indexOf(Math.min(...free));
		free[k] += d;
	}
	return jobs.reduce((a, b) => a + b, 0) / Math.max(...free);
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export async function benchPool(design: Design): Promise<string[]> {
	const rounds = Math.max(1, Number(process.env.BENCH_POOL_ROUNDS ?? 5));
	const lines: string[] = [];
	const one: Timed[] = [];
	const two: Timed[] = [];
	for (let r = 0; r < rounds; r++) {
		one.push(await sweepWall(design, 1));
		two.push(await sweepWall(design, 2));
		const a = one[r], b = two[r];
		lines.push(
			`pool_round_${r + 1}: 1 worker ${a.wall.toFixed(2)} s (${a.cores.toFixed(2)} cores, load ${a.load.toFixed(2)}), ` +
				`2 workers ${b.wall.toFixed(2)} s (${b.cores.toFixed(2)} cores, load ${b.load.toFixed(2)}), speed-up ${(a.wall / b.wall).toFixed(2)}`
		);
	}
	const best = (xs: Timed[]) => xs.reduce((m, x) => (x.wall < m.wall ? x : m));
	const b1 = best(one), b2 = best(two);
	return [
		`sweep_points: ${DEFAULT_POINTS} (queued heaviest load first)`,
		...lines,
		`sweep_wall_s_1_worker: ${b1.wall.toFixed(2)} (best of ${rounds})`,
		`sweep_wall_s_2_workers: ${b2.wall.toFixed(2)} (best of ${rounds})`,
		`pool_speedup_1_to_2: ${(b1.wall / b2.wall).toFixed(2)} (best of ${rounds} each)`,
		// The same from each round's own pair (both runs disturbed alike), for comparison.
		`pool_speedup_median_of_rounds: ${median(one.map((a, r) => a.wall / two[r].wall)).toFixed(2)}`,
		`pool_cores_obtained_2_workers: ${b2.cores.toFixed(2)} (the process's CPU seconds per wall second in that best round)`,
		// Extra work the second worker brings (start-up is before the clock): CPU seconds of the
		// 2-worker sweep over the 1-worker one. Near 1, the speed-up is bounded by free cores only.
		`pool_cpu_work_ratio_2_to_1: ${((b2.wall * b2.cores) / (b1.wall * b1.cores)).toFixed(2)}`,
		// What the queue order alone allows with two free cores (job times from the 1-worker run).
		`pool_schedule_bound_2_workers: ${scheduleBound(b1.jobs, 2).toFixed(2)} heaviest first, ${scheduleBound([...b1.jobs].reverse(), 2).toFixed(2)} if queued lightest first`,
		`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min) at the end`
	];
}
