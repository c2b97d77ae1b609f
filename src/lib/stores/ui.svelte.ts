// Chrome around the editor: theme, which side panel is open, the help sheet, the dock.
import { getContext, setContext } from 'svelte';

export type Theme = 'light' | 'dark';
/** Panels other helpers add (library, templates, challenges, estimator, review, share). */
export type PanelName = 'library' | 'templates' | 'challenges' | 'estimator' | 'review' | 'share' | 'analyse' | 'compare';

const THEME_KEY = 'loadbearing:theme';

export class UiStore {
	theme = $state<Theme>(readTheme());
	helpOpen = $state(false);
	dockOpen = $state(false);
	/** The side panel shown over the inspector, if any. */
	panel = $state<PanelName | null>(null);

	constructor() {
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
