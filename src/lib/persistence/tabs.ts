// Two tabs, one library. Each save is announced on a BroadcastChannel; a tab showing the
// same design follows it (reloads) when it has nothing unsaved, and otherwise says it is
// stale. The revision check in designs.ts is the real guard: this only makes it friendly.

export type TabMessage =
	| { type: 'saved'; id: string; revision: number; from: string }
	| { type: 'library'; from: string };

/** The part of BroadcastChannel we use; tests pass a pair of linked fakes. */
export interface Channel {
	postMessage(msg: unknown): void;
	addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
	close(): void;
}

export const CHANNEL_NAME = 'loadbearing-designs';

export type FollowDecision = 'ignore' | 'follow' | 'stale';

/** What a tab should do about another tab's save. */
export function decide(open: { id: string; revision: number; dirty: boolean } | null, msg: TabMessage): FollowDecision {
	if (!open || msg.type !== 'saved' || msg.id !== open.id || msg.revision <= open.revision) return 'ignore';
	return open.dirty ? 'stale' : 'follow';
}

function isMessage(v: unknown): v is TabMessage {
	if (!v || typeof v !== 'object') return false;
	const m = v as Record<string, unknown>;
	if (typeof m.from !== 'string') return false;
	if (m.type === 'library') return true;
	return m.type === 'saved' && typeof m.id === 'string' && typeof m.revision === 'number';
}

export class TabCoordinator {
	readonly tabId: string;
	#channel: Channel | null;
	#onSaved = new Set<(m: Extract<TabMessage, { type: 'saved' }>) => void>();
	#onLibrary = new Set<() => void>();

	constructor(channel?: Channel | null, tabId = Math.random().toString(36).slice(2)) {
		this.tabId = tabId;
		this.#channel =
			channel !== undefined ? channel : typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
		this.#channel?.addEventListener('message', (e) => this.#receive(e.data));
	}

	#receive(data: unknown) {
		if (!isMessage(data) || data.from === this.tabId) return;
		if (data.type === 'saved') for (const f of this.#onSaved) f(data);
		// Any save also changes the library's order and thumbnails.
		for (const f of this.#onLibrary) f();
	}

	announceSaved(id: string, revision: number) {
		this.#channel?.postMessage({ type: 'saved', id, revision, from: this.tabId } satisfies TabMessage);
	}

	announceLibraryChanged() {
		this.#channel?.postMessage({ type: 'library', from: this.tabId } satisfies TabMessage);
	}

	onSaved(f: (m: Extract<TabMessage, { type: 'saved' }>) => void): () => void {
		this.#onSaved.add(f);
		return () => this.#onSaved.delete(f);
	}

	onLibraryChanged(f: () => void): () => void {
		this.#onLibrary.add(f);
		return () => this.#onLibrary.delete(f);
	}

	close() {
		this.#channel?.close();
		this.#onSaved.clear();
		this.#onLibrary.clear();
	}
}
