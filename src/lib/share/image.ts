// The canvas as a picture, drawn from the design itself (not the DOM): boxes for nodes,
// lines for edges, frames for regions. The PNG is the same SVG rasterised on a canvas.
import { KINDS, type Design, type PaletteGroup } from '$lib/model';
import { edgeKindOf, type EdgeKind } from '$lib/model/connections';
import { resolveEdgeParams, resolveParams } from '$lib/model/defaults';

/** Node box size (the canvas's); positions are the box's top-left corner, as on the canvas. */
export const NODE_W = 184;
export const NODE_H = 56;

// The canvas's edge looks (app.css --edge, --edge-async, --edge-repl; DesignEdge.svelte).
const EDGE: Record<EdgeKind, { color: string; dash?: string }> = {
	call: { color: '#8a94a6' },
	async: { color: '#8f6ad8', dash: '7 5' },
	replication: { color: '#d4883a', dash: '2 4' }
};

/** The canvas's edge curve (Svelte Flow's bezier, curvature 0.25): it leaves the source's
 *  right side and enters the target's left side heading right, so the arrowhead is drawn
 *  outside the target's box also when the target sits to the left of or above the source
 *  (a straight line ended inside that box, under it, and the arrow was lost). */
export function edgePath(sx: number, sy: number, tx: number, ty: number): { d: string; mid: { x: number; y: number } } {
	const off = (dx: number) => (dx >= 0 ? 0.5 * dx : 0.25 * 25 * Math.sqrt(-dx));
	const c1x = sx + off(tx - sx);
	const c2x = tx - off(tx - sx);
	// The curve's point at t = 0.5.
	const mid = { x: 0.125 * sx + 0.375 * c1x + 0.375 * c2x + 0.125 * tx, y: 0.5 * sy + 0.5 * ty };
	return { d: `M${r1(sx)},${r1(sy)} C${r1(c1x)},${r1(sy)} ${r1(c2x)},${r1(ty)} ${r1(tx)},${r1(ty)}`, mid };
}
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
		`<defs>${(Object.keys(EDGE) as EdgeKind[]).map((k) => `<marker id="arrow-${k}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L10 5L0 10z" fill="${EDGE[k].color}"/></marker>`).join('')}</defs>`,
		`<rect x="${r1(minX)}" y="${r1(minY)}" width="${r1(w)}" height="${r1(h)}" fill="#ffffff"/>`
	];
	for (const r of frames)
		out.push(
			`<g><rect x="${r1(r.position!.x)}" y="${r1(r.position!.y)}" width="${r1(r.width!)}" height="${r1(r.height!)}" rx="12" fill="#f8fafc" stroke="#94a3b8" stroke-dasharray="6 4"/>` +
				`<text x="${r1(r.position!.x + 12)}" y="${r1(r.position!.y + 20)}" font-size="13" fill="#475569">${escapeXml(clip(r.name, 40))}</text></g>`
		);
	const byId = new Map(design.nodes.map((n) => [n.id, n]));
	const labels: string[] = [];
	for (const e of design.edges) {
		const a = at.get(e.source),
			b = at.get(e.target);
		if (!a || !b) continue;
		const kind = edgeKindOf(byId.get(e.source), byId.get(e.target));
		const look = EDGE[kind];
		const { d, mid } = edgePath(a.x + NODE_W, a.y + NODE_H / 2, b.x - 2, b.y + NODE_H / 2);
		out.push(
			`<path data-edge="${kind}" d="${d}" fill="none" stroke="${look.color}" stroke-width="1.6"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''}${kind === 'replication' ? ' stroke-linecap="round"' : ''} marker-end="url(#arrow-${kind})"/>`
		);
		// Replication says its mode on the canvas: so does the picture (drawn over the nodes' layer below).
		if (kind === 'replication') {
			const text = `replicates · ${String(resolveEdgeParams(e.params).mode)}`;
			const w = text.length * 5.6 + 12;
			labels.push(
				`<g data-edge-label="replication"><rect x="${r1(mid.x - w / 2)}" y="${r1(mid.y - 9)}" width="${r1(w)}" height="18" rx="9" fill="#ffffff" stroke="#ecd2b4"/>` +
					`<text x="${r1(mid.x)}" y="${r1(mid.y + 4)}" font-size="10.5" text-anchor="middle" fill="${look.color}">${escapeXml(text)}</text></g>`
			);
		}
	}
	for (const { n, x, y } of boxes) {
		const info = KINDS[n.kind];
		const g = info?.group ?? 'Compute';
		const title = n.label ?? info?.name ?? n.kind;
		// Under the label: the kind (unless the label says it) and a database's role, as on the canvas.
		const role = n.kind === 'database' ? String(resolveParams('database', n.params).role) : '';
		const subText = [title === info?.name ? '' : (info?.name ?? n.kind), role].filter(Boolean).join(' · ');
		const sub = subText ? `<text x="${r1(x + 12)}" y="${r1(y + 43)}" font-size="11" fill="#475569">${escapeXml(subText)}</text>` : '';
		out.push(
			`<g data-kind="${escapeXml(n.kind)}"><rect x="${r1(x)}" y="${r1(y)}" width="${NODE_W}" height="${NODE_H}" rx="8" fill="${FILL[g]}" stroke="${STROKE[g]}" stroke-width="1.5"/>` +
				`<text x="${r1(x + 12)}" y="${r1(y + (sub ? 24 : 33))}" font-size="14" font-weight="600" fill="#0f172a">${escapeXml(clip(title, 20))}</text>` +
				`${sub}</g>`
		);
	}
	out.push(...labels, '</svg>');
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
