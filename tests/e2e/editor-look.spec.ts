import { expect, test } from '@playwright/test';

test('screenshots of the editor in both themes', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('node')).toHaveCount(4);
	await page.screenshot({ path: '/tmp/editor-light.png' });
	await page.getByTestId('node').nth(2).click();
	await page.getByTestId('theme-toggle').click();
	await page.screenshot({ path: '/tmp/editor-dark.png' });
});
