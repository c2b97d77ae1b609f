// The overload group solved through the UI like a user: open the challenge, see the start
// fail, change the overload settings in the inspector, Check, see Passed.
import { expect, test } from '@playwright/test';
import { design } from './helpers';
import { checkPasses, checkVerdict, openChallenge, paramAt, setNodeField } from './practice-helpers';

test.describe.configure({ timeout: 150_000 });

test('overload: newest first and dropping abandoned work serve the people still waiting', async ({ page }) => {
	await openChallenge(page, 'stale-queue', 'api');
	await checkVerdict(page, false);
	await expect(page.getByTestId('goal-result').first()).toHaveAttribute('data-met', 'false');

	await setNodeField(page, 'api', 'overload.discipline', 'lifo', 'select');
	const drop = page.getByTestId('inspector').locator('input[name="overload.dropAbandoned"]');
	await drop.check();
	await expect.poll(async () => paramAt((await design(page)).nodes.find((n) => n.id === 'api')!.params, 'overload.dropAbandoned')).toBe(true);
	await checkPasses(page, 'stale-queue');
});

test('overload: a retry budget with full jitter ends the retry storm', async ({ page }) => {
	await openChallenge(page, 'retry-budget', 'api');
	await page.getByRole('button', { name: 'Challenges' }).click();
	await page.locator('[data-edge-id="client->api"] path').first().click({ force: true });
	const inspector = page.getByTestId('inspector');
	await inspector.locator('select[name="jitter"]').selectOption('full');
	await inspector.locator('input[name="retryBudget.enabled"]').check();
	// The budget's own fields appear once it is on, with the AWS SDKs' defaults.
	await expect(inspector.locator('input[name="retryBudget.burst"]')).toHaveValue('10');
	await expect
		.poll(async () => (await design(page)).edges.find((e) => e.id === 'client->api')!.params)
		.toMatchObject({ jitter: 'full', retryBudget: { enabled: true } });
	await checkPasses(page, 'retry-budget');
});
