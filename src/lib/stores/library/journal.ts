// The last edits of a closing tab. `pagehide` can start an IndexedDB transaction but nothing
// waits for it: a closed tab lost up to a second of work. localStorage writes are synchronous,
// so on pagehide (and when the tab is hidden) the unsaved design is journalled there, under
// this tab's id, and cleared once autosave has stored it. The next load takes the journals of
// tabs that are gone (each live tab holds a Web Lock named after it) and saves them: over
// the stored design if nobody saved it since, else as a copy, so no revision is overwritten.
import { restoreDesign, type Design } from '$lib/model';

const PREFIX = 'loadbearing:unsaved:';
const LOCK_PREFIX = 'loadbearing-tab:';

export interface JournalEntry {
	/** The revision the unsaved design was based on. */
	baseRevision: number;
	design: Design;
}

const storageOf = (s: Storage | null | undefined): Storage | null => {
	if (s !== undefined) return s;
	try {
		return typeof localStorage !== 'undefined' ? localStorage : null;
	} catch {
		return null; // storage disabled: there is nothing to journal to
	}
};

export class Journal {
	readonly #storage: Storage | null;
	readonly #key: string;
	#release: (() => void) | null = null;

	constructor(
		readonly tabId: string,
		storage?: Storage | null
	) {
		this.#storage = storageOf(storage);
		this.#key = PREFIX + tabId;
		// Held for the life of the page: a journal whose lock is held belongs to a live tab.
		const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
		locks
			?.request(LOCK_PREFIX + tabId, () => new Promise<void>((resolve) => (this.#release = resolve)))
			.catch(() => {});
	}

	write(entry: JournalEntry): void {
		try {
			this.#storage?.setItem(this.#key, JSON.stringify(entry));
		} catch {
			// Full or disabled: the async flush is then the only chance, as before.
		}
	}

	clear(): void {
		try {
			this.#storage?.removeItem(this.#key);
		} catch {
			/* nothing to clear */
		}
	}

	/** The journals of tabs that are no longer open (each restored: storage is untrusted); `drop` one once it is stored. */
	async orphans(): Promise<(JournalEntry & { drop: () => void })[]> {
		const s = this.#storage;
		if (!s) return [];
		let live = new Set<string>();
		try {
			const q = await navigator.locks?.query();
			live = new Set((q?.held ?? []).map((l) => (l.name ?? '').slice(LOCK_PREFIX.length)));
		} catch {
			/* no Web Locks: every journal but our own counts as orphaned */
		}
		const out: (JournalEntry & { drop: () => void })[] = [];
		for (const key of Object.keys(s)) {
			if (!key.startsWith(PREFIX) || key === this.#key || live.has(key.slice(PREFIX.length))) continue;
			const drop = () => s.removeItem(key);
			try {
				const raw = JSON.parse(s.getItem(key) ?? 'null') as Partial<JournalEntry> | null;
				const r = restoreDesign(raw?.design);
				if (r.ok && typeof raw?.baseRevision === 'number') out.push({ baseRevision: raw.baseRevision, design: r.design, drop });
				else drop();
			} catch {
				drop(); // a damaged journal is dropped
			}
		}
		return out;
	}

	close(): void {
		this.#release?.();
	}
}
