// Laptop screens: a resizable, remembered run dock; Run fits the view; the summary's node
// link centres it; templates open readable; panels open at their top beside the inspector.
import { expect, test, type Page } from '@playwright/test';
import { centre, dragFromTo, node, openApp } from './helpers';
import { labelPx, wholeInCanvas } from './devices';

test.use({ viewport: { width: 1280, height: 720 } });

const dockHeight = (page: Page) => page.locator('.dock-body').evaluate((e) => e.getBoundingClientRect().height);

test('the run dock resizes by drag and by keyboard, and keeps its height after a reload', async ({ page }) => {
	await openApp(page);
	await page.getByTestId('run-speed-max').click();
	await page.getByTestId('run-start').click();
	await expect(page.getByTestId('sim-status')).toHaveText('done', { timeout: 60_000 });
	const h0 = await dockHeight(page);
	const c = await centre(page.getByTestId('dock-resizer'));
	await dragFromTo(page, c, { x: c.x, y: c.y - 120 });
	await expect.poll(() => dockHeight(page)).toBeGreaterThan(h0 + 100);
	// The charts have room: the throughput chart is entirely on screen.
	const chart = (await page.getByTestId('chart-throughput').boundingBox())!;
	expect(chart.y + chart.height).toBeLessThanOrEqual(720);
	const h1 = await dockHeight(page);
	await page.getByTestId('dock-resizer').focus();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect.poll(() => dockHeight(page)).toBeLessThan(h1 - 40);
	const h2 = await dockHeight(page);
	await expect(page.getByTestId('dock-resizer')).toHaveAttribute('aria-valuenow', String(Math.round(h2)));
	await page.screenshot({ path: '/tmp/lb-laptop-dock.png' });
	await page.reload();
	await expect(page.getByTestId('node')).toHaveCount(4);
	await page.getByRole('button', { name: /Timeline & charts/ }).click();
	await expect.poll(() => dockHeight(page)).toBeGreaterThan(h2 - 2);
	expect(await dockHeight(page)).toBeLessThan(h2 + 2);
});

test('Run fits the design into the canvas; the node named in the summary is centred when clicked', async ({ page }) => {
	await openApp(page);
	// Pan the design away first.
	await dragFromTo(page, { x: 700, y: 200 }, { x: 1000, y: 120 });
	await page.getByTestId('run-speed-max').click();
	await page.getByTestId('run-start').click();
	await expect(page.getByTestId('sim-status')).toHaveText('done', { timeout: 60_000 });
	const canvas = (await page.getByTestId('canvas').boundingBox())!;
	for (const id of ['client', 'lb', 'web', 'db']) {
		const b = (await node(page, id).boundingBox())!;
		expect(b.x, id).toBeGreaterThanOrEqual(canvas.x - 1);
		expect(b.x + b.width, id).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
		expect(b.y, id).toBeGreaterThanOrEqual(canvas.y - 1);
		expect(b.y + b.height, id).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
	}
	const link = page.getByTestId('run-summary').getByRole('button', { name: 'Service' }).first();
	await dragFromTo(page, { x: canvas.x + 60, y: canvas.y + 20 }, { x: canvas.x + 400, y: canvas.y + 60 });
	await link.click();
	await expect.poll(async () => page.evaluate(() => (window as any).__loadbearing.editor.selectedNodeIds)).toEqual(['web']);
	const cv = (await page.getByTestId('canvas').boundingBox())!;
	await expect.poll(async () => {
		const w = await centre(node(page, 'web'));
		return Math.hypot(w.x - (cv.x + cv.width / 2), w.y - (cv.y + cv.height / 2));
	}).toBeLessThan(20);
});

test('a template opens readable, panels open at their top and leave the inspector in view', async ({ page }) => {
	await openApp(page);
	await page.getByTestId('open-templates').click();
	await page.getByTestId('template-item').nth(3).click();
	await expect.poll(() => page.getByTestId('node').count()).toBeGreaterThan(4);
	await page.waitForTimeout(500);
	// Labels are 13 px at zoom 1: every node on screen is drawn at ≥ 11/13 of its size.
	const widths = await page.getByTestId('node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
	for (const w of widths) expect(w).toBeGreaterThanOrEqual((184 * 11) / 13 - 1);
	await page.screenshot({ path: '/tmp/lb-laptop-template.png' });

	const first = page.getByTestId('node').first();
	await first.click();
	await expect(page.getByTestId('templates')).toBeVisible();
	await expect(page.getByTestId('inspector')).toBeVisible();
	await expect(page.getByTestId('inspector')).toBeInViewport();

	await page.getByTestId('open-estimator').click();
	await expect(page.getByTestId('estimator')).toBeVisible();
	await page.waitForTimeout(300);
	const scrolled = await page.getByTestId('estimator').evaluate((el) => {
		const up: Element[] = [];
		for (let e: Element | null = el; e; e = e.parentElement) up.push(e);
		return [...up, ...el.querySelectorAll('*')].some((e) => e.scrollTop > 0);
	});
	expect(scrolled).toBe(false);
});

test.describe('desktop 1400×900', () => {
	test.use({ viewport: { width: 1400, height: 900 } });

	test('a practice panel opened beside a selection leaves every inspector field reachable and uncovered', async ({ page }) => {
		await openApp(page);
		for (const panel of ['templates', 'challenges', 'estimator', 'review']) {
			await node(page, 'web').click();
			await page.getByTestId(`open-${panel}`).click();
			await expect(page.getByTestId(panel)).toBeVisible();
			const inspector = page.getByTestId('inspector');
			await expect(inspector).toBeVisible();
			await expect(inspector.locator('input[name="label"]')).toHaveValue('Service');
			// The panel's box ends where the inspector's begins.
			const ib = (await inspector.boundingBox())!;
			const pb = (await page.locator(`div.panel:has([data-testid="${panel}"])`).boundingBox())!;
			expect(pb.y + pb.height, panel).toBeLessThanOrEqual(ib.y + 1);
			expect(ib.height, panel).toBeGreaterThan(250);
			// Each field, scrolled to, is on screen and is what a click there reaches.
			const covered = await inspector.evaluate((root) => {
				const out: string[] = [];
				for (const f of root.querySelectorAll<HTMLElement>('input, select, button')) {
					f.scrollIntoView({ block: 'nearest' });
					const r = f.getBoundingClientRect();
					const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
					const ok = hit && (f === hit || f.contains(hit) || (hit as HTMLLabelElement).control === f);
					if (!ok || r.bottom > innerHeight) out.push(f.getAttribute('name') ?? f.textContent ?? f.tagName);
				}
				return out;
			});
			expect(covered, panel).toEqual([]);
			await page.screenshot({ path: `/tmp/lb-desktop-${panel}-inspector.png` });
			await page.getByTestId(`open-${panel}`).click();
			await expect(page.getByTestId(panel)).toBeHidden();
		}
	});
});

// The start-up design on a laptop: whole and readable (11 px labels) where the canvas holds
// it at that size; at 1280 px it is whole, a little smaller, not panned.
for (const { width, height, readable } of [
	{ width: 1440, height: 900, readable: true },
	{ width: 1366, height: 768, readable: true },
	{ width: 1280, height: 720, readable: false }
]) {
	test.describe(`${width}×${height}`, () => {
		test.use({ viewport: { width, height } });
		test(`the start-up design opens whole${readable ? ' with 11 px labels' : ''}`, async ({ page }) => {
			await openApp(page);
			await wholeInCanvas(page);
			const px = await labelPx(page, 'client');
			if (readable) expect(px).toBeGreaterThanOrEqual(10.95);
			else expect(px).toBeGreaterThan(8);
			await page.screenshot({ path: `/tmp/start-${width}.png` });
		});
	});
}
