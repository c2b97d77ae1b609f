// Phone (390×844, touch): the canvas takes the screen, the rest opens as bottom sheets.
// Every contract testid has at most one visible element. (The tablet: tablet.spec.ts.)
import { expect, test } from '@playwright/test';
import { node, openApp } from './helpers';
import { inView, oneVisibleEach, phone, titledOnce, touch, viewport } from './devices';

test.describe('phone', () => {
	test.use(phone);

	test('the design fills the screen readable; Run and Share are on screen; nothing runs off the edge', async ({ page }) => {
		await openApp(page);
		const canvas = (await page.getByTestId('canvas').boundingBox())!;
		expect(canvas.width).toBeGreaterThanOrEqual(380);
		expect(canvas.height).toBeGreaterThan(600);
		await inView(page, 'run-start');
		await inView(page, 'share-button');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		// Readable: the client's node is on screen at a zoom where its 13 px label is ≥ 11 px.
		const client = (await node(page, 'client').boundingBox())!;
		expect(client.x).toBeGreaterThanOrEqual(0);
		expect(client.x + client.width).toBeLessThanOrEqual(390);
		expect((13 * client.width) / 184).toBeGreaterThanOrEqual(10.9);
		// The overflow menu holds the rest, inside the screen.
		await page.getByTestId('more-button').tap();
		await inView(page, 'open-templates');
		await inView(page, 'theme-toggle');
		await inView(page, 'help');
		await inView(page, 'export-png');
		await page.screenshot({ path: '/tmp/lb-phone-more.png' });
		await oneVisibleEach(page, ['run-start', 'run-pause', 'run-reset', 'sim-status', 'share-button', 'export-png', 'export-json', 'new-design', 'canvas', 'inspector', 'library']);
	});

	test('tap to select, inspect in a sheet, add from the palette sheet, run and read the charts sheet', async ({ page }) => {
		await openApp(page);
		await node(page, 'client').tap();
		await expect.poll(async () => page.evaluate(() => (window as any).__loadbearing.editor.selectedNodeIds)).toEqual(['client']);
		await expect(page.getByTestId('inspector')).toBeHidden();
		await page.getByRole('button', { name: /Edit Client/ }).tap();
		await expect(page.getByTestId('inspector')).toBeVisible();
		await expect(page.locator('input[name="label"]')).toHaveValue('Client');
		// The inspector has no heading of its own: the sheet's names it.
		await titledOnce(page, 'Inspector');
		await page.getByRole('button', { name: 'Close Inspector' }).tap();
		await expect(page.getByTestId('inspector')).toBeHidden();

		await page.getByRole('button', { name: 'Add', exact: true }).tap();
		await expect(page.getByTestId('palette-item').first()).toBeVisible();
		await page.locator('[data-testid="palette-item"][data-kind="cache"]').tap();
		await expect(page.getByTestId('node')).toHaveCount(5);
		await expect(page.getByTestId('palette-item').first()).toBeHidden();

		await page.getByTestId('run-start').tap();
		await expect(page.getByTestId('sim-status')).toHaveText(/running|done/);
		await page.getByRole('button', { name: 'Charts' }).tap();
		await expect(page.getByTestId('chart-throughput')).toBeVisible();
		await expect(page.getByTestId('timeline')).toBeVisible();
		await expect.poll(() => page.getByTestId('chart-throughput').locator('path').count(), { timeout: 30_000 }).toBeGreaterThan(0);
		await page.screenshot({ path: '/tmp/lb-phone-charts.png' });
		await oneVisibleEach(page, ['chart-throughput', 'chart-latency', 'timeline', 'run-start', 'canvas']);
	});

	test('a panel opened from the menu is a sheet; touch pans and pinch zooms the canvas', async ({ page }) => {
		await openApp(page);
		await page.getByTestId('more-button').tap();
		await page.getByTestId('open-templates').tap();
		await expect(page.getByTestId('templates')).toBeVisible();
		await inView(page, 'templates');
		// The panel's own heading names the sheet, once (the sheet's title said it again).
		await titledOnce(page, 'Templates');
		await page.screenshot({ path: '/tmp/lb-phone-templates.png' });
		await page.getByRole('button', { name: 'Close Templates' }).tap();
		await expect(page.getByTestId('templates')).toBeHidden();
		await page.getByTestId('more-button').tap();

		const cdp = await page.context().newCDPSession(page);
		const before = await viewport(page);
		// One finger on empty canvas pans.
		await touch(cdp, 'touchStart', [{ x: 200, y: 250 }]);
		for (let i = 1; i <= 8; i++) await touch(cdp, 'touchMove', [{ x: 200 - i * 10, y: 250 + i * 5 }]);
		await touch(cdp, 'touchEnd', []);
		await expect.poll(async () => (await viewport(page)).x).toBeLessThan(before.x - 40);
		// Two fingers spreading apart zoom in.
		const z0 = (await viewport(page)).zoom;
		await touch(cdp, 'touchStart', [{ x: 180, y: 300 }, { x: 220, y: 300 }]);
		for (let i = 1; i <= 8; i++) await touch(cdp, 'touchMove', [{ x: 180 - i * 10, y: 300 }, { x: 220 + i * 10, y: 300 }]);
		await touch(cdp, 'touchEnd', []);
		await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(z0 * 1.3);
	});

	test('a shared link opens readable on a phone', async ({ page, browser }) => {
		await openApp(page);
		await page.getByTestId('share-button').tap();
		const url = await page.getByTestId('share-url').inputValue();
		const ctx = await browser.newContext(phone);
		const friend = await ctx.newPage();
		await friend.goto(url);
		await expect(friend.getByTestId('shared-banner')).toBeVisible();
		await expect(friend.getByTestId('node').first()).toBeVisible();
		const canvas = (await friend.getByTestId('canvas').boundingBox())!;
		expect(canvas.width).toBeGreaterThanOrEqual(380);
		expect(canvas.height).toBeGreaterThan(400);
		const n = (await node(friend, 'client').boundingBox())!;
		expect(n.x).toBeGreaterThanOrEqual(0);
		expect(n.y).toBeGreaterThanOrEqual(canvas.y);
		expect(n.y + n.height).toBeLessThanOrEqual(canvas.y + canvas.height);
		await friend.screenshot({ path: '/tmp/lb-phone-shared.png' });
		await ctx.close();
	});
});
