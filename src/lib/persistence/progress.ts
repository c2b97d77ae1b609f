// Challenge progress, kept in its own IndexedDB database so the design library's schema
// and this one evolve independently.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

// Names and version: do not change without a migration (in `upgrade` below).
export const PRACTICE_DB_NAME = 'loadbearing-practice';
export const PRACTICE_DB_VERSION = 1;
export const PROGRESS_STORE = 'progress';

export interface ChallengeProgress {
	challengeId: string;
	attempts: number;
	passed: boolean;
	/** When it was first passed (ms since epoch). */
	passedAt?: number;
	/** Most goals met in one check. */
	bestGoalsMet: number;
	/** Deepest hint level revealed (0 = none). */
	hintsShown: number;
	referenceShown: boolean;
	lastCheckedAt?: number;
}

interface PracticeSchema extends DBSchema {
	progress: { key: string; value: ChallengeProgress };
}

let dbPromise: Promise<IDBPDatabase<PracticeSchema>> | null = null;

function db(): Promise<IDBPDatabase<PracticeSchema>> {
	if (typeof indexedDB === 'undefined') return Promise.reject(new Error('This browser offers no IndexedDB storage.'));
	dbPromise ??= openDB<PracticeSchema>(PRACTICE_DB_NAME, PRACTICE_DB_VERSION, {
		upgrade(d, oldVersion) {
			if (oldVersion < 1) d.createObjectStore(PROGRESS_STORE, { keyPath: 'challengeId' });
		},
		blocked() {
			// Another tab holds an older version open; it will be asked to close by versionchange.
		}
	}).catch((e) => {
		dbPromise = null;
		throw e;
	});
	return dbPromise;
}

/** For tests: forget the open connection. */
export async function closeProgressDb(): Promise<void> {
	const p = dbPromise;
	dbPromise = null;
	if (p) (await p).close();
}

const blank = (challengeId: string): ChallengeProgress => ({
	challengeId,
	attempts: 0,
	passed: false,
	bestGoalsMet: 0,
	hintsShown: 0,
	referenceShown: false
});

export async function allProgress(): Promise<Record<string, ChallengeProgress>> {
	const rows = await (await db()).getAll(PROGRESS_STORE);
	return Object.fromEntries(rows.map((r) => [r.challengeId, r]));
}

/** Read, change and write one record in a single transaction. */
async function update(challengeId: string, change: (p: ChallengeProgress) => void): Promise<ChallengeProgress> {
	const tx = (await db()).transaction(PROGRESS_STORE, 'readwrite');
	const p = (await tx.store.get(challengeId)) ?? blank(challengeId);
	change(p);
	await tx.store.put(p);
	await tx.done;
	return p;
}

export function recordCheck(challengeId: string, goalsMet: number, passed: boolean, now = Date.now()) {
	return update(challengeId, (p) => {
		p.attempts += 1;
		p.lastCheckedAt = now;
		p.bestGoalsMet = Math.max(p.bestGoalsMet, goalsMet);
		if (passed && !p.passed) {
			p.passed = true;
			p.passedAt = now;
		}
	});
}

export function recordHint(challengeId: string, level: number) {
	return update(challengeId, (p) => {
		p.hintsShown = Math.max(p.hintsShown, level);
	});
}

export function recordReference(challengeId: string) {
	return update(challengeId, (p) => {
		p.referenceShown = true;
	});
}
