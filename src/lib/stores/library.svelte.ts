// The library as the UI sees it: the saved designs, the open one, its save status, and
// what to tell the user. This part starts the library (storage, other tabs, the journal of
// a closed tab's last edits, the first design) and holds the user's actions on the list,
// files and links; the open design's life (autosave, adopting, following other tabs) is
// LibrarySession's (library/session.svelte.ts).
import { getContext, setContext } from 'svelte';
import { LIMITS, newId, type Design } from '$lib/model';
import { openDesignDb } from '$lib/persistence/db';
import * as lib from '$lib/persistence/designs';
import { flushOnPageHide } from '$lib/persistence/autosave';
import { TabCoordinator } from '$lib/persistence/tabs';
import type { LinkResult } from '$lib/share/link';
import { LibraryActions } from './library/actions.svelte';
import { Journal } from './library/journal';
import { blank, type EditorLike, type StartOptions } from './library/types';

export { blank };
export type { EditorLike, LibraryMode, Notice, Problem, StartOptions } from './library/types';

// Links and files (decode, encode, read, download) load when first used, not with the page.
const links = () => import('$lib/share/link');
const files = () => import('$lib/share/file');

const PURGE_AFTER_MS = 30 * 24 * 3600 * 1000;

export class LibraryStore extends LibraryActions {
	#cleanup: (() => void)[] = [];

	start(editor: EditorLike, opts: StartOptions): Promise<void> {
		// A file imported (or a template opened) in the first moments after load must wait
		// for the start-up design to be shown, or start-up would put that one over it.
		this.started = this.#start(editor, opts);
		return this.started;
	}

	async #start(editor: EditorLike, opts: StartOptions): Promise<void> {
		this.editor = editor;
		this.opts = opts;
		this.#cleanup.push(editor.onChange((d) => this.changed(d)));
		this.journal = new Journal(Math.random().toString(36).slice(2), opts.journal);
		if (typeof window !== 'undefined') this.#cleanup.push(flushOnPageHide(() => this.pageHidden()));
		try {
			this.db = await openDesignDb({ name: opts.dbName, onVersionChange: () => this.closeForUpgrade() });
		} catch (e) {
			this.toMemory(e);
		}
		if (this.db) {
			// Ask the browser not to evict the library under storage pressure (it may say no).
			globalThis.navigator?.storage?.persist?.().catch(() => {});
			await this.#recover();
			this.tabs = opts.tabs ?? new TabCoordinator();
			this.tabs.onSaved((m) => void this.otherTabSaved(m.id, m.revision));
			this.tabs.onLibraryChanged(() => void this.refresh());
			lib.purgeDeleted(this.db, PURGE_AFTER_MS).catch(() => {});
		}
		if (typeof window !== 'undefined') {
			// A link pasted into the address bar of an open tab changes only the fragment.
			const onHash = async () => {
				const h = location.hash;
				if (!h || !(await links()).isDesignFragment(h)) return;
				history.replaceState(history.state, '', location.pathname + location.search);
				void this.openLink(h);
			};
			window.addEventListener('hashchange', onHash);
			this.#cleanup.push(() => window.removeEventListener('hashchange', onHash));
		}
		const fragment = opts.fragment ?? '';
		if (fragment && (await links()).isDesignFragment(fragment) && (await this.openLink(fragment))) {
			await this.refresh();
			this.ready = true;
			return;
		}
		if (this.db) await this.openStartDesign();
		else if (!this.early) this.show(opts.firstDesign());
		this.ready = true;
	}

	/** Saves what closed tabs journalled: over the stored design if nobody saved it since, else beside it. */
	async #recover(): Promise<void> {
		const db = this.db!;
		const names: string[] = [];
		for (const { baseRevision, design, drop } of await this.journal!.orphans()) {
			try {
				const stored = await lib.getSummary(db, design.id);
				if (stored && stored.deletedAt === undefined && stored.revision === baseRevision) await lib.saveDesign(db, design, baseRevision);
				else {
					const cur = stored ? await lib.loadDesign(db, design.id) : null;
					// The closing tab's last write may have gone through after all.
					if (!(cur?.ok && JSON.stringify(cur.design) === JSON.stringify(design)))
						await lib.createDesign(db, { ...design, id: newId(), name: `${design.name} (recovered changes)`.slice(0, LIMITS.labelChars) });
				}
				drop();
				names.push(design.name);
			} catch {
				// Storage is failing: the journal stays for the next load.
			}
		}
		if (names.length === 0) return;
		this.notice = { text: `Recovered the last changes to “${names[0]}”${names.length > 1 ? ` and ${names.length - 1} more` : ''} from a tab that closed before saving.` };
		this.tabs?.announceLibraryChanged();
	}

	/** Show a shared link's design, read-only; a bad link changes nothing and says why. */
	async openLink(fragment: string): Promise<boolean> {
		const r = await (await links()).decodeDesign(fragment);
		if (!r.ok) {
			this.problem = { text: r.error };
			return false;
		}
		if (!(await this.letGo())) return false;
		this.saver?.dispose();
		this.saver = null;
		this.mode = 'shared';
		this.currentId = null;
		this.conflict = null;
		this.show(r.design);
		this.editor!.readOnly = true;
		return true;
	}

	dispose() {
		this.saver?.dispose();
		this.journal?.close();
		this.tabs?.close();
		for (const f of this.#cleanup) f();
		this.db?.close();
	}

	// ---- the open design -------------------------------------------------------------

	// ---- library actions -------------------------------------------------------------

	// ---- files and links -------------------------------------------------------------

	/** Import a picked or dropped file as a new design; a bad file changes nothing. */
	async importFile(file: File): Promise<boolean> {
		await this.started.catch(() => {});
		const r = await (await files()).readDesignFile(file);
		if (!r.ok) {
			this.problem = { text: r.error };
			return false;
		}
		this.problem = null;
		await this.adopt({ ...r.design, id: newId() }, 'The imported design');
		if (r.warnings.length) this.notice = { text: `Imported with ${r.warnings.length} fix(es): ${r.warnings[0]}` };
		return true;
	}

	#current(): Design {
		return this.saver?.latest() ?? ($state.snapshot(this.editor!.design) as Design);
	}

	async exportJson() {
		const d = this.#current();
		(await files()).downloadDesign(d);
	}

	// The image exporter loads when first used, not with the page.
	async exportSvg() {
		const d = this.#current();
		const [{ designToSvg }, { downloadBlob, fileNameFor }] = await Promise.all([import('$lib/share/image'), files()]);
		downloadBlob(new Blob([designToSvg(d)], { type: 'image/svg+xml' }), fileNameFor(d, 'svg'));
	}

	async exportPng() {
		const d = this.#current();
		try {
			const [{ designToSvg, svgToPng }, { downloadBlob, fileNameFor }] = await Promise.all([import('$lib/share/image'), files()]);
			downloadBlob(await svgToPng(designToSvg(d)), fileNameFor(d, 'png'));
		} catch (e) {
			this.problem = { text: `The PNG could not be made: ${e instanceof Error ? e.message : String(e)}. Try the SVG.` };
		}
	}

	async share(): Promise<LinkResult> {
		const base = typeof location !== 'undefined' ? location.origin + location.pathname : 'http://localhost/';
		const d = this.#current();
		return (await links()).shareLink(d, base);
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
