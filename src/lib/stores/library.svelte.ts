// The library as the UI sees it: the saved designs, the open one, its save status, and
// what to tell the user. It joins the editor (changes in, designs out) to persistence
// (autosave, revisions, other tabs) and share (links, files). Storage that fails never
// costs the design in memory: the store falls back to memory and offers the file.
import { getContext, setContext } from 'svelte';
import { DESIGN_FORMAT, DESIGN_VERSION, LIMITS, newId, type Design } from '$lib/model';
import { openDesignDb, type DB, type DesignSummary } from '$lib/persistence/db';
import * as lib from '$lib/persistence/designs';
import { Autosaver, flushOnPageHide, type SaveStatus } from '$lib/persistence/autosave';
import { describeStorageError } from '$lib/persistence/errors';
import { TabCoordinator, decide } from '$lib/persistence/tabs';
import { decodeDesign, isDesignFragment, shareLink, type LinkResult } from '$lib/share/link';
import { downloadBlob, downloadDesign, fileNameFor, readDesignFile } from '$lib/share/file';
import { designToSvg, svgToPng } from '$lib/share/image';

/** What the library needs from the editor (EditorStore satisfies it). */
export interface EditorLike {
	design: Design;
	readOnly?: boolean;
	replaceDesign(design: Design, opts?: { resetHistory?: boolean; label?: string }): void;
	onChange(fn: (design: Design, label: string) => void): () => void;
}

/** library: saved in IndexedDB; shared: a link's design, read-only until copied; memory: storage failed. */
export type LibraryMode = 'library' | 'shared' | 'memory';

export interface Problem {
	text: string;
	/** Offer the open design as a file (storage failed). */
	offerFile?: boolean;
}

export interface Notice {
	text: string;
	undo?: () => void;
}

export interface StartOptions {
	/** The fragment app.html took out of the URL (window.__loadbearingFragment). */
	fragment?: string;
	/** The design for a first visit. */
	firstDesign: () => Design;
	dbName?: string;
	/** Tests pass null (no other tabs) or a fake. */
	tabs?: TabCoordinator;
	autosaveDelayMs?: number;
}

const PURGE_AFTER_MS = 30 * 24 * 3600 * 1000;

export function blank(name = 'Untitled design'): Design {
	return { format: DESIGN_FORMAT, version: DESIGN_VERSION, id: newId(), name, nodes: [], edges: [] };
}

export class LibraryStore {
	items = $state.raw<DesignSummary[]>([]);
	query = $state('');
	currentId = $state<string | null>(null);
	mode = $state<LibraryMode>('library');
	saveStatus = $state<SaveStatus>('saved');
	/** One thing gone wrong, in plain words (shown with role="alert"). */
	problem = $state.raw<Problem | null>(null);
	/** Another tab saved (or deleted) the open design while this one had changes. */
	conflict = $state<null | 'stale' | 'deleted'>(null);
	notice = $state.raw<Notice | null>(null);
	ready = $state(false);

	shown = $derived.by(() => {
		const q = this.query.trim().toLocaleLowerCase();
		return q ? this.items.filter((s) => s.name.toLocaleLowerCase().includes(q)) : this.items;
	});

	#db: DB | null = null;
	#editor: EditorLike | null = null;
	#saver: Autosaver | null = null;
	#tabs: TabCoordinator | null = null;
	#opts: StartOptions | null = null;
	#cleanup: (() => void)[] = [];
	/** An edit made before the library had opened a design (the first moments after load). */
	#early: Design | null = null;
	#replacing = false;
	/** Id of the design the library last put on screen. */
	#shownId: string | null = null;
	#adopting: Promise<void> | null = null;
	#adoptPending: Design | null = null;
	/**
	 * A record the app made, not the user (the first visit's example, a template step):
	 * while nobody has edited it, it is let go when another design takes its place, so
	 * stepping through templates does not fill the library.
	 */
	#disposableId: string | null = null;

	get readOnly() {
		return this.mode === 'shared';
	}

	/** Settles when start() has opened the library and put the first design on screen. */
	#started: Promise<void> = Promise.resolve();

	start(editor: EditorLike, opts: StartOptions): Promise<void> {
		// A file imported (or a template opened) in the first moments after load must wait
		// for the start-up design to be shown, or start-up would put that one over it.
		this.#started = this.#start(editor, opts);
		return this.#started;
	}

	async #start(editor: EditorLike, opts: StartOptions): Promise<void> {
		this.#editor = editor;
		this.#opts = opts;
		this.#cleanup.push(editor.onChange((d) => this.#changed(d)));
		if (typeof window !== 'undefined') this.#cleanup.push(flushOnPageHide(() => void this.flush()));
		try {
			this.#db = await openDesignDb({ name: opts.dbName, onVersionChange: () => this.#closeForUpgrade() });
		} catch (e) {
			this.#toMemory(e);
		}
		if (this.#db) {
			this.#tabs = opts.tabs ?? new TabCoordinator();
			this.#tabs.onSaved((m) => void this.#otherTabSaved(m.id, m.revision));
			this.#tabs.onLibraryChanged(() => void this.refresh());
			lib.purgeDeleted(this.#db, PURGE_AFTER_MS).catch(() => {});
		}
		if (typeof window !== 'undefined') {
			// A link pasted into the address bar of an open tab changes only the fragment.
			const onHash = () => {
				const h = location.hash;
				if (!isDesignFragment(h)) return;
				history.replaceState(history.state, '', location.pathname + location.search);
				void this.openLink(h);
			};
			window.addEventListener('hashchange', onHash);
			this.#cleanup.push(() => window.removeEventListener('hashchange', onHash));
		}
		const fragment = opts.fragment ?? '';
		if (fragment && isDesignFragment(fragment) && (await this.openLink(fragment))) {
			await this.refresh();
			this.ready = true;
			return;
		}
		if (this.#db) await this.#openStartDesign();
		else if (!this.#early) this.#show(opts.firstDesign());
		this.ready = true;
	}

	async #openStartDesign() {
		const db = this.#db!;
		try {
			const last = await lib.getSetting(db, lib.SETTING_LAST_OPENED);
			await this.refresh();
			const candidates = [typeof last === 'string' ? last : null, ...this.items.map((s) => s.id)];
			// Whatever was edited before storage answered is kept: as the first design, or beside the last one.
			const early = this.#early;
			this.#early = null;
			if (early && this.items.length) {
				const { design } = await lib.createDesign(db, { ...early, id: newId() });
				this.notice = { text: `Changes made while the library was opening were kept as “${design.name}”.` };
			}
			for (const id of candidates) if (id && (await this.open(id, { quiet: true }))) return;
			if (early) {
				// A first visit that started editing at once: save what is on screen, in place
				// (replacing it would re-fit the view under the user's hands).
				const { design: d, summary } = await lib.createDesign(db, early);
				this.#attach(d, summary);
				if (d.id !== early.id) this.#show(d);
				const latest = this.#editor!.design;
				if (latest !== early) this.#saver!.schedule(latest);
				this.#tabs?.announceLibraryChanged();
				await this.refresh();
				return;
			}
			const first = await this.#createAndOpen(this.#opts!.firstDesign());
			this.#disposableId = first.id;
		} catch (e) {
			// Whatever is on screen stays there; only saving is off.
			this.#toMemory(e);
		}
	}

	/** Show a shared link's design, read-only; a bad link changes nothing and says why. */
	async openLink(fragment: string): Promise<boolean> {
		const r = await decodeDesign(fragment);
		if (!r.ok) {
			this.problem = { text: r.error };
			return false;
		}
		if (!(await this.#letGo())) return false;
		this.#saver?.dispose();
		this.#saver = null;
		this.mode = 'shared';
		this.currentId = null;
		this.conflict = null;
		this.#show(r.design);
		this.#editor!.readOnly = true;
		return true;
	}

	dispose() {
		this.#saver?.dispose();
		this.#tabs?.close();
		for (const f of this.#cleanup) f();
		this.#db?.close();
	}

	/** Refresh the list from storage (another tab changed it, or we did). */
	async refresh(): Promise<void> {
		if (!this.#db) return;
		try {
			this.items = await lib.listDesigns(this.#db);
		} catch (e) {
			this.problem = { text: describeStorageError(e).message, offerFile: true };
		}
	}

	/** Write what is pending now. */
	async flush(): Promise<void> {
		await this.#adopting;
		await this.#saver?.flush();
	}

	// ---- the open design -------------------------------------------------------------

	/** The library's own replacements (open, follow, copy) are not "a design from elsewhere". */
	#show(design: Design, opts?: { resetHistory?: boolean; label?: string }) {
		this.#replacing = true;
		try {
			this.#editor!.replaceDesign(design, opts);
		} finally {
			this.#replacing = false;
		}
		this.#shownId = design.id;
	}

	#changed(design: Design) {
		// Another part of the app put a different design on screen (a template, a challenge,
		// an undo across designs): it becomes a record of its own, never written over this one.
		if (!this.#replacing && this.ready && this.#db && this.mode !== 'memory' && design.id !== this.#shownId) {
			this.#shownId = design.id;
			this.#adopting = this.#adoptForeign(design);
			return;
		}
		if (this.mode !== 'library') return;
		if (this.#adopting) this.#adoptPending = design;
		else if (this.#saver) this.#saver.schedule(design);
		else if (!this.ready) this.#early = design;
	}

	async #adoptForeign(design: Design): Promise<void> {
		const db = this.#db!;
		const old = this.#saver;
		this.#saver = null;
		this.mode = 'library';
		this.#editor!.readOnly = false;
		this.#adoptPending = null;
		try {
			if (old) {
				await old.flush();
				old.dispose();
				const untouched = this.#disposableId !== null && this.#disposableId === old.latest()?.id && !old.dirty;
				if (untouched) await lib.deleteDesign(db, this.#disposableId!).catch(() => {});
				const mine = old.latest();
				if (old.dirty && mine) await lib.createDesign(db, { ...mine, id: newId(), name: `${mine.name} (unsaved changes)`.slice(0, LIMITS.labelChars) });
			}
			const existing = await lib.getSummary(db, design.id);
			if (existing && existing.deletedAt === undefined) {
				// Back to a design of the library (undo across designs): follow its record.
				const r = await lib.loadDesign(db, design.id);
				if (!r.ok) throw new Error(r.errors[0]);
				this.#attach(r.design, r.summary);
				this.#saver!.schedule(design);
			} else {
				const { design: d, summary } = await lib.createDesign(db, design);
				this.#attach(d, summary);
				this.#disposableId = d.id;
				if (d.id !== design.id) this.#show(d, { resetHistory: false, label: 'Save to library' });
			}
			if (this.#adoptPending) this.#saver!.schedule(this.#adoptPending);
			this.#tabs?.announceLibraryChanged();
			await this.refresh();
		} catch (e) {
			this.problem = { text: `This design is open but could not be saved: ${describeStorageError(e).message}`, offerFile: true };
		} finally {
			this.#adopting = null;
			this.#adoptPending = null;
		}
	}

	#attach(design: Design, summary: DesignSummary) {
		this.#saver?.dispose();
		const db = this.#db!;
		this.#saver = new Autosaver({
			revision: summary.revision,
			saved: design,
			delayMs: this.#opts?.autosaveDelayMs,
			write: async (d, base) => (await lib.saveDesign(db, d, base)).revision,
			onSaved: (revision, d) => {
				if (d.id === this.#disposableId) this.#disposableId = null;
				this.#tabs?.announceSaved(d.id, revision);
				if (this.problem?.offerFile) this.problem = null;
				void this.refresh();
			},
			onStatus: (s, err) => {
				this.saveStatus = s;
				if (s === 'stale') this.conflict = describeStorageError(err).problem === 'deleted' ? 'deleted' : 'stale';
				else if (s === 'error') this.problem = { text: describeStorageError(err).message, offerFile: true };
			}
		});
		this.saveStatus = 'saved';
		this.conflict = null;
		this.mode = 'library';
		if (this.#editor) this.#editor.readOnly = false;
		this.currentId = design.id;
		this.#shownId = design.id;
		lib.setSetting(db, lib.SETTING_LAST_OPENED, design.id).catch(() => {});
	}

	/** Open a saved design (after saving the one open now). */
	async open(id: string, { quiet = false } = {}): Promise<boolean> {
		if (!this.#db) return false;
		if (!(await this.#letGo())) return false;
		const r = await lib.loadDesign(this.#db, id);
		if (!r.ok) {
			if (!quiet) this.problem = { text: `That design could not be opened: ${r.errors[0]}` };
			return false;
		}
		if (r.summary.deletedAt !== undefined) return false;
		this.#attach(r.design, r.summary);
		this.#show(r.design);
		if (r.warnings.length && !quiet) this.notice = { text: `Opened with ${r.warnings.length} fix(es): ${r.warnings[0]}` };
		return true;
	}

	/**
	 * Before another design replaces the open one: save it, and if that cannot happen,
	 * keep its changes as a copy (conflict) or stay on it (storage failing).
	 */
	async #letGo(): Promise<boolean> {
		const saver = this.#saver;
		if (!saver || this.mode !== 'library') return true;
		await saver.flush();
		if (!saver.dirty) return true;
		const mine = saver.latest();
		if (saver.status === 'stale' && mine && this.#db) {
			try {
				const copy = { ...mine, id: newId(), name: `${mine.name} (unsaved changes)`.slice(0, LIMITS.labelChars) };
				await lib.createDesign(this.#db, copy);
				this.notice = { text: `Your unsaved changes were kept as “${copy.name}”.` };
				return true;
			} catch {
				// fall through: stay on the design
			}
		}
		this.problem = { text: 'The open design has changes that could not be saved. Download it as a file first.', offerFile: true };
		return false;
	}

	async #createAndOpen(design: Design): Promise<Design> {
		const { design: d, summary } = await lib.createDesign(this.#db!, design);
		this.#attach(d, summary);
		this.#show(d);
		this.#tabs?.announceLibraryChanged();
		await this.refresh();
		return d;
	}

	/** Save `design` as a new library entry and open it; in memory mode, just show it. */
	async #adopt(design: Design, what: string): Promise<void> {
		if (!this.#db) {
			this.mode = 'memory';
			this.#editor!.readOnly = false;
			this.#show(design);
			return;
		}
		try {
			if (!(await this.#letGo())) return;
			await this.#createAndOpen(design);
		} catch (e) {
			this.#show(design);
			this.#toMemory(e);
			this.problem = { text: `${what} is open but could not be saved: ${describeStorageError(e).message}`, offerFile: true };
		}
	}

	async newDesign(): Promise<void> {
		await this.#started.catch(() => {});
		return this.#adopt(blank(), 'The new design');
	}

	/** Open a design made elsewhere (a template, a challenge) as a new library entry. */
	async openAsNew(design: Design, what = 'The design'): Promise<void> {
		await this.#started.catch(() => {});
		return this.#adopt({ ...design, id: newId() }, what);
	}

	/** Keep a copy of what is on screen (a shared link's design, or this tab's side of a conflict). */
	async saveCopy(): Promise<void> {
		const current = this.#saver?.latest() ?? this.#editor!.design;
		const copy = { ...structuredClone($state.snapshot(current) as Design), id: newId() };
		if (this.mode === 'library') copy.name = `${copy.name} (copy)`.slice(0, LIMITS.labelChars);
		// The copy carries this tab's unsaved side, so the open record is let go as it is.
		if (this.conflict) {
			this.#saver?.dispose();
			this.#saver = null;
		}
		await this.#adopt(copy, 'The copy');
	}

	/** Drop this tab's unsaved changes and show what storage holds (after a conflict). */
	async reload(): Promise<void> {
		const id = this.currentId;
		this.conflict = null;
		// The user chose theirs over ours: this tab's unsaved side is dropped on purpose.
		this.#saver?.dispose();
		this.#saver = null;
		if (id && (await this.open(id, { quiet: true }))) return;
		await this.#openStartDesign();
	}

	async #otherTabSaved(id: string, revision: number) {
		const saver = this.#saver;
		if (this.mode !== 'library' || !saver || !this.#db) return;
		const d = decide({ id: this.currentId ?? '', revision: saver.revision, dirty: saver.dirty }, { type: 'saved', id, revision, from: '' });
		if (d === 'stale') this.conflict = 'stale';
		if (d !== 'follow') return;
		const r = await lib.loadDesign(this.#db, id);
		// Check again: a change may have come in while loading.
		if (!r.ok || saver.dirty || this.currentId !== id) return;
		if (r.summary.deletedAt !== undefined) {
			this.conflict = 'deleted';
			return;
		}
		saver.reset(r.design, r.summary.revision);
		this.conflict = null;
		this.#show(r.design);
	}

	// ---- library actions -------------------------------------------------------------

	async rename(id: string, name: string): Promise<void> {
		const clean = name.trim().slice(0, LIMITS.labelChars);
		if (!clean || !this.#db) return;
		// The open design is renamed through its own autosave, so revisions stay in step.
		if (id === this.currentId && this.mode === 'library') {
			const ed = this.#editor as EditorLike & { update?: (label: string, fn: (d: Design) => Design) => void };
			if (ed.update) ed.update('Rename design', (d) => ({ ...d, name: clean }));
			else this.#show({ ...ed.design, name: clean }, { resetHistory: false, label: 'Rename design' });
			await this.flush();
		} else await this.#run(() => lib.renameDesign(this.#db!, id, clean));
		await this.refresh();
	}

	async duplicate(id: string): Promise<void> {
		if (!this.#db) return;
		if (id === this.currentId) await this.flush();
		await this.#run(() => lib.duplicateDesign(this.#db!, id));
		await this.refresh();
	}

	async remove(id: string): Promise<void> {
		if (!this.#db) return;
		const name = this.items.find((s) => s.id === id)?.name ?? 'design';
		const wasOpen = id === this.currentId;
		if (wasOpen) await this.flush();
		if (!(await this.#run(() => lib.deleteDesign(this.#db!, id)))) return;
		await this.refresh();
		if (wasOpen) {
			this.#saver?.dispose();
			this.#saver = null;
			await this.#openStartDesign();
		}
		this.notice = { text: `Deleted “${name}”.`, undo: () => void this.undelete(id, wasOpen) };
	}

	async undelete(id: string, reopen: boolean): Promise<void> {
		if (!this.#db) return;
		this.notice = null;
		if (!(await this.#run(() => lib.undeleteDesign(this.#db!, id)))) return;
		await this.refresh();
		if (reopen) await this.open(id);
	}

	/** Runs a library write; a failure becomes the one message shown. */
	async #run(f: () => Promise<unknown>): Promise<boolean> {
		try {
			const r = await f();
			// A rename or delete is a new revision: a tab showing that design follows it.
			const s = r as Partial<DesignSummary> | undefined;
			if (s && typeof s.id === 'string' && typeof s.revision === 'number') this.#tabs?.announceSaved(s.id, s.revision);
			else this.#tabs?.announceLibraryChanged();
			return true;
		} catch (e) {
			this.problem = { text: describeStorageError(e).message };
			return false;
		}
	}

	#toMemory(e: unknown) {
		this.#db = null;
		this.mode = 'memory';
		this.problem = { text: describeStorageError(e).message, offerFile: true };
	}

	#closeForUpgrade() {
		void this.flush().finally(() => {
			this.#db?.close();
			this.#db = null;
			this.mode = 'memory';
			this.problem = { text: 'A newer Loadbearing opened in another tab needs the storage. Reload this tab to keep saving.', offerFile: true };
		});
	}

	// ---- files and links -------------------------------------------------------------

	/** Import a picked or dropped file as a new design; a bad file changes nothing. */
	async importFile(file: File): Promise<boolean> {
		await this.#started.catch(() => {});
		const r = await readDesignFile(file);
		if (!r.ok) {
			this.problem = { text: r.error };
			return false;
		}
		this.problem = null;
		await this.#adopt({ ...r.design, id: newId() }, 'The imported design');
		if (r.warnings.length) this.notice = { text: `Imported with ${r.warnings.length} fix(es): ${r.warnings[0]}` };
		return true;
	}

	#current(): Design {
		return this.#saver?.latest() ?? ($state.snapshot(this.#editor!.design) as Design);
	}

	exportJson() {
		downloadDesign(this.#current());
	}

	exportSvg() {
		const d = this.#current();
		downloadBlob(new Blob([designToSvg(d)], { type: 'image/svg+xml' }), fileNameFor(d, 'svg'));
	}

	async exportPng() {
		const d = this.#current();
		try {
			downloadBlob(await svgToPng(designToSvg(d)), fileNameFor(d, 'png'));
		} catch (e) {
			this.problem = { text: `The PNG could not be made: ${e instanceof Error ? e.message : String(e)}. Try the SVG.` };
		}
	}

	share(): Promise<LinkResult> {
		const base = typeof location !== 'undefined' ? location.origin + location.pathname : 'http://localhost/';
		return shareLink(this.#current(), base);
	}

	dismissProblem() {
		this.problem = null;
	}
}

const KEY = Symbol('loadbearing:library');

export function setLibrary(store: LibraryStore): LibraryStore {
	return setContext(KEY, store);
}

/** The library, or undefined where there is none (the editor alone, in tests). */
export function tryGetLibrary(): LibraryStore | undefined {
	return getContext<LibraryStore | undefined>(KEY);
}

export function getLibrary(): LibraryStore {
	const s = getContext<LibraryStore | undefined>(KEY);
	if (!s) throw new Error('getLibrary() was called outside the app: render this component inside the page that calls setLibrary().');
	return s;
}
