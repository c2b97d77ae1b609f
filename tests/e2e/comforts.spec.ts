// Keyboard comforts: the command menu (Ctrl+K), the Run/Pause key, the skip link.
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('Ctrl+K opens a command menu over editor, run, library and practice commands', async ({ page }) => {
	await openApp(page);
	await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
	await page.keyboard.press('Control+k');
	const menu = page.getByTestId('command-menu');
	await expect(menu).toBeVisible();
	await expect(page.getByTestId('command-input')).toBeFocused();
	// One list over every area.
	for (const label of ['Undo', 'Run / pause', 'Share a link', 'Export as PNG image', 'Open the library', 'Open templates', 'Open challenges'])
		await expect(menu.getByText(label, { exact: true })).toHaveCount(1);
	await page.keyboard.type('templ');
	await expect(page.getByTestId('command-item').first()).toContainText('Open templates');
	await page.keyboard.press('Enter');
	await expect(menu).toBeHidden();
	await expect(page.getByTestId('templates')).toBeVisible();

	await page.keyboard.press('Control+k');
	await page.keyboard.type('speed max');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('run-speed-max')).toHaveAttribute('aria-checked', 'true');

	// Escape closes it without doing anything.
	await page.keyboard.press('Control+k');
	await expect(menu).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(menu).toBeHidden();
	await page.keyboard.press('Control+k');
	await page.keyboard.type('zzqx nothing');
	await expect(menu.getByText('No command matches.')).toBeVisible();
});

test('R runs and pauses; the skip link goes straight to the palette', async ({ page }) => {
	await openApp(page);
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to the components' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('palette-item').first()).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('node')).toHaveCount(5);

	await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
	await page.keyboard.press('r');
	await expect(page.getByTestId('sim-status')).toHaveText('running');
	await page.keyboard.press('r');
	await expect(page.getByTestId('sim-status')).toHaveText('paused');
	await page.keyboard.press('r');
	await expect(page.getByTestId('sim-status')).toHaveText(/running|done/);
});
