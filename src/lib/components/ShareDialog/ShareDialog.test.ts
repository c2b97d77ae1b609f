import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { startedLibrary } from '$testing/library';
import { decodeDesign } from '$lib/share/link';
import ShareDialog from './ShareDialog.svelte';
import StorageNotices from '../StorageNotices/StorageNotices.svelte';

describe('ShareDialog', () => {
	it('gives an absolute link that decodes to the open design', async () => {
		const { library, editor } = await startedLibrary();
		render(ShareDialog, { library });
		await userEvent.click(screen.getByTestId('share-button'));
		const input = (await screen.findByTestId('share-url')) as HTMLInputElement;
		expect(input.value).toMatch(/^http:\/\/localhost(:\d+)?\/#d=1\./);
		const back = await decodeDesign(new URL(input.value).hash);
		expect(back.ok && back.design.name).toBe(editor.design.name);
		expect(back.ok && back.design.scenario?.seed).toBe(7);
	});

	it('says when the design is too large for a link and offers the file', async () => {
		const { library, editor } = await startedLibrary();
		let s = 1;
		const noise = () => Array.from({ length: 180 }, () => String.fromCharCode(33 + ((s = (s * 48271) % 2147483647) % 90))).join('');
		editor.update('Big', (d) => ({ ...d, nodes: Array.from({ length: 80 }, (_, i) => ({ id: `n${i}`, kind: 'service' as const, label: noise(), position: { x: i, y: 0 }, params: {} })) }));
		render(ShareDialog, { library });
		await userEvent.click(screen.getByTestId('share-button'));
		expect(await screen.findByRole('alert')).toHaveTextContent(/too large for a practical link/);
		expect(screen.queryByTestId('share-url')).toBeNull();
		expect(screen.getByRole('button', { name: 'Download the design file' })).toBeInTheDocument();
	});
});

describe('StorageNotices', () => {
	it('shows a shared design as read-only with Save a copy', async () => {
		const { encodeDesign } = await import('$lib/share/link');
		const { sampleDesign } = await import('$testing/designs');
		const { library } = await startedLibrary('#' + (await encodeDesign(sampleDesign('s', 'From a friend'))));
		render(StorageNotices, { library });
		expect(screen.getByTestId('shared-banner')).toHaveTextContent(/read-only/);
		await userEvent.click(screen.getByRole('button', { name: 'Save a copy' }));
		await waitFor(() => expect(screen.queryByTestId('shared-banner')).toBeNull());
		await waitFor(() => expect(library.items.map((i) => i.name)).toContain('From a friend'));
	});

	it('shows a bad link as one alert', async () => {
		const { library } = await startedLibrary('#d=1.@@@');
		render(StorageNotices, { library });
		expect(screen.getAllByRole('alert')).toHaveLength(1);
		expect(screen.getByRole('alert')).toHaveTextContent(/damaged/);
	});
});
