// Everything the command menu (Ctrl+K) offers: the editor's registry plus the run, share,
// export, library and practice actions, as one flat list of { group, label, perform }.
import { COMMANDS, type CommandContext } from '$lib/stores/commands';
import { describe } from '$lib/stores/shortcuts';
import type { PanelName } from '$lib/stores/ui.svelte';

export interface Entry {
	id: string;
	group: string;
	label: string;
	/** Shown at the right: the key that does the same. */
	hint?: string;
	/** Extra words the filter matches (a synonym a user might type). */
	keywords?: string[];
	perform(): void;
}

export interface MenuRun {
	status: string;
	reset(): void;
	setSpeed(s: 1 | 10 | 100 | 'max'): void;
}
export interface MenuLibrary {
	items: readonly { id: string; name: string }[];
	open(id: string): unknown;
	exportPng(): unknown;
	exportSvg(): unknown;
	refresh(): unknown;
}

const PANELS: { panel: PanelName; label: string; group: string; keywords: string[] }[] = [
	{ panel: 'library', label: 'Open the library', group: 'Library', keywords: ['saved', 'designs'] },
	{ panel: 'templates', label: 'Open templates', group: 'Practice', keywords: ['examples', 'start'] },
	{ panel: 'challenges', label: 'Open challenges', group: 'Practice', keywords: ['exercise', 'goal'] },
	{ panel: 'estimator', label: 'Open the estimator', group: 'Practice', keywords: ['capacity', 'back of the envelope'] },
	{ panel: 'review', label: 'Open the design review', group: 'Practice', keywords: ['lint', 'findings'] },
	{ panel: 'analyse', label: 'Sweep load and find the knee', group: 'Analyse', keywords: ['capacity', 'knee', 'confidence', 'runs', 'seeds'] },
	{ panel: 'compare', label: 'Compare two designs', group: 'Analyse', keywords: ['diff', 'before', 'fix', 'versus'] }
];

/** A button the page renders (Share lives in its own component with its own popover). */
const clickTestId = (id: string) => () => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.click();

export function menuEntries(ctx: CommandContext, run: MenuRun | undefined, library: MenuLibrary | undefined): Entry[] {
	const out: Entry[] = [];
	for (const c of COMMANDS) {
		if (c.name === 'commandMenu' || c.name.startsWith('nudge')) continue;
		if (c.needsSelection && ctx.editor.selectedIds.length === 0) continue;
		out.push({ id: `cmd:${c.name}`, group: c.group, label: c.label, hint: c.shortcut ? describe(c.shortcut[0]) : undefined, perform: () => void c.perform(ctx) });
	}
	if (run) {
		out.push({ id: 'run:reset', group: 'Run', label: 'Reset the run', keywords: ['clear', 'stop'], perform: () => run.reset() });
		for (const s of [1, 10, 100, 'max'] as const)
			out.push({ id: `run:speed-${s}`, group: 'Run', label: `Run speed ${s === 'max' ? 'max' : `${s}×`}`, perform: () => run.setSpeed(s) });
	}
	out.push({ id: 'share:link', group: 'Share', label: 'Share a link', keywords: ['url', 'send'], perform: clickTestId('share-button') });
	if (library) {
		out.push({ id: 'export:png', group: 'Share', label: 'Export as PNG image', keywords: ['picture', 'download'], perform: () => void library.exportPng() });
		out.push({ id: 'export:svg', group: 'Share', label: 'Export as SVG image', keywords: ['picture', 'download'], perform: () => void library.exportSvg() });
		for (const d of library.items) out.push({ id: `open:${d.id}`, group: 'Library', label: `Open “${d.name}”`, keywords: ['design'], perform: () => void library.open(d.id) });
	}
	for (const p of PANELS)
		out.push({
			id: `panel:${p.panel}`,
			group: p.group,
			label: p.label,
			keywords: p.keywords,
			perform: () => {
				if (ctx.ui.panel !== p.panel) ctx.ui.togglePanel(p.panel);
				if (p.panel === 'library') void library?.refresh();
			}
		});
	return out;
}
