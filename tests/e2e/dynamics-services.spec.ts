// Services and caches as a user meets them: a gallery template opened, a connection pool and
// a cache's coalescing set in the inspector, a run, and what they did read in the summary.
import { expect, test, type Page } from '@playwright/test';
import { design, node } from './helpers';

const status = (page: Page) => page.getByTestId('sim-status');

async function openPattern(page: Page, title: string) {
	await page.goto('/');
	await expect(page.getByTestId('node').first()).toBeVisible();
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
	await page.getByRole('button', { name: 'Templates' }).click();
	await page.getByTestId('template-item').filter({ hasText: title }).first().click();
	await expect.poll(async () => (await design(page)).name).toBe(title);
}

async function runToEnd(page: Page) {
	await page.getByTestId('run-speed-max').click();
	await page.getByTestId('run-start').click();
	await expect(status(page)).toHaveText('done', { timeout: 120_000 });
	await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 20_000 });
}

test('a connection pool set in the inspector: its refusals are a cause of their own in the summary', async ({ page }) => {
	test.setTimeout(180_000);
	await openPattern(page, 'Connection-pool exhaustion');
	// The web tier's call to the database: a bulkhead of 8 connections that never waits.
	await page.locator('[data-edge-id="web->db"] path').first().click({ force: true });
	const insp = page.getByTestId('inspector');
	await expect(insp.locator('input[name="pool.enabled"]')).toBeChecked();
	await insp.locator('input[name="pool.size"]').fill('8');
	await insp.locator('input[name="pool.size"]').press('Tab');
	await insp.locator('input[name="pool.waitTimeoutMs"]').fill('0');
	await insp.locator('input[name="pool.waitTimeoutMs"]').press('Tab');
	await expect
		.poll(async () => (await design(page)).edges.find((e) => e.id === 'web->db')!.params.pool)
		.toMatchObject({ enabled: true, size: 8, waitTimeoutMs: 0 });
	await page.screenshot({ path: '/tmp/dyn-pool-inspector.png' });
	await runToEnd(page);
	const summary = page.getByTestId('run-summary');
	const cause = summary.getByTestId('summary-cause').filter({ hasText: 'refused by a full connection pool' }).first();
	await expect(cause).toHaveText(/^[\d,]+ requests refused by a full connection pool \(pool-wait timeout\) at Web/);
	await expect(cause).toHaveAttribute('data-node-id', 'web');
	// The errors chart stacks the new reason in its own band.
	await expect(page.getByTestId('chart-errors').locator('path.series[data-series="pool-timeout"]')).toHaveAttribute('d', /\d/);
	await page.screenshot({ path: '/tmp/dyn-pool-summary.png' });
});

test('coalescing switched on for a cache: the summary says how many misses shared a fetch', async ({ page }) => {
	test.setTimeout(180_000);
	await openPattern(page, 'Cache cold-mode collapse');
	await node(page, 'cache').click();
	const insp = page.getByTestId('inspector');
	await insp.locator('input[name="coalesce"]').check();
	// Its lease only matters once coalescing is on, so the field shows then.
	await expect(insp.locator('input[name="leaseMs"]')).toBeVisible();
	await expect.poll(async () => (await design(page)).nodes.find((n) => n.id === 'cache')!.params.coalesce).toBe(true);
	await runToEnd(page);
	const line = page.getByTestId('summary-cache');
	await expect(line).toHaveAttribute('data-node-id', 'cache');
	await expect(line).toHaveText(/^Cache: hit ratio \d+%; [\d,]+ misses waited for another's fetch \(coalesced\)\.$/);
	const coalesced = Number((await line.innerText()).match(/([\d,]+) misses/)![1].replace(/,/g, ''));
	expect(coalesced).toBeGreaterThan(100);
	await page.screenshot({ path: '/tmp/dyn-coalesce-summary.png' });
});
