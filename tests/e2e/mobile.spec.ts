// Phone (390×844, touch): the canvas takes the screen, the rest opens as bottom sheets.
// Tablet (820×1180 and 1024×768, touch): the palette is an icon rail and the inspector
// slides over the canvas while something is selected. Every contract testid has at most
// one visible element in each layout.
import { expect, test, type Page, type CDPSession } from '@playwright/test';
import { design, node, openApp } from './helpers';

const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const tablet = { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true };
const landscape = { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true };
const CONTRACT = ['run-start', 'run-pause', 'run-reset', 'sim-status', 'share-button', 'export-png', 'export-json', 'new-design', 'canvas', 'inspector', 'palette-region', 'undo', 'redo', 'theme-toggle', 'help'];
const STARTER = ['client', 'lb', 'web', 'db'];

/** The start-up design lies whole inside the canvas; returns the zoom it is drawn at. */
async function wholeInCanvas(page: Page) {
	const canvas = (await page.getByTestId('canvas').boundingBox())!;
	let zoom = Infinity;
	for (const id of STARTER) {
		const b = (await node(page, id).boundingBox())!;
		expect(b.x, id).toBeGreaterThanOrEqual(canvas.x);
		expect(b.x + b.width, id).toBeLessThanOrEqual(canvas.x + canvas.width);
		expect(b.y, id).toBeGreaterThanOrEqual(canvas.y);
		expect(b.y + b.height, id).toBeLessThanOrEqual(canvas.y + canvas.height);
		zoom = Math.min(zoom, b.width / 184);
	}
	return zoom;
}

async function inView(page: Page, testid: string) {
	const el = page.getByTestId(testid);
	await expect(el).toBeVisible();
	const b = (await el.boundingBox())!;
	const vw = page.viewportSize()!.width;
	expect(b.x).toBeGreaterThanOrEqual(0);
	expect(b.x + b.width).toBeLessThanOrEqual(vw);
}

/** Each testid given has at most one visible element (the contract, in every layout). */
async function oneVisibleEach(page: Page, ids: string[]) {
	for (const id of ids) {
		const n = await page.getByTestId(id).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null && e.getClientRects().length > 0).length);
		expect(n, id).toBeLessThanOrEqual(1);
	}
}

const viewport = (page: Page) => page.evaluate(() => {
	const t = getComputedStyle(document.querySelector('.svelte-flow__viewport')!).transform;
	const m = new DOMMatrix(t);
	return { x: m.e, y: m.f, zoom: m.a };
});

async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) {
	await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });
}

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
		// Whole, and as large as it fits: 13 px labels drawn at ≥ 8.5 px (the row of four is
		// 1048 units wide; 11 px would need 887 px), the row filling most of the canvas.
		const zoom = await wholeInCanvas(page);
		expect(13 * zoom).toBeGreaterThanOrEqual(8.5);
		const span = (await node(page, 'db').boundingBox())!.x + 184 * zoom - (await node(page, 'client').boundingBox())!.x;
		expect(span).toBeGreaterThan(0.85 * canvas.width);
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
		// The last part of the row lies where the slide-over comes: tapped, it is panned into
		// view beside it.
		await node(page, 'db').tap();
		await expect(page.locator('input[name="label"]')).toHaveValue('Database');
		await expect.poll(async () => (await node(page, 'db').boundingBox())!.x + (await node(page, 'db').boundingBox())!.width).toBeLessThanOrEqual(ib.x);
		expect((await node(page, 'db').boundingBox())!.x).toBeGreaterThanOrEqual(canvas.x);
		await page.screenshot({ path: '/tmp/lb-tablet-revealed.png' });
		await page.getByRole('button', { name: 'Close Inspector' }).tap();
		await expect(inspector).toBeHidden();
		await expect.poll(async () => page.evaluate(() => (window as any).__loadbearing.editor.selectedIds.length)).toBe(0);

		// A shared link opens on a tablet with the design whole.
		await page.getByTestId('share-button').tap();
		const url = await page.getByTestId('share-url').inputValue();
		const ctx = await browser.newContext(tablet);
		const friend = await ctx.newPage();
		await friend.goto(url);
		await expect(friend.getByTestId('shared-banner')).toBeVisible();
		await expect(friend.getByTestId('node')).toHaveCount(4);
		const fc = (await friend.getByTestId('canvas').boundingBox())!;
		for (const n of await friend.getByTestId('node').all()) {
			const b = (await n.boundingBox())!;
			expect(b.x).toBeGreaterThanOrEqual(fc.x);
			expect(b.x + b.width).toBeLessThanOrEqual(fc.x + fc.width);
			expect(b.y).toBeGreaterThanOrEqual(fc.y);
			expect(b.y + b.height).toBeLessThanOrEqual(fc.y + fc.height);
		}
		await ctx.close();

		// Tap a rail item: the part is added and shown in the inspector; a panel opens over
		// it and closes back to it.
		await rail.getByRole('button', { name: 'Cache', exact: true }).tap();
		await expect(page.getByTestId('node')).toHaveCount(5);
		await expect(page.locator('input[name="label"]')).toHaveValue(/^Cache/);
		await page.getByTestId('open-templates').tap();
		await expect(page.getByTestId('templates')).toBeVisible();
		await oneVisibleEach(page, [...CONTRACT, 'templates']);
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
		expect(13 * (await wholeInCanvas(page))).toBeGreaterThanOrEqual(10.95);
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
		await page.screenshot({ path: '/tmp/lb-tablet-landscape-templates.png' });
		await page.getByRole('button', { name: 'Close Templates' }).tap();
		await page.getByRole('button', { name: 'Close Inspector' }).tap();
		await expect(page.getByTestId('inspector')).toBeHidden();
	});
});
