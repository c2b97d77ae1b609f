// Design files: export as pretty JSON, import with one plain message for each way a file
// can be wrong. Imports go through restoreDesign like every other way in.
import { restoreDesign, type Design } from '$lib/model';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ImportResult = { ok: true; design: Design; warnings: string[] } | { ok: false; error: string };

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function designToJson(design: Design): string {
	return JSON.stringify(design, null, 2) + '\n';
}

/** A file name from the design's name: letters, digits and dashes only. */
export function fileNameFor(design: Pick<Design, 'name'>, ext: 'json' | 'svg' | 'png' | 'gif'): string {
	const slug = design.name
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return `${slug || 'design'}.${ext === 'json' ? 'loadbearing.json' : ext}`;
}

export function parseDesignText(text: string, what = 'This file'): ImportResult {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, error: `${what} is not valid JSON, so it cannot be a Loadbearing design.` };
	}
	const r = restoreDesign(json);
	if (!r.ok) return { ok: false, error: `${what} is not a usable Loadbearing design: ${r.errors[0]}` };
	return r;
}

/** Reads a dropped or picked file; never throws. */
export async function readDesignFile(file: Blob & { name?: string }): Promise<ImportResult> {
	const what = file.name ? `"${file.name.slice(0, 80)}"` : 'This file';
	if (file.size > MAX_FILE_BYTES)
		return { ok: false, error: `${what} is too large (${mb(file.size)}); a design file is at most ${mb(MAX_FILE_BYTES)}.` };
	if (file.size === 0) return { ok: false, error: `${what} is empty.` };
	let text: string;
	try {
		const bytes = new Uint8Array(await file.arrayBuffer());
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, error: `${what} is not a text file, so it cannot be a Loadbearing design.` };
	}
	return parseDesignText(text, what);
}

/** Offers a blob as a download (the browser's own save). */
export function downloadBlob(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadDesign(design: Design): void {
	downloadBlob(new Blob([designToJson(design)], { type: 'application/json' }), fileNameFor(design, 'json'));
}
