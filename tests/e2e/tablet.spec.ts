// Tablet (820×1180 and 1024×768, touch): the palette is an icon rail and the inspector (or
// an open panel) slides over the canvas while something is selected. Designs open readable
// (labels of at least 11 px on screen), panned to their entry side when they do not fit;
// every contract testid has at most one visible element.
import { expect, test } from '@playwright/test';
import { design, node, openApp } from './helpers';
import { CONTRACT, labelPx, landscape, oneVisibleEach, tablet, titledOnce, touch, wholeInCanvas } from './devices';

test.describe('tablet', () => {
	test.use(tablet);

	test('drag a part from the palette with a finger, then connect by tapping two handles', async ({ page }) => {
		await openApp(page);
		const cdp = await page.context().newCDPSession(page);
		const item = (await page.locator('[data-testid="palette-item"][data-kind="service"]').boundingBox())!;
		const client = (await node(page, 'client').boundingBox())!;
		const from = { x: item.x + 30, y: item.y + item.height / 2 };
		// Under the client, which is in view at the tablet's readable zoom.
		const to = { x: client.x + client.width / 2 + 40, y: client.y + client.height / 2 + 200 };
		await touch(cdp, 'touchStart', [from]);
		// Sideways first (a vertical move scrolls the palette), then to the drop point.
		for (let i = 1; i <= 4; i++) await touch(cdp, 'touchMove', [{ x: from.x + i * 15, y: from.y }]);
		const mid = { x: from.x + 60, y: from.y };
		for (let i = 1; i <= 12; i++) await touch(cdp, 'touchMove', [{ x: mid.x + ((to.x - mid.x) * i) / 12, y: mid.y + ((to.y - mid.y) * i) / 12 }]);
		await touch(cdp, 'touchEnd', []);
		await expect(page.getByTestId('node')).toHaveCount(5);
		const added = (await design(page)).nodes.find((n) => n.kind === 'service' && n.id !== 'web')!;
		const box = (await node(page, added.id).boundingBox())!;
		expect(Math.abs(box.x + box.width / 2 - to.x)).toBeLessThan(30);
		expect(Math.abs(box.y + box.height / 2 - to.y)).toBeLessThan(30);

		await page.screenshot({ path: '/tmp/lb-tablet-dropped.png' });
		// Tap the client's source handle, then the new service's target handle.
		await node(page, 'client').locator('.svelte-flow__handle.source').tap();
		await node(page, added.id).locator('.svelte-flow__handle.target').tap();
		await expect.poll(async () => (await design(page)).edges.some((e) => e.source === 'client' && e.target === added.id)).toBe(true);
		await page.screenshot({ path: '/tmp/lb-tablet.png' });
		await oneVisibleEach(page, ['canvas', 'inspector', 'run-start', 'share-button', 'export-png']);
	});
});

test.describe('tablet layout', () => {
	test.use(tablet);

	test('the canvas takes the width, the palette is a rail, the inspector slides in on a tap and closes', async ({ page, browser }) => {
		await openApp(page);
		const canvas = (await page.getByTestId('canvas').boundingBox())!;
		expect(canvas.width).toBeGreaterThanOrEqual(740);
		// Readable, not shrunk: the row of four is 1048 units wide and would fit only at 8.8 px
		// labels, so it opens at 11 px from where traffic enters, the rest a pan away.
		const zoom = await wholeInCanvas(page, ['client', 'lb']);
		expect(await labelPx(page, 'client')).toBeGreaterThanOrEqual(10.95);
		expect((await node(page, 'client').boundingBox())!.x).toBeLessThan(canvas.x + 48);
		await expect(page.getByTestId('inspector')).toBeHidden();

		// The rail: narrow buttons, each still named (accessible name and tooltip).
		const rail = page.locator('#palette');
		expect((await rail.boundingBox())!.width).toBeLessThanOrEqual(64);
		const db = rail.getByRole('button', { name: 'Database', exact: true });
		await expect(db).toBeVisible();
		await expect(db).toHaveAttribute('title', /^Database:/);
		await page.screenshot({ path: '/tmp/lb-tablet-start.png' });

		// Tap a node: the inspector slides over the canvas, which keeps its width.
		await node(page, 'lb').tap();
		const inspector = page.getByTestId('inspector');
		await expect(inspector).toBeVisible();
		await expect(page.locator('input[name="label"]')).toHaveValue('Load balancer');
		const ib = (await inspector.boundingBox())!;
		expect(ib.x).toBeGreaterThan(canvas.x + canvas.width / 2 - 50);
		expect(ib.x + ib.width).toBeLessThanOrEqual(820);
		expect((await page.getByTestId('canvas').boundingBox())!.width).toBe(canvas.width);
		await oneVisibleEach(page, CONTRACT);
		await page.screenshot({ path: '/tmp/lb-tablet-inspector.png' });
		await page.getByRole('button', { name: 'Close Inspector' }).tap();
		await expect(inspector).toBeHidden();
		// The service lies where the slide-over comes: tapped, it is panned into view beside it.
		expect((await node(page, 'web').boundingBox())!.x + 184 * zoom).toBeGreaterThan(ib.x);
		await node(page, 'web').tap();
		await expect(page.locator('input[name="label"]')).toHaveValue('Service');
		await expect.poll(async () => (await node(page, 'web').boundingBox())!.x + (await node(page, 'web').boundingBox())!.width).toBeLessThanOrEqual(ib.x);
		expect((await node(page, 'web').boundingBox())!.x).toBeGreaterThanOrEqual(canvas.x);
		await page.screenshot({ path: '/tmp/lb-tablet-revealed.png' });
		await page.getByRole('button', { name: 'Close Inspector' }).tap();
		await expect(inspector).toBeHidden();
		await expect.poll(async () => page.evaluate(() => (window as any).__loadbearing.editor.selectedIds.length)).toBe(0);

		// A shared link opens on a tablet the same way: readable, from its entry.
		await page.getByTestId('share-button').tap();
		const url = await page.getByTestId('share-url').inputValue();
		const ctx = await browser.newContext(tablet);
		const friend = await ctx.newPage();
		await friend.goto(url);
		await expect(friend.getByTestId('shared-banner')).toBeVisible();
		await expect(friend.getByTestId('node')).toHaveCount(4);
		await wholeInCanvas(friend, ['client', 'lb']);
		expect(await labelPx(friend, 'client')).toBeGreaterThanOrEqual(10.95);
		await ctx.close();

		// Tap a rail item: the part is added and shown in the inspector; a panel opens over
		// it and closes back to it.
		await rail.getByRole('button', { name: 'Cache', exact: true }).tap();
		await expect(page.getByTestId('node')).toHaveCount(5);
		await expect(page.locator('input[name="label"]')).toHaveValue(/^Cache/);
		await page.getByTestId('open-templates').tap();
		await expect(page.getByTestId('templates')).toBeVisible();
		await oneVisibleEach(page, [...CONTRACT, 'templates']);
		// The panel's own heading names the slide-over, once, beside its close button.
		await titledOnce(page, 'Templates');
		await page.screenshot({ path: '/tmp/lb-tablet-templates.png' });
		await page.getByRole('button', { name: 'Close Templates' }).tap();
		await expect(page.getByTestId('templates')).toBeHidden();
		await expect(inspector).toBeVisible();
		await page.getByRole('button', { name: 'Close Inspector' }).tap();
		await expect(inspector).toBeHidden();
	});
});

test.describe('tablet landscape', () => {
	test.use(landscape);

	test('the start-up design is whole with labels of at least 11 px; the inspector overlays and closes', async ({ page }) => {
		await openApp(page);
		const canvas = (await page.getByTestId('canvas').boundingBox())!;
		expect(canvas.width).toBeGreaterThanOrEqual(940);
		await wholeInCanvas(page);
		expect(await labelPx(page, 'db')).toBeGreaterThanOrEqual(10.95);
		await page.screenshot({ path: '/tmp/lb-tablet-landscape.png' });
		await node(page, 'web').tap();
		await expect(page.getByTestId('inspector')).toBeVisible();
		expect((await page.getByTestId('canvas').boundingBox())!.width).toBe(canvas.width);
		await oneVisibleEach(page, CONTRACT);
		// A practice panel opened beside the selection stacks above the inspector in the
		// same slide-over, neither covering the other.
		await page.getByTestId('open-templates').tap();
		await expect(page.getByTestId('templates')).toBeVisible();
		const ib = (await page.getByTestId('inspector').boundingBox())!;
		const pb = (await page.locator('div.panel:has([data-testid="templates"])').boundingBox())!;
		expect(pb.y + pb.height).toBeLessThanOrEqual(ib.y + 1);
		expect(ib.y + ib.height).toBeLessThanOrEqual(768);
		await titledOnce(page, 'Templates');
		await page.screenshot({ path: '/tmp/lb-tablet-landscape-templates.png' });
		await page.getByRole('button', { name: 'Close Templates' }).tap();
		await page.getByRole('button', { name: 'Close Inspector' }).tap();
		await expect(page.getByTestId('inspector')).toBeHidden();
	});
});
