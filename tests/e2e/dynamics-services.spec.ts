// Services and caches as a user meets them: a gallery template opened, a connection pool and
// a cache's coalescing set in the inspector, a run, and what they did read in the summary; a
// pool too small for an idle database, its advice applied in one click and the run repeated;
// a blocking web tier tied up by a slowed database, told to add a bulkhead, and the fix applied.
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { design, node, openApp } from './helpers';

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
	// The refusals came while the database was slowed: the pool is a bulkhead, not too small.
	const b = summary.getByTestId('bottleneck');
	await expect(b).toContainText(/Web \(blocking\) → Database: the connection pool \(8 per instance, no wait\) refused [\d,]+ requests/);
	await expect(b).toContainText('after Database slowed ×100 at 10 s: it kept the slow calls from tying up every worker (a bulkhead)');
	await expect(summary.getByTestId('suggestion').filter({ hasText: 'Raise the pool' })).toHaveCount(0);
	await page.screenshot({ path: '/tmp/dyn-pool-summary.png' });
});

test('the broken pool pattern: the summary blames the slowed database, not the web tier, and its bulkhead fix ends the refusals', async ({ page }) => {
	test.setTimeout(240_000);
	await openPattern(page, 'Connection-pool exhaustion');
	await runToEnd(page);
	const summary = page.getByTestId('run-summary');
	const b = summary.getByTestId('bottleneck');
	await expect(b).toHaveAttribute('data-node-id', 'web');
	await expect(b).toContainText(/Web \(blocking\)'s workers were tied up waiting on Database \(slowed ×100 at 10 s\): \d+% of Web \(blocking\)'s busy time was waiting on it/);
	await expect(b).toContainText('Give each dependency its own connection pool (a bulkhead) or a shorter timeout on Web (blocking) → Database');
	await expect(b).not.toContainText(/scale it out/i);
	await expect(summary.getByTestId('suggestion').filter({ hasText: /Scale|autoscaling/ })).toHaveCount(0);
	await expect(summary.getByTestId('suggestion').nth(1)).toContainText(/Time out Web \(blocking\) → Database after \d+ ms/);
	await expect(summary.getByTestId('summary-cause').filter({ hasText: /rejected \(queue full\) at Web/ }).first()).toBeVisible();
	await page.screenshot({ path: '/tmp/dyn-tiedup-advice.png' });
	const fix = summary.getByTestId('suggestion').first();
	await expect(fix).toContainText('Give Web (blocking) → Database its own pool of 16 connections per instance, no wait');
	await fix.getByRole('button', { name: 'Apply' }).click();
	await expect(fix.getByRole('button', { name: 'Applied' })).toBeDisabled();
	await expect.poll(async () => (await design(page)).edges.find((e) => e.id === 'web->db')!.params.pool).toEqual({ enabled: true, size: 16, waitTimeoutMs: 0 });
	// Run again: the web tier refuses nothing; the pool turns the slow reads away at once.
	await page.getByTestId('run-start').click();
	await expect(status(page)).toHaveText('done', { timeout: 120_000 });
	await expect(page.getByTestId('run-summary').getByTestId('bottleneck')).toContainText(
		/Web \(blocking\) → Database: the connection pool \(16 per instance, no wait\) refused [\d,]+ requests .* after Database slowed ×100 at 10 s: it kept the slow calls from tying up every worker \(a bulkhead\)/,
		{ timeout: 120_000 }
	);
	await expect(page.getByTestId('summary-cause').filter({ hasText: /rejected \(queue full\)/ })).toHaveCount(0);
	await page.screenshot({ path: '/tmp/dyn-tiedup-fixed.png' });
});

test('a pool too small for an idle database: the summary names the edge and the pool, and its fix ends the refusals', async ({ page }, info) => {
	test.setTimeout(240_000);
	await openApp(page);
	// 600 reads/s for 20 ms each: 3 calls in flight per web instance, for 2 pooled connections.
	const at = (x: number) => ({ x, y: 120 });
	const file = info.outputPath('small-pool.json');
	writeFileSync(
		file,
		JSON.stringify({
			format: 'loadbearing/design',
			version: 1,
			id: 'small-pool',
			name: 'Small pool',
			nodes: [
				{ id: 'users', kind: 'client', label: 'Users', position: at(0), params: { rps: 600, mix: { static: 0, read: 1, write: 0 } } },
				{ id: 'web', kind: 'service', label: 'Web', position: at(240), params: { instances: 4, serviceTimeMs: 5 } },
				{ id: 'db', kind: 'database', label: 'DB', position: at(480), params: { readMs: 20 } }
			],
			edges: [
				{ id: 'e1', source: 'users', target: 'web', params: {} },
				{ id: 'e2', source: 'web', target: 'db', params: { pool: { enabled: true, size: 2, waitTimeoutMs: 20 } } }
			],
			scenario: { durationS: 30, warmupS: 5, seed: 1, events: [] }
		})
	);
	await page.getByTestId('import-file').setInputFiles(file);
	await expect(page.getByTestId('node')).toHaveCount(3);
	await runToEnd(page);
	const summary = page.getByTestId('run-summary');
	const b = summary.getByTestId('bottleneck');
	await expect(b).toHaveAttribute('data-node-id', 'web');
	await expect(b).toContainText(/Web → DB: the connection pool \(2 per instance, 20 ms wait\) refused [\d,]+ requests \(\d+% of all\) while DB was \d+% busy: raise the pool size or the wait\./);
	await expect(b).not.toContainText(/scale|Scale/);
	const fix = summary.getByTestId('suggestion').first();
	await expect(fix).toContainText(/Raise the pool of Web → DB to \d+ connections per instance/);
	const size = Number((await fix.innerText()).match(/to (\d+) connections/)![1]);
	await page.screenshot({ path: '/tmp/dyn-pool-advice.png' });
	await fix.getByRole('button', { name: 'Apply' }).click();
	await expect(fix.getByRole('button', { name: 'Applied' })).toBeDisabled();
	await expect.poll(async () => (await design(page)).edges.find((e) => e.id === 'e2')!.params.pool).toEqual({ enabled: true, size, waitTimeoutMs: 20 });
	// Run again: the pool no longer binds, so the summary no longer blames it.
	await page.getByTestId('run-start').click();
	await expect(status(page)).toHaveText('done', { timeout: 120_000 });
	await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 20_000 });
	// (The first run's summary never said this, so this is the second run's.)
	await expect(page.getByTestId('run-summary').getByTestId('bottleneck')).toContainText(/nothing is saturated/i, { timeout: 120_000 });
	await expect(page.getByTestId('run-summary').getByTestId('bottleneck')).not.toContainText('connection pool');
	await expect(page.getByTestId('summary-cause').filter({ hasText: 'connection pool' })).toHaveCount(0);
	await page.screenshot({ path: '/tmp/dyn-pool-fixed.png' });
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
