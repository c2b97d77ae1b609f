// The editor's state: the design being edited, the selection, the undo history, and the
// Svelte Flow nodes/edges kept in step with the design. Every change to the design goes
// through `update` (undoable) or `replaceDesign` (open, new, import), so autosave, the
// history and the canvas all see the same stream of changes.
import { getContext, setContext } from 'svelte';
import { assignRegions, exampleDesign, moveNodes, NODE_SIZE, REGION_DEFAULT } from '$lib/model/edit';
import type { Design, XY } from '$lib/model/types';
import { History } from './history';
import {
	designIdOf,
	flowPositions,
	flowRegionId,
	isRegionFlowId,
	toFlowEdges,
	toFlowNodes,
	type FlowEdge,
	type FlowNode
} from './flow';

/** What the canvas lends the store so commands can act on the view (set by the Canvas component). */
export interface CanvasApi {
	/** Fit the design in view. `readable`: never zoom out so far that labels drop under
	 *  11 px on screen; pan to where traffic enters instead (opening a design, Run). */
	fitView(opts?: { readable?: boolean }): void;
	/** A screen (client px) point in flow coordinates. */
	toFlow?(p: XY): XY;
	/** Centre the view on a node (a node named in the run summary). */
	centreOn?(nodeId: string): void;
	/** Move the view by this many screen px (a part the tablet's slide-over would hide). */
	panBy?(dx: number, dy: number): void;
	/** The visible part of the design, in flow coordinates. */
	visibleRect?(): { x: number; y: number; width: number; height: number };
	zoomIn(): void;
	zoomOut(): void;
	/** The flow position at the centre of the visible canvas. */
	centre(): XY;
}

/** A short message shown near where the user is looking (a refused connection, a paste error). */
export interface Notice {
	text: string;
	/** Screen position (client px); the centre of the canvas when absent. */
	at?: XY;
	tone: 'error' | 'info';
	/** A fix the user can take in one click (a refused connection that one change allows). */
	action?: { label: string; run(): void };
}

export interface UpdateOptions {
	/** Consecutive updates with the same key form one undo step (typing in one field). */
	mergeKey?: string;
	/** Design ids (nodes, edges, regions) to select afterwards. */
	select?: Iterable<string>;
}

export type ChangeListener = (design: Design, label: string) => void;

export class EditorStore {
	/** The design being edited. Replaced, never mutated: read it, change it with update(). */
	design = $state.raw<Design>(exampleDesign());
	/** Svelte Flow's nodes and edges (bound by the canvas; it writes positions while dragging). */
	nodes = $state.raw<FlowNode[]>([]);
	edges = $state.raw<FlowEdge[]>([]);
	/** Counts every change to the design (edits, undo, replace): watch it for autosave. */
	changes = $state(0);
	notice = $state.raw<Notice | null>(null);
	/** Set while a keyboard connection waits for its target. */
	connectFrom = $state<string | null>(null);
	snapToGrid = $state(true);
	/** A shared link's design: shown, run, not edited until the user saves a copy (set by the library). */
	readOnly = $state(false);
	canvas: CanvasApi | null = null;

	#history = new History<Design>();
	#historyTick = $state(0);
	#listeners = new Set<ChangeListener>();
	#noticeTimer: ReturnType<typeof setTimeout> | undefined;

	selectedNodeIds = $derived(this.nodes.filter((n) => n.selected && n.type === 'component').map((n) => n.id));
	selectedRegionIds = $derived(this.nodes.filter((n) => n.selected && n.type === 'region').map((n) => designIdOf(n.id)));
	selectedEdgeIds = $derived(this.edges.filter((e) => e.selected).map((e) => e.id));
	/** Every selected design id: nodes, regions, edges. */
	selectedIds = $derived([...this.selectedNodeIds, ...this.selectedRegionIds, ...this.selectedEdgeIds]);

	canUndo = $derived((this.#historyTick, this.#history.canUndo));
	canRedo = $derived((this.#historyTick, this.#history.canRedo));
	undoLabel = $derived((this.#historyTick, this.#history.undoLabel));
	redoLabel = $derived((this.#historyTick, this.#history.redoLabel));

	constructor(design?: Design) {
		if (design) this.design = design;
		this.#sync();
	}

	/** Open another design (library, share link, template, import). Resets the history by default. */
	replaceDesign(design: Design, { resetHistory = true, label = 'Open design' }: { resetHistory?: boolean; label?: string } = {}): void {
		const next = withFrames(design);
		if (resetHistory) this.#history.clear();
		else this.#history.record(label, this.design);
		this.#historyTick++;
		this.#set(next, label, new Set());
		this.connectFrom = null;
		// Fit only when there is something to fit: Svelte Flow queues a fit on an empty
		// canvas and would spring it on the user's first drop.
		if (next.nodes.length) queueMicrotask(() => this.canvas?.fitView({ readable: true }));
	}

	/** An undoable change: `fn` returns the new design (see model/edit.ts). */
	update(label: string, fn: (d: Design) => Design, opts: UpdateOptions = {}): void {
		if (this.readOnly) return this.say('This shared design is read-only. Use “Save a copy” to edit it.', undefined, 'info');
		const before = this.design;
		const next = fn(before);
		if (next === before) return;
		this.#history.record(label, before, opts.mergeKey);
		this.#historyTick++;
		this.#set(next, label, opts.select ? this.#flowIds(opts.select) : undefined);
	}

	/** End a run of merged edits (a field lost focus). */
	sealHistory(): void {
		this.#history.seal();
	}

	undo(): void {
		const e = this.#history.undo(this.design);
		if (!e) return;
		this.#historyTick++;
		this.#set(e.state, `Undo ${e.label}`);
	}

	redo(): void {
		const e = this.#history.redo(this.design);
		if (!e) return;
		this.#historyTick++;
		this.#set(e.state, `Redo ${e.label}`);
	}

	/** Select exactly these design ids (nodes, regions, edges). */
	select(ids: Iterable<string>): void {
		const set = this.#flowIds(ids);
		this.nodes = this.nodes.map((n) => (!!n.selected === set.has(n.id) ? n : { ...n, selected: set.has(n.id) }));
		this.edges = this.edges.map((e) => (!!e.selected === set.has(e.id) ? e : { ...e, selected: set.has(e.id) }));
	}

	selectAll(): void {
		this.select([...this.design.nodes.map((n) => n.id), ...(this.design.regions ?? []).map((r) => r.id), ...this.design.edges.map((e) => e.id)]);
	}

	/** Called when a drag ends: positions Svelte Flow moved become one undoable "Move". */
	commitPositions(): void {
		const shown = flowPositions(this.nodes);
		const moved = new Map<string, XY>();
		for (const n of this.design.nodes) {
			const p = shown.get(n.id);
			if (p && (p.x !== n.position.x || p.y !== n.position.y)) moved.set(n.id, p);
		}
		const framesMoved = (this.design.regions ?? []).filter((r) => {
			const p = shown.get(flowRegionId(r.id));
			return p && r.position && (p.x !== r.position.x || p.y !== r.position.y);
		});
		if (!moved.size && !framesMoved.length) return;
		const sizes = new Map(this.nodes.map((n) => [n.id, { width: n.measured?.width ?? NODE_SIZE.width, height: n.measured?.height ?? NODE_SIZE.height }]));
		this.update('Move', (d) => {
			let out = moveNodes(d, moved);
			if (framesMoved.length)
				out = {
					...out,
					regions: out.regions?.map((r) => {
						const p = shown.get(flowRegionId(r.id));
						return framesMoved.includes(r) && p ? { ...r, position: { ...p } } : r;
					})
				};
			return assignRegions(out, moved.keys(), (id) => sizes.get(id) ?? NODE_SIZE);
		});
	}

	/** Called when a frame is resized. */
	resizeRegion(id: string, rect: { x: number; y: number; width: number; height: number }): void {
		this.update('Resize region', (d) => {
			const regions = (d.regions ?? []).map((r) => (r.id === id ? { ...r, position: { x: rect.x, y: rect.y }, width: rect.width, height: rect.height } : r));
			const next = { ...d, regions };
			return assignRegions(next, d.nodes.map((n) => n.id));
		});
	}

	say(text: string, at?: XY, tone: Notice['tone'] = 'error', action?: Notice['action']): void {
		this.notice = { text, at, tone, action };
		clearTimeout(this.#noticeTimer);
		// An offer stays long enough to be read and taken.
		this.#noticeTimer = setTimeout(() => (this.notice = null), action ? 10000 : 4000);
	}

	/** Listen to every change (autosave). Returns the unsubscribe function. */
	onChange(fn: ChangeListener): () => void {
		this.#listeners.add(fn);
		return () => this.#listeners.delete(fn);
	}

	#flowIds(ids: Iterable<string>): Set<string> {
		const regionIds = new Set((this.design.regions ?? []).map((r) => r.id));
		const out = new Set<string>();
		for (const id of ids) out.add(regionIds.has(id) && !isRegionFlowId(id) ? flowRegionId(id) : id);
		return out;
	}

	#set(design: Design, label: string, selected?: Set<string>): void {
		this.design = design;
		this.#sync(selected);
		this.changes++;
		for (const fn of this.#listeners) fn(design, label);
	}

	#sync(selected?: Set<string>): void {
		const sel = selected ?? new Set([...this.nodes.filter((n) => n.selected).map((n) => n.id), ...this.edges.filter((e) => e.selected).map((e) => e.id)]);
		this.nodes = toFlowNodes(this.design, this.nodes, sel);
		this.edges = toFlowEdges(this.design, this.edges, sel);
	}
}

/** Regions loaded without frame geometry get a frame around their members. */
function withFrames(design: Design): Design {
	if (!design.regions?.some((r) => !r.position)) return design;
	let col = 0;
	const regions = design.regions.map((r) => {
		if (r.position) return r;
		const members = design.nodes.filter((n) => n.region === r.id);
		if (!members.length) return { ...r, position: { x: col++ * (REGION_DEFAULT.width + 40), y: -REGION_DEFAULT.height - 80 }, width: REGION_DEFAULT.width, height: REGION_DEFAULT.height };
		const m = REGION_DEFAULT.margin;
		const x = Math.min(...members.map((n) => n.position.x)) - m;
		const y = Math.min(...members.map((n) => n.position.y)) - m - 16;
		return {
			...r,
			position: { x, y },
			width: Math.max(...members.map((n) => n.position.x)) + NODE_SIZE.width + m - x,
			height: Math.max(...members.map((n) => n.position.y)) + NODE_SIZE.height + m - y
		};
	});
	return { ...design, regions };
}

const KEY = Symbol('loadbearing:editor');

export function setEditor(editor: EditorStore): EditorStore {
	return setContext(KEY, editor);
}

/** The editor of the enclosing AppShell. */
export function getEditor(): EditorStore {
	const editor = getContext<EditorStore | undefined>(KEY);
	if (!editor) throw new Error('getEditor() was called outside the editor: render this component inside <AppShell> (which calls setEditor).');
	return editor;
}
