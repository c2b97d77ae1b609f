// Every one-click fix, applied to every shipped design, still runs in the real simulator.
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim';
import { CHALLENGES } from './challenges';
import { reviewDesign } from './review';
import { TEMPLATES } from './templates';

const designs = [...TEMPLATES.map((t) => t.design), ...CHALLENGES.flatMap((c) => [c.start, c.reference])];

describe('fixes run', () => {
	it.each(designs.map((d) => [d.id, d] as const))('%s', (_id, d) => {
		for (const f of reviewDesign(d)) {
			if (!f.fix) continue;
			const fixed = { ...f.fix.apply(d), scenario: { durationS: 1, warmupS: 0, seed: 1, events: [] } };
			const r = simulate(fixed, { durationS: 1, warmupS: 0, seed: 1 });
			expect(r.global.completed, f.id).toBeGreaterThan(0);
		}
	});
});
