import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UpdateBanner } from './index';
import type { SwContainer, SwWorker } from '$lib/offline/updates';

describe('UpdateBanner', () => {
	it('appears when a new version waits, and Reload hands over to it', async () => {
		const posted: unknown[] = [];
		const waiting: SwWorker = { state: 'installed', postMessage: (m) => posted.push(m), addEventListener() {} };
		const container: SwContainer = {
			controller: {},
			getRegistration: async () => ({ waiting, installing: null, addEventListener() {} }),
			addEventListener() {}
		};
		render(UpdateBanner, { container });
		const btn = await screen.findByRole('button', { name: 'Reload' });
		expect(screen.getByRole('status').textContent).toContain('A new version of Loadbearing is ready.');
		await userEvent.click(btn);
		expect(posted).toEqual([{ type: 'SKIP_WAITING' }]);
	});
});
