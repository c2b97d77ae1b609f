import { expect, test } from '@playwright/test';
import { addNode, design, items, openApp, openLibrary, saved } from './persist-helpers';

test('the same design in two tabs: the second follows the first', async ({ context }) => {
	const one = await context.newPage();
	await openApp(one);
	const two = await context.newPage();
	await openApp(two);
	expect((await design(two)).id).toBe((await design(one)).id);
	await addNode(one, 'cache');
	await saved(one);
	await expect(two.getByTestId('node')).toHaveCount(5);
	await expect(two.getByTestId('conflict-banner')).toHaveCount(0);
	// And back the other way.
	await addNode(two, 'queue');
	await saved(two);
	await expect(one.getByTestId('node')).toHaveCount(6);
});

test('two tabs editing at once: never a silent overwrite; the loser keeps its side as a copy', async ({ context }) => {
	const one = await context.newPage();
	await openApp(one);
	const two = await context.newPage();
	await openApp(two);
	// Both change the design at the same moment, before either autosave fires; whichever
	// writes second is refused (or sees the other's save while it still has changes).
	const rename = (name: string) => (window as any).__loadbearing.editor.update('Rename', (d: object) => ({ ...d, name }));
	await Promise.all([one.evaluate(rename, 'from one'), two.evaluate(rename, 'from two')]);
	const banner = (p: typeof one) => p.getByTestId('conflict-banner');
	await expect.poll(async () => (await banner(one).count()) + (await banner(two).count())).toBe(1);
	const [winner, loser, mine, theirs] = (await banner(two).count()) ? [one, two, 'from two', 'from one'] : [two, one, 'from one', 'from two'];
	await expect(banner(loser)).toHaveAttribute('role', 'alert');
	await saved(winner);
	await loser.screenshot({ path: '/tmp/persist-conflict.png' });
	await loser.getByRole('button', { name: 'Keep mine as a copy' }).click();
	await expect(banner(loser)).toHaveCount(0);
	await saved(loser);
	expect((await design(loser)).name).toBe(`${mine} (copy)`);
	// The winner's design is untouched, and both are in the library.
	expect((await design(winner)).name).toBe(theirs);
	await openLibrary(winner);
	await expect(items(winner)).toHaveCount(2);
	await expect(items(winner).filter({ hasText: `${mine} (copy)` })).toHaveCount(1);
});

test('a newer version opening in another tab: this tab lets go of storage and says so', async ({ context }) => {
	const old = await context.newPage();
	await openApp(old);
	const newer = await context.newPage();
	await openApp(newer);
	// What a newer build does on start: open the database at a higher version.
	await newer.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('loadbearing', 2);
				req.onsuccess = () => (req.result.close(), resolve());
				req.onerror = () => reject(req.error);
			})
	);
	await expect(old.getByRole('alert')).toContainText('newer Loadbearing');
	await expect(old.getByTestId('save-status')).toHaveAttribute('data-status', 'memory');
	// Nothing is lost: the design stays on the canvas and can be downloaded.
	await expect(old.getByTestId('node')).toHaveCount(4);
	await expect(old.getByTestId('download-design')).toBeVisible();
});
