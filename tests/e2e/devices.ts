// Shared by the phone and tablet specs: the devices, the contract's testids and the checks
// a person makes in each layout (on screen, one visible element per testid, touch input).
import { expect, type CDPSession, type Page } from '@playwright/test';
import { node } from './helpers';

export const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
export const tablet = { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true };
export const landscape = { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true };
export const CONTRACT = ['run-start', 'run-pause', 'run-reset', 'sim-status', 'share-button', 'export-png', 'export-json', 'new-design', 'canvas', 'inspector', 'palette-region', 'undo', 'redo', 'theme-toggle', 'help'];
export const STARTER = ['client', 'lb', 'web', 'db'];
/** A node's label as drawn on screen, in px: its font size times the canvas's scale. */
export const labelPx = (page: Page, id: string) => node(page, id).locator('.label').evaluate((el: HTMLElement) =>
	parseFloat(getComputedStyle(el).fontSize) * (el.getBoundingClientRect().height / el.offsetHeight));

/** The start-up design lies whole inside the canvas; returns the zoom it is drawn at. */
export async function wholeInCanvas(page: Page, ids = STARTER) {
	const canvas = (await page.getByTestId('canvas').boundingBox())!;
	let zoom = Infinity;
	for (const id of ids) {
		const b = (await node(page, id).boundingBox())!;
		expect(b.x, id).toBeGreaterThanOrEqual(canvas.x);
		expect(b.x + b.width, id).toBeLessThanOrEqual(canvas.x + canvas.width);
		expect(b.y, id).toBeGreaterThanOrEqual(canvas.y);
		expect(b.y + b.height, id).toBeLessThanOrEqual(canvas.y + canvas.height);
		zoom = Math.min(zoom, b.width / 184);
	}
	return zoom;
}

export async function inView(page: Page, testid: string) {
	const el = page.getByTestId(testid);
	await expect(el).toBeVisible();
	const b = (await el.boundingBox())!;
	const vw = page.viewportSize()!.width;
	expect(b.x).toBeGreaterThanOrEqual(0);
	expect(b.x + b.width).toBeLessThanOrEqual(vw);
}

/** Each testid given has at most one visible element (the contract, in every layout). */
export async function oneVisibleEach(page: Page, ids: string[]) {
	for (const id of ids) {
		const n = await page.getByTestId(id).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null && e.getClientRects().length > 0).length);
		expect(n, id).toBeLessThanOrEqual(1);
	}
}

/** A sheet or slide-over shows its panel's name once, as one heading, beside its close button. */
export async function titledOnce(page: Page, heading: string, close = heading) {
	const h = page.getByRole('heading', { name: heading, exact: true });
	await expect(h).toHaveCount(1);
	const hb = (await h.boundingBox())!;
	const cb = (await page.getByRole('button', { name: `Close ${close}`, exact: true }).boundingBox())!;
	expect(Math.abs(cb.y + cb.height / 2 - (hb.y + hb.height / 2)), 'close button on the heading row').toBeLessThan(12);
}

export const viewport = (page: Page) => page.evaluate(() => {
	const t = getComputedStyle(document.querySelector('.svelte-flow__viewport')!).transform;
	const m = new DOMMatrix(t);
	return { x: m.e, y: m.f, zoom: m.a };
});

export async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) {
	await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });
}
