// The library's operations. Every write names the revision it started from and is refused
// (StaleRevisionError) when the stored one moved on: two tabs never overwrite each other
// silently. Every read goes back through restoreDesign: storage is untrusted input too.
import { DESIGN_VERSION, LIMITS, newId, restoreDesign, type Design } from '$lib/model';
import { StaleRevisionError } from './errors';
import { STORE_DESIGNS, STORE_DOCUMENTS, STORE_SETTINGS, INDEX_UPDATED, type DB, type DesignSummary } from './db';
import { cleanThumbnail, thumbnailOf } from './thumbnail';

export type LoadResult =
	| { ok: true; design: Design; summary: DesignSummary; warnings: string[] }
	| { ok: false; errors: string[] };

const clock = () => Date.now();

function summaryOf(design: Design, prev: DesignSummary | undefined, now: number): DesignSummary {
	return {
		id: design.id,
		name: design.name,
		createdAt: prev?.createdAt ?? now,
		// Strictly increasing per record, so "last edited" sorts stably even within one ms.
		updatedAt: prev ? Math.max(now, prev.updatedAt + 1) : now,
		revision: (prev?.revision ?? 0) + 1,
		schemaVersion: DESIGN_VERSION,
		nodeCount: design.nodes.length,
		thumbnail: thumbnailOf(design)
	};
}

/** A summary read from storage, checked back into shape (or null when unusable). */
function cleanSummary(raw: unknown): DesignSummary | null {
	if (!raw || typeof raw !== 'object') return null;
	const r = raw as Record<string, unknown>;
	if (typeof r.id !== 'string') return null;
	const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
	const s: DesignSummary = {
		id: r.id,
		name: typeof r.name === 'string' ? r.name.slice(0, LIMITS.labelChars) : 'Untitled design',
		createdAt: n(r.createdAt),
		updatedAt: n(r.updatedAt),
		revision: n(r.revision),
		schemaVersion: n(r.schemaVersion),
		nodeCount: n(r.nodeCount),
		thumbnail: cleanThumbnail(r.thumbnail)
	};
	if (typeof r.deletedAt === 'number') s.deletedAt = r.deletedAt;
	return s;
}

/** Saved designs, last edited first; `query` matches names, case-insensitively. */
export async function listDesigns(db: DB, opts: { query?: string; deleted?: boolean } = {}): Promise<DesignSummary[]> {
	const all = await db.getAllFromIndex(STORE_DESIGNS, INDEX_UPDATED);
	const q = (opts.query ?? '').trim().toLocaleLowerCase();
	return all
		.map(cleanSummary)
		.filter((s): s is DesignSummary => s !== null)
		.filter((s) => (opts.deleted ? s.deletedAt !== undefined : s.deletedAt === undefined))
		.filter((s) => !q || s.name.toLocaleLowerCase().includes(q))
		.reverse();
}

export async function getSummary(db: DB, id: string): Promise<DesignSummary | null> {
	return cleanSummary(await db.get(STORE_DESIGNS, id));
}

/** Adds a design as a new record (a fresh id if its own is taken). */
export async function createDesign(db: DB, design: Design, now = clock()): Promise<{ design: Design; summary: DesignSummary }> {
	const tx = db.transaction([STORE_DESIGNS, STORE_DOCUMENTS], 'readwrite');
	const designs = tx.objectStore(STORE_DESIGNS);
	let d = design;
	while (await designs.get(d.id)) d = { ...d, id: newId() };
	const summary = summaryOf(d, undefined, now);
	await designs.put(summary);
	await tx.objectStore(STORE_DOCUMENTS).put({ id: d.id, design: d });
	await tx.done;
	return { design: d, summary };
}

export async function loadDesign(db: DB, id: string): Promise<LoadResult> {
	const tx = db.transaction([STORE_DESIGNS, STORE_DOCUMENTS], 'readonly');
	const [rawSummary, doc] = await Promise.all([tx.objectStore(STORE_DESIGNS).get(id), tx.objectStore(STORE_DOCUMENTS).get(id)]);
	await tx.done;
	const summary = cleanSummary(rawSummary);
	if (!summary || !doc) return { ok: false, errors: ['This design is not in the library.'] };
	const r = restoreDesign(doc.design);
	if (!r.ok) return r;
	// The record's key wins over whatever id the stored document claims.
	return { ok: true, design: { ...r.design, id }, summary, warnings: r.warnings };
}

/**
 * Writes a design over its record, if the record is still at `baseRevision`.
 * Returns the new summary (revision baseRevision + 1).
 */
export async function saveDesign(db: DB, design: Design, baseRevision: number, now = clock()): Promise<DesignSummary> {
	const tx = db.transaction([STORE_DESIGNS, STORE_DOCUMENTS], 'readwrite');
	const designs = tx.objectStore(STORE_DESIGNS);
	const prev = cleanSummary(await designs.get(design.id)) ?? undefined;
	if (!prev || prev.deletedAt !== undefined || prev.revision !== baseRevision) {
		tx.abort();
		await tx.done.catch(() => {});
		throw new StaleRevisionError(design.id, baseRevision, prev && prev.deletedAt === undefined ? prev.revision : null);
	}
	const summary = summaryOf(design, prev, now);
	await designs.put(summary);
	await tx.objectStore(STORE_DOCUMENTS).put({ id: design.id, design });
	await tx.done;
	return summary;
}

/** Changes a record in place (rename, delete, undelete): a new revision, same document. */
async function touch(
	db: DB,
	id: string,
	change: (s: DesignSummary, doc: { id: string; design: unknown }) => void,
	now: number
): Promise<DesignSummary> {
	const tx = db.transaction([STORE_DESIGNS, STORE_DOCUMENTS], 'readwrite');
	const prev = cleanSummary(await tx.objectStore(STORE_DESIGNS).get(id));
	const doc = await tx.objectStore(STORE_DOCUMENTS).get(id);
	if (!prev || !doc) {
		tx.abort();
		await tx.done.catch(() => {});
		throw new StaleRevisionError(id, 0, null);
	}
	const next = { ...prev, revision: prev.revision + 1, updatedAt: Math.max(now, prev.updatedAt + 1) };
	change(next, doc);
	await tx.objectStore(STORE_DESIGNS).put(next);
	await tx.objectStore(STORE_DOCUMENTS).put(doc);
	await tx.done;
	return next;
}

export function renameDesign(db: DB, id: string, name: string, now = clock()): Promise<DesignSummary> {
	const clean = name.trim().slice(0, LIMITS.labelChars) || 'Untitled design';
	return touch(
		db,
		id,
		(s, doc) => {
			s.name = clean;
			if (doc.design && typeof doc.design === 'object') doc.design = { ...(doc.design as object), name: clean };
		},
		now
	);
}

/** Marks a design deleted; it leaves the list but stays restorable until purged. */
export function deleteDesign(db: DB, id: string, now = clock()): Promise<DesignSummary> {
	return touch(db, id, (s) => (s.deletedAt = now), now);
}

export function undeleteDesign(db: DB, id: string, now = clock()): Promise<DesignSummary> {
	return touch(db, id, (s) => delete s.deletedAt, now);
}

/** Removes for good the designs deleted more than `olderThanMs` ago. */
export async function purgeDeleted(db: DB, olderThanMs: number, now = clock()): Promise<number> {
	const gone = (await listDesigns(db, { deleted: true })).filter((s) => now - (s.deletedAt ?? now) >= olderThanMs);
	const tx = db.transaction([STORE_DESIGNS, STORE_DOCUMENTS], 'readwrite');
	for (const s of gone) {
		await tx.objectStore(STORE_DESIGNS).delete(s.id);
		await tx.objectStore(STORE_DOCUMENTS).delete(s.id);
	}
	await tx.done;
	return gone.length;
}

export async function duplicateDesign(db: DB, id: string, now = clock()): Promise<{ design: Design; summary: DesignSummary }> {
	const r = await loadDesign(db, id);
	if (!r.ok) throw new Error(r.errors[0]);
	const name = `Copy of ${r.design.name}`.slice(0, LIMITS.labelChars);
	return createDesign(db, { ...structuredClone(r.design), id: newId(), name }, now);
}

// Small settings (the last opened design) live beside the designs.
export const SETTING_LAST_OPENED = 'lastOpenedId';

export async function getSetting(db: DB, key: string): Promise<unknown> {
	return db.get(STORE_SETTINGS, key);
}

export async function setSetting(db: DB, key: string, value: unknown): Promise<void> {
	await db.put(STORE_SETTINGS, value, key);
}
