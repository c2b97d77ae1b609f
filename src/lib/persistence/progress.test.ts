import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { allProgress, closeProgressDb, recordCheck, recordHint, recordReference, PRACTICE_DB_NAME } from './progress';

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
});
