// Run on a wide design keeps it on the canvas while the run dock opens: the readable fit
// made in the frame the dock opened was shifted again by the canvas's resize handling, and
// the design disappeared off the top of the canvas (seen retaking the README screenshot).
import { expect, test } from '@playwright/test';
import { node, openApp } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });

test('Run on a template keeps the design in view as the dock opens', async ({ page }) => {
	await openApp(page);
	await page.getByRole('button', { name: 'Templates' }).click();
	await page.locator('[data-testid="template-item"][data-template-id="path-4-replication"]').click();
	await expect(node(page, 'db-f1')).toBeVisible();
	await page.getByRole('button', { name: 'Templates' }).click();
	await page.getByTestId('run-speed-1').click();
	await page.getByTestId('run-start').click();
	await expect.poll(() => page.evaluate(() => (window as any).__loadbearingRun.timeS as number), { timeout: 30_000 }).toBeGreaterThan(2);
	await expect(page.getByTestId('chart-throughput')).toBeVisible();
	const canvas = (await page.getByTestId('canvas').boundingBox())!;
	// Readable from the left edge: the parts where traffic enters are wholly on the canvas.
	for (const id of ['client', 'dns', 'lb']) {
		const b = (await node(page, id).boundingBox())!;
		expect(b.x, id).toBeGreaterThanOrEqual(canvas.x - 1);
		expect(b.x + b.width, id).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
		expect(b.y, id).toBeGreaterThanOrEqual(canvas.y - 1);
		expect(b.y + b.height, id).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
	}
	await page.getByTestId('run-pause').click();
	await page.screenshot({ path: '/tmp/lb-run-view.png' });
});

test('the zoom buttons zoom in and out, and Fit to screen brings every part into view', async ({ page }) => {
	await openApp(page);
	await page.getByRole('button', { name: 'Templates' }).click();
	await page.locator('[data-testid="template-item"][data-template-id="path-4-replication"]').click();
	await expect(node(page, 'db-f1')).toBeVisible();
	await page.getByRole('button', { name: 'Templates' }).click();
	const width = async () => (await node(page, 'client').boundingBox())!.width;
	const w0 = await width();
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await expect.poll(width).toBeGreaterThan(w0 * 1.1);
	await page.getByRole('button', { name: 'Zoom out' }).click();
	await page.getByRole('button', { name: 'Zoom out' }).click();
	await expect.poll(width).toBeLessThan(w0 * 0.95);
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await page.getByRole('button', { name: 'Fit to screen' }).click();
	const canvas = (await page.getByTestId('canvas').boundingBox())!;
	await expect
		.poll(async () => {
			const out: string[] = [];
			for (const el of await page.getByTestId('node').all()) {
				const b = (await el.boundingBox())!;
				if (b.x < canvas.x - 1 || b.y < canvas.y - 1 || b.x + b.width > canvas.x + canvas.width + 1 || b.y + b.height > canvas.y + canvas.height + 1) out.push((await el.getAttribute('data-node-id'))!);
			}
			return out;
		})
		.toEqual([]);
});
