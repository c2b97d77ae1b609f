// Tablet: the inspector slides over the canvas's right edge. A part selected there (a tap on
// the last node of a row) would be hidden by the panel that opened to edit it: the view
// pans left just enough to show it beside the panel, never past the canvas's left edge.

import { onMount } from 'svelte';
import type { EditorStore } from '$lib/stores/editor.svelte';
import type { UiStore } from '$lib/stores/ui.svelte';

const MARGIN = 16;

type Box = Pick<DOMRect, 'left' | 'right' | 'width'>;

/** The leftward pan (≤ 0 screen px) that shows `part` left of `panel` inside `canvas`. */
export function revealShift(part: Box, panel: Box, canvas: Box): number {
	const free = panel.left - MARGIN;
	if (part.right <= free || panel.width === 0) return 0;
	return Math.min(0, Math.max(free - part.right, canvas.left + MARGIN - part.left));
}

/** Presses in progress: the view must not move under a finger that is dragging a part. */
export function pressWatch(): { run(fn: () => void): void; destroy(): void } {
	let down = false;
	let pending: (() => void) | null = null;
	const press = () => (down = true);
	const release = () => {
		down = false;
		const fn = pending;
		pending = null;
		if (fn) requestAnimationFrame(fn);
	};
	window.addEventListener('pointerdown', press, true);
	window.addEventListener('pointerup', release, true);
	window.addEventListener('pointercancel', release, true);
	return {
		run(fn) {
			if (down) pending = fn;
			else requestAnimationFrame(fn);
		},
		destroy() {
			window.removeEventListener('pointerdown', press, true);
			window.removeEventListener('pointerup', release, true);
			window.removeEventListener('pointercancel', release, true);
		}
	};
}

/** Wires the above into a component: call during its initialisation. */
export function revealSelected(ui: UiStore, editor: EditorStore, panel: () => HTMLElement | undefined): void {
	let presses: ReturnType<typeof pressWatch> | null = null;
	onMount(() => {
		presses = pressWatch();
		return () => presses?.destroy();
	});
	// The id alone: the selection's array is new on every move of a part.
	const id = $derived(ui.tablet && editor.selectedNodeIds.length === 1 ? editor.selectedNodeIds[0] : null);
	$effect(() => {
		const selected = id;
		if (!selected) return;
		presses?.run(() => {
			const part = document.querySelector(`[data-testid="node"][data-node-id="${CSS.escape(selected)}"]`);
			const canvas = document.querySelector('[data-testid="canvas"]');
			const side = panel();
			if (!part || !canvas || !side) return;
			const dx = revealShift(part.getBoundingClientRect(), side.getBoundingClientRect(), canvas.getBoundingClientRect());
			if (dx) editor.canvas?.panBy?.(dx, 0);
		});
	});
}
