// A queue whose consumers fall behind: the clients' goals hold (a publish is acknowledged at
// once) and the workers sit mostly idle under per-partition ordering, yet the summary must
// not say "Met the goals". It names the queue, and its fix (more partitions) catches up.
import { expect, test } from '@playwright/test';
import { design, importDesign, runToEnd } from './helpers';

test('a queue falling behind misses the goals; more partitions, one click, and it keeps up', async ({ page }) => {
	await page.goto('/');
	const node = (id: string, kind: string, x: number, label: string, params: object) => ({ id, kind, label, position: { x, y: 100 }, params });
	await importDesign(page, {
		format: 'loadbearing/design',
		version: 1,
		id: 'backlog',
		name: 'Orders backlog',
		nodes: [
			node('users', 'client', 0, 'Shoppers', { rps: 200, mix: { static: 0, read: 0, write: 1 } }),
			node('orders', 'queue', 260, 'Orders', { ordering: 'per-partition', partitions: 2 }),
			node('billing', 'worker', 520, 'Billing', { instances: 2, concurrency: 4, serviceTimeMs: 20 })
		],
		edges: [
			{ id: 'e1', source: 'users', target: 'orders', params: {} },
			{ id: 'e2', source: 'orders', target: 'billing', params: {} }
		],
		scenario: { durationS: 60, warmupS: 5, seed: 3, events: [] }
	});
	const summary = await runToEnd(page);
	await expect(summary).toContainText('Missed the goals');
	await expect(summary.getByTestId('summary-success')).toContainText('100.00%');
	await expect(summary.getByTestId('summary-behind')).toContainText("The clients' goals held, but Orders fell behind");
	const b = summary.getByTestId('bottleneck');
	await expect(b).toHaveAttribute('data-node-id', 'orders');
	// About (200 − 100) × 60 messages waiting, 100 more each second.
	await expect(b).toContainText(/fell behind: \d{4} messages were waiting at the end, about (9\d|10\d|11\d) more each second/);
	await expect(b).toContainText('at most 2 messages at once');
	await page.screenshot({ path: '/tmp/run-backlog.png' });
	await summary.getByRole('button', { name: 'Apply' }).first().click();
	await expect.poll(async () => (await design(page)).nodes.find((n) => n.id === 'orders')?.params.partitions).toBe(6);
	await page.getByTestId('run-start').click();
	await expect(page.getByTestId('sim-status')).toHaveText('done', { timeout: 30_000 });
	await expect(summary).toContainText('Met the goals');
	await expect(summary.getByTestId('summary-behind')).toHaveCount(0);
});
