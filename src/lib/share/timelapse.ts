// A run as an animated GIF: the design coloured by each part's utilization (down parts
// outlined red) and, under it, served throughput and p99 latency drawn up to that moment.
// Loaded on first use (gifenc: quantise each frame to 256 colours, LZW-encode).
import { GIFEncoder, applyPalette, quantize } from 'gifenc';
import type { Design } from '$lib/model/types';
import type { FrameRing } from '$lib/run/ring';
import { G, N } from '$lib/protocol/frames';
import { NODE_H, NODE_W } from './image';

export interface TimelapseOptions {
	frames?: number;
	width?: number;
	/** ms per frame */
	delay?: number;
}

/** The ring's frame indices the time-lapse shows: `count` evenly spaced, the last one included. */
export function sampleIndices(length: number, count: number): number[] {
	if (length <= 0) return [];
	const n = Math.min(count, length);
	return Array.from({ length: n }, (_, k) => Math.round(((length - 1) * k) / Math.max(1, n - 1)));
}

const hue = (u: number) => 130 * (1 - Math.max(0, Math.min(1, u))) ** 1.2;

export function runToGif(design: Design, ring: FrameRing, opts: TimelapseOptions = {}): Blob {
	const W = opts.width ?? 720;
	const CHART_H = 150;
	const nodes = design.nodes;
	const xs = nodes.map((n) => n.position.x);
	const ys = nodes.map((n) => n.position.y);
	const minX = Math.min(...xs) - 30;
	const minY = Math.min(...ys) - 30;
	const spanX = Math.max(...xs) + NODE_W + 30 - minX;
	const spanY = Math.max(...ys) + NODE_H + 30 - minY;
	const s = W / spanX;
	const designH = Math.max(120, Math.round(spanY * s));
	const H = designH + CHART_H;
	const canvas = document.createElement('canvas');
	canvas.width = W;
	canvas.height = H;
	const ctx = canvas.getContext('2d', { willReadFrequently: true });
	if (!ctx) throw new Error('This browser cannot draw on a canvas.');
	const index = new Map(ring.nodeIds.map((id, i) => [id, i]));
	const pos = new Map(nodes.map((n) => [n.id, { x: (n.position.x - minX) * s, y: (n.position.y - minY) * s }]));
	const w = NODE_W * s;
	const h = NODE_H * s;
	const tEnd = ring.global(ring.length - 1, G.t) || 1;
	const series = Array.from({ length: ring.length }, (_, i) => ({ t: ring.global(i, G.t), rps: ring.global(i, G.servedRps), p99: ring.global(i, G.latency + 3) }));
	const maxRps = Math.max(1, ...series.map((p) => p.rps));
	const maxP99 = Math.max(1, ...series.map((p) => (Number.isFinite(p.p99) ? p.p99 : 0)));
	const gif = GIFEncoder();

	for (const i of sampleIndices(ring.length, opts.frames ?? 40)) {
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, W, H);
		ctx.strokeStyle = '#8a94a6';
		ctx.lineWidth = 1.5;
		for (const e of design.edges) {
			const a = pos.get(e.source);
			const b = pos.get(e.target);
			if (!a || !b) continue;
			const off = Math.max(20, Math.abs(b.x - a.x - w) / 2);
			ctx.beginPath();
			ctx.moveTo(a.x + w, a.y + h / 2);
			ctx.bezierCurveTo(a.x + w + off, a.y + h / 2, b.x - off, b.y + h / 2, b.x, b.y + h / 2);
			ctx.stroke();
		}
		for (const n of nodes) {
			const p = pos.get(n.id)!;
			const k = index.get(n.id);
			const u = k === undefined ? 0 : ring.node(i, k, N.utilization);
			const down = k !== undefined && ring.node(i, k, N.up) === 0;
			ctx.fillStyle = `hsl(${hue(u)} 70% 88%)`;
			ctx.strokeStyle = down ? '#dc2626' : `hsl(${hue(u)} 60% 38%)`;
			ctx.lineWidth = down ? 3 : 1.5;
			ctx.beginPath();
			ctx.roundRect(p.x, p.y, w, h, 6);
			ctx.fill();
			ctx.stroke();
			ctx.fillStyle = '#0f172a';
			ctx.font = `600 ${Math.max(9, Math.round(13 * s))}px system-ui, sans-serif`;
			ctx.fillText((n.label ?? n.kind).slice(0, 22), p.x + 8 * s, p.y + h / 2 + 4 * s, w - 12 * s);
		}
		// The charts strip: served rps (blue) and p99 (red) up to now, on the run's time axis.
		const top = designH + 20;
		const ch = CHART_H - 44;
		ctx.fillStyle = '#f8fafc';
		ctx.fillRect(0, designH, W, CHART_H);
		const line = (key: 'rps' | 'p99', max: number, colour: string) => {
			ctx.strokeStyle = colour;
			ctx.lineWidth = 2;
			ctx.beginPath();
			for (let j = 0; j <= i; j++) {
				const v = Number.isFinite(series[j][key]) ? series[j][key] : 0;
				const x = 40 + ((W - 60) * series[j].t) / tEnd;
				const y = top + ch - (ch * v) / max;
				if (j === 0) ctx.moveTo(x, y);
				else ctx.lineTo(x, y);
			}
			ctx.stroke();
		};
		line('rps', maxRps, '#2563eb');
		line('p99', maxP99, '#dc2626');
		ctx.fillStyle = '#334155';
		ctx.font = '12px system-ui, sans-serif';
		const now = series[i];
		ctx.fillText(`t = ${now.t.toFixed(0)} s   served ${now.rps.toFixed(0)} rps   p99 ${Number.isFinite(now.p99) ? now.p99.toFixed(0) : '–'} ms`, 40, designH + 14);
		const { data } = ctx.getImageData(0, 0, W, H);
		const palette = quantize(data, 256);
		gif.writeFrame(applyPalette(data, palette), W, H, { palette, delay: opts.delay ?? 120 });
	}
	gif.finish();
	return new Blob([gif.bytes() as BlobPart], { type: 'image/gif' });
}
