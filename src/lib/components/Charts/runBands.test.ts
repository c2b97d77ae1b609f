import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import RunCharts from './RunCharts.svelte';
import { ChartScope } from './scope.svelte';
import { runBands } from './runBands';
import { RunStore } from '../../stores/run.svelte';
import { inProcessBackend } from '../../bridge/backend';
import { inProcessPool } from '../../bridge/pool';
import { createHost } from '../../worker/host';
import { runRepeats } from '../../sweep/runner';
import { createFakeSimulation } from '$testing/fakeSim';
import { chainDesign } from '$testing/testDesign';

globalThis.ResizeObserver ??= class {
	observe() {}
	unobserve() {}
	disconnect() {}
} as unknown as typeof ResizeObserver;

const design = () => chainDesign({ scenario: { durationS: 6, warmupS: 0, seed: 5, events: [], runs: 4 } });

describe('runBands (a Run over several seeds, in the dock)', () => {
	it('bands p99 and served per second over the runs, and sums them up as median ± half the band', async () => {
		const r = await runRepeats(inProcessPool(), design(), [5, 6, 7, 8]);
		const b = runBands(r);
		expect(b.summary).toMatch(/^p99 \d+ ± \d+ ms \(4 runs\) · throughput \d+ ± \d+ rps \(4 runs\)$/);
		for (const layer of [...b.latency, ...b.throughput]) {
			expect(layer.bands).toHaveLength(6);
			expect(layer.label).toMatch(/median and 5–95 % of 4 runs$/);
			for (const x of layer.bands) {
				expect(x.lo).toBeLessThanOrEqual(x.median);
				expect(x.median).toBeLessThanOrEqual(x.hi);
			}
		}
		// The band is over the runs: its edges are within the runs' own values at that second.
		const at = 3;
		const served = r.series.map((s) => s.servedRps[at]);
		expect(b.throughput[0].bands[at].lo).toBeGreaterThanOrEqual(Math.min(...served));
		expect(b.throughput[0].bands[at].hi).toBeLessThanOrEqual(Math.max(...served));
	});

	it('the latency and throughput charts draw the band and its median behind the live lines, with a legend entry', async () => {
		const bands = runBands(await runRepeats(inProcessPool(), design(), [5, 6, 7, 8]));
		const run = new RunStore(inProcessBackend(createHost({ create: createFakeSimulation, now: () => performance.now(), schedule: (f, ms) => setTimeout(f, ms) })));
		const scope = new ChartScope();
		scope.endS = 6;
		render(RunCharts, { props: { run, scope, labels: { client: 'Client', web: 'Web', db: 'DB' }, bands } });
		run.setSpeed('max');
		run.start(design());
		// The run's machine and analysis load with the first run (a transform in the test runner): a generous wait.
		await waitFor(() => expect(run.status).toBe('done'), { timeout: 20_000 });
		for (const id of ['chart-latency', 'chart-throughput']) {
			const svg = screen.getByTestId(id);
			await waitFor(() => expect(svg.querySelector('path.band')?.getAttribute('d')).toMatch(/^M.*Z$/));
			expect(svg.querySelector('path.band-median')?.getAttribute('d')).toMatch(/^M/);
		}
		expect(screen.getByTestId('chart-errors').querySelector('path.band')).toBeNull();
		expect(screen.getAllByTestId('chart-band-legend').map((e) => e.textContent)).toEqual(['served: median and 5–95 % of 4 runs', 'p99: median and 5–95 % of 4 runs']);
	});
});
