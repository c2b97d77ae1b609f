import { describe, expect, it } from 'vitest';
import { CHALLENGES } from './challenges';
import { pickInterview, topicProgress } from './interview';
import type { ChallengeProgress } from '../persistence/progress';

const passed = (id: string): ChallengeProgress => ({ challengeId: id, attempts: 1, passed: true, bestGoalsMet: 2, hintsShown: 0, referenceShown: false });

describe('pickInterview', () => {
	it('never picks a passed challenge, and spreads over the rest', () => {
		const progress = Object.fromEntries(CHALLENGES.slice(0, 10).map((c) => [c.id, passed(c.id)]));
		const seen = new Set<string>();
		for (let i = 0; i < 200; i++) seen.add(pickInterview(CHALLENGES, progress, null, () => i / 200)!.id);
		expect(seen.size).toBe(CHALLENGES.length - 10);
		for (const c of CHALLENGES.slice(0, 10)) expect(seen.has(c.id)).toBe(false);
	});

	it('keeps to the chosen topic, and finds nothing once the topic is all passed', () => {
		const caching = CHALLENGES.filter((c) => c.topic === 'caching');
		expect(pickInterview(CHALLENGES, {}, 'caching', () => 0.99)!.topic).toBe('caching');
		const all = Object.fromEntries(caching.map((c) => [c.id, passed(c.id)]));
		expect(pickInterview(CHALLENGES, all, 'caching')).toBeNull();
		expect(pickInterview(CHALLENGES, all, 'cdn')!.topic).toBe('cdn');
	});
});

describe('topicProgress', () => {
	it('counts challenges, attempts and passes per topic, in curriculum order', () => {
		const cdn = CHALLENGES.filter((c) => c.topic === 'cdn');
		const progress = { [cdn[0].id]: passed(cdn[0].id), [cdn[1].id]: { ...passed(cdn[1].id), passed: false } };
		const rows = topicProgress(CHALLENGES, progress);
		expect(rows[0].topic).toBe('scaling');
		expect(rows.find((r) => r.topic === 'cdn')).toMatchObject({ total: cdn.length, passed: 1, attempted: 2, awaiting: false });
		// Every topic is gradable now (multi-leader was the last to wait for the simulator).
		expect(rows.find((r) => r.topic === 'multi-leader')).toMatchObject({ total: CHALLENGES.filter((c) => c.topic === 'multi-leader').length, awaiting: false });
		expect(rows.every((r) => !r.awaiting && r.total > 0)).toBe(true);
		expect(rows.reduce((s, r) => s + r.total, 0)).toBe(CHALLENGES.length);
	});
});
