// The composition root: the one place the app's stores are made, provided to the component
// tree (Svelte context) and tied together. Routes and components only compose and render;
// a component that needs a store asks for it with getEditor(), getRun()…
import { EditorStore, setEditor } from '../editor.svelte';
import { OverlayStore, setOverlay } from '../overlay.svelte';
import { UiStore, setUi } from '../ui.svelte';
import { LibraryStore, setLibrary } from '../library.svelte';
import { RunStore, setRun } from '../run.svelte';
import { AnalyseStore, setAnalyse } from '../analyse.svelte';
import type { PracticeStore } from '../practice.svelte';
import { jobPool, lazySimBackend } from '../../bridge/browser';
import { exampleDesign } from '../../model/edit';
import { connectRun } from './runEffects.svelte';
import { connectRunBands } from './runBands.svelte';

/** What <AppShell> needs: the editor, the canvas overlay and the UI state. */
export interface ShellStores {
	editor: EditorStore;
	overlay: OverlayStore;
	ui: UiStore;
}

type PracticePanel = typeof import('../../components/Practice/PracticePanel.svelte').default;

export interface AppStores extends ShellStores {
	library: LibraryStore;
	run: RunStore;
	analyse: AnalyseStore;
	/**
	 * Practice (templates, challenges, estimator, review, their data and the check worker's
	 * client) is built the first time a practice panel opens, so start-up does not load it.
	 */
	loadPractice(): Promise<{ practice: PracticeStore; Panel: PracticePanel }>;
}

/** Make and provide the shell's stores (AppShell alone, as in component tests, or as part of the app). */
export function provideShellStores(): ShellStores {
	const stores = { editor: setEditor(new EditorStore()), overlay: setOverlay(new OverlayStore()), ui: setUi(new UiStore()) };
	// For browser tests and the console (read-only use, please).
	if (typeof window !== 'undefined') (window as unknown as { __loadbearing: unknown }).__loadbearing = stores;
	return stores;
}

/**
 * The whole app, called once during the page's initialisation: every store, provided to
 * the tree, and their effects (persistence starts, the run follows the editor, practice
 * opens designs through the library).
 */
export function createApp(opts: { fragment: string }): AppStores {
	const shell = provideShellStores();
	const library = setLibrary(new LibraryStore());
	const run = setRun(createRunStore());
	const analyse = setAnalyse(new AnalyseStore(jobPool));
	let practiceLoad: ReturnType<AppStores['loadPractice']> | null = null;
	const loadPractice = () =>
		(practiceLoad ??= Promise.all([
			import('../practice.svelte'),
			import('../../bridge/checks'),
			import('../../components/Practice/PracticePanel.svelte')
		]).then(([store, runner, panel]) => {
			const practice = new store.PracticeStore(runner.poolCheckRunner(jobPool));
			// Templates and challenges open as new library entries, never over the open design's record.
			practice.opener = (d, label) => void library.openAsNew(d, label.replace(/^Open /, 'The '));
			// A check's run shows in the dock's charts: the same design, run and seed, replayed live.
			practice.onChecked = (checked) => run.replay(checked);
			void practice.loadProgress();
			return { practice, Panel: panel.default };
		}));
	const app: AppStores = { ...shell, library, run, analyse, loadPractice };
	if (typeof window !== 'undefined') Object.assign(window, { __loadbearingLibrary: library, __loadbearingRun: run, __loadbearingAnalyse: analyse });

	connectRun(app);
	connectRunBands(app);
	void library.start(shell.editor, { fragment: opts.fragment, firstDesign: exampleDesign });
	return app;
}

/** The app's run store, on the simulator's Web Worker (its client loads with the first run). */
function createRunStore(): RunStore {
	// The backend reports crashes to the store, which does not exist yet when the backend is made.
	const holder: { run?: RunStore } = {};
	holder.run = new RunStore(lazySimBackend((message) => holder.run?.crashed(message)));
	return holder.run;
}
