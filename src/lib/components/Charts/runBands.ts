// A Run over several seeds, as the dock shows it: the band layers of its latency and
// throughput charts and the one-line summary, from the repeats the job pool returned.
import { band, bandSeries, bandText } from '../../sweep/bands';
import type { RepeatResult } from '../../sweep/runner';
import type { BandLayer } from './bands';

export interface RunBands {
	latency: BandLayer[];
	throughput: BandLayer[];
	/** "p99 180 ± 12 ms (8 runs) · throughput 2000 ± 5 rps (8 runs)". */
	summary: string;
}

export function runBands(r: RepeatResult): RunBands {
	const n = r.seeds.length;
	const of = `median and 5–95 % of ${n} runs`;
	const t = r.series[0]?.t ?? new Float64Array(0);
	return {
		// Colours of the live p99 and served lines (series.ts), so each band sits with its line.
		latency: [{ key: 'p99-band', label: `p99: ${of}`, color: '#dc2626', t, bands: bandSeries(r.series.map((s) => s.p99)) }],
		throughput: [{ key: 'served-band', label: `served: ${of}`, color: '#2563eb', t, bands: bandSeries(r.series.map((s) => s.servedRps)) }],
		summary: `p99 ${bandText(band(r.figures.map((f) => f.p99)), 'ms')} · throughput ${bandText(band(r.figures.map((f) => f.servedRps)), 'rps')}`
	};
}
