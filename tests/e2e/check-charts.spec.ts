import { expect, test } from '@playwright/test';

test("a challenge's Check shows the graded run in the dock's charts", async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('node').first()).toBeVisible();
	await page.getByRole('button', { name: 'Challenges' }).click();
	await page.getByTestId('challenge-item').filter({ hasText: 'Outgrow one server' }).click();
	await expect(page.getByTestId('node')).toHaveCount(3);
	await expect(page.getByTestId('sim-status')).toHaveText('idle');

	await page.getByTestId('challenge-check').click();
	await expect(page.getByTestId('challenge-verdict')).toHaveAttribute('data-passed', 'false', { timeout: 60_000 });
	// The dock opens on the checked run (the challenge's fixed run, replayed at full speed)…
	await expect(page.getByTestId('sim-status')).toHaveText('done', { timeout: 60_000 });
	const chart = page.getByTestId('chart-throughput');
	await expect(chart).toBeVisible();
	// …and its charts hold that run's data: a drawn series over the challenge's duration.
	await expect.poll(async () => (await chart.locator('path.series').first().getAttribute('d'))?.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(20);
	await expect(page.getByTestId('run-summary')).toBeVisible();
	await page.screenshot({ path: '/tmp/check-charts.png' });
});
