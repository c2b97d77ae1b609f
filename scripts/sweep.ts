// npm run sweep -- FILE.json [--points N] [--runs N] [--json]
// The load sweep of the app, headless: offered load from 10 % to 150 % of the design's
// estimated capacity, each point a run with the design's seed and scenario, fanned out over
// worker threads (workerpool). With --runs N the design as drawn is also repeated over N
// seeds and p50/p99/throughput are given as median ± half the 5–95 % spread.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { restoreDesign } from '../src/lib/model/restore';
import { checkDesign, DesignError } from '../src/lib/sim/index';
import { poolSize, workerPool } from '../src/lib/bridge/pool';
import { estimateCapacity } from '../src/lib/sweep/capacity';
import { DEFAULT_POINTS, KNEE_P99_FACTOR, KNEE_SUCCESS, MAX_POINTS, MIN_POINTS, kneeSentence, mmcTierQuantiles } from '../src/lib/sweep/plan';
import { runRepeats, runSweep, seedsFor } from '../src/lib/sweep/runner';
import { band, bandText } from '../src/lib/sweep/bands';

const USAGE = 'Usage: npm run sweep -- FILE.json [--points N] [--runs N] [--json]';
function fail(msg: string, code = 2): never {
	process.stderr.write(msg.split('\n')[0] + '\n');
	process.exit(code);
}

const args = process.argv.slice(2);
let file: string | undefined;
let points = DEFAULT_POINTS;
let runs = 0;
let json = false;
for (let i = 0; i < args.length; i++) {
	const a = args[i];
	const int = (name: string, lo: number, hi: number) => {
		const v = Number(args[++i]);
		if (args[i] === undefined || !Number.isInteger(v) || v < lo || v > hi) fail(`${name} needs a whole number from ${lo} to ${hi} (got ${args[i] ?? 'nothing'}).`);
		return v;
	};
	if (a === '--points') points = int('--points', MIN_POINTS, MAX_POINTS);
	else if (a === '--runs') runs = int('--runs', 1, 200);
	else if (a === '--json') json = true;
	else if (a.startsWith('--')) fail(`Unknown option ${a}. ${USAGE}`);
	else file = a;
}
if (!file) fail(USAGE);

let raw: unknown;
try {
	raw = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
	fail(`${file}: ${e instanceof Error ? e.message : String(e)}`);
}
const restored = restoreDesign(raw);
if (!restored.ok) fail(`${file}: ${restored.errors[0]}`);
const design = restored.design;
const problems = checkDesign(design);
if (problems.length > 0) fail(`${file}: ${problems[0]}`);

const estimate = estimateCapacity(design);
const here = dirname(fileURLToPath(import.meta.url));
const pool = workerPool({
	script: join(here, 'pool-thread.mjs'),
	type: 'thread',
	maxWorkers: Number(process.env.SWEEP_WORKERS ?? poolSize(cpus().length + 1, points)),
	onCrash: (m) => process.stderr.write(m + '\n')
});

try {
	const t0 = performance.now();
	const sweep = await runSweep(pool, design, points, {}, estimate);
	const sweepWall = (performance.now() - t0) / 1000;
	const t1 = performance.now();
	const repeats = runs > 0 ? await runRepeats(pool, design, seedsFor(design, runs)) : null;
	const repeatWall = (performance.now() - t1) / 1000;
	const bands = repeats && {
		p50: band(repeats.figures.map((f) => f.p50)),
		p99: band(repeats.figures.map((f) => f.p99)),
		servedRps: band(repeats.figures.map((f) => f.servedRps)),
		successRatio: band(repeats.figures.map((f) => f.successRatio))
	};
	if (json) {
		process.stdout.write(JSON.stringify({ sweep, repeats: bands && { seeds: repeats!.seeds, ...bands }, workers: pool.size }) + '\n');
	} else {
		const b = estimate.bottleneck;
		const lines = [
			`design: ${design.name} (${design.nodes.length} nodes), ${sweep.durationS} s per run, seed ${sweep.seed}`,
			`bottleneck: ${b ? `${b.label} (${b.why}, ${b.visits.toFixed(2)} visits per request)` : 'none'}`,
			`${kneeSentence(sweep.capacityRps, sweep.knee)}`,
			`knee rule: the highest load, from the lowest up, whose p99 ≤ ${KNEE_P99_FACTOR}× the lowest load's and success ≥ ${100 * KNEE_SUCCESS}%`,
			`${points} points on ${pool.size} worker thread${pool.size === 1 ? '' : 's'} in ${sweepWall.toFixed(1)} s wall`,
			'offered_rps served_rps success% p50_ms p95_ms p99_ms mmc_p99_ms'
		];
		for (const p of sweep.points) {
			const m = b ? estimate.tiers.find((t) => t.id === b.id) : undefined;
			const q = m ? mmcTierQuantiles(m, p.offeredRps) : null;
			const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-');
			lines.push(`${Math.round(p.offeredRps)} ${Math.round(p.servedRps)} ${(100 * p.successRatio).toFixed(2)} ${f(p.p50)} ${f(p.p95)} ${f(p.p99)} ${q ? f(q.p99) : '-'}${p === sweep.knee ? '  <- knee' : ''}`);
		}
		if (bands) {
			lines.push(`runs: ${runs} seeds (${repeats!.seeds[0]}…${repeats!.seeds.at(-1)}) in ${repeatWall.toFixed(1)} s wall`);
			lines.push(`p50 ${bandText(bands.p50, 'ms', 1)}`, `p99 ${bandText(bands.p99, 'ms', 1)}`, `served ${bandText(bands.servedRps, 'rps')}`);
		}
		process.stdout.write(lines.join('\n') + '\n');
	}
} catch (e) {
	if (e instanceof DesignError) fail(`${file}: ${e.reasons[0]}`);
	throw e;
} finally {
	await pool.terminate();
}
