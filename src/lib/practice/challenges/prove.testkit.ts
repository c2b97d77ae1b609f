// The proof every challenge owes, against the real simulator: its reference passes every
// goal with at least 3 % to spare, and its starting design misses some goal by at least 10 %.
// A challenge checked over several runs is proven the same way on its band's pessimistic edge.
// Each challenge group has its own small test file calling this, so they run in parallel.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim';
import { checkedDesign, checkOptions } from './grade';
import { checkSeeds, gradeRuns } from './band';
import type { Challenge } from './types';

/** The check as the app runs it: every seed of the challenge, graded together. */
function check(c: Challenge, design: Challenge['start']) {
	return gradeRuns(c, checkSeeds(c).map((seed) => simulate(checkedDesign(c, design), { ...checkOptions(c), seed })));
}

export function proveChallenges(group: Challenge[]): void {
	describe.each(group.map((c) => [c.id, c] as const))('challenge %s', (_id, c) => {
		it('the reference solution passes, every goal with at least 3 % to spare', () => {
			const grade = check(c, c.reference);
			for (const g of grade.goals) expect(g.slack, `${g.label}: ${g.verdict}`).toBeGreaterThanOrEqual(0.03);
			expect(grade.passed).toBe(true);
		});

		it('the starting design fails, some goal by at least 10 %', () => {
			const grade = check(c, c.start);
			expect(grade.passed).toBe(false);
			const worst = Math.min(...grade.goals.map((g) => g.slack));
			expect(worst, grade.goals.map((g) => g.verdict).join(' | ')).toBeLessThanOrEqual(-0.1);
		});
	});
}
