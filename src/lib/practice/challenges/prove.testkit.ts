// The proof every challenge owes, against the real simulator: its reference passes every
// goal with at least 3 % to spare, and its starting design misses some goal by at least 10 %.
// Each challenge group has its own small test file calling this, so they run in parallel.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim';
import { checkedDesign, checkOptions, gradeChallenge } from './grade';
import type { Challenge } from './types';

export function proveChallenges(group: Challenge[]): void {
	describe.each(group.map((c) => [c.id, c] as const))('challenge %s', (_id, c) => {
		it('the reference solution passes, every goal with at least 3 % to spare', () => {
			const grade = gradeChallenge(c, simulate(checkedDesign(c, c.reference), checkOptions(c)));
			for (const g of grade.goals) expect(g.slack, `${g.label}: ${g.verdict}`).toBeGreaterThanOrEqual(0.03);
			expect(grade.passed).toBe(true);
		});

		it('the starting design fails, some goal by at least 10 %', () => {
			const grade = gradeChallenge(c, simulate(checkedDesign(c, c.start), checkOptions(c)));
			expect(grade.passed).toBe(false);
			const worst = Math.min(...grade.goals.map((g) => g.slack));
			expect(worst, grade.goals.map((g) => g.verdict).join(' | ')).toBeLessThanOrEqual(-0.1);
		});
	});
}
