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
	// Both change the design before either autosave fires; whichever writes second is refused.
	await addNode(one, 'cache');
	await addNode(two, 'queue');
	const banner = (p: typeof one) => p.getByTestId('conflict-banner');
	await expect.poll(async () => (await banner(one).count()) + (await banner(two).count())).toBe(1);
	const [winner, loser, mine, theirs] = (await banner(two).count()) ? [one, two, 'queue', 'cache'] : [two, one, 'cache', 'queue'];
	await expect(banner(loser)).toHaveAttribute('role', 'alert');
	await saved(winner);
	await loser.screenshot({ path: '/tmp/persist-conflict.png' });
	await loser.getByRole('button', { name: 'Keep mine as a copy' }).click();
	await expect(banner(loser)).toHaveCount(0);
	await saved(loser);
	const kept = await design(loser);
	expect(kept.nodes.some((n) => n.kind === mine)).toBe(true);
	expect(kept.nodes.some((n) => n.kind === theirs)).toBe(false);
	// The winner's design is untouched, and both are in the library.
	expect((await design(winner)).nodes.some((n) => n.kind === theirs)).toBe(true);
	await openLibrary(winner);
	await expect(items(winner)).toHaveCount(2);
	await expect(items(winner).filter({ hasText: '(copy)' })).toHaveCount(1);
});
