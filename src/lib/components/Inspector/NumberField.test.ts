import '@testing-library/jest-dom/vitest';
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import NumberField from './NumberField.svelte';
import type { NumberSpec } from '$lib/model/params';

const instances: NumberSpec = { type: 'number', key: 'instances', label: 'Instances', help: '', default: 2, min: 1, max: 100, integer: true };
const ratio: NumberSpec = { type: 'number', key: 'read', label: 'Read', help: '', default: 0.9, min: 0, max: 1 };

describe('NumberField', () => {
	it('passes on valid numbers and refuses the rest with a message beside the field', async () => {
		const onchange = vi.fn();
		render(NumberField, { spec: instances, value: 2, name: 'instances', onchange });
		const input = screen.getByRole('textbox');
		expect(input).toHaveAttribute('name', 'instances');
		const user = userEvent.setup();
		await user.clear(input);
		expect(screen.getByRole('alert')).toHaveTextContent('required');
		await user.type(input, '-3');
		expect(screen.getByRole('alert')).toHaveTextContent('at least 1');
		expect(screen.getByRole('alert')).toHaveTextContent('Kept 2');
		await user.clear(input);
		await user.type(input, '7');
		expect(screen.queryByRole('alert')).toBeNull();
		expect(onchange).toHaveBeenLastCalledWith(7);
		expect(onchange).not.toHaveBeenCalledWith(-3);
	});

	it('refuses NaN and values above the maximum; shows the unit', async () => {
		const onchange = vi.fn();
		render(NumberField, { spec: { ...ratio, unit: undefined }, value: 0.9, name: 'mix.read', onchange });
		const input = screen.getByRole('textbox');
		const user = userEvent.setup();
		await user.clear(input);
		await user.type(input, '1.5');
		expect(screen.getByRole('alert')).toHaveTextContent('at most 1');
		await user.clear(input);
		await user.type(input, 'NaN');
		expect(screen.getByRole('alert')).toHaveTextContent('must be a number');
		// "1" on the way to "1.5" is a valid value and passes; 1.5 and NaN never do.
		expect(onchange.mock.calls.flat().every((v) => Number.isFinite(v) && v <= 1)).toBe(true);
		await user.keyboard('{Escape}');
		expect(input).toHaveValue('0.9'); // the value prop: the design's last good value
		expect(screen.queryByRole('alert')).toBeNull();
	});

	it('keeps saying why a value was refused after the field loses focus, until the next edit', async () => {
		const onchange = vi.fn();
		render(NumberField, { spec: instances, value: 2, name: 'instances', onchange });
		const input = screen.getByRole('textbox');
		const user = userEvent.setup();
		await user.clear(input);
		await user.type(input, '0');
		await user.tab();
		expect(input).toHaveValue('2');
		expect(screen.getByRole('alert')).toHaveTextContent('“0” was refused');
		expect(screen.getByRole('alert')).toHaveTextContent('at least 1');
		expect(screen.getByRole('alert')).toHaveTextContent('Kept 2');
		await user.click(input);
		await user.clear(input);
		await user.type(input, '5');
		expect(screen.queryByRole('alert')).toBeNull();
		expect(onchange).toHaveBeenLastCalledWith(5);
	});
});
