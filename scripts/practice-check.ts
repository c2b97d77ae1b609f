// Run every challenge's start and reference through the real simulator and print the grades
// (a tuning aid; the Vitest test is the proof). Run: npx tsx scripts/practice-check.ts [id…]
import { simulate } from '../src/lib/sim/index';
import { CHALLENGES, checkedDesign, checkOptions, gradeChallenge } from '../src/lib/practice/challenges';

const only = process.argv.slice(2);
for (const c of CHALLENGES) {
	if (only.length && !only.includes(c.id)) continue;
	for (const which of ['start', 'reference'] as const) {
		const t0 = performance.now();
		const r = simulate(checkedDesign(c, c[which]), checkOptions(c));
		const g = gradeChallenge(c, r);
		const ms = Math.round(performance.now() - t0);
		console.log(`${c.id.padEnd(22)} ${which.padEnd(9)} ${g.passed ? 'PASS' : 'fail'} ${ms}ms  ` + g.goals.map((x) => `${x.met ? '✓' : '✗'} ${x.label}: ${x.verdict}`).join(' | '));
	}
}
