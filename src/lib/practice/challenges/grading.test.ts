// Every challenge against the real simulator: its reference solution passes its own check
// with room to spare, and its starting design fails it clearly (not by a hair).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim';
import { CHALLENGES, checkedDesign, checkOptions, gradeChallenge, type GoalResult } from './index';

/** How far inside (positive) or outside (negative) the goal, relative to its target. */
function slack(g: GoalResult): number {
	if (g.target === 0) return g.actual === 0 ? 1 : -1;
	const higherBetter = g.goal.kind === 'throughput';
	return (higherBetter ? g.actual - g.target : g.target - g.actual) / g.target;
}

describe.each(CHALLENGES.map((c) => [c.id, c] as const))('challenge %s', (_id, c) => {
	it('the reference solution passes, every goal with at least 3 % to spare', () => {
		const grade = gradeChallenge(c, simulate(checkedDesign(c, c.reference), checkOptions(c)));
		for (const g of grade.goals) expect(slack(g), `${g.label}: ${g.verdict}`).toBeGreaterThanOrEqual(0.03);
		expect(grade.passed).toBe(true);
	});

	it('the starting design fails, some goal by at least 10 %', () => {
		const grade = gradeChallenge(c, simulate(checkedDesign(c, c.start), checkOptions(c)));
		expect(grade.passed).toBe(false);
		const worst = Math.min(...grade.goals.map(slack));
		expect(worst, grade.goals.map((g) => g.verdict).join(' | ')).toBeLessThanOrEqual(-0.1);
	});
});
