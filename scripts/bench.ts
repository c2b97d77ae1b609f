// npm run bench: the simulator on the tiered benchmark design (examples/tiered.json, a copy
// of the shared reference) with every metric on, and in the same run the bare reference
// loop (../shared/reference/bare_tiered.mjs beside the project, spawned, if present) on the
// same scenario.
// Prints one `name: value` a line.
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { restoreDesign } from '../src/lib/model/restore';
import { createSimulation } from '../src/lib/sim/index';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? join(here, '..', 'examples', 'tiered.json');
const BARE = process.env.BARE_TIERED ?? join(here, '..', '..', 'shared', 'reference', 'bare_tiered.mjs');
const restored = restoreDesign(JSON.parse(readFileSync(file, 'utf8')));
if (!restored.ok) throw new Error(restored.errors[0]);
const design = restored.design;
const durationS = Number(process.env.BENCH_DURATION ?? design.scenario?.durationS ?? 100);
const rps = Number((design.nodes.find((n) => n.kind === 'client')?.params as { rps?: number }).rps ?? 2000);

function runOnce(): { wall: number; cpu: number; events: number; requests: number; frames: number } {
	let frames = 0;
	const c0 = process.cpuUsage();
	const t0 = performance.now();
	const sim = createSimulation(design, { durationS, warmupS: 0, seed: 1, onFrame: () => frames++ });
	sim.advance(durationS);
	const r = sim.result();
	const wall = (performance.now() - t0) / 1000;
	const cu = process.cpuUsage(c0);
	return { wall, cpu: (cu.user + cu.system) / 1e6, events: r.events, requests: r.global.completed, frames };
}

// The bare loop runs in its own process; a two-line wrapper reads that process's CPU time
// around it (the file itself is run unchanged).
const WRAP =
	"const t0 = process.cpuUsage(); process.on('exit', () => { const u = process.cpuUsage(t0); console.log('cpu_s: ' + (u.user + u.system) / 1e6); });" +
	'await import(process.env.BARE_URL);';

function runBare(): { wall: number; cpu: number } | string {
	const out = spawnSync(process.execPath, ['--input-type=module', '-e', WRAP, 'bare', String(durationS), String(rps)], {
		encoding: 'utf8',
		env: { ...process.env, BARE_URL: pathToFileURL(BARE).href }
	});
	const wall = /requests_per_wall_s:\s*(\d+)/.exec(out.stdout ?? '');
	const req = /requests:\s*(\d+)/.exec(out.stdout ?? '');
	const cpu = /cpu_s:\s*([\d.e-]+)/.exec(out.stdout ?? '');
	if (!wall || !req || !cpu) return `unavailable (${(out.stderr || out.stdout || '').trim().split('\n')[0]})`;
	return { wall: Number(wall[1]), cpu: Number(req[1]) / Number(cpu[1]) };
}

// One short run to let the JIT settle; then, because the machine is shared, the simulator
// and the bare loop take turns ROUNDS times and each keeps its best (least disturbed) run.
// Wall-clock rates on a loaded machine mostly measure the other processes, so the ratio is
// also given on CPU time (requests per CPU second of each process), which load disturbs
// far less.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const warm = createSimulation(design, { durationS: Math.min(5, durationS), warmupS: 0, seed: 2 });
warm.advance(Infinity);
const hasBare = existsSync(BARE);
let best: ReturnType<typeof runOnce> | null = null;
let bestCpu = Infinity;
let bare: { wall: number; cpu: number } | string = `unavailable (${BARE} not found)`;
for (let r = 0; r < ROUNDS; r++) {
	const m = runOnce();
	if (!best || m.wall < best.wall) best = m;
	bestCpu = Math.min(bestCpu, m.cpu);
	if (hasBare) {
		const b = runBare();
		if (typeof b !== 'string') bare = typeof bare === 'string' ? b : { wall: Math.max(bare.wall, b.wall), cpu: Math.max(bare.cpu, b.cpu) };
		else if (typeof bare === 'string') bare = b;
	}
}
const m = best!;
const simRps = m.requests / m.wall;
const simCpuRps = m.requests / bestCpu;
console.log(`scenario: ${design.name} (${file.split('/').pop()}), ${durationS} s simulated at ${rps} rps, seed 1, frames ${m.frames}, all metrics on, best of ${ROUNDS}`);
console.log(`events: ${m.events}`);
console.log(`wall_s: ${m.wall.toFixed(3)}`);
console.log(`events/s: ${Math.round(m.events / m.wall)}`);
console.log(`requests/s: ${Math.round(simRps)}`);
console.log(`cpu requests/s: ${Math.round(simCpuRps)}`);
if (typeof bare === 'string') console.log(`bare requests/s: ${bare}`);
else {
	console.log(`bare requests/s: ${bare.wall}`);
	console.log(`bare cpu requests/s: ${Math.round(bare.cpu)}`);
	console.log(`ratio: ${(simCpuRps / bare.cpu).toFixed(3)}`);
	console.log(`wall ratio: ${(simRps / bare.wall).toFixed(3)}`);
}

// The job pool: a 12-point sweep on 1 and 2 worker threads (BENCH_POOL=0 skips it).
if (process.env.BENCH_POOL !== '0') {
	const { benchPool } = await import('./bench-pool');
	for (const line of await benchPool(design)) console.log(line);
}
