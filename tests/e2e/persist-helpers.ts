// Steps shared by the library and share specs.
import { expect, type Page } from '@playwright/test';

export interface DesignLike {
	id: string;
	name: string;
	nodes: { id: string; kind: string; label?: string }[];
	scenario?: { seed: number };
}

export async function design(page: Page): Promise<DesignLike> {
	return page.evaluate(() => JSON.parse(JSON.stringify((window as any).__loadbearing.editor.design)));
}

/** Opens the app and waits until the open design is in storage. */
export async function openApp(page: Page, path = '/') {
	await page.goto(path);
	await expect(page.getByTestId('canvas')).toBeVisible();
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', /saved|shared|memory/);
}

export async function saved(page: Page) {
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

export async function addNode(page: Page, kind: string) {
	await page.locator(`[data-testid="palette-item"][data-kind="${kind}"]`).click();
}

export async function openLibrary(page: Page) {
	const panel = page.getByTestId('library');
	if (!(await panel.isVisible())) await page.getByRole('button', { name: /Library/ }).click();
	await expect(panel).toBeVisible();
	return panel;
}

export const items = (page: Page) => page.getByTestId('design-item');

/** Puts a file into the page and drops it onto the canvas, as a user's drag from the desktop does. */
export async function dropFile(page: Page, name: string, text: string) {
	const dt = await page.evaluateHandle(
		([name, text]) => {
			const dt = new DataTransfer();
			dt.items.add(new File([text], name, { type: 'application/json' }));
			return dt;
		},
		[name, text]
	);
	const canvas = page.getByTestId('canvas');
	await canvas.dispatchEvent('dragover', { dataTransfer: dt });
	await canvas.dispatchEvent('drop', { dataTransfer: dt });
}
