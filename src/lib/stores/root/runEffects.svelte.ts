// The run's effects on the rest of the app, wired once by the composition root: the canvas
// overlay painted from the frame ring, the run marked stale by edits and reset when another
// design opens, and the dock opened when a run starts. (They lived in RunControls, a button
// bar; a component that only draws the bar should not own them.)
import { onMount, untrack } from 'svelte';
import type { EditorStore } from '../editor.svelte';
import type { EdgeFigures, NodeFigures, OverlayStore } from '../overlay.svelte';
import type { UiStore } from '../ui.svelte';
import type { RunStore } from '../run.svelte';
import { applyInSlices } from '../../run/slices';
import { scheduleFrameJob } from '../../run/frameJobs';

// The overlay's figures (from the frame ring) load with the first frames, not with the page.
let figures: typeof import('../../run/overlay') | null = null;

/** The canvas repaints its figures at most this often (they are glanced at, not read). */
const OVERLAY_MS = 1000;
/**
 * Nodes whose canvas figures change in one animation frame (run/slices.ts). With a CPU-bound
 * process beside the page, 20 a frame left 17 tasks over 50 ms in 8 runs of 8 s; 10 left 4.
 */
const SLICE = 10;

/** Call during a component's initialisation (the effects belong to it). */
export function connectRun({ editor, overlay, ui, run }: { editor: EditorStore; overlay: OverlayStore; ui: UiStore; run: RunStore }): void {
	function paint() {
		if (!run.ring.length) {
			generation++;
			overlay.clearFigures();
		} else if (!figures) void import('../../run/overlay').then((m) => ((figures = m), paint()));
		else {
			const { overlayFigures, reuseUnchanged } = figures;
			const { nodes, edges } = overlayFigures(run.ring, run.design ?? editor.design, run.analysis?.bottleneck?.limiting ? run.analysis.bottleneck.nodeId : null);
			// Within 10% reads the same on a badge; a live run is noisy, repainting for noise is not free.
			const tol = run.status === 'running' ? 0.1 : 0;
			// One update a second (each frame that changes the canvas costs a repaint of it), its
			// changed nodes spread over a few frames so no one frame carries all of them.
			applyFigures(reuseUnchanged(overlay.nodes, nodes, tol), reuseUnchanged(overlay.edges, edges, tol));
		}
	}
	let generation = 0;
	function applyFigures(nodes: Map<string, NodeFigures>, edges: Map<string, EdgeFigures>) {
		const gen = ++generation;
		applyInSlices(overlay, nodes, edges, { slice: SLICE, nextFrame: scheduleFrameJob, current: () => gen === generation });
	}
	let lastPaint = -Infinity;
	/** Called with each UI update of the run: paint in the same frame, at most once per OVERLAY_MS. */
	function onFigures() {
		const t = performance.now();
		if (t - lastPaint < OVERLAY_MS && run.status === 'running' && run.ring.length) return;
		lastPaint = t;
		// In a frame of its own, taking its turn with the charts' redraws (run/frameJobs): the
		// batch's other updates run in this task, and 100 nodes' figures on top of them, or
		// of a chart's redraw, made a long task.
		scheduleFrameJob(paint);
	}
	onMount(() => run.onBatch(onFigures));

	// An edit while a run is live marks it stale (the bar then offers a restart).
	$effect(() => {
		void editor.changes;
		const d = editor.design;
		untrack(() => run.designEdited(d));
	});
	// Another design opened (library, template, challenge, new, shared link): the figures
	// described the old one, so clear them rather than paint them on the new nodes.
	let shownDesignId = editor.design.id;
	$effect(() => {
		const id = editor.design.id;
		untrack(() => {
			if (id === shownDesignId) return;
			shownDesignId = id;
			if (run.status !== 'idle') run.reset();
		});
	});
	// The dock opens on the first run; the bottleneck badge lands when the run ends.
	let lastStatus = run.status;
	$effect(() => {
		const s = run.status;
		untrack(() => {
			// A run starts: fit the design to the canvas the dock leaves (after the dock opens).
			if (s === 'running' && lastStatus === 'idle') requestAnimationFrame(() => editor.canvas?.fitView({ readable: true }));
			lastStatus = s;
			if (s === 'running' || s === 'paused') ui.dockOpen = true;
			if (s === 'done') paint();
		});
	});
}
