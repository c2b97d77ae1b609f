// The open design's life in the library: which record it is, its autosave, and what
// happens when another design takes its place or another tab saves it. Storage that fails
// never costs the design in memory, and never ends saving: writes retry with backoff.
import { LIMITS, newId, type Design } from '$lib/model';
import type { DB, DesignSummary } from '$lib/persistence/db';
import * as lib from '$lib/persistence/designs';
import { Autosaver, type SaveStatus } from '$lib/persistence/autosave';
import { describeStorageError } from '$lib/persistence/errors';
import { decide, type TabCoordinator } from '$lib/persistence/tabs';
import type { Journal } from './journal';
import type { EditorLike, LibraryMode, Notice, Problem, StartOptions } from './types';

export class LibrarySession {
	items = $state.raw<DesignSummary[]>([]);
	currentId = $state<string | null>(null);
	mode = $state<LibraryMode>('library');
	saveStatus = $state<SaveStatus>('saved');
	/** One thing gone wrong, in plain words (shown with role="alert"). */
	problem = $state.raw<Problem | null>(null);
	/** Another tab saved (or deleted) the open design while this one had changes. */
	conflict = $state<null | 'stale' | 'deleted'>(null);
	notice = $state.raw<Notice | null>(null);
	ready = $state(false);

	protected db: DB | null = null;
	protected editor: EditorLike | null = null;
	protected saver: Autosaver | null = null;
	protected tabs: TabCoordinator | null = null;
	protected journal: Journal | null = null;
	protected opts: StartOptions | null = null;
	/** An edit made before the library had opened a design (the first moments after load). */
	protected early: Design | null = null;
	/**
	 * A record the app made, not the user (the first visit's example, a template step):
	 * while nobody has edited it, it is let go when another design takes its place, so
	 * stepping through templates does not fill the library.
	 */
	protected disposableId: string | null = null;
	#replacing = false;
	/** Id of the design the library last put on screen. */
	#shownId: string | null = null;
	#adopting: Promise<void> | null = null;
	#adoptPending: Design | null = null;
	/**
	 * The revision of each design this tab last stored or loaded. Coming back to one (undo
	 * across designs) resumes from it, so a newer revision from another tab is a conflict,
	 * never overwritten.
	 */
	#seen = new Map<string, number>();

	get readOnly() {
		return this.mode === 'shared';
	}

	/** Refresh the list from storage (another tab changed it, or we did). */
	async refresh(): Promise<void> {
		if (!this.db) return;
		try {
			this.items = await lib.listDesigns(this.db);
		} catch (e) {
			this.problem = { text: describeStorageError(e).message, offerFile: true };
		}
	}

	/** Write what is pending now. */
	async flush(): Promise<void> {
		await this.#adopting;
		await this.saver?.flush();
	}

	/** The page is going away: journal what is unsaved synchronously, then try the async write. */
	protected pageHidden(): void {
		const s = this.saver;
		const latest = s?.latest();
		if (s && s.dirty && latest && this.mode === 'library') this.journal?.write({ baseRevision: s.revision, design: latest });
		void this.flush();
	}

	/** The library's own replacements (open, follow, copy) are not "a design from elsewhere". */
	protected show(design: Design, opts?: { resetHistory?: boolean; label?: string }) {
		this.#replacing = true;
		try {
			this.editor!.replaceDesign(design, opts);
		} finally {
			this.#replacing = false;
		}
		this.#shownId = design.id;
	}

	protected changed(design: Design) {
		// Another part of the app put a different design on screen (a template, a challenge,
		// an undo across designs): it becomes a record of its own, never written over this one.
		if (!this.#replacing && this.ready && this.db && this.mode !== 'memory' && design.id !== this.#shownId) {
			this.#shownId = design.id;
			this.#adopting = this.#adoptForeign(design);
			return;
		}
		if (this.mode !== 'library') return;
		if (this.#adopting) this.#adoptPending = design;
		else if (this.saver) this.saver.schedule(design);
		else if (!this.ready) this.early = design;
	}

	async #adoptForeign(design: Design): Promise<void> {
		const db = this.db!;
		const old = this.saver;
		this.saver = null;
		this.mode = 'library';
		this.editor!.readOnly = false;
		this.#adoptPending = null;
		try {
			if (old) {
				await old.flush();
				old.dispose();
				const untouched = this.disposableId !== null && this.disposableId === old.latest()?.id && !old.dirty;
				if (untouched) await lib.deleteDesign(db, this.disposableId!).catch(() => {});
				const mine = old.latest();
				if (old.dirty && mine) await lib.createDesign(db, { ...mine, id: newId(), name: `${mine.name} (unsaved changes)`.slice(0, LIMITS.labelChars) });
			}
			const existing = await lib.getSummary(db, design.id);
			if (existing && existing.deletedAt === undefined) {
				// Back to a design of the library (undo across designs): resume from the revision
				// this tab knew. If another tab saved since, the write is refused: a conflict.
				const r = await lib.loadDesign(db, design.id);
				if (!r.ok) throw new Error(r.errors[0]);
				this.attach(r.design, { ...r.summary, revision: this.#seen.get(design.id) ?? -1 });
				this.saver!.schedule(design);
			} else {
				const { design: d, summary } = await lib.createDesign(db, design);
				this.attach(d, summary);
				this.disposableId = d.id;
				if (d.id !== design.id) this.show(d, { resetHistory: false, label: 'Save to library' });
			}
			if (this.#adoptPending) this.saver!.schedule(this.#adoptPending);
			this.tabs?.announceLibraryChanged();
			await this.refresh();
		} catch (e) {
			// Not in storage yet: it will be, as a new record, when storage answers again.
			this.attachUnsaved({ ...(this.#adoptPending ?? design), id: newId() }, false);
			this.problem = { text: `This design is open but could not be saved yet: ${describeStorageError(e).message}`, offerFile: true };
		} finally {
			this.#adopting = null;
			this.#adoptPending = null;
		}
	}

	protected attach(design: Design, summary: DesignSummary, saved: Design | undefined = design) {
		this.saver?.dispose();
		const db = this.db!;
		this.#seen.set(design.id, summary.revision);
		this.saver = new Autosaver({
			revision: summary.revision,
			saved,
			delayMs: this.opts?.autosaveDelayMs,
			retryMs: this.opts?.retryMs,
			// Revision 0: not in storage yet (its creation failed); the first write creates it.
			write: async (d, base) => (base === 0 ? (await lib.createDesign(db, d)).summary : await lib.saveDesign(db, d, base)).revision,
			onSaved: (revision, d) => {
				this.#seen.set(d.id, revision);
				// A record created by a retry: it is the one to open next time.
				if (revision === 1 && d.id === this.currentId) lib.setSetting(db, lib.SETTING_LAST_OPENED, d.id).catch(() => {});
				if (d.id === this.disposableId) this.disposableId = null;
				if (!this.saver?.dirty) this.journal?.clear();
				this.tabs?.announceSaved(d.id, revision);
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
		if (this.editor) this.editor.readOnly = false;
		this.currentId = design.id;
		this.#shownId = design.id;
		lib.setSetting(db, lib.SETTING_LAST_OPENED, design.id).catch(() => {});
	}

	/** A design whose record could not be created: autosave creates it, retrying until storage answers. */
	protected attachUnsaved(design: Design, resetHistory = true) {
		this.attach(design, { revision: 0 } as DesignSummary, undefined);
		this.show(design, { resetHistory, label: 'Open design' });
		this.saver!.schedule(design);
	}

	/** Open a saved design (after saving the one open now). */
	async open(id: string, { quiet = false } = {}): Promise<boolean> {
		if (!this.db) return false;
		if (!(await this.letGo())) return false;
		const r = await lib.loadDesign(this.db, id);
		if (!r.ok) {
			if (!quiet) this.problem = { text: `That design could not be opened: ${r.errors[0]}` };
			return false;
		}
		if (r.summary.deletedAt !== undefined) return false;
		this.attach(r.design, r.summary);
		this.show(r.design);
		if (r.warnings.length && !quiet) this.notice = { text: `Opened with ${r.warnings.length} fix(es): ${r.warnings[0]}` };
		return true;
	}

	/**
	 * Before another design replaces the open one: save it, and if that cannot happen,
	 * keep its changes as a copy (conflict) or stay on it (storage failing).
	 */
	protected async letGo(): Promise<boolean> {
		const saver = this.saver;
		if (!saver || this.mode !== 'library') return true;
		await saver.flush();
		if (!saver.dirty) return true;
		const mine = saver.latest();
		if (saver.status === 'stale' && mine && this.db) {
			try {
				const copy = { ...mine, id: newId(), name: `${mine.name} (unsaved changes)`.slice(0, LIMITS.labelChars) };
				await lib.createDesign(this.db, copy);
				this.notice = { text: `Your unsaved changes were kept as “${copy.name}”.` };
				return true;
			} catch {
				// fall through: stay on the design
			}
		}
		this.problem = { text: 'The open design has changes that could not be saved. Download it as a file first.', offerFile: true };
		return false;
	}

	protected async createAndOpen(design: Design): Promise<Design> {
		const { design: d, summary } = await lib.createDesign(this.db!, design);
		this.attach(d, summary);
		this.show(d);
		this.tabs?.announceLibraryChanged();
		await this.refresh();
		return d;
	}

	/** Save `design` as a new library entry and open it; in memory mode, just show it. */
	protected async adopt(design: Design, what: string): Promise<void> {
		if (!this.db) {
			this.mode = 'memory';
			this.editor!.readOnly = false;
			this.show(design);
			return;
		}
		if (!(await this.letGo())) return;
		try {
			await this.createAndOpen(design);
		} catch (e) {
			// The design stays on screen and saving goes on: its record is created on a retry.
			this.attachUnsaved(design);
			this.problem = { text: `${what} is open but could not be saved yet: ${describeStorageError(e).message}`, offerFile: true };
		}
	}

	protected async otherTabSaved(id: string, revision: number) {
		const saver = this.saver;
		if (this.mode !== 'library' || !saver || !this.db) return;
		const d = decide({ id: this.currentId ?? '', revision: saver.revision, dirty: saver.dirty }, { type: 'saved', id, revision, from: '' });
		if (d === 'stale') this.conflict = 'stale';
		if (d !== 'follow') return;
		const r = await lib.loadDesign(this.db, id);
		// Check again: a change may have come in while loading.
		if (!r.ok || saver.dirty || this.currentId !== id) return;
		if (r.summary.deletedAt !== undefined) {
			this.conflict = 'deleted';
			return;
		}
		saver.reset(r.design, r.summary.revision);
		this.#seen.set(id, r.summary.revision);
		this.conflict = null;
		// The other tab's change is one more step of this tab's history: undo still works.
		this.show(r.design, { resetHistory: false, label: 'Changes from another tab' });
	}

	protected toMemory(e: unknown) {
		this.db = null;
		this.mode = 'memory';
		this.problem = { text: describeStorageError(e).message, offerFile: true };
	}

	protected closeForUpgrade() {
		void this.flush().finally(() => {
			this.db?.close();
			this.db = null;
			this.mode = 'memory';
			this.problem = { text: 'A newer Loadbearing opened in another tab needs the storage. Reload this tab to keep saving.', offerFile: true };
		});
	}
}
