// Run it live: the starting example runs, every chart fills, a failure from the timeline
// shows as errors then recovery, pause and step work, and the summary names the bottleneck.
import { expect, test, type Page } from '@playwright/test';
import { design, importDesign, openApp, runToEnd } from './helpers';

const status = (page: Page) => page.getByTestId('sim-status');

async function chartFilled(page: Page, id: string) {
	await expect(page.getByTestId(id).locator('path.series[d]').first()).toBeAttached();
}

/** Frames the run store holds, read from the page (the charts draw the same buffer). */
async function frames(page: Page): Promise<{ t: number; served: number; unavailable: number }[]> {
	return page.evaluate(() => {
		const run = (window as any).__loadbearingRun;
		const out = [];
		// Offsets from src/lib/protocol/frames.ts: t 0, failed.unavailable 2+2+3, servedRps 6+5.
		for (let i = 0; i < run.ring.length; i++) out.push({ t: run.ring.global(i, 0), unavailable: run.ring.global(i, 7), served: run.ring.global(i, 12) }); // G.servedRps = 6 + the 6 failure reasons
		return out;
	});
}

test('run the example: charts fill, pause and step, summary', async ({ page }) => {
	await openApp(page);
	await expect(status(page)).toHaveText('idle');
	await page.getByTestId('run-speed-10').click();
	await page.getByTestId('run-start').click();
	await expect(status(page)).toHaveText('running');
	for (const id of ['chart-throughput', 'chart-latency', 'chart-errors', 'chart-utilization']) await chartFilled(page, id);
	// A selected node gets its own charts (queue depth, instances…).
	await page.locator('[data-testid="node"][data-node-id="web"]').click();
	await chartFilled(page, 'chart-node-queue');
	await chartFilled(page, 'chart-node-instances');
	await page.screenshot({ path: '/tmp/run-running.png' });

	await page.getByTestId('run-pause').click();
	await expect(status(page)).toHaveText('paused');
	const before = (await frames(page)).length;
	await page.getByTestId('run-step').click();
	await expect.poll(async () => (await frames(page)).length).toBe(before + 1);
	await page.waitForTimeout(300);
	expect((await frames(page)).length).toBe(before + 1);

	await page.getByTestId('run-speed-max').click();
	await page.getByTestId('run-start').click();
	await expect(status(page)).toHaveText('done', { timeout: 30_000 });
	const summary = page.getByTestId('run-summary');
	await expect(summary).toBeVisible();
	await expect(summary.getByTestId('bottleneck')).toHaveAttribute('data-node-id', /.+/);
	await page.screenshot({ path: '/tmp/run-done.png' });

	await page.getByTestId('run-reset').click();
	await expect(status(page)).toHaveText('idle');
});

test('an imported design that saturates its database: the summary names it and a fix applies in one click', async ({ page }) => {
	await page.goto('/');
	const node = (id: string, kind: string, x: number, params: object) => ({ id, kind, label: id === 'db' ? 'Primary DB' : undefined, position: { x, y: 100 }, params });
	await importDesign(page, {
		format: 'loadbearing/design',
		version: 1,
		id: 'hot-db',
		name: 'Hot database',
		nodes: [node('users', 'client', 0, { rps: 1500 }), node('web', 'service', 250, { instances: 20 }), node('db', 'database', 500, { concurrency: 4, queueLimit: 50 })],
		edges: [
			{ id: 'e1', source: 'users', target: 'web', params: {} },
			{ id: 'e2', source: 'web', target: 'db', params: {} }
		],
		scenario: { durationS: 20, warmupS: 2, seed: 7, events: [] }
	});
	const summary = await runToEnd(page);
	await expect(summary).toContainText('Missed the goals');
	const b = summary.getByTestId('bottleneck');
	await expect(b).toHaveAttribute('data-node-id', 'db');
	await expect(b).toContainText(/Primary DB" is at \d+% utilization: add read replicas or a cache for the 90% reads/);
	await expect(summary.getByTestId('suggestion')).toHaveCount(3);
	await page.screenshot({ path: '/tmp/run-hot-db.png' });
	await summary.getByRole('button', { name: 'Apply' }).first().click();
	await expect(page.getByTestId('node')).toHaveCount(4);
	expect((await design(page)).nodes.some((n) => n.kind === 'cache')).toBe(true);
	await page.keyboard.press('Control+z');
	await expect(page.getByTestId('node')).toHaveCount(3);
});
