import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Timeline from './Timeline.svelte';
import type { ScenarioEvent } from '../../model/types';

const ctx = { nodes: [{ id: 'c', kind: 'client' as const }, { id: 'db', kind: 'database' as const, label: 'DB' }], regions: [] };

function setup(events: ScenarioEvent[] = []) {
	const state = { events };
	const onchange = (e: ScenarioEvent[]) => {
		state.events = e;
		void r.rerender({ events: e });
	};
	const r = render(Timeline, { props: { events, durationS: 60, ctx, onchange } });
	return { state, r };
}

describe('Timeline', () => {
	it('adds an event from the keyboard form', async () => {
		const user = userEvent.setup();
		const { state } = setup();
		await user.selectOptions(screen.getByTestId('timeline-add-action'), 'fail');
		const at = screen.getByTestId('timeline-add-at');
		await user.clear(at);
		await user.type(at, '20');
		await user.click(screen.getByTestId('timeline-add'));
		expect(state.events).toEqual([{ atS: 20, action: 'fail', target: 'db' }]);
	});
	it('moves a marker with the arrow keys and deletes it', async () => {
		const user = userEvent.setup();
		const evs: ScenarioEvent[] = [{ atS: 10, action: 'fail', target: 'db' }];
		const { state } = setup(evs);
		const m = screen.getByTestId('timeline-event');
		expect(m).toHaveAccessibleName('10 s: fail DB');
		m.focus();
		await user.keyboard('{ArrowRight}');
		expect(state.events[0].atS).toBe(11);
	});
	it('deletes the selected event', async () => {
		const user = userEvent.setup();
		const { state } = setup([{ atS: 10, action: 'recover', target: 'db' }]);
		await user.click(screen.getByTestId('timeline-event'));
		await user.click(screen.getByTestId('timeline-delete'));
		expect(state.events).toEqual([]);
	});
});
