// Practice progress, kept in its own IndexedDB database so the design library's schema
// and this one evolve independently: one record per challenge (with its topic, so progress
// by topic is read from the same rows) and one per interview taken.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

// Names and version: do not change without a migration (in `upgrade` below).
export const PRACTICE_DB_NAME = 'loadbearing-practice';
export const PRACTICE_DB_VERSION = 2;
export const PROGRESS_STORE = 'progress';
export const INTERVIEW_STORE = 'interviews';

export interface ChallengeProgress {
	challengeId: string;
	/** The challenge's curriculum topic when last written (records from version 1 have none). */
	topic?: string;
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

/** One interview: which challenge, how long it took, how far it got. */
export interface InterviewRecord {
	/** Start time (ms since epoch), which is also the key. */
	startedAt: number;
	challengeId: string;
	topic: string;
	/** When it ended: passed, stopped or timed out. */
	endedAt: number;
	elapsedMs: number;
	passed: boolean;
	/** Goals met in the best check (of goalsTotal). */
	goalsMet: number;
	goalsTotal: number;
	checks: number;
	/** Hint levels used after they unlocked. */
	hintsUsed: number;
}

interface PracticeSchema extends DBSchema {
	progress: { key: string; value: ChallengeProgress };
	interviews: { key: number; value: InterviewRecord };
}

let dbPromise: Promise<IDBPDatabase<PracticeSchema>> | null = null;

function db(): Promise<IDBPDatabase<PracticeSchema>> {
	if (typeof indexedDB === 'undefined') return Promise.reject(new Error('This browser offers no IndexedDB storage.'));
	dbPromise ??= openDB<PracticeSchema>(PRACTICE_DB_NAME, PRACTICE_DB_VERSION, {
		upgrade(d, oldVersion) {
			if (oldVersion < 1) d.createObjectStore(PROGRESS_STORE, { keyPath: 'challengeId' });
			// Version 2 adds interviews; challenge records are unchanged (topic is optional).
			if (oldVersion < 2) d.createObjectStore(INTERVIEW_STORE, { keyPath: 'startedAt' });
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

export function recordCheck(challengeId: string, goalsMet: number, passed: boolean, now = Date.now(), topic?: string) {
	return update(challengeId, (p) => {
		if (topic) p.topic = topic;
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

export async function recordInterview(rec: InterviewRecord): Promise<InterviewRecord> {
	await (await db()).put(INTERVIEW_STORE, rec);
	return rec;
}

/** Interviews taken, newest first. */
export async function allInterviews(): Promise<InterviewRecord[]> {
	const rows = await (await db()).getAll(INTERVIEW_STORE);
	return rows.sort((a, b) => b.startedAt - a.startedAt);
}
