// Designs in and out as JSON files. In goes through restoreDesign like every other door.
import { restoreDesign, type RestoreResult } from '$lib/model/restore';
import type { Design } from '$lib/model/types';

/** Largest file read (a 2000-node design is well under 2 MB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function designToJson(design: Design): string {
	return JSON.stringify(design, null, 2);
}

/** A file name from the design's name: "Photo sharing v2" → "photo-sharing-v2.loadbearing.json". */
export function fileNameFor(design: Design): string {
	const slug = design.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'design';
	return `${slug}.loadbearing.json`;
}

export function parseDesignText(text: string): RestoreResult {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (e) {
		return { ok: false, errors: [`The file is not valid JSON (${e instanceof Error ? e.message : 'parse error'}).`] };
	}
	return restoreDesign(raw);
}

export async function readDesignFile(file: File): Promise<RestoreResult> {
	if (file.size > MAX_IMPORT_BYTES) return { ok: false, errors: [`The file is ${(file.size / 1e6).toFixed(1)} MB; designs up to 10 MB can be imported.`] };
	return parseDesignText(await file.text());
}

/** Start a download of the design as JSON (browser only). */
export function downloadDesign(design: Design): void {
	const blob = new Blob([designToJson(design)], { type: 'application/json' });
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileNameFor(design);
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
