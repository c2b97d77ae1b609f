// Copy and paste carry design JSON (the selection as a small design), so a paste in
// another tab or another app's text field works, and a paste goes through restoreDesign
// like every other way in. An in-memory copy stands in when the system clipboard is
// not available (no permission, no secure context).
import { clipboardJson, paste } from '$lib/model/edit';
import { restoreDesign } from '$lib/model/restore';
import type { Design, XY } from '$lib/model/types';

let memory = '';
let lastPasted = '';
let pasteCount = 0;

/** The selection as clipboard text, or '' when nothing is selected. */
export function copyText(design: Design, ids: readonly string[]): string {
	if (!ids.length) return '';
	memory = clipboardJson(design, ids);
	lastPasted = memory;
	pasteCount = 0;
	return memory;
}

export async function writeClipboard(text: string): Promise<void> {
	memory = text;
	try {
		await navigator.clipboard?.writeText(text);
	} catch {
		// Denied or unavailable: the in-memory copy still serves paste in this tab.
	}
}

export async function readClipboard(): Promise<string> {
	try {
		const t = await navigator.clipboard?.readText();
		if (t) return t;
	} catch {
		// Denied: fall back to what this tab copied.
	}
	return memory;
}

export type PasteResult = { ok: true; design: Design; ids: string[] } | { ok: false; message: string };

/** Merge clipboard text into the design; each repeated paste of the same text lands a step further. */
export function pasteText(design: Design, text: string): PasteResult {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, message: 'The clipboard holds no Loadbearing components (copy some from a canvas first).' };
	}
	const r = restoreDesign(raw);
	if (!r.ok) return { ok: false, message: `Nothing pasted: ${r.errors[0]}` };
	if (!r.design.nodes.length && !(r.design.regions ?? []).length) return { ok: false, message: 'The clipboard holds an empty design.' };
	if (text === lastPasted) pasteCount++;
	else (lastPasted = text, (pasteCount = 1));
	const step = 32 * pasteCount;
	const offset: XY = { x: step, y: step };
	return { ok: true, ...paste(design, r.design, offset) };
}
