// The canvas comes alive when the run fills the overlay store; empty, it looks as drawn.
import { expect, test } from '@playwright/test';
import { node, openApp } from './helpers';

test('live figures colour nodes, badge them, mark the bottleneck and thicken busy edges', async ({ page }) => {
	await openApp(page);
	await expect(page.getByTestId('node-badge')).toHaveCount(0);
	const width = () => page.locator('[data-edge-id="e-lb-web"] path.lb-edge').first().evaluate((p) => parseFloat(getComputedStyle(p).strokeWidth));
	const w0 = await width();
	await page.evaluate(() => {
		const { overlay } = (window as any).__loadbearing;
		const f = (utilization: number, rps: number, p99: number, extra = {}) => ({ utilization, rps, p99, errors: 0, down: false, bottleneck: false, ...extra });
		overlay.setFigures(
			new Map([
				['client', f(0, 1200, 180)],
				['lb', f(0.1, 1200, 0.6)],
				['web', f(0.97, 1100, 140, { bottleneck: true, errors: 100 })],
				['db', f(0.55, 900, 24)]
			]),
			new Map([
				['e-client-lb', { rps: 1200 }],
				['e-lb-web', { rps: 1200 }],
				['e-web-db', { rps: 300 }]
			])
		);
		overlay.setFindings(new Map([['db', ['Single point of failure: one database, no follower.']]]));
	});
	await expect(page.getByTestId('node-badge')).toHaveCount(4);
	await expect(node(page, 'web')).toContainText('bottleneck');
	await expect(node(page, 'db').getByTestId('node-finding')).toBeVisible();
	expect(await width()).toBeGreaterThan(w0 + 2);
	await page.screenshot({ path: '/tmp/editor-overlay-light.png' });
	await page.getByTestId('theme-toggle').click();
	await page.screenshot({ path: '/tmp/editor-overlay-dark.png' });
	await page.evaluate(() => (window as any).__loadbearing.overlay.clearFigures());
	await expect(page.getByTestId('node-badge')).toHaveCount(0);
});
