// Challenges by topic group, solved through the UI like a user: open, edit the design on
// the canvas and in the inspector, Check, see Passed. Then interview mode, progress by
// topic and the "Why?" explanations.
import { expect, test } from '@playwright/test';
import { connectNodes, design } from './helpers';
import { checkPasses, openChallenge, setNodeField } from './practice-helpers';

test.describe.configure({ timeout: 120_000 });

test('web tier: a 1 s health check notices the dead server', async ({ page }) => {
	await openChallenge(page, 'slow-health-checks');
	await setNodeField(page, 'lb', 'healthCheckS', '1');
	await checkPasses(page, 'health');
});

test('caching: LFU eviction gets more out of a small cache', async ({ page }) => {
	await openChallenge(page, 'eviction-policy');
	await setNodeField(page, 'cache', 'eviction', 'lfu', 'select');
	await checkPasses(page, 'eviction');
});

test('data: W = 2, R = 2 survives a dead machine', async ({ page }) => {
	await openChallenge(page, 'quorum-availability');
	await page.getByTestId('challenge-check').click();
	await expect(page.getByTestId('challenge-verdict')).toHaveAttribute('data-passed', 'false', { timeout: 60_000 });
	await setNodeField(page, 'kv', 'w', '2');
	await setNodeField(page, 'kv', 'r', '2');
	await checkPasses(page, 'quorum');
});

test('regions: a local read replica keeps the West readable through a partition', async ({ page }) => {
	await openChallenge(page, 'region-partition');
	await page.getByRole('button', { name: 'Challenges' }).click();
	const before = new Set((await design(page)).nodes.map((n) => n.id));
	await page.locator('[data-testid="palette-item"][data-kind="database"]').click();
	await expect.poll(async () => (await design(page)).nodes.length).toBe(before.size + 1);
	const added = (await design(page)).nodes.find((n) => !before.has(n.id))!.id;
	await setNodeField(page, added, 'role', 'follower', 'select');
	await connectNodes(page, 'db-e', added);
	await connectNodes(page, 'web-w', added);
	await expect.poll(async () => (await design(page)).edges.filter((e) => e.target === added).length).toBe(2);
	await checkPasses(page, 'partition');
});

test('flow: a token bucket admits the same rate evenly', async ({ page }) => {
	await openChallenge(page, 'window-burst');
	await setNodeField(page, 'limiter', 'algorithm', 'token-bucket', 'select');
	await checkPasses(page, 'window');
});

test('resilience: retries ride out flaky instances', async ({ page }) => {
	await openChallenge(page, 'retry-transient');
	await page.getByRole('button', { name: 'Challenges' }).click();
	await page.locator('[data-edge-id="web->lb-inv"] path').first().click({ force: true });
	const retries = page.getByTestId('inspector').locator('input[name="retries"]');
	await retries.fill('3');
	await retries.press('Tab');
	await expect.poll(async () => (await design(page)).edges.find((e) => e.id === 'web->lb-inv')!.params.retries).toBe(3);
	await checkPasses(page, 'retries');
});

test('estimation, interview mode and progress by topic', async ({ page }) => {
	await openChallenge(page, 'estimate-the-peak');
	await expect(page.getByTestId('challenge-estimate')).toContainText('Peak requests per second');
	await setNodeField(page, 'web', 'instances', '5');
	await checkPasses(page, 'estimate');

	// Progress by topic: estimation is now covered.
	const topics = page.getByTestId('topic-progress-panel');
	await topics.locator('summary').click();
	await expect(topics.locator('[data-topic="estimation"]')).toHaveAttribute('data-covered', 'true');
	await expect(topics.locator('[data-topic="caching"]')).toHaveAttribute('data-covered', 'false');
	await expect(page.getByTestId('topics-covered')).toHaveText('1 of 15 topics covered');

	// An interview on estimation never starts on the one just passed, nor shows "Passed".
	await page.getByTestId('interview-topic').selectOption('estimation');
	await page.getByTestId('interview-start').click();
	await expect(page.getByTestId('challenge-card')).toHaveAttribute('data-challenge-id', 'estimate-the-writes');
	await expect(page.getByTestId('challenge-verdict')).toHaveCount(0);
	await expect(page.getByTestId('interview-clock')).toHaveText(/^4[45]:\d\d$/);
	await expect(page.getByTestId('interview-hints')).toHaveText(/^Hints unlock in (10:00|9:\d\d)$/);
	await expect(page.getByTestId('hints-locked')).toBeVisible();
	await expect(page.getByTestId('reveal-reference')).toHaveCount(0);
	await page.screenshot({ path: '/tmp/practice-interview.png' });
	await page.getByTestId('interview-stop').click();
	await page.getByText(/Past interviews/).click();
	await expect(page.getByTestId('interview-history-item')).toHaveCount(1);
	await expect(page.getByTestId('interview-history-item')).toHaveAttribute('data-passed', 'false');

	// Another interview on estimation: nothing is left to pick there.
	await page.getByTestId('challenge-item').filter({ hasText: 'How many shards?' }).waitFor();
	// All kept in IndexedDB across a reload.
	await page.reload();
	await page.getByRole('button', { name: 'Challenges' }).click();
	await page.getByTestId('topic-progress-panel').locator('summary').click();
	await expect(page.getByTestId('topic-progress-panel').locator('[data-topic="estimation"]')).toHaveAttribute('data-covered', 'true');
	await page.getByText(/Past interviews/).click();
	await expect(page.getByTestId('interview-history-item')).toHaveCount(1);
	await page.screenshot({ path: '/tmp/practice-topics.png' });
});

test('Why? explains a challenge\'s concepts and a review finding', async ({ page }) => {
	await openChallenge(page, 'cdn-far-users');
	const why = page.getByTestId('challenge-card').getByTestId('why').first();
	await why.getByRole('button', { name: 'Why?' }).click();
	await expect(why.getByTestId('why-text')).toContainText('edge');
	await page.getByRole('button', { name: 'Review' }).click();
	const item = page.locator('[data-testid="review-item"][data-rule="single-database"]');
	await item.getByRole('button', { name: 'Why?' }).click();
	await expect(item.getByTestId('why-text')).toContainText('promoted');
	await page.screenshot({ path: '/tmp/practice-why.png' });
});
