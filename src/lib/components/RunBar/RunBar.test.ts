import '@testing-library/jest-dom/vitest';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RunBar from './RunBar.svelte';
import { RunStore } from '../../stores/run.svelte';
import { inProcessBackend } from '../../bridge/backend';
import { createHost } from '../../worker/host';
import { createFakeSimulation } from '$testing/fakeSim';
import { chainDesign } from '$testing/testDesign';

const store = () => new RunStore(inProcessBackend(createHost({ create: createFakeSimulation, now: () => performance.now(), schedule: (f, ms) => setTimeout(f, ms) })));
// The run's machine loads with the first run, so the first status change lands a moment after the click.

describe('RunBar', () => {
	it('runs, pauses, steps, resumes and resets, showing the status', async () => {
		const run = store();
		const user = userEvent.setup();
		render(RunBar, { run, design: chainDesign(), onscenario: () => {} });
		const status = screen.getByTestId('sim-status');
		expect(status).toHaveTextContent('idle');
		await user.click(screen.getByTestId('run-speed-10'));
		await user.click(screen.getByTestId('run-start'));
		await waitFor(() => expect(status).toHaveTextContent('running'));
		await user.click(screen.getByTestId('run-pause'));
		expect(status).toHaveTextContent('paused');
		const t = run.timeS;
		await user.click(screen.getByRole('button', { name: /Step/ }));
		await waitFor(() => expect(run.timeS).toBeCloseTo(t + 1, 5));
		expect(screen.getByTestId('run-start')).toHaveTextContent('Resume');
		await user.click(screen.getByTestId('run-speed-max'));
		await user.click(screen.getByTestId('run-start'));
		await waitFor(() => expect(status).toHaveTextContent('done'), { timeout: 20_000 });
		await user.click(screen.getByTestId('run-reset'));
		expect(status).toHaveTextContent('idle');
	});
	it('edits duration and seed through the design, refusing nonsense', async () => {
		const onscenario = vi.fn();
		const user = userEvent.setup();
		render(RunBar, { run: store(), design: chainDesign(), onscenario });
		const dur = screen.getByRole('spinbutton', { name: /Duration/ });
		await user.clear(dur);
		await user.type(dur, '120');
		dur.blur();
		expect(onscenario).toHaveBeenLastCalledWith({ durationS: 120 });
		const seed = screen.getByRole('spinbutton', { name: /Seed/ });
		await user.clear(seed);
		await user.type(seed, '-4');
		seed.blur();
		expect(onscenario).toHaveBeenCalledTimes(1);
	});
	it('an edit during a run offers a restart; an error is an alert', async () => {
		const run = store();
		const user = userEvent.setup();
		const d = chainDesign();
		render(RunBar, { run, design: d, onscenario: () => {} });
		await user.click(screen.getByTestId('run-start'));
		run.designEdited({ ...d, nodes: d.nodes.map((n) => ({ ...n, params: { ...n.params, instances: 7 } })) });
		await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/Design changed/));
		await user.click(screen.getByTestId('run-restart'));
		expect(screen.queryByRole('alert')).toBeNull();
		run.crashed('The simulator stopped answering.');
		await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The simulator stopped answering.'));
		expect(screen.getByTestId('sim-status')).toHaveTextContent('error');
		run.reset();
	});
});
