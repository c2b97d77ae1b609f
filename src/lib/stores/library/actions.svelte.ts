// The user's actions on the library: new, copy, reload after a conflict, rename, duplicate,
// delete and undo, and which design to open first.
import { LIMITS, newId, type Design } from '$lib/model';
import type { DesignSummary } from '$lib/persistence/db';
import * as lib from '$lib/persistence/designs';
import { describeStorageError } from '$lib/persistence/errors';
import { LibrarySession } from './session.svelte';
import { blank, type EditorLike } from './types';

export class LibraryActions extends LibrarySession {
	query = $state('');

	shown = $derived.by(() => {
		const q = this.query.trim().toLocaleLowerCase();
		return q ? this.items.filter((s) => s.name.toLocaleLowerCase().includes(q)) : this.items;
	});

	/** Settles when start() has opened the library and put the first design on screen. */
	protected started: Promise<void> = Promise.resolve();

	protected async openStartDesign() {
		const db = this.db!;
		try {
			const last = await lib.getSetting(db, lib.SETTING_LAST_OPENED);
			await this.refresh();
			const candidates = [typeof last === 'string' ? last : null, ...this.items.map((s) => s.id)];
			// Whatever was edited before storage answered is kept: as the first design, or beside the last one.
			const early = this.early;
			this.early = null;
			if (early && this.items.length) {
				const { design } = await lib.createDesign(db, { ...early, id: newId() });
				this.notice = { text: `Changes made while the library was opening were kept as “${design.name}”.` };
			}
			for (const id of candidates) if (id && (await this.open(id, { quiet: true }))) return;
			if (early) {
				// A first visit that started editing at once: save what is on screen, in place
				// (replacing it would re-fit the view under the user's hands).
				const { design: d, summary } = await lib.createDesign(db, early);
				this.attach(d, summary);
				if (d.id !== early.id) this.show(d);
				const latest = this.editor!.design;
				if (latest !== early) this.saver!.schedule(latest);
				this.tabs?.announceLibraryChanged();
				await this.refresh();
				return;
			}
			const first = await this.createAndOpen(this.opts!.firstDesign());
			this.disposableId = first.id;
		} catch (e) {
			// Whatever is on screen stays there; only saving is off.
			this.toMemory(e);
		}
	}

	async newDesign(): Promise<void> {
		await this.started.catch(() => {});
		return this.adopt(blank(), 'The new design');
	}

	/** Open a design made elsewhere (a template, a challenge) as a new library entry. */
	async openAsNew(design: Design, what = 'The design'): Promise<void> {
		await this.started.catch(() => {});
		return this.adopt({ ...design, id: newId() }, what);
	}

	/** Keep a copy of what is on screen (a shared link's design, or this tab's side of a conflict). */
	async saveCopy(): Promise<void> {
		const current = this.saver?.latest() ?? this.editor!.design;
		const copy = { ...structuredClone($state.snapshot(current) as Design), id: newId() };
		if (this.mode === 'library') copy.name = `${copy.name} (copy)`.slice(0, LIMITS.labelChars);
		// The copy carries this tab's unsaved side, so the open record is let go as it is.
		if (this.conflict) {
			this.saver?.dispose();
			this.saver = null;
		}
		await this.adopt(copy, 'The copy');
	}

	/** Drop this tab's unsaved changes and show what storage holds (after a conflict). */
	async reload(): Promise<void> {
		const id = this.currentId;
		this.conflict = null;
		// The user chose theirs over ours: this tab's unsaved side is dropped on purpose.
		this.saver?.dispose();
		this.saver = null;
		if (id && (await this.open(id, { quiet: true }))) return;
		await this.openStartDesign();
	}

	async rename(id: string, name: string): Promise<void> {
		const clean = name.trim().slice(0, LIMITS.labelChars);
		if (!clean || !this.db) return;
		// The open design is renamed through its own autosave, so revisions stay in step.
		if (id === this.currentId && this.mode === 'library') {
			const ed = this.editor as EditorLike & { update?: (label: string, fn: (d: Design) => Design) => void };
			if (ed.update) ed.update('Rename design', (d) => ({ ...d, name: clean }));
			else this.show({ ...ed.design, name: clean }, { resetHistory: false, label: 'Rename design' });
			await this.flush();
		} else await this.#run(() => lib.renameDesign(this.db!, id, clean));
		await this.refresh();
	}

	async duplicate(id: string): Promise<void> {
		if (!this.db) return;
		if (id === this.currentId) await this.flush();
		await this.#run(() => lib.duplicateDesign(this.db!, id));
		await this.refresh();
	}

	async remove(id: string): Promise<void> {
		if (!this.db) return;
		const name = this.items.find((s) => s.id === id)?.name ?? 'design';
		const wasOpen = id === this.currentId;
		if (wasOpen) await this.flush();
		if (!(await this.#run(() => lib.deleteDesign(this.db!, id)))) return;
		await this.refresh();
		if (wasOpen) {
			this.saver?.dispose();
			this.saver = null;
			await this.openStartDesign();
		}
		this.notice = { text: `Deleted “${name}”.`, undo: () => void this.undelete(id, wasOpen) };
	}

	async undelete(id: string, reopen: boolean): Promise<void> {
		if (!this.db) return;
		this.notice = null;
		if (!(await this.#run(() => lib.undeleteDesign(this.db!, id)))) return;
		await this.refresh();
		if (reopen) await this.open(id);
	}

	/** Runs a library write; a failure becomes the one message shown. */
	async #run(f: () => Promise<unknown>): Promise<boolean> {
		try {
			const r = await f();
			// A rename or delete is a new revision: a tab showing that design follows it.
			const s = r as Partial<DesignSummary> | undefined;
			if (s && typeof s.id === 'string' && typeof s.revision === 'number') this.tabs?.announceSaved(s.id, s.revision);
			else this.tabs?.announceLibraryChanged();
			return true;
		} catch (e) {
			this.problem = { text: describeStorageError(e).message };
			return false;
		}
	}

}
