import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addNode, design, dropFile, items, openApp, openLibrary, saved } from './persist-helpers';

test('a shared link opens the same design, read-only, in another browser; Save a copy keeps it', async ({ page, browser }) => {
	await openApp(page);
	await addNode(page, 'cache');
	await saved(page);
	const mine = await design(page);
	await page.getByTestId('share-button').click();
	const url = await page.getByTestId('share-url').inputValue();
	expect(url).toMatch(/^http:\/\/localhost:\d+\/#d=1\.[A-Za-z0-9_-]+$/);
	await page.screenshot({ path: '/tmp/persist-share.png' });

	const other = await browser.newContext();
	const friend = await other.newPage();
	await friend.goto(url);
	await expect(friend.getByTestId('shared-banner')).toBeVisible();
	await expect(friend.getByTestId('save-status')).toHaveAttribute('data-status', 'shared');
	const theirs = await design(friend);
	expect(theirs.nodes).toEqual(mine.nodes);
	expect(theirs.scenario).toEqual(mine.scenario);
	// The fragment is gone from the address bar: nothing is sent anywhere, and a reload does not re-open it.
	expect(new URL(friend.url()).hash).toBe('');
	await friend.screenshot({ path: '/tmp/persist-shared-view.png' });
	// Read-only: adding a component is refused with a word on why.
	await addNode(friend, 'queue');
	await expect(friend.getByTestId('node')).toHaveCount(5);
	await expect(friend.getByText(/read-only/).first()).toBeVisible();
	await openLibrary(friend);
	await expect(items(friend)).toHaveCount(0);
	await friend.getByTestId('save-copy').click();
	await expect(friend.getByTestId('shared-banner')).toHaveCount(0);
	await saved(friend);
	await expect(items(friend)).toHaveCount(1);
	await other.close();
});

test('export JSON, then import it by file picker and by dropping it on the canvas', async ({ page }) => {
	await openApp(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
	expect(download.suggestedFilename()).toBe('my-first-design.loadbearing.json');
	const text = readFileSync((await download.path())!, 'utf8');
	expect(JSON.parse(text).nodes).toHaveLength(4);

	await page.getByTestId('import-file').setInputFiles({ name: 'copy.json', mimeType: 'application/json', buffer: Buffer.from(text) });
	await openLibrary(page);
	await expect(items(page)).toHaveCount(2);
	await dropFile(page, 'dropped.json', text.replace('My first design', 'Dropped design'));
	await expect(items(page)).toHaveCount(3);
	expect((await design(page)).name).toBe('Dropped design');
	await expect(page.getByTestId('node')).toHaveCount(4);
});

test('export the canvas as PNG and SVG', async ({ page }) => {
	await openApp(page);
	const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
	expect(png.suggestedFilename()).toBe('my-first-design.png');
	const bytes = readFileSync((await png.path())!);
	expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
	expect(bytes.length).toBeGreaterThan(2000);
	const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
	const text = readFileSync((await svg.path())!, 'utf8');
	expect(text).toContain('<svg');
	expect((text.match(/<g data-kind=/g) ?? []).length).toBe(4);
	// Look at it.
	const view = await page.context().newPage();
	await view.setContent(`<img style="max-width:100%" src="data:image/png;base64,${bytes.toString('base64')}">`);
	await view.screenshot({ path: '/tmp/persist-export-png.png' });
	await view.close();
});

test('a design too large for a link says so and offers the file', async ({ page }) => {
	await openApp(page);
	// Labels of random text do not compress: 120 of them pass the 8 KB link limit.
	let seed = 7;
	const noise = () => Array.from({ length: 150 }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
	const nodes = Array.from({ length: 120 }, (_, i) => ({ id: `n${i}`, kind: 'service', label: noise(), position: { x: (i % 12) * 200, y: Math.floor(i / 12) * 100 }, params: {} }));
	const big = JSON.stringify({ format: 'loadbearing/design', version: 1, id: 'big', name: 'Big one', nodes, edges: [] });
	await page.getByTestId('import-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(big) });
	await expect(page.getByTestId('node')).not.toHaveCount(4);
	await page.getByTestId('share-button').click();
	await expect(page.getByRole('alert')).toContainText('too large for a practical link');
	await expect(page.getByTestId('share-url')).toHaveCount(0);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the design file' }).click()]);
	expect(download.suggestedFilename()).toBe('big-one.loadbearing.json');
	await page.screenshot({ path: '/tmp/persist-too-large.png' });
});

test('a link pasted into an open tab opens read-only, after the open design is saved', async ({ page, browser }) => {
	const other = await browser.newContext();
	const sharer = await other.newPage();
	await openApp(sharer);
	await addNode(sharer, 'objectStore');
	await sharer.getByTestId('share-button').click();
	const url = await sharer.getByTestId('share-url').inputValue();
	await other.close();

	await openApp(page);
	await addNode(page, 'cache');
	await page.evaluate((hash) => (location.hash = hash), new URL(url).hash);
	await expect(page.getByTestId('shared-banner')).toBeVisible();
	await expect(page.locator('[data-testid="node"][data-kind="objectStore"]')).toHaveCount(1);
	expect(new URL(page.url()).hash).toBe('');
	// The design that was open kept its change.
	await openLibrary(page);
	await items(page).first().getByRole('button', { name: /^Open/ }).click();
	await expect(page.locator('[data-testid="node"][data-kind="cache"]')).toHaveCount(1);
	await expect(page.getByTestId('shared-banner')).toHaveCount(0);
});
