// Autosave: every change is written within `maxWaitMs` (a second), quiet typing within
// `delayMs`, one write in flight at a time, the latest state always wins. Identical
// content is never written twice, which also stops two tabs that follow each other from
// echoing saves back and forth. A refused (stale) write stops autosave until the user
// chooses: nothing is ever overwritten silently. Any other failure is retried with
// exponential backoff, for as long as it takes: one bad moment never ends saving.
import type { Design } from '$lib/model';
import { StaleRevisionError } from './errors';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'stale';

export interface AutosaverOptions {
	/** Writes `design` over `baseRevision`; resolves to the new revision. */
	write: (design: Design, baseRevision: number) => Promise<number>;
	revision: number;
	/** The content already stored (so opening a design does not write it back). */
	saved?: Design;
	delayMs?: number;
	maxWaitMs?: number;
	/** First retry after a failed write; doubles up to MAX_RETRY_MS. */
	retryMs?: number;
	onStatus?: (status: SaveStatus, error?: unknown) => void;
	onSaved?: (revision: number, design: Design) => void;
}

/** Retries never wait longer than this. */
export const MAX_RETRY_MS = 30_000;

export class Autosaver {
	#opts: AutosaverOptions;
	#revision: number;
	#savedJson: string | null;
	#pendingJson: string | null = null;
	/** What the write in flight carries: newer than what is stored until it lands. */
	#writingJson: string | null = null;
	#debounce: ReturnType<typeof setTimeout> | undefined;
	#maxWait: ReturnType<typeof setTimeout> | undefined;
	#inFlight: Promise<void> | null = null;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#failures = 0;
	#status: SaveStatus = 'saved';
	#stopped = false;

	constructor(opts: AutosaverOptions) {
		this.#opts = opts;
		this.#revision = opts.revision;
		this.#savedJson = opts.saved ? JSON.stringify(opts.saved) : null;
	}

	get revision() {
		return this.#revision;
	}
	get status() {
		return this.#status;
	}
	/** True while some change is not yet in storage. */
	get dirty() {
		return this.#pendingJson !== null || this.#inFlight !== null;
	}
	/** The newest content, saved or not (JSON-clean: no proxies, no undefined). */
	latest(): Design | null {
		const j = this.#pendingJson ?? this.#writingJson ?? this.#savedJson;
		return j ? (JSON.parse(j) as Design) : null;
	}

	#set(status: SaveStatus, error?: unknown) {
		this.#status = status;
		this.#opts.onStatus?.(status, error);
	}

	/** Note a change; it will be written soon. */
	schedule(design: Design): void {
		const json = JSON.stringify(design);
		if (json === (this.#pendingJson ?? this.#savedJson)) return;
		this.#pendingJson = json;
		if (this.#stopped) return;
		if (this.#status !== 'saving') this.#set('pending');
		clearTimeout(this.#debounce);
		this.#debounce = setTimeout(() => void this.flush(), this.#opts.delayMs ?? 300);
		this.#maxWait ??= setTimeout(() => void this.flush(), this.#opts.maxWaitMs ?? 1000);
	}

	/** Write what is pending now (page hidden, design switched); resolves when stored or failed. */
	async flush(): Promise<void> {
		this.#clearTimers();
		while (this.#inFlight) await this.#inFlight;
		if (this.#pendingJson === null || this.#stopped) return;
		const json = this.#pendingJson;
		this.#pendingJson = null;
		this.#writingJson = json;
		this.#inFlight = this.#write(json);
		try {
			await this.#inFlight;
		} finally {
			this.#inFlight = null;
			this.#writingJson = null;
		}
		// Changes that arrived while writing go out at once.
		if (this.#pendingJson !== null && this.#status === 'saving') await this.flush();
		else if (this.#status === 'saving') this.#set('saved');
	}

	async #write(json: string): Promise<void> {
		this.#set('saving');
		const design = JSON.parse(json) as Design;
		try {
			this.#revision = await this.#opts.write(design, this.#revision);
			this.#failures = 0;
			this.#savedJson = json;
			this.#opts.onSaved?.(this.#revision, design);
		} catch (e) {
			// Keep the unsaved content: it is what the user sees and may download or fork.
			this.#pendingJson ??= json;
			if (e instanceof StaleRevisionError) this.#stopped = true;
			else this.#scheduleRetry();
			this.#set(e instanceof StaleRevisionError ? 'stale' : 'error', e);
		}
	}

	#scheduleRetry() {
		const wait = Math.min(MAX_RETRY_MS, (this.#opts.retryMs ?? 1000) * 2 ** this.#failures++);
		clearTimeout(this.#retry);
		this.#retry = setTimeout(() => {
			this.#retry = undefined;
			void this.flush();
		}, wait);
	}

	#clearTimers() {
		clearTimeout(this.#debounce);
		clearTimeout(this.#maxWait);
		clearTimeout(this.#retry);
		this.#debounce = this.#maxWait = this.#retry = undefined;
	}

	/** Start over from stored content (opened another design, or followed another tab). */
	reset(saved: Design, revision: number): void {
		this.#clearTimers();
		this.#failures = 0;
		this.#pendingJson = null;
		this.#savedJson = JSON.stringify(saved);
		this.#revision = revision;
		this.#stopped = false;
		this.#set('saved');
	}

	/** Stop writing (read-only view, or the tab is closing after a final flush). */
	dispose(): void {
		this.#clearTimers();
		this.#stopped = true;
	}
}

/** Flushes when the page is hidden or closed: a killed tab loses at most the last second. */
export function flushOnPageHide(flush: () => void, target: Window = window): () => void {
	const onHide = () => flush();
	const onVisibility = () => {
		if (target.document.visibilityState === 'hidden') flush();
	};
	target.addEventListener('pagehide', onHide);
	target.document.addEventListener('visibilitychange', onVisibility);
	return () => {
		target.removeEventListener('pagehide', onHide);
		target.document.removeEventListener('visibilitychange', onVisibility);
	};
}
