// Consistency challenges through the UI: run a multi-leader design and read its conflicts
// on the node's chart and in the summary, then solve it like a user (one home leader for
// writes: multi-leader off on the EU database in the inspector), Check, see Passed.
import { expect, test, type Page } from '@playwright/test';
import { design, node } from './helpers';
import { openChallenge } from './practice-helpers';

test.describe.configure({ timeout: 180_000 });


async function closePanel(page: Page) {
	if (await page.getByTestId('challenges').isVisible()) await page.getByRole('button', { name: 'Challenges' }).click();
}

test('multi-leader: the run shows lost updates; one home leader for writes passes', async ({ page }) => {
	await openChallenge(page, 'multi-leader-conflicts');
	await closePanel(page);

	// Run the starting design: both leaders take writes, half a second apart.
	await page.getByTestId('run-speed-max').click();
	await page.getByTestId('run-start').click();
	await expect(page.getByTestId('sim-status')).toHaveText('done', { timeout: 90_000 });
	const lines = page.getByTestId('summary-consistency');
	await expect(lines.first()).toBeVisible();
	await expect(page.locator('[data-testid="summary-consistency"][data-node-id="db-eu"]').filter({ hasText: 'write conflicts/s' })).toContainText(/write conflicts\/s at EU leader; [\d,]+ lost updates/);
	// The live badge on each leader says how often it conflicts; its own chart draws them.
	await expect(node(page, 'db-e').getByTestId('node-conflicts')).toHaveText(/^[\d.]+ conflicts\/s$/);
	await expect(node(page, 'db-eu').getByTestId('node-conflicts')).toHaveText(/^[\d.]+ conflicts\/s$/);
	// The machine is shared: give the selection and the chart time to land.
	await node(page, 'db-eu').click();
	await expect(page.getByTestId('inspector').locator('input[name="label"]')).toHaveValue('EU leader', { timeout: 30_000 });
	await expect(page.getByTestId('chart-node-conflicts')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('chart-node-conflicts').locator('path.series[data-series="lostUpdates"]')).toHaveAttribute('d', /\d/, { timeout: 30_000 });
	await page.screenshot({ path: '/tmp/practice-multileader-run.png' });

	// The fix: EU writes go to the US leader (multi-leader off on the EU database).
	const multi = page.getByTestId('inspector').locator('input[name="multiLeader"]');
	await expect(multi).toBeChecked();
	await multi.uncheck();
	await expect.poll(async () => (await design(page)).nodes.find((n) => n.id === 'db-eu')!.params.multiLeader).toBe(false);

	await page.getByRole('button', { name: 'Challenges' }).click();
	await page.getByTestId('challenge-check').click();
	await expect(page.getByTestId('challenge-verdict')).toHaveAttribute('data-passed', 'true', { timeout: 90_000 });
	await expect(page.getByTestId('challenge-verdict')).toHaveText('Passed.');
	for (const g of await page.getByTestId('goal-result').all()) await expect(g).toHaveAttribute('data-met', 'true');
	await expect(page.getByTestId('goal-result').first()).toContainText('Lost updates');
	await page.screenshot({ path: '/tmp/practice-multileader-passed.png' });
});

test('quorum tuning: W = 3, R = 1 makes every read fresh and keeps reads fast', async ({ page }) => {
	await openChallenge(page, 'quorum-tuning');
	await page.getByTestId('challenge-check').click();
	await expect(page.getByTestId('challenge-verdict')).toHaveAttribute('data-passed', 'false', { timeout: 90_000 });
	await closePanel(page);
	await node(page, 'kv').click();
	for (const [name, value] of [['w', '3'], ['r', '1']]) {
		const field = page.getByTestId('inspector').locator(`input[name="${name}"]`);
		await field.fill(value);
		await field.press('Tab');
		await expect.poll(async () => String((await design(page)).nodes.find((n) => n.id === 'kv')!.params[name])).toBe(value);
	}
	await page.getByRole('button', { name: 'Challenges' }).click();
	await page.getByTestId('challenge-check').click();
	await expect(page.getByTestId('challenge-verdict')).toHaveAttribute('data-passed', 'true', { timeout: 90_000 });
	await expect(page.getByTestId('challenge-verdict')).toHaveText('Passed.');
});
