// Queue challenges solved through the UI like a user: open the challenge, see its start fail,
// change the queue's fields in the inspector, Check, see Passed.
import { expect, test, type Page } from '@playwright/test';
import { design, node } from './helpers';
import { openChallenge } from './practice-helpers';

test.describe.configure({ timeout: 180_000 });


async function check(page: Page, passed: boolean) {
	if (!(await page.getByTestId('challenges').isVisible())) await page.getByRole('button', { name: 'Challenges' }).click();
	await page.getByTestId('challenge-check').click();
	await expect(page.getByTestId('challenge-verdict')).toHaveAttribute('data-passed', String(passed), { timeout: 90_000 });
}

async function inspect(page: Page, nodeId: string) {
	if (await page.getByTestId('challenges').isVisible()) await page.getByRole('button', { name: 'Challenges' }).click();
	await node(page, nodeId).click();
	return page.getByTestId('inspector');
}

async function setField(page: Page, nodeId: string, name: string, value: string) {
	const field = (await inspect(page, nodeId)).locator(`input[name="${name}"]`);
	await field.fill(value);
	await field.press('Tab');
	await expect.poll(async () => String((await design(page)).nodes.find((n) => n.id === nodeId)!.params[name])).toBe(value);
}

test('dead letters: max receives sends poison messages to the DLQ and the rest flow', async ({ page }) => {
	await openChallenge(page, 'dead-letters');
	await check(page, false);
	await expect(page.getByTestId('goal-result').filter({ hasText: 'messages left waiting' })).toHaveAttribute('data-met', 'false');
	const inspector = await inspect(page, 'events');
	// The queue's delivery fields are in the inspector, with what they do.
	await expect(inspector.locator('input[name="visibilityTimeoutS"]')).toHaveValue('1');
	await expect(inspector.getByText('Max receives')).toBeVisible();
	await setField(page, 'events', 'maxReceives', '3');
	await expect(node(page, 'events')).toContainText('DLQ after 3');
	await check(page, true);
	await expect(page.getByTestId('challenge-verdict')).toHaveText('Passed.');
	for (const g of await page.getByTestId('goal-result').all()) await expect(g).toHaveAttribute('data-met', 'true');
	await page.screenshot({ path: '/tmp/practice-dead-letters.png' });
});

test('consumer groups: partitions, not workers, cap the parallelism', async ({ page }) => {
	await openChallenge(page, 'consumer-group-parallelism');
	const worker = await inspect(page, 'proc');
	await expect(worker.locator('input[name="consumerGroup"]')).toHaveValue('1');
	await expect(node(page, 'orders')).toContainText('2 partitions');
	await setField(page, 'orders', 'partitions', '16');
	await check(page, true);
	await expect(page.getByTestId('challenge-verdict')).toHaveText('Passed.');
	await page.screenshot({ path: '/tmp/practice-partitions.png' });
});

test('poison messages live: the queue charts its consumer lag and dead letters', async ({ page }) => {
	await openChallenge(page, 'dead-letters');
	await setField(page, 'events', 'maxReceives', '3');
	await page.getByTestId('run-speed-max').click();
	await page.getByTestId('run-start').click();
	await expect(page.getByTestId('sim-status')).toHaveText(/running|done/);
	await node(page, 'events').click();
	for (const id of ['chart-node-consumer-lag', 'chart-node-redelivery']) await expect(page.getByTestId(id).locator('path.series[d]').first()).toBeAttached({ timeout: 60_000 });
	await expect(page.getByTestId('sim-status')).toHaveText('done', { timeout: 90_000 });
	// The summary names the poison messages and what they cost.
	await expect(page.getByTestId('summary-fault').first()).toContainText('poison messages into Events');
	// All of them, from every frame of the run (about 370 of 4,700 messages), not those of the first frames only.
	const dead = Number((await page.getByTestId('summary-fault').first().textContent())!.match(/(\d+) dead-lettered/)![1]);
	expect(dead).toBeGreaterThan(300);
	await page.screenshot({ path: '/tmp/practice-dlq-live.png' });
});
