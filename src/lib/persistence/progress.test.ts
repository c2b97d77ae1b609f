import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { allInterviews, allProgress, closeProgressDb, recordCheck, recordHint, recordInterview, recordReference, PRACTICE_DB_NAME } from './progress';

afterEach(async () => {
	await closeProgressDb();
	await new Promise<void>((res) => {
		const r = indexedDB.deleteDatabase(PRACTICE_DB_NAME);
		r.onsuccess = r.onerror = () => res();
	});
});

describe('challenge progress', () => {
	it('counts attempts, keeps the best result and the first pass', async () => {
		await recordCheck('a', 1, false, 1000);
		await recordCheck('a', 3, true, 2000);
		const p = await recordCheck('a', 2, false, 3000);
		expect(p).toMatchObject({ attempts: 3, bestGoalsMet: 3, passed: true, passedAt: 2000, lastCheckedAt: 3000 });
	});

	it('remembers hints and the revealed reference, per challenge, across connections', async () => {
		await recordHint('a', 2);
		await recordHint('a', 1);
		await recordReference('b');
		await closeProgressDb();
		const all = await allProgress();
		expect(all.a).toMatchObject({ hintsShown: 2, referenceShown: false, attempts: 0 });
		expect(all.b).toMatchObject({ referenceShown: true });
	});

	it('keeps the topic with each record, and interviews newest first', async () => {
		await recordCheck('a', 2, true, 1000, 'caching');
		const base = { challengeId: 'a', topic: 'caching', elapsedMs: 60_000, passed: true, goalsMet: 2, goalsTotal: 2, checks: 1, hintsUsed: 0 };
		await recordInterview({ ...base, startedAt: 1, endedAt: 60_001 });
		await recordInterview({ ...base, startedAt: 5, endedAt: 9, passed: false, goalsMet: 1 });
		await closeProgressDb();
		expect((await allProgress()).a.topic).toBe('caching');
		expect((await allInterviews()).map((i) => [i.startedAt, i.passed])).toEqual([
			[5, false],
			[1, true]
		]);
	});

	it('upgrades a version-1 database without losing its records', async () => {
		const v1 = await openDB(PRACTICE_DB_NAME, 1, { upgrade: (d) => d.createObjectStore('progress', { keyPath: 'challengeId' }) });
		await v1.put('progress', { challengeId: 'old', attempts: 2, passed: true, bestGoalsMet: 3, hintsShown: 1, referenceShown: false });
		v1.close();
		expect((await allProgress()).old).toMatchObject({ attempts: 2, passed: true });
		expect(await allInterviews()).toEqual([]);
	});
});
