// Tuning aid for the template walk: each step under its own scenario, and the step before
// it under this step's workload and failures, which should do visibly worse (steps 8 and 9
// add a region and slow work that the step before has no counterpart for).
// Run: npx tsx scripts/practice-walk.ts   (about 40 s of CPU)
import { simulate } from '../src/lib/sim/index';
import { PATH_STEPS } from '../src/lib/practice/templates';
import type { Design } from '../src/lib/model/types';
import type { SimResult } from '../src/lib/sim/types';

function underWorkloadOf(prev: Design, cur: Design): Design {
	const d = structuredClone(prev);
	const from = cur.nodes.find((n) => n.kind === 'client')!;
	d.nodes.find((n) => n.kind === 'client')!.params = structuredClone(from.params);
	d.scenario = structuredClone(cur.scenario);
	return d;
}
const fmt = (r: SimResult) =>
	`success ${(r.global.successRatio * 100).toFixed(1)} %, p99 ${r.global.latency.p99.toFixed(0)} ms, served ${r.global.servedRps.toFixed(0)} rps`;

PATH_STEPS.forEach((t, i) => {
	let line = `${t.id.padEnd(28)} own: ${fmt(simulate(structuredClone(t.design)))}`;
	if (i > 0) line += `  |  step ${i} under it: ${fmt(simulate(underWorkloadOf(PATH_STEPS[i - 1].design, t.design)))}`;
	console.log(line);
});
