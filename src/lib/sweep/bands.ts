// Confidence over repeated runs: the median and the 5–95 % band of a figure across runs
// (one value per run), and the same per second of a run for the charts.

/** Quantile q of ascending `sorted` values, linear between order statistics (Hyndman–Fan 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const h = (n - 1) * Math.min(1, Math.max(0, q));
	const lo = Math.floor(h);
	if (h === lo) return sorted[lo];
	return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

export interface Band {
	median: number;
	lo: number;
	hi: number;
	/** Runs that had a value (NaN, e.g. no request succeeded, is left out). */
	n: number;
}

export const BAND_LO = 0.05;
export const BAND_HI = 0.95;

export function band(values: ArrayLike<number>): Band {
	const v = Array.from(values).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	return { median: quantileSorted(v, 0.5), lo: quantileSorted(v, BAND_LO), hi: quantileSorted(v, BAND_HI), n: v.length };
}

/** Per index i, the band of series[k][i] over runs k (runs may differ in length: the shortest wins). */
export function bandSeries(series: readonly ArrayLike<number>[]): Band[] {
	if (series.length === 0) return [];
	const len = Math.min(...series.map((s) => s.length));
	const out: Band[] = [];
	const col = new Float64Array(series.length);
	for (let i = 0; i < len; i++) {
		for (let k = 0; k < series.length; k++) col[k] = series[k][i];
		out.push(band(col));
	}
	return out;
}

/** "180 ± 12 ms (8 runs)": the median, ± half the 5–95 % spread. */
export function bandText(b: Band, unit: string, digits = 0): string {
	const half = (b.hi - b.lo) / 2;
	const f = (x: number) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
	return `${f(b.median)} ± ${f(half)}${unit ? ` ${unit}` : ''} (${b.n} run${b.n === 1 ? '' : 's'})`;
}
