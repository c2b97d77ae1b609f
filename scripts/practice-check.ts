// Every challenge's start and reference through the real simulator, with their grades:
// topic, starting grade (goals met) and reference grade, and each goal's verdict.
// A tuning aid and the closing-note table; the Vitest grading tests are the proof.
// Run: npx tsx scripts/practice-check.ts [--verbose] [id…]
import { simulate } from '../src/lib/sim/index';
import { CHALLENGES, checkedDesign, checkOptions, checkSeeds, gradeRuns, type Challenge, type Grade } from '../src/lib/practice/challenges';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.filter((a) => !a.startsWith('--'));

// A challenge checked over several seeds is graded on its band, as the app does.
const grade = (c: Challenge, which: 'start' | 'reference'): Grade =>
	gradeRuns(c, checkSeeds(c).map((seed) => simulate(checkedDesign(c, c[which]), { ...checkOptions(c), seed })));
const summary = (g: Grade) => `${g.passed ? 'PASS' : 'fail'} ${g.goals.filter((x) => x.met).length}/${g.goals.length}`;
const worst = (g: Grade) => `${Math.round(100 * Math.min(...g.goals.map((x) => x.slack)))}%`;

console.log(`${'challenge'.padEnd(24)} ${'topic'.padEnd(15)} ${'level'.padEnd(7)} ${'start'.padEnd(10)} ${'reference'.padEnd(10)} ref worst margin`);
for (const c of CHALLENGES) {
	if (only.length && !only.includes(c.id)) continue;
	const s = grade(c, 'start');
	const r = grade(c, 'reference');
	console.log(`${c.id.padEnd(24)} ${c.topic.padEnd(15)} ${c.level.padEnd(7)} ${summary(s).padEnd(10)} ${summary(r).padEnd(10)} ${worst(r)}`);
	if (verbose)
		for (const [name, g] of [['start', s], ['ref', r]] as const)
			console.log(`    ${name.padEnd(5)} ` + g.goals.map((x) => `${x.met ? '✓' : '✗'} ${x.label}: ${x.verdict}`).join(' | '));
}
