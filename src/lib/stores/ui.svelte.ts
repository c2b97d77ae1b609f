// Chrome around the editor: theme, which side panel is open, the help sheet, the dock.
import { getContext, setContext } from 'svelte';

export type Theme = 'light' | 'dark';
/** Panels other helpers add (library, templates, challenges, estimator, review, share). */
export type PanelName = 'library' | 'templates' | 'challenges' | 'estimator' | 'review' | 'share' | 'analyse' | 'compare';
/** On a phone the palette, the inspector (or open panel) and the dock are bottom sheets. */
export type SheetName = 'palette' | 'inspector' | 'dock';

/** Below this width the layout is the phone's: canvas full screen, the rest in sheets. */
export const COMPACT_QUERY = '(max-width: 760px)';
/** Tablet widths: the palette is an icon rail and the inspector slides over the canvas. */
export const TABLET_QUERY = '(min-width: 761px) and (max-width: 1100px)';
/** A narrow laptop window: the desktop layout, but the top bar would wrap into three rows. */
export const TIGHT_BAR_QUERY = '(min-width: 1101px) and (max-width: 1279px)';

const THEME_KEY = 'loadbearing:theme';
const DOCK_KEY = 'loadbearing:dock-height';
/** The run dock's body: never shorter than a chart, never taller than leaves the canvas usable. */
export const DOCK_MIN = 160;
export const dockMax = () => Math.max(DOCK_MIN, (typeof window === 'undefined' ? 900 : window.innerHeight) - 220);

export class UiStore {
	theme = $state<Theme>(readTheme());
	helpOpen = $state(false);
	/** The command menu (Ctrl+K). */
	commandMenuOpen = $state(false);
	dockOpen = $state(false);
	/** The dock body's height in px (null: the default, a share of the window); remembered. */
	dockHeight = $state<number | null>(readDockHeight());
	/** The side panel shown over the inspector, if any. */
	panel = $state<PanelName | null>(null);
	/** Phone layout (see COMPACT_QUERY), kept in step with the window. */
	compact = $state(false);
	/** Tablet layout (see TABLET_QUERY), kept in step with the window. */
	tablet = $state(false);
	/** The top bar keeps the tablet's two rows (TIGHT_BAR_QUERY) in the desktop layout. */
	tightBar = $state(false);
	/** The open bottom sheet in the phone layout. */
	sheet = $state<SheetName | null>(null);

	constructor() {
		if (typeof window !== 'undefined' && window.matchMedia) {
			const mq = window.matchMedia(COMPACT_QUERY);
			this.compact = mq.matches;
			mq.addEventListener?.('change', (e) => (this.compact = e.matches));
			const tq = window.matchMedia(TABLET_QUERY);
			this.tablet = tq.matches;
			tq.addEventListener?.('change', (e) => (this.tablet = e.matches));
			const bq = window.matchMedia(TIGHT_BAR_QUERY);
			this.tightBar = bq.matches;
			bq.addEventListener?.('change', (e) => (this.tightBar = e.matches));
		}
		// Without a saved choice the theme follows the system, also when it changes later.
		if (typeof window === 'undefined' || !window.matchMedia) return;
		window.matchMedia('(prefers-color-scheme: dark)').addEventListener?.('change', (e) => {
			if (savedTheme() === null) this.#apply(e.matches ? 'dark' : 'light');
		});
	}

	#apply(t: Theme): void {
		this.theme = t;
		if (typeof document !== 'undefined') document.documentElement.dataset.theme = t;
	}

	setTheme(t: Theme): void {
		this.#apply(t);
		try {
			localStorage.setItem(THEME_KEY, t);
		} catch {
			// Private mode or storage blocked: the choice lasts for this visit.
		}
	}

	toggleTheme(): void {
		this.setTheme(this.theme === 'dark' ? 'light' : 'dark');
	}

	togglePanel(p: PanelName): void {
		this.panel = this.panel === p ? null : p;
		// On a phone a panel opens in the inspector's sheet.
		if (this.compact) this.sheet = this.panel ? 'inspector' : null;
	}

	setDockHeight(h: number): void {
		this.dockHeight = Math.round(Math.min(dockMax(), Math.max(DOCK_MIN, h)));
		try {
			localStorage.setItem(DOCK_KEY, String(this.dockHeight));
		} catch {
			// Storage blocked: the height lasts for this visit.
		}
	}

	toggleSheet(s: SheetName): void {
		this.sheet = this.sheet === s ? null : s;
		if (s === 'dock' && this.sheet === 'dock') this.dockOpen = true;
	}
}

function readDockHeight(): number | null {
	try {
		const v = Number(localStorage.getItem(DOCK_KEY));
		return Number.isFinite(v) && v >= DOCK_MIN ? v : null;
	} catch {
		return null;
	}
}

function savedTheme(): string | null {
	try {
		return localStorage.getItem(THEME_KEY);
	} catch {
		return null;
	}
}

/** app.html has already chosen (saved choice, else the system's) before first paint. */
function readTheme(): Theme {
	if (typeof document === 'undefined') return 'light';
	return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

const KEY = Symbol('loadbearing:ui');
export const setUi = (ui: UiStore) => setContext(KEY, ui);
export function getUi(): UiStore {
	const ui = getContext<UiStore | undefined>(KEY);
	if (!ui) throw new Error('getUi() was called outside <AppShell>.');
	return ui;
}
