import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { startedLibrary } from '$testing/library';
import { sampleDesign } from '$testing/designs';
import Library from './Library.svelte';
import StorageNotices from '../StorageNotices/StorageNotices.svelte';
import { timeAgo } from './time';

describe('Library', () => {
	it('lists saved designs last edited first, with thumbnails, and opens one on click', async () => {
		const { library, editor } = await startedLibrary();
		await library.importFile(new File([JSON.stringify(sampleDesign('x', 'Chat service'))], 'chat.json'));
		render(Library, { library });
		const items = screen.getAllByTestId('design-item');
		expect(items.map((i) => within(i).getByText(/Chat service|My first design/).textContent)).toEqual(['Chat service', 'My first design']);
		expect(items[0].querySelectorAll('svg rect').length).toBe(2);
		expect(items[0]).toHaveAttribute('aria-current', 'true');
		await userEvent.click(within(items[1]).getByTitle('Open My first design'));
		await waitFor(() => expect(editor.design.name).toBe('My first design'));
	});

	it('searches by name', async () => {
		const { library } = await startedLibrary();
		await library.newDesign();
		render(Library, { library });
		expect(screen.getAllByTestId('design-item').length).toBe(2);
		await userEvent.type(screen.getByRole('searchbox', { name: /search designs/i }), 'first');
		expect(screen.getAllByTestId('design-item').length).toBe(1);
		await userEvent.type(screen.getByRole('searchbox'), 'zzz');
		expect(screen.queryAllByTestId('design-item').length).toBe(0);
		expect(screen.getByText(/No design named like/)).toBeInTheDocument();
	});

	it('renames inline, deletes with undo', async () => {
		const { library } = await startedLibrary();
		render(Library, { library });
		render(StorageNotices, { library });
		await userEvent.click(screen.getByRole('button', { name: 'Rename My first design' }));
		const input = screen.getByRole('textbox', { name: 'New name' });
		await userEvent.clear(input);
		await userEvent.type(input, 'Renamed{Enter}');
		await waitFor(() => expect(screen.getByText('Renamed')).toBeInTheDocument());
		await userEvent.click(screen.getByRole('button', { name: 'Delete Renamed' }));
		// The open design was deleted: another (a fresh first design) takes its place.
		await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Deleted “Renamed”'));
		await userEvent.click(screen.getByTestId('undo-delete'));
		await waitFor(() => expect(screen.getByText('Renamed')).toBeInTheDocument());
	});

	it('formats times coarsely', () => {
		expect(timeAgo(0, 10_000)).toBe('just now');
		expect(timeAgo(0, 5 * 60_000)).toBe('5 min ago');
		expect(timeAgo(0, 3 * 3600_000)).toBe('3 h ago');
		expect(timeAgo(0, 24 * 3600_000)).toBe('yesterday');
	});
});
