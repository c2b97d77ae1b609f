import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { IDBObjectStore as FakeStore } from 'fake-indexeddb';
import type { Design } from '$lib/model';
import { sampleDesign } from '$testing/designs';
import { encodeDesign } from '$lib/share/link';
import { TabCoordinator, type Channel } from '$lib/persistence/tabs';
import { LibraryStore } from './library.svelte';
import { FakeEditor } from '$testing/library';

/** A broadcast bus shared by the tabs of one test. */
function bus() {
	const members: ((e: MessageEvent) => void)[][] = [];
	return (): Channel => {
		const me = members.push([]) - 1;
		return {
			postMessage: (msg) => members.forEach((fs, i) => i !== me && fs.forEach((f) => f({ data: msg } as MessageEvent))),
			addEventListener: (_t, f) => members[me].push(f),
			close: () => (members[me] = [])
		};
	};
}

let n = 0;
async function tab(dbName: string, channel: Channel | null = null, fragment = '') {
	const editor = new FakeEditor();
	const store = new LibraryStore();
	await store.start(editor, { dbName, fragment, firstDesign: () => sampleDesign('first', 'My first design'), tabs: new TabCoordinator(channel) });
	return { editor, store };
}
const until = async (f: () => boolean) => {
	for (let i = 0; i < 200 && !f(); i++) await new Promise((r) => setTimeout(r, 5));
	expect(f()).toBe(true);
};

describe('LibraryStore', () => {
	it('saves the first design on a first visit and reopens the last one later', async () => {
		const name = `lib-${n++}`;
		const a = await tab(name);
		expect(a.store.items.map((s) => s.name)).toEqual(['My first design']);
		a.editor.update('Rename', (d) => ({ ...d, name: 'Edited' }));
		await a.store.flush();
		await a.store.newDesign();
		expect(a.store.items.length).toBe(2);
		await a.store.open(a.store.items.find((s) => s.name === 'Edited')!.id);
		a.store.dispose();
		const b = await tab(name);
		expect(b.editor.design.name).toBe('Edited');
		b.store.dispose();
	});

	it('keeps an edit made before the library had opened', async () => {
		const editor = new FakeEditor();
		const store = new LibraryStore();
		const started = store.start(editor, { dbName: `lib-${n++}`, firstDesign: () => sampleDesign('first', 'Example'), tabs: new TabCoordinator(null) });
		editor.update('Early', (d) => ({ ...d, name: 'typed at once' }));
		await started;
		expect(editor.design.name).toBe('typed at once');
		expect(store.items.map((s) => s.name)).toEqual(['typed at once']);
		store.dispose();
	});

	it('a design put on screen by something else (a template) becomes its own record; undo back follows the old one', async () => {
		const { store, editor } = await tab(`lib-${n++}`);
		const mineId = store.currentId!;
		editor.update('Edit', (d) => ({ ...d, name: 'my work' }));
		const mine = editor.design;
		editor.replaceDesign(sampleDesign('tpl-1234', 'Template: one server'));
		await store.flush();
		expect(store.currentId).toBe('tpl-1234');
		await until(() => store.items.length === 2);
		expect(store.items.map((s) => s.name).sort()).toEqual(['Template: one server', 'my work']);
		editor.update('Edit', (d) => ({ ...d, name: 'template, edited' }));
		await store.flush();
		// Undo across the replace: the old design comes back, and its own record follows.
		editor.replaceDesign(mine);
		await store.flush();
		expect(store.currentId).toBe(mineId);
		editor.update('Edit', (d) => ({ ...d, name: 'my work, later' }));
		await store.flush();
		await store.refresh();
		expect(store.items.map((s) => s.name).sort()).toEqual(['my work, later', 'template, edited']);
		store.dispose();
	});

	it('stepping through templates keeps only what was edited', async () => {
		const { store, editor } = await tab(`lib-${n++}`);
		editor.replaceDesign(sampleDesign('step-1', 'Step 1'));
		await store.flush();
		editor.replaceDesign(sampleDesign('step-2', 'Step 2'));
		await store.flush();
		await store.refresh();
		// The untouched first design and step 1 were let go (restorable until purged).
		expect(store.items.map((s) => s.name)).toEqual(['Step 2']);
		editor.update('Edit', (d) => ({ ...d, name: 'Step 2, mine' }));
		await store.flush();
		editor.replaceDesign(sampleDesign('step-3', 'Step 3'));
		await store.flush();
		await store.refresh();
		expect(store.items.map((s) => s.name).sort()).toEqual(['Step 2, mine', 'Step 3']);
		store.dispose();
	});

	it('deletes with undo, and opens another design when the open one is deleted', async () => {
		const { store, editor } = await tab(`lib-${n++}`);
		const first = store.currentId!;
		await store.newDesign();
		const second = store.currentId!;
		await store.remove(second);
		expect(store.items.map((s) => s.id)).toEqual([first]);
		expect(store.currentId).toBe(first);
		store.notice!.undo!();
		await until(() => store.items.length === 2 && store.currentId === second);
		expect(editor.design.id).toBe(second);
		store.dispose();
	});

	it('renames, duplicates and searches', async () => {
		const { store, editor } = await tab(`lib-${n++}`);
		await store.rename(store.currentId!, 'URL shortener');
		expect(editor.design.name).toBe('URL shortener');
		await store.duplicate(store.currentId!);
		expect(store.items.map((s) => s.name).sort()).toEqual(['Copy of URL shortener', 'URL shortener']);
		store.query = 'copy';
		expect(store.shown.map((s) => s.name)).toEqual(['Copy of URL shortener']);
		store.dispose();
	});

	it('a second tab follows the first when it has nothing unsaved', async () => {
		const name = `lib-${n++}`;
		const channel = bus();
		const one = await tab(name, channel());
		const two = await tab(name, channel());
		expect(two.store.currentId).toBe(one.store.currentId);
		one.editor.update('Edit', (d) => ({ ...d, name: 'from tab one' }));
		await one.store.flush();
		await until(() => two.editor.design.name === 'from tab one');
		expect(two.store.conflict).toBe(null);
		one.store.dispose();
		two.store.dispose();
	});

	it('a rename or delete in one tab reaches the tab showing that design', async () => {
		const name = `lib-${n++}`;
		const channel = bus();
		const one = await tab(name, channel());
		const two = await tab(name, channel());
		const id = one.store.currentId!;
		await one.store.newDesign();
		await one.store.rename(id, 'Renamed elsewhere');
		await until(() => two.editor.design.name === 'Renamed elsewhere');
		await one.store.remove(id);
		await until(() => two.store.conflict === 'deleted');
		one.store.notice!.undo!();
		await until(() => two.store.conflict === null);
		one.store.dispose();
		two.store.dispose();
	});

	it('two tabs editing at once: the later write is refused, never silent, and can be kept as a copy', async () => {
		const name = `lib-${n++}`;
		// No channel: the revision check alone must catch it.
		const one = await tab(name);
		const two = await tab(name);
		one.editor.update('Edit', (d) => ({ ...d, name: 'one' }));
		two.editor.update('Edit', (d) => ({ ...d, name: 'two' }));
		await one.store.flush();
		await two.store.flush();
		expect(two.store.saveStatus).toBe('stale');
		expect(two.store.conflict).toBe('stale');
		await two.store.saveCopy();
		expect(two.store.conflict).toBe(null);
		await two.store.refresh();
		expect(two.store.items.map((s) => s.name).sort()).toEqual(['one', 'two (copy)']);
		one.store.dispose();
		two.store.dispose();
	});

	it('opens a shared link read-only, saves a copy on request', async () => {
		const name = `lib-${n++}`;
		const fragment = '#' + (await encodeDesign(sampleDesign('shared', 'Shared one')));
		const { store, editor } = await tab(name, null, fragment);
		expect(store.mode).toBe('shared');
		expect(store.readOnly).toBe(true);
		expect(editor.design.name).toBe('Shared one');
		expect(store.items).toEqual([]);
		await store.saveCopy();
		expect(store.mode).toBe('library');
		expect(store.items.map((s) => s.name)).toEqual(['Shared one']);
		store.dispose();
	});

	it('a bad link says so and opens the library as usual', async () => {
		const { store, editor } = await tab(`lib-${n++}`, null, '#d=1.AAAA');
		expect(store.problem?.text).toMatch(/damaged/);
		expect(store.mode).toBe('library');
		expect(editor.design.name).toBe('My first design');
		store.dispose();
	});

	it('a bad import changes nothing; a good one becomes a new design', async () => {
		const { store, editor } = await tab(`lib-${n++}`);
		const before = editor.design;
		expect(await store.importFile(new File(['nope'], 'x.json'))).toBe(false);
		expect(store.problem?.text).toMatch(/not valid JSON/);
		expect(editor.design).toBe(before);
		expect(store.items.length).toBe(1);
		expect(await store.importFile(new File([JSON.stringify(sampleDesign('first', 'Imported'))], 'y.json'))).toBe(true);
		expect(store.items.length).toBe(2);
		expect(editor.design.name).toBe('Imported');
		expect(editor.design.id).not.toBe('first');
		store.dispose();
	});

	it('storage blocked: keeps the design in memory and says so', async () => {
		const real = globalThis.indexedDB;
		vi.stubGlobal('indexedDB', undefined);
		try {
			const { store, editor } = await tab(`lib-${n++}`);
			expect(store.mode).toBe('memory');
			expect(store.problem?.text).toMatch(/not letting Loadbearing store designs/);
			expect(store.problem?.offerFile).toBe(true);
			expect(editor.design.name).toBe('My first design');
			store.dispose();
		} finally {
			vi.stubGlobal('indexedDB', real);
		}
	});

	it('storage full: says so, keeps the changes, and saves them once space is back', async () => {
		const { store, editor } = await tab(`lib-${n++}`);
		const put = FakeStore.prototype.put;
		FakeStore.prototype.put = function () {
			throw new DOMException('full', 'QuotaExceededError');
		};
		try {
			editor.update('Edit', (d) => ({ ...d, name: 'big change' }));
			await store.flush();
			expect(store.saveStatus).toBe('error');
			expect(store.problem?.text).toMatch(/storage for Loadbearing is full/);
			expect(editor.design.name).toBe('big change');
			// Switching away would lose the change: refused.
			expect(await store.open('nope')).toBe(false);
		} finally {
			FakeStore.prototype.put = put;
		}
		editor.update('Edit', (d) => ({ ...d, name: 'big change, saved' }));
		await store.flush();
		expect(store.saveStatus).toBe('saved');
		await until(() => store.items[0]?.name === 'big change, saved');
		expect(store.problem).toBe(null);
		store.dispose();
	});
});
