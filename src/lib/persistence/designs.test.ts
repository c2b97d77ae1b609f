import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sampleDesign } from '$testing/designs';
import { openDesignDb, STORE_DOCUMENTS, STORE_DESIGNS } from './db';
import {
	createDesign,
	deleteDesign,
	duplicateDesign,
	getSetting,
	listDesigns,
	loadDesign,
	purgeDeleted,
	renameDesign,
	saveDesign,
	setSetting,
	undeleteDesign
} from './designs';
import { StaleRevisionError, UpgradeBlockedError, describeStorageError } from './errors';

let n = 0;
const fresh = () => openDesignDb({ name: `test-${n++}` });

const sample = sampleDesign;

describe('designs', () => {
	it('creates, loads and lists by last edit', async () => {
		const db = await fresh();
		await createDesign(db, sample('a', 'Alpha'), 1000);
		await createDesign(db, sample('b', 'Beta'), 2000);
		expect((await listDesigns(db)).map((s) => s.name)).toEqual(['Beta', 'Alpha']);
		const a = await loadDesign(db, 'a');
		expect(a.ok && a.design.scenario?.seed).toBe(7);
		expect(a.ok && a.summary.revision).toBe(1);
		// An edit moves a design to the top.
		if (a.ok) await saveDesign(db, { ...a.design, nodes: [] }, 1, 3000);
		expect((await listDesigns(db)).map((s) => s.name)).toEqual(['Alpha', 'Beta']);
	});

	it('gives a fresh id when the id is taken, never overwriting', async () => {
		const db = await fresh();
		await createDesign(db, sample('a', 'One'));
		const second = await createDesign(db, sample('a', 'Two'));
		expect(second.design.id).not.toBe('a');
		const one = await loadDesign(db, 'a');
		expect(one.ok && one.design.name).toBe('One');
	});

	it('searches by name, case-insensitively', async () => {
		const db = await fresh();
		await createDesign(db, sample('a', 'URL shortener'));
		await createDesign(db, sample('b', 'Chat'));
		expect((await listDesigns(db, { query: 'short' })).map((s) => s.id)).toEqual(['a']);
		expect((await listDesigns(db, { query: 'CHAT' })).map((s) => s.id)).toEqual(['b']);
		expect(await listDesigns(db, { query: 'zzz' })).toEqual([]);
	});

	it('refuses a write from a stale revision, and keeps the newer one', async () => {
		const db = await fresh();
		await createDesign(db, sample('a'));
		await saveDesign(db, { ...sample('a'), name: 'tab one' }, 1);
		await expect(saveDesign(db, { ...sample('a'), name: 'tab two' }, 1)).rejects.toBeInstanceOf(StaleRevisionError);
		const r = await loadDesign(db, 'a');
		expect(r.ok && r.design.name).toBe('tab one');
		expect(r.ok && r.summary.revision).toBe(2);
		const err = await saveDesign(db, sample('a'), 1).catch((e) => e);
		expect(describeStorageError(err).problem).toBe('stale');
	});

	it('renames, duplicates, deletes with undo, purges', async () => {
		const db = await fresh();
		await createDesign(db, sample('a', 'Alpha'));
		await renameDesign(db, 'a', '  Gamma ');
		const g = await loadDesign(db, 'a');
		expect(g.ok && g.design.name).toBe('Gamma');
		const copy = await duplicateDesign(db, 'a');
		expect(copy.design.name).toBe('Copy of Gamma');
		expect(copy.design.id).not.toBe('a');
		await deleteDesign(db, 'a', 10);
		expect((await listDesigns(db)).map((s) => s.id)).toEqual([copy.design.id]);
		// A tab still holding 'a' cannot write it back silently.
		const err = await saveDesign(db, sample('a'), 2).catch((e) => e);
		expect(describeStorageError(err).problem).toBe('deleted');
		await undeleteDesign(db, 'a');
		expect((await listDesigns(db)).length).toBe(2);
		await deleteDesign(db, 'a', 10);
		expect(await purgeDeleted(db, 100, 50)).toBe(0);
		expect(await purgeDeleted(db, 100, 200)).toBe(1);
		expect((await loadDesign(db, 'a')).ok).toBe(false);
	});

	it('reads untrusted records safely: a tampered document is refused, a bad summary cleaned', async () => {
		const db = await fresh();
		await createDesign(db, sample('a'));
		await db.put(STORE_DOCUMENTS, { id: 'a', design: { format: 'nope' } });
		const r = await loadDesign(db, 'a');
		expect(r.ok).toBe(false);
		await db.put(STORE_DESIGNS, { id: 'x', name: 42, updatedAt: 5, thumbnail: { nodes: [[1e9, 'a', 7]] } } as never);
		const list = await listDesigns(db);
		const x = list.find((s) => s.id === 'x')!;
		expect(x.name).toBe('Untitled design');
		expect(x.thumbnail.nodes).toEqual([[100, 0, 2]]);
	});

	it('migrates older records through restoreDesign (version 1 fixture)', async () => {
		const db = await fresh();
		await createDesign(db, sample('a'));
		const fixture = (await import('./fixtures/design-v1.json')).default;
		await db.put(STORE_DOCUMENTS, { id: 'a', design: fixture });
		const r = await loadDesign(db, 'a');
		expect(r.ok).toBe(true);
		expect(r.ok && r.design.version).toBe(1);
		expect(r.ok && r.design.nodes.length).toBe(fixture.nodes.length);
	});

	it('keeps settings', async () => {
		const db = await fresh();
		await setSetting(db, 'lastOpenedId', 'a');
		expect(await getSetting(db, 'lastOpenedId')).toBe('a');
	});

	it('says when an upgrade is blocked by another tab', async () => {
		const name = `test-${n++}`;
		const old = await openDesignDb({ name });
		const err = await openDesignDb({ name, version: 2 }).catch((e) => e);
		expect(err).toBeInstanceOf(UpgradeBlockedError);
		expect(describeStorageError(err).problem).toBe('blocked');
		old.close();
	});

	it('says when the stored library is newer than this app', async () => {
		const name = `test-${n++}`;
		(await openDesignDb({ name, version: 3 })).close();
		const err = await openDesignDb({ name }).catch((e) => e);
		expect(describeStorageError(err).problem).toBe('newer');
		expect(describeStorageError(err).message).toMatch(/newer Loadbearing/);
	});
});
