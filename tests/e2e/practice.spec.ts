import { expect, test, type Page } from '@playwright/test';
import { design, node } from './helpers';

async function openPanel(page: Page, name: string, testid: string) {
	await page.goto('/');
	await expect(page.getByTestId('node').first()).toBeVisible();
	await page.getByRole('button', { name }).click();
	await expect(page.getByTestId(testid)).toBeVisible();
}

test('templates: walk from one server to two regions, step by step', async ({ page }) => {
	await openPanel(page, 'Templates', 'templates');
	const items = page.getByTestId('template-item');
	await expect(items).toHaveCount(25);
	await items.first().click();
	await expect(page.getByTestId('template-title')).toHaveText('1. A single server');
	await expect(page.getByTestId('node')).toHaveCount(3);
	for (const [title, nodes] of [
		['2. Separate the database', 4],
		['3. Load balancer and two web servers', 5],
		['4. Leader and followers', 7]
	] as const) {
		await page.getByRole('button', { name: 'Next step →' }).click();
		await expect(page.getByTestId('template-title')).toHaveText(title);
		await expect(page.getByTestId('node')).toHaveCount(nodes);
	}
	// Step 4 runs in the app with its scenario: the leader dies at 15 s, the run finishes.
	await page.getByTestId('run-speed-max').click();
	await page.getByTestId('run-start').click();
	await expect(page.getByTestId('sim-status')).toHaveText('done', { timeout: 30_000 });
	await expect(page.getByTestId('run-summary')).toBeVisible();
	await page.screenshot({ path: '/tmp/practice-template-run.png' });
	await page.getByTestId('run-reset').click();
	await page.getByTestId('template-item').filter({ hasText: 'Two regions' }).click();
	await expect(page.getByTestId('node')).toHaveCount(10);
	expect((await design(page)).regions?.map((r) => r.id)).toEqual(['us-east', 'us-west']);
	await page.screenshot({ path: '/tmp/practice-template.png' });
	await page.getByTestId('template-item').filter({ hasText: 'URL shortener' }).click();
	await expect.poll(async () => (await design(page)).name).toBe('URL shortener');
	// Each opened template is a library entry of its own; nothing conflicts.
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
	await page.getByRole('button', { name: 'Library' }).click();
	await expect(page.getByTestId('design-item').filter({ hasText: 'URL shortener' })).toHaveCount(1);
	await expect(page.getByTestId('design-item').filter({ hasText: 'Step 8: two regions' })).toHaveCount(1);
});

test('a challenge from start to pass, graded off the main thread, progress kept', async ({ page }) => {
	await openPanel(page, 'Challenges', 'challenges');
	// The panel counts what it lists: at least the 36 the curriculum asks for.
	await expect(page.getByTestId('challenges')).toContainText(/0 \/ \d+ passed/);
	const total = Number((await page.getByTestId('challenges').textContent())!.match(/0 \/ (\d+) passed/)![1]);
	expect(total).toBeGreaterThanOrEqual(36);
	await expect(page.getByTestId('challenge-item')).toHaveCount(total);
	await page.getByTestId('challenge-item').filter({ hasText: 'Outgrow one server' }).click();
	await expect(page.getByTestId('node')).toHaveCount(3);

	// The starting design fails.
	await page.getByTestId('challenge-check').click();
	await expect(page.getByTestId('challenge-verdict')).toHaveAttribute('data-passed', 'false', { timeout: 30_000 });
	await expect(page.locator('[data-testid="goal-result"][data-met="false"]').first()).toBeVisible();
	await page.screenshot({ path: '/tmp/practice-challenge-fail.png' });

	// A hint, then grow the design: three web instances in the inspector…
	await page.getByRole('button', { name: 'Show a hint' }).click();
	await expect(page.getByTestId('hint')).toHaveCount(1);
	await page.getByRole('button', { name: 'Challenges' }).click();
	await node(page, 'web').click();
	await page.getByTestId('inspector').locator('input[name="instances"]').fill('3');
	await expect.poll(async () => (await design(page)).nodes.find((n) => n.id === 'web')!.params.instances).toBe(3);
	// …and the review's one-click fix puts a balancer in front.
	await page.getByRole('button', { name: 'Review' }).click();
	const noLb = page.locator('[data-testid="review-item"][data-rule="no-balancer"]');
	await expect(noLb).toHaveAttribute('data-node-id', 'web');
	await noLb.getByTestId('review-fix').click();
	await expect(noLb).toHaveCount(0);
	expect((await design(page)).nodes.some((n) => n.kind === 'loadBalancer')).toBe(true);

	// Check again: every goal met.
	await page.getByRole('button', { name: 'Challenges' }).click();
	await page.getByTestId('challenge-check').click();
	await expect(page.getByTestId('challenge-verdict')).toHaveAttribute('data-passed', 'true', { timeout: 30_000 });
	const goals = page.getByTestId('goal-result');
	await expect(goals).toHaveCount(4);
	for (const g of await goals.all()) await expect(g).toHaveAttribute('data-met', 'true');
	await page.screenshot({ path: '/tmp/practice-challenge-pass.png' });
	// The challenge opened as its own library entry and every change was saved to it.
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

	// Progress survives a reload (IndexedDB).
	await page.reload();
	await page.getByRole('button', { name: 'Challenges' }).click();
	await expect(page.getByTestId('challenges')).toContainText(`1 / ${total} passed`);
});

test('the interview clock counts down from 45 minutes', async ({ page }) => {
	await openPanel(page, 'Challenges', 'challenges');
	await page.getByTestId('challenge-item').first().click();
	await page.getByTestId('interview-start').click();
	await expect(page.getByTestId('interview-clock')).toHaveText(/^4[45]:\d\d$/);
});

test('estimator sets the design workload from daily users', async ({ page }) => {
	await openPanel(page, 'Estimator', 'estimator');
	const est = page.getByTestId('estimator');
	await est.locator('input[name="dau"]').fill('100000000');
	await est.locator('input[name="requestsPerUser"]').fill('10');
	await expect(est.getByTestId('estimate-avg')).toHaveText('1.2 × 10⁴ rps');
	await expect(est).toContainText('Storage per year');
	await est.locator('input[name="peakFactor"]').fill('0');
	await expect(est.getByRole('alert')).toContainText('Peak factor must be at least 1');
	await est.locator('input[name="peakFactor"]').fill('3');
	await est.getByTestId('estimate-apply-peak').click();
	const client = (await design(page)).nodes.find((n) => n.kind === 'client')!;
	expect(client.params.rps).toBe(Math.round((1e9 / 86400) * 3));
	await page.screenshot({ path: '/tmp/practice-estimator.png' });
});

test('design review marks the canvas and fixes in one click', async ({ page }) => {
	await openPanel(page, 'Review', 'review');
	const dbItem = page.locator('[data-testid="review-item"][data-rule="single-database"]');
	await expect(dbItem).toHaveAttribute('data-node-id', 'db');
	await expect(node(page, 'db').getByTestId('node-finding')).toBeVisible();
	await page.screenshot({ path: '/tmp/practice-review.png' });
	await dbItem.getByTestId('review-fix').click();
	await expect(dbItem).toHaveCount(0);
	await expect(page.getByTestId('node')).toHaveCount(5);
	// closing the panel clears the marks
	await page.getByRole('button', { name: 'Review' }).click();
	await expect(page.getByTestId('node-finding')).toHaveCount(0);
});
