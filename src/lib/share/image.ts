// The canvas as a picture, drawn from the design itself (not the DOM): boxes for nodes,
// lines for edges, frames for regions. The PNG is the same SVG rasterised on a canvas.
import { KINDS, type Design, type PaletteGroup } from '$lib/model';

/** Node box size; positions are the box's top-left corner, as on the canvas. */
export const NODE_W = 168;
export const NODE_H = 56;
const PAD = 40;

// The canvas's light-theme group colours (app.css --traffic, --compute, --data).
const FILL: Record<PaletteGroup, string> = { Traffic: '#e8f1fd', Compute: '#efebfc', Data: '#fbf0e4' };
const STROKE: Record<PaletteGroup, string> = { Traffic: '#2f7ee6', Compute: '#7b5be0', Data: '#d07b1f' };

export function escapeXml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const r1 = (n: number) => Math.round(n * 10) / 10;

export function designToSvg(design: Design): string {
	const boxes = design.nodes.map((n) => ({ n, x: n.position.x, y: n.position.y }));
	const frames = (design.regions ?? []).filter((r) => r.position && r.width && r.height);
	const xs = [...boxes.map((b) => b.x), ...frames.map((r) => r.position!.x)];
	const ys = [...boxes.map((b) => b.y), ...frames.map((r) => r.position!.y)];
	const xe = [...boxes.map((b) => b.x + NODE_W), ...frames.map((r) => r.position!.x + r.width!)];
	const ye = [...boxes.map((b) => b.y + NODE_H), ...frames.map((r) => r.position!.y + r.height!)];
	const minX = xs.length ? Math.min(...xs) - PAD : 0;
	const minY = ys.length ? Math.min(...ys) - PAD : 0;
	const w = xs.length ? Math.max(...xe) + PAD - minX : 400;
	const h = ys.length ? Math.max(...ye) + PAD - minY : 200;
	const at = new Map(boxes.map((b) => [b.n.id, b]));
	const out: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${r1(w)}" height="${r1(h)}" viewBox="${r1(minX)} ${r1(minY)} ${r1(w)} ${r1(h)}" font-family="system-ui, sans-serif">`,
		`<title>${escapeXml(design.name)}</title>`,
		`<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#64748b"/></marker></defs>`,
		`<rect x="${r1(minX)}" y="${r1(minY)}" width="${r1(w)}" height="${r1(h)}" fill="#ffffff"/>`
	];
	for (const r of frames)
		out.push(
			`<g><rect x="${r1(r.position!.x)}" y="${r1(r.position!.y)}" width="${r1(r.width!)}" height="${r1(r.height!)}" rx="12" fill="#f8fafc" stroke="#94a3b8" stroke-dasharray="6 4"/>` +
				`<text x="${r1(r.position!.x + 12)}" y="${r1(r.position!.y + 20)}" font-size="13" fill="#475569">${escapeXml(clip(r.name, 40))}</text></g>`
		);
	for (const e of design.edges) {
		const a = at.get(e.source),
			b = at.get(e.target);
		if (!a || !b) continue;
		out.push(
			`<line x1="${r1(a.x + NODE_W)}" y1="${r1(a.y + NODE_H / 2)}" x2="${r1(b.x)}" y2="${r1(b.y + NODE_H / 2)}" stroke="#64748b" stroke-width="1.5" marker-end="url(#arrow)"/>`
		);
	}
	for (const { n, x, y } of boxes) {
		const info = KINDS[n.kind];
		const g = info?.group ?? 'Compute';
		const title = n.label ?? info?.name ?? n.kind;
		// The kind under the label, unless the label already says it.
		const sub = title === info?.name ? '' : `<text x="${r1(x + 12)}" y="${r1(y + 43)}" font-size="11" fill="#475569">${escapeXml(info?.name ?? n.kind)}</text>`;
		out.push(
			`<g data-kind="${escapeXml(n.kind)}"><rect x="${r1(x)}" y="${r1(y)}" width="${NODE_W}" height="${NODE_H}" rx="8" fill="${FILL[g]}" stroke="${STROKE[g]}" stroke-width="1.5"/>` +
				`<text x="${r1(x + 12)}" y="${r1(y + (sub ? 24 : 33))}" font-size="14" font-weight="600" fill="#0f172a">${escapeXml(clip(title, 20))}</text>` +
				`${sub}</g>`
		);
	}
	out.push('</svg>');
	return out.join('\n');
}

/** Rasterises an SVG string to a PNG blob (browser only). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
	const m = /width="([\d.]+)" height="([\d.]+)"/.exec(svg);
	const w = m ? Number(m[1]) : 800,
		h = m ? Number(m[2]) : 600;
	// Browsers cap canvas area; large designs are scaled down rather than failing.
	const s = Math.min(scale, Math.sqrt(16e6 / (w * h)));
	const img = new Image();
	img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
	await img.decode();
	const canvas = document.createElement('canvas');
	canvas.width = Math.max(1, Math.round(w * s));
	canvas.height = Math.max(1, Math.round(h * s));
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('This browser cannot draw on a canvas.');
	ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
	return new Promise((resolve, reject) =>
		canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png')
	);
}
