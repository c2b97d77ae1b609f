// npm run sim -- FILE.json [--duration S] [--seed N] [--warmup S] [--json]
// Runs the simulator headless on a design file. Every failure (bad option, bad file, a design
// that cannot run or would pass the run budget, an internal error) is one line on stderr and
// exit code 2: no stack traces.
import { readFileSync } from 'node:fs';
import { LIMITS, restoreDesign } from '../src/lib/model/restore';
import { checkDesign, simulate, DesignError } from '../src/lib/sim/index';
import type { SimResult } from '../src/lib/sim/types';

function fail(msg: string, code = 2): never {
	process.stderr.write(msg.split('\n')[0] + '\n');
	process.exit(code);
}
const oneLine = (e: unknown) => (e instanceof DesignError ? e.reasons[0] : `the simulator stopped: ${e instanceof Error ? e.message : String(e)}`);
// Anything that escapes below is still one line and exit 2.
process.on('uncaughtException', (e) => fail(oneLine(e)));

const args = process.argv.slice(2);
let file: string | undefined;
const opts: { durationS?: number; seed?: number; warmupS?: number } = {};
let json = false;
for (let i = 0; i < args.length; i++) {
	const a = args[i];
	const num = (name: string, max: number) => {
		const v = Number(args[++i]);
		if (args[i] === undefined || !Number.isFinite(v) || v < 0) fail(`${name} needs a number ≥ 0 (got ${args[i] ?? 'nothing'}).`);
		if (v > max) fail(`${name} must be at most ${max} (got ${args[i]}).`);
		return v;
	};
	if (a === '--duration') opts.durationS = num('--duration', LIMITS.durationS);
	else if (a === '--seed') opts.seed = Math.floor(num('--seed', 2 ** 32 - 1));
	else if (a === '--warmup') opts.warmupS = num('--warmup', LIMITS.durationS);
	else if (a === '--json') json = true;
	else if (a.startsWith('--')) fail(`Unknown option ${a}. Usage: npm run sim -- FILE.json [--duration S] [--seed N] [--warmup S] [--json]`);
	else file = a;
}
if (!file) fail('Usage: npm run sim -- FILE.json [--duration S] [--seed N] [--warmup S] [--json]');

let raw: unknown;
try {
	raw = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
	fail(`${file}: ${e instanceof Error ? e.message : String(e)}`);
}
const restored = restoreDesign(raw);
if (!restored.ok) fail(`${file}: ${restored.errors[0]}`);
// A field the loader had to drop or replace makes the design invalid for a headless run.
const bad = restored.warnings.find((w) => /^(Node|Edge)/.test(w));
if (bad) fail(`${file}: ${bad}`);
const design = restored.design;
const problems = checkDesign(design);
if (problems.length > 0) fail(`${file}: ${problems[0]}`);
if (opts.durationS !== undefined && opts.warmupS === undefined && design.scenario && design.scenario.warmupS >= opts.durationS)
	opts.warmupS = 0;

let result: SimResult;
try {
	const t0 = performance.now();
	result = simulate(design, opts);
	const wall = (performance.now() - t0) / 1000;
	if (json) {
		process.stdout.write(JSON.stringify(result) + '\n');
	} else {
		const g = result.global;
		const f = (x: number, d = 2) => (Number.isInteger(x) ? String(x) : x.toFixed(d));
		const lines = [
			`design: ${design.name} (${design.nodes.length} nodes)`,
			`run: ${result.durationS} s simulated (warm-up ${result.warmupS} s), seed ${result.seed}, ${result.events} events in ${wall.toFixed(2)} s wall`,
			`offered: ${f(g.offeredRps)} rps, served: ${f(g.servedRps)} rps, success ${(100 * g.successRatio).toFixed(2)}%`,
			`latency ms: mean ${f(g.latency.mean)} p50 ${f(g.latency.p50)} p95 ${f(g.latency.p95)} p99 ${f(g.latency.p99)} max ${f(g.latency.max)}`,
			`failed: ${Object.entries(g.failed).map(([k, v]) => `${k} ${v}`).join(', ')}`,
			`cost: $${g.costPerMonth.toFixed(2)} per month`,
			'nodes:'
		];
		for (const [id, n] of Object.entries(result.nodes)) {
			const extra = ['hitRatio', 'staleReads', 'lostWrites', 'replicationLagMs', 'depth']
				.filter((k) => typeof n[k] === 'number')
				.map((k) => `${k} ${f(n[k] as number, 3)}`)
				.join(' ');
			lines.push(
				`  ${id}: arrived ${n.arrived} completed ${n.completed} util ${(100 * n.utilization).toFixed(1)}% queue ${f(n.meanQueue)} mean ${f(n.latency.mean)} ms p99 ${f(n.latency.p99)} ms ${extra}`
			);
		}
		process.stdout.write(lines.join('\n') + '\n');
	}
} catch (e) {
	fail(`${file}: ${oneLine(e)}`);
}
