// The library store's vocabulary, shared by its parts and the UI.
import { DESIGN_FORMAT, DESIGN_VERSION, newId, type Design } from '$lib/model';
import type { TabCoordinator } from '$lib/persistence/tabs';

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
	/** First retry after a failed save (doubling from there); tests shorten it. */
	retryMs?: number;
	/** Where unsaved changes are journalled when the page goes away (default localStorage). */
	journal?: Storage | null;
}

export function blank(name = 'Untitled design'): Design {
	return { format: DESIGN_FORMAT, version: DESIGN_VERSION, id: newId(), name, nodes: [], edges: [] };
}
