import { expect, test } from '@playwright/test';
import { addNode, design, items, openApp, openLibrary, saved } from './persist-helpers';

test('a first visit saves the example; new, rename, duplicate, search, delete with undo', async ({ page }) => {
	await openApp(page);
	const lib = await openLibrary(page);
	await expect(items(page)).toHaveCount(1);
	await expect(items(page).first()).toContainText('My first design');

	await page.getByTestId('new-design').click();
	await expect(items(page)).toHaveCount(2);
	await expect(page.getByTestId('node')).toHaveCount(0);
	await addNode(page, 'service');
	await saved(page);
	// Newest edit first.
	await expect(items(page).first()).toHaveAttribute('aria-current', 'true');
	await expect(items(page).first()).toContainText('1 component');

	await lib.getByRole('button', { name: /^Rename Untitled design/ }).click();
	await lib.getByRole('textbox', { name: 'New name' }).fill('Payments');
	await page.keyboard.press('Enter');
	await expect(items(page).first()).toContainText('Payments');
	expect((await design(page)).name).toBe('Payments');

	await lib.getByRole('button', { name: 'Duplicate Payments' }).click();
	await expect(items(page)).toHaveCount(3);
	await expect(lib.getByText('Copy of Payments')).toBeVisible();

	await lib.getByRole('searchbox').fill('pay');
	await expect(items(page)).toHaveCount(2);
	await lib.getByRole('searchbox').fill('');

	await lib.getByRole('button', { name: 'Delete Copy of Payments' }).click();
	await expect(items(page)).toHaveCount(2);
	await page.getByTestId('undo-delete').click();
	await expect(items(page)).toHaveCount(3);

	// Click an item: it opens.
	await items(page).filter({ hasText: 'My first design' }).getByRole('button', { name: /^Open/ }).click();
	await expect(page.getByTestId('node')).toHaveCount(4);
	await page.screenshot({ path: '/tmp/persist-library.png' });
});

test('autosave: a killed page loses nothing that was saved, and the last design reopens', async ({ page, context }) => {
	await openApp(page);
	await page.getByTestId('new-design').click();
	await addNode(page, 'cache');
	await addNode(page, 'queue');
	await saved(page);
	const id = (await design(page)).id;
	await page.close({ runBeforeUnload: false });

	const again = await context.newPage();
	await openApp(again);
	expect((await design(again)).id).toBe(id);
	await expect(again.getByTestId('node')).toHaveCount(2);
});

test('autosave: a change is saved within a second, without waiting for anything', async ({ page, context }) => {
	await openApp(page);
	await addNode(page, 'cache');
	await expect(page.getByTestId('node')).toHaveCount(5);
	// No Save button; the page is killed a second later.
	await page.waitForTimeout(1100);
	await page.close({ runBeforeUnload: false });
	const again = await context.newPage();
	await openApp(again);
	await expect(again.getByTestId('node')).toHaveCount(5);
});
