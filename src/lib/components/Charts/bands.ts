// Confidence bands drawn into a live chart: when a Run covers several seeds, the median
// and the 5–95 % band over those runs of one figure (p99, served rps…), per second, behind
// the live run's own lines. Runs may be cut short differently: the shortest decides.
import { area, line, type ScaleLinear, type Selection } from 'd3';
import type { Band } from '../../sweep/bands';

export interface BandLayer {
	key: string;
	/** The legend's words, e.g. "p99: median and 5–95 % of 4 runs". */
	label: string;
	color: string;
	/** Simulated seconds of each band. */
	t: ArrayLike<number>;
	bands: Band[];
}

type Pt = { t: number; b: Band };
const points = (l: BandLayer): Pt[] => Array.from({ length: Math.min(l.t.length, l.bands.length) }, (_, i) => ({ t: l.t[i], b: l.bands[i] }));
const ok = (p: Pt) => Number.isFinite(p.b.lo) && Number.isFinite(p.b.hi);

/** The highest band edge, so the y axis makes room for it. */
export function bandsTop(layers: readonly BandLayer[]): number {
	let top = 0;
	for (const l of layers) for (const b of l.bands) if (Number.isFinite(b.hi) && b.hi > top) top = b.hi;
	return top;
}

/** Draw each layer as a shaded band (path.band) and its median (path.band-median), keyed joins. */
export function drawBands(g: Selection<SVGGElement, unknown, null, undefined>, layers: readonly BandLayer[], x: ScaleLinear<number, number>, y: ScaleLinear<number, number>): void {
	const shade = area<Pt>().defined(ok).x((p) => x(p.t)).y0((p) => y(p.b.lo)).y1((p) => y(p.b.hi));
	const mid = line<Pt>().defined((p) => Number.isFinite(p.b.median)).x((p) => x(p.t)).y((p) => y(p.b.median));
	const data = layers.map((l) => ({ l, pts: points(l) }));
	g.selectAll<SVGPathElement, (typeof data)[number]>('path.band')
		.data(data, (d) => d.l.key)
		.join('path')
		.attr('class', 'band')
		.attr('data-band', (d) => d.l.key)
		.attr('fill', (d) => d.l.color)
		.attr('fill-opacity', 0.18)
		.attr('stroke', 'none')
		.attr('d', (d) => shade(d.pts));
	g.selectAll<SVGPathElement, (typeof data)[number]>('path.band-median')
		.data(data, (d) => d.l.key)
		.join('path')
		.attr('class', 'band-median')
		.attr('fill', 'none')
		.attr('stroke', (d) => d.l.color)
		.attr('stroke-width', 1.2)
		.attr('stroke-dasharray', '5 3')
		.attr('d', (d) => mid(d.pts));
}
