// The job pool's speed-up for `npm run bench`: the same 12-point sweep of the tiered
// reference design on 1 and then 2 worker threads (wall time; the machine's load at the
// time is printed too, since other processes take cores from the pool).
import { loadavg, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Design } from '../src/lib/model/types';
import { workerPool } from '../src/lib/bridge/pool';
import { runSweep } from '../src/lib/sweep/runner';
import { DEFAULT_POINTS } from '../src/lib/sweep/plan';

const here = dirname(fileURLToPath(import.meta.url));

async function sweepWall(design: Design, workers: number): Promise<number> {
	const pool = workerPool({ script: join(here, 'pool-thread.mjs'), type: 'thread', maxWorkers: workers });
	try {
		// Start the threads (and their TypeScript loader) before the clock.
		await Promise.all(Array.from({ length: workers }, () => pool.point({ design, opts: { durationS: 1, warmupS: 0, seed: 9 }, rateScale: 0.01 })));
		const t0 = performance.now();
		await runSweep(pool, design, DEFAULT_POINTS);
		return (performance.now() - t0) / 1000;
	} finally {
		await pool.terminate();
	}
}

export async function benchPool(design: Design): Promise<string[]> {
	const before = loadavg()[0];
	const one = await sweepWall(design, 1);
	const two = await sweepWall(design, 2);
	return [
		`sweep_points: ${DEFAULT_POINTS}`,
		`sweep_wall_s_1_worker: ${one.toFixed(1)}`,
		`sweep_wall_s_2_workers: ${two.toFixed(1)}`,
		`pool_speedup_1_to_2: ${(one / two).toFixed(2)}`,
		`machine: ${cpus().length} cores, load average ${before.toFixed(2)} before / ${loadavg()[0].toFixed(2)} after`
	];
}
