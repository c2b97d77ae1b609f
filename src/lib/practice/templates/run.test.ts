// Every template runs in the real simulator (a short slice of its scenario) and serves traffic
// (the failure patterns break on purpose later on: patterns.test.ts holds them to that).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim';
import { TEMPLATES } from './index';

describe('templates run', () => {
	it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, t) => {
		const r = simulate(structuredClone(t.design), { durationS: 6, warmupS: 1, seed: 1 });
		expect(r.global.completed).toBeGreaterThan(0);
		expect(r.global.successRatio).toBeGreaterThan(0.9);
	});
});
