import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import RunCharts from './RunCharts.svelte';
import { ChartScope } from './scope.svelte';
import { RunStore } from '../../stores/run.svelte';
import { inProcessBackend } from '../../bridge/backend';
import { createHost } from '../../worker/host';
import { createFakeSimulation } from '$testing/fakeSim';
import { chainDesign } from '$testing/testDesign';
import { FAILURE_REASONS } from '../../model/types';

// jsdom has no layout: a ResizeObserver that never fires is enough for bind:clientWidth.
globalThis.ResizeObserver ??= class {
	observe() {}
	unobserve() {}
	disconnect() {}
} as unknown as typeof ResizeObserver;

describe('RunCharts', () => {
	it('fills every chart as frames arrive, and the selected node gets its own', async () => {
		const run = new RunStore(inProcessBackend(createHost({ create: createFakeSimulation, now: () => performance.now(), schedule: (f, ms) => setTimeout(f, ms) })));
		const scope = new ChartScope();
		scope.endS = 10;
		const d = chainDesign({ scenario: { durationS: 10, warmupS: 0, seed: 1, events: [{ atS: 4, action: 'fail', target: 'db' }] } });
		render(RunCharts, { props: { run, scope, labels: { client: 'Client', web: 'Web', db: 'DB' }, selectedId: 'db', markers: [{ t: 4, label: 'fail DB' }] } });
		run.setSpeed('max');
		run.start(d);
		// The analysis module loads with the first run (a transform in the test runner): a generous wait.
		await waitFor(() => expect(run.status).toBe('done'), { timeout: 20_000 });
		for (const id of ['chart-throughput', 'chart-latency', 'chart-errors', 'chart-utilization', 'chart-node-queue', 'chart-node-instances']) {
			const svg = screen.getByTestId(id);
			await waitFor(() => expect(svg.querySelector('path.series')?.getAttribute('d')).toBeTruthy());
			expect(svg.querySelectorAll('line.marker')).toHaveLength(1);
		}
		// The errors chart stacks one band per reason, and unavailable failures show after the fault.
		expect(screen.getByTestId('chart-errors').querySelectorAll('path.series')).toHaveLength(FAILURE_REASONS.length);
	});
});
