// Every editor action, once: the top bar, the help sheet, the keyboard and the undo
// history all read this registry (Excalidraw's actions/). `undoable` says whether the
// action changes the design (and so appears in the history).
import { freeSpot, uniqueLabel } from '$lib/model/place';
import { KINDS } from '$lib/model/kinds';
import { addNode, blankDesign, groupIntoRegion, nudge, removeElements, NODE_SIZE } from '$lib/model/edit';
import type { Design, NodeKind, XY } from '$lib/model/types';
import type { EditorStore } from './editor.svelte';
import type { UiStore } from './ui.svelte';
import { copyText, pasteText, readClipboard, writeClipboard } from './clipboard';

export interface CommandContext {
	editor: EditorStore;
	ui: UiStore;
	/** File input and download, provided by the top bar. */
	io?: { openImport(): void; exportJson(): void; newDesign?(): void };
	/** The run, when the page has one. */
	run?: { status: string; start(design: Design): void; pause(): void; resume(): void };
}

export type CommandGroup = 'Edit' | 'Selection' | 'View' | 'Design' | 'Run' | 'Help';

export interface Command {
	name: string;
	label: string;
	group: CommandGroup;
	/** Shortcut strings (see shortcuts.ts); the first is the one shown. */
	shortcut?: string[];
	undoable: boolean;
	perform(ctx: CommandContext): void | Promise<void>;
	/** The browser's copy/paste events run it instead of keydown, so the system clipboard is used. */
	clipboardEvent?: 'copy' | 'cut' | 'paste';
	/** Acts on the selection: the keydown handler leaves it alone when nothing is selected. */
	needsSelection?: boolean;
}

const GRID = 16;

const nudgeBy = (dx: number, dy: number) => (ctx: CommandContext) => {
	const ids = [...ctx.editor.selectedNodeIds, ...ctx.editor.selectedRegionIds];
	if (ids.length) ctx.editor.update('Nudge', (d) => nudge(d, ids, dx, dy), { mergeKey: `nudge:${ids.join(',')}`, select: ids });
};

/** Add a component of `kind` at `at` (flow coordinates; the visible centre by default) and select it. */
export function addComponent(editor: EditorStore, kind: NodeKind, at?: XY): string {
	const c = at ?? editor.canvas?.centre() ?? { x: 0, y: 0 };
	const pos = at ? c : { x: c.x - NODE_SIZE.width / 2, y: c.y - NODE_SIZE.height / 2 };
	const snapped = editor.snapToGrid ? { x: Math.round(pos.x / GRID) * GRID, y: Math.round(pos.y / GRID) * GRID } : pos;
	let id = '';
	editor.update(`Add ${KINDS[kind].name}`, (d) => {
		// Dropped at a point: there. Added with Enter or a click: the free spot nearest the centre.
		const next = addNode(d, kind, at ? snapped : freeSpot(d, snapped));
		const added = next.nodes.at(-1)!;
		id = added.id;
		const label = uniqueLabel(d, added.label ?? KINDS[kind].name);
		return { ...next, nodes: [...next.nodes.slice(0, -1), { ...added, label }] };
	});
	editor.select([id]);
	return id;
}

export function pasteInto(editor: EditorStore, text: string): void {
	const r = pasteText(editor.design, text);
	if (!r.ok) return editor.say(r.message);
	editor.update('Paste', () => r.design, { select: r.ids });
}

export const COMMANDS: Command[] = [
	{ name: 'undo', label: 'Undo', group: 'Edit', shortcut: ['Mod+Z'], undoable: false, perform: ({ editor }) => editor.undo() },
	{ name: 'redo', label: 'Redo', group: 'Edit', shortcut: ['Mod+Shift+Z', 'Mod+Y'], undoable: false, perform: ({ editor }) => editor.redo() },
	{
		name: 'delete',
		label: 'Delete',
		group: 'Edit',
		shortcut: ['Delete', 'Backspace'],
		undoable: true,
		needsSelection: true,
		perform: ({ editor }) => {
			const ids = editor.selectedIds;
			if (ids.length) editor.update(ids.length > 1 ? `Delete ${ids.length} items` : 'Delete', (d) => removeElements(d, ids), { select: [] });
		}
	},
	{
		name: 'duplicate',
		label: 'Duplicate',
		group: 'Edit',
		shortcut: ['Mod+D'],
		undoable: true,
		needsSelection: true,
		perform: ({ editor }) => {
			const text = copyText(editor.design, [...editor.selectedNodeIds, ...editor.selectedRegionIds]);
			if (text) pasteInto(editor, text);
		}
	},
	{
		name: 'copy',
		label: 'Copy',
		group: 'Edit',
		shortcut: ['Mod+C'],
		undoable: false,
		clipboardEvent: 'copy',
		perform: async ({ editor }) => {
			const text = copyText(editor.design, [...editor.selectedNodeIds, ...editor.selectedRegionIds]);
			if (text) await writeClipboard(text);
		}
	},
	{
		name: 'cut',
		label: 'Cut',
		group: 'Edit',
		shortcut: ['Mod+X'],
		undoable: true,
		clipboardEvent: 'cut',
		perform: async ({ editor }) => {
			const ids = [...editor.selectedNodeIds, ...editor.selectedRegionIds];
			const text = copyText(editor.design, ids);
			if (!text) return;
			await writeClipboard(text);
			editor.update('Cut', (d) => removeElements(d, ids), { select: [] });
		}
	},
	{
		name: 'paste',
		label: 'Paste',
		group: 'Edit',
		shortcut: ['Mod+V'],
		undoable: true,
		clipboardEvent: 'paste',
		perform: async ({ editor }) => pasteInto(editor, await readClipboard())
	},
	{ name: 'selectAll', label: 'Select all', group: 'Selection', shortcut: ['Mod+A'], undoable: false, perform: ({ editor }) => editor.selectAll() },
	{
		name: 'deselect',
		label: 'Clear selection',
		group: 'Selection',
		shortcut: ['Escape'],
		undoable: false,
		perform: ({ editor, ui }) => {
			if (ui.helpOpen) ui.helpOpen = false;
			else if (editor.connectFrom) editor.connectFrom = null;
			else editor.select([]);
		}
	},
	{
		name: 'connect',
		label: 'Connect from the selected component (then pick the target)',
		group: 'Selection',
		shortcut: ['C'],
		undoable: true,
		needsSelection: true,
		perform: ({ editor }) => {
			const [from] = editor.selectedNodeIds;
			if (editor.selectedNodeIds.length !== 1) return editor.say('Select one component to connect from.');
			editor.connectFrom = from;
			editor.say('Now select the target: Tab to it and press Enter (Esc cancels).', undefined, 'info');
		}
	},
	{
		name: 'group',
		label: 'Group into a region',
		group: 'Selection',
		shortcut: ['Mod+G'],
		undoable: true,
		perform: ({ editor }) => {
			const ids = editor.selectedNodeIds;
			const c = editor.canvas?.centre() ?? { x: 0, y: 0 };
			let regionId = '';
			editor.update('Group into region', (d) => {
				const next = groupIntoRegion(d, ids, undefined, { x: c.x - 240, y: c.y - 160 });
				regionId = next.regions!.at(-1)!.id;
				return next;
			});
			editor.select([regionId]);
		}
	},
	{ name: 'nudgeUp', label: 'Nudge up', group: 'Selection', shortcut: ['ArrowUp'], undoable: true, needsSelection: true, perform: nudgeBy(0, -GRID) },
	{ name: 'nudgeDown', label: 'Nudge down', group: 'Selection', shortcut: ['ArrowDown'], undoable: true, needsSelection: true, perform: nudgeBy(0, GRID) },
	{ name: 'nudgeLeft', label: 'Nudge left', group: 'Selection', shortcut: ['ArrowLeft'], undoable: true, needsSelection: true, perform: nudgeBy(-GRID, 0) },
	{ name: 'nudgeRight', label: 'Nudge right', group: 'Selection', shortcut: ['ArrowRight'], undoable: true, needsSelection: true, perform: nudgeBy(GRID, 0) },
	{ name: 'nudgeUpFar', label: 'Nudge up ×5', group: 'Selection', shortcut: ['Shift+ArrowUp'], undoable: true, needsSelection: true, perform: nudgeBy(0, -5 * GRID) },
	{ name: 'nudgeDownFar', label: 'Nudge down ×5', group: 'Selection', shortcut: ['Shift+ArrowDown'], undoable: true, needsSelection: true, perform: nudgeBy(0, 5 * GRID) },
	{ name: 'nudgeLeftFar', label: 'Nudge left ×5', group: 'Selection', shortcut: ['Shift+ArrowLeft'], undoable: true, needsSelection: true, perform: nudgeBy(-5 * GRID, 0) },
	{ name: 'nudgeRightFar', label: 'Nudge right ×5', group: 'Selection', shortcut: ['Shift+ArrowRight'], undoable: true, needsSelection: true, perform: nudgeBy(5 * GRID, 0) },
	{ name: 'zoomIn', label: 'Zoom in', group: 'View', shortcut: ['+', '=', 'Mod+='], undoable: false, perform: ({ editor }) => editor.canvas?.zoomIn() },
	{ name: 'zoomOut', label: 'Zoom out', group: 'View', shortcut: ['-', 'Mod+-'], undoable: false, perform: ({ editor }) => editor.canvas?.zoomOut() },
	{ name: 'fit', label: 'Fit to screen', group: 'View', shortcut: ['Shift+1'], undoable: false, perform: ({ editor }) => editor.canvas?.fitView() },
	{
		name: 'snap',
		label: 'Snap to grid on/off',
		group: 'View',
		shortcut: ["Mod+'"],
		undoable: false,
		perform: ({ editor }) => {
			editor.snapToGrid = !editor.snapToGrid;
			editor.say(`Snap to grid ${editor.snapToGrid ? 'on' : 'off'}.`, undefined, 'info');
		}
	},
	{ name: 'theme', label: 'Light / dark theme', group: 'View', shortcut: ['Alt+Shift+D'], undoable: false, perform: ({ ui }) => ui.toggleTheme() },
	{
		name: 'newDesign',
		label: 'New design',
		group: 'Design',
		shortcut: ['Alt+N'],
		undoable: true,
		perform: ({ editor, io }) => (io?.newDesign ? io.newDesign() : editor.replaceDesign(blankDesign(), { resetHistory: false, label: 'New design' }))
	},
	{ name: 'import', label: 'Import JSON…', group: 'Design', shortcut: ['Mod+O'], undoable: false, perform: ({ io }) => io?.openImport() },
	{ name: 'export', label: 'Export JSON', group: 'Design', shortcut: ['Mod+Shift+E'], undoable: false, perform: ({ io }) => io?.exportJson() },
	{
		name: 'runPause',
		label: 'Run / pause',
		group: 'Run',
		shortcut: ['R', 'Mod+Enter'],
		undoable: false,
		perform: ({ run, editor }) => {
			if (!run) return;
			if (run.status === 'running') run.pause();
			else if (run.status === 'paused') run.resume();
			else run.start(editor.design);
		}
	},
	{ name: 'commandMenu', label: 'Command menu', group: 'Help', shortcut: ['Mod+K'], undoable: false, perform: ({ ui }) => void (ui.commandMenuOpen = !ui.commandMenuOpen) },
	{ name: 'help', label: 'Keyboard shortcuts', group: 'Help', shortcut: ['?'], undoable: false, perform: ({ ui }) => {
			ui.helpOpen = !ui.helpOpen;
		}
	}
];

export const commandByName = (name: string): Command => {
	const c = COMMANDS.find((x) => x.name === name);
	if (!c) throw new Error(`No editor command named "${name}".`);
	return c;
};
