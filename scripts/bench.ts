// npm run bench: the simulator on the tiered benchmark design (examples/tiered.json, a copy
// of the shared reference) with every metric on, and in the same run the bare reference
// loop (/work/shared/reference/bare_tiered.mjs, spawned, if present) on the same scenario.
// Prints one `name: value` a line.
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { restoreDesign } from '../src/lib/model/restore';
import { createSimulation } from '../src/lib/sim/index';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? join(here, '..', 'examples', 'tiered.json');
const BARE = process.env.BARE_TIERED ?? '/work/shared/reference/bare_tiered.mjs';
const restored = restoreDesign(JSON.parse(readFileSync(file, 'utf8')));
if (!restored.ok) throw new Error(restored.errors[0]);
const design = restored.design;
const durationS = Number(process.env.BENCH_DURATION ?? design.scenario?.durationS ?? 100);
const rps = Number((design.nodes.find((n) => n.kind === 'client')?.params as { rps?: number }).rps ?? 2000);

function runOnce(): { wall: number; events: number; requests: number; frames: number } {
	let frames = 0;
	const t0 = performance.now();
	const sim = createSimulation(design, { durationS, warmupS: 0, seed: 1, onFrame: () => frames++ });
	sim.advance(durationS);
	const r = sim.result();
	const wall = (performance.now() - t0) / 1000;
	return { wall, events: r.events, requests: r.global.completed, frames };
}

function runBare(): number | string {
	const out = spawnSync(process.execPath, [BARE, String(durationS), String(rps)], { encoding: 'utf8' });
	const match = /requests_per_wall_s:\s*(\d+)/.exec(out.stdout ?? '');
	return match ? Number(match[1]) : `unavailable (${(out.stderr || out.stdout || '').trim().split('\n')[0]})`;
}

// One short run to let the JIT settle; then, because the machine is shared, the simulator
// and the bare loop take turns ROUNDS times and each keeps its best (least disturbed) run.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const warm = createSimulation(design, { durationS: Math.min(5, durationS), warmupS: 0, seed: 2 });
warm.advance(Infinity);
const hasBare = existsSync(BARE);
let best: ReturnType<typeof runOnce> | null = null;
let bare: number | string = `unavailable (${BARE} not found)`;
for (let r = 0; r < ROUNDS; r++) {
	const m = runOnce();
	if (!best || m.wall < best.wall) best = m;
	if (hasBare) {
		const b = runBare();
		if (typeof b === 'number') bare = typeof bare === 'number' ? Math.max(bare, b) : b;
		else if (typeof bare !== 'number') bare = b;
	}
}
const m = best!;
const simRps = m.requests / m.wall;
console.log(`scenario: ${design.name} (${file.split('/').pop()}), ${durationS} s simulated at ${rps} rps, seed 1, frames ${m.frames}, all metrics on, best of ${ROUNDS}`);
console.log(`events: ${m.events}`);
console.log(`wall_s: ${m.wall.toFixed(3)}`);
console.log(`events/s: ${Math.round(m.events / m.wall)}`);
console.log(`requests/s: ${Math.round(simRps)}`);
console.log(`bare requests/s: ${bare}`);
if (typeof bare === 'number') console.log(`ratio: ${(simRps / bare).toFixed(3)}`);
