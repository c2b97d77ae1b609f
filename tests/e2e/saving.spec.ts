import { expect, test, type Page } from '@playwright/test';
import { addNode, design, openApp, saved } from './persist-helpers';

/** Makes every IndexedDB write throw, as a full or failing disk does (and back). */
async function failWrites(page: Page, on: boolean) {
	await page.evaluate((on) => {
		const w = window as unknown as { __failPut?: boolean; __origPut?: typeof IDBObjectStore.prototype.put };
		w.__failPut = on;
		if (w.__origPut) return;
		const orig = (w.__origPut = IDBObjectStore.prototype.put);
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof orig>) {
			if (w.__failPut) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return orig.apply(this, args);
		};
	}, on);
}

const nodes = (page: Page) => page.getByTestId('node');

test('the last edits survive a closed tab, even when storage could not take them in time', async ({ context }) => {
	// Closed straight after an edit, before autosave's quiet moment: only pagehide is left.
	const one = await context.newPage();
	await openApp(one);
	await addNode(one, 'cache');
	await one.close({ runBeforeUnload: true });
	const two = await context.newPage();
	await openApp(two);
	await expect(nodes(two)).toHaveCount(5);
	await saved(two);

	// Again, with every write failing until the tab is gone: the journal is all there is.
	await failWrites(two, true);
	await addNode(two, 'queue');
	await expect(two.getByTestId('save-status')).toHaveAttribute('data-status', 'error', { timeout: 15_000 });
	await two.close({ runBeforeUnload: true });
	const three = await context.newPage();
	await openApp(three);
	await expect(nodes(three)).toHaveCount(6);
	await expect(three.locator('[data-kind="queue"][data-testid="node"]')).toHaveCount(1);
	// The recovery wrote it to the library: a reload shows it without any journal left.
	await three.reload();
	await openApp(three);
	await expect(nodes(three)).toHaveCount(6);
});

test('after a storage error saving retries on its own, and a failed New design still gets saved', async ({ page }) => {
	await openApp(page);
	await failWrites(page, true);
	await page.getByTestId('new-design').click();
	const alert = page.getByTestId('storage-alert');
	await expect(alert).toBeVisible();
	await expect(alert).toHaveAttribute('role', 'alert');
	await expect(nodes(page)).toHaveCount(0);
	await addNode(page, 'service');
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', /error|pending|saving/);
	// Storage recovers; nobody touches anything: the retry stores the new design.
	await failWrites(page, false);
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 30_000 });
	await expect(alert).toHaveCount(0);
	const id = (await design(page)).id;
	await page.reload();
	await openApp(page);
	expect((await design(page)).id).toBe(id);
	await expect(nodes(page)).toHaveCount(1);
});

test('undo back to a design another tab changed since: a conflict, never an overwrite', async ({ context }) => {
	const one = await context.newPage();
	await openApp(one);
	const two = await context.newPage();
	await openApp(two);
	// An edited design (the untouched first-visit example is let go when another replaces it).
	await addNode(one, 'queue');
	await saved(one);
	await expect(nodes(two)).toHaveCount(5);
	const shared = await design(one);
	// One opens another design in a way that keeps its history (as opening a reference solution does).
	await one.evaluate(() => {
		const ed = (window as any).__loadbearing.editor;
		ed.replaceDesign({ ...JSON.parse(JSON.stringify(ed.design)), id: 'reference-x', name: 'Reference', nodes: [] }, { resetHistory: false, label: 'Open reference' });
	});
	await expect(nodes(one)).toHaveCount(0);
	await saved(one);
	// Meanwhile two changes the shared design.
	await addNode(two, 'cache');
	await saved(two);
	// One undoes back to the shared design as it knew it: older than what is stored.
	await one.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
	await one.keyboard.press('ControlOrMeta+z');
	expect((await design(one)).id).toBe(shared.id);
	const banner = one.getByTestId('conflict-banner');
	await expect(banner).toBeVisible();
	await expect(banner).toHaveAttribute('role', 'alert');
	// Two's revision is untouched in storage.
	await two.reload();
	await openApp(two);
	expect((await design(two)).id).toBe(shared.id);
	await expect(nodes(two)).toHaveCount(6);
});

test("following another tab's save keeps this tab's undo history", async ({ context }) => {
	const one = await context.newPage();
	await openApp(one);
	const two = await context.newPage();
	await openApp(two);
	await addNode(one, 'queue');
	await saved(one);
	await expect(nodes(two)).toHaveCount(5);
	await addNode(two, 'cache');
	await saved(two);
	await expect(nodes(one)).toHaveCount(6);
	// Undo in one steps back through the followed change, then through one's own edit.
	await one.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
	await one.keyboard.press('ControlOrMeta+z');
	await expect(nodes(one)).toHaveCount(5);
	await one.keyboard.press('ControlOrMeta+z');
	await expect(nodes(one)).toHaveCount(4);
	await saved(one);
	await expect(nodes(two)).toHaveCount(4);
});
