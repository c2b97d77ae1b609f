// Keyboard comforts: the command menu (Ctrl+K), the Run/Pause key, the skip link.
import { expect, test, type Page } from '@playwright/test';
import { connectNodes, design, node, openApp } from './helpers';

/** Ctrl+K, then wait until the menu is open and its input has the focus: keys typed before
 *  that would go to the canvas (the menu is loaded on first use, and bits-ui's dialog moves
 *  the focus after it mounts). */
async function openMenu(page: Page) {
	await page.keyboard.press('Control+k');
	// The first open loads the menu's chunk: slow when it is the first spec on a cold server.
	await expect(page.getByTestId('command-menu')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('command-input')).toBeFocused();
}

test('Ctrl+K opens a command menu over editor, run, library and practice commands', async ({ page }) => {
	await openApp(page);
	await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
	await openMenu(page);
	const menu = page.getByTestId('command-menu');
	// One list over every area.
	for (const label of ['Undo', 'Run / pause', 'Share a link', 'Export as PNG image', 'Open the library', 'Open templates', 'Open challenges'])
		await expect(menu.getByText(label, { exact: true })).toHaveCount(1);
	await page.keyboard.type('templ');
	await expect(page.getByTestId('command-item').first()).toContainText('Open templates');
	await expect(page.getByTestId('command-item').first()).toHaveAttribute('data-selected', /.*/);
	await page.keyboard.press('Enter');
	await expect(menu).toBeHidden();
	await expect(page.getByTestId('templates')).toBeVisible();

	await openMenu(page);
	await page.keyboard.type('speed max');
	await expect(page.getByTestId('command-item').first()).toContainText(/max/i);
	await expect(page.getByTestId('command-item').first()).toHaveAttribute('data-selected', /.*/);
	await page.keyboard.press('Enter');
	await expect(menu).toBeHidden();
	await expect(page.getByTestId('run-speed-max')).toHaveAttribute('aria-checked', 'true');

	// Escape closes it without doing anything.
	await openMenu(page);
	await page.keyboard.press('Escape');
	await expect(menu).toBeHidden();
	await openMenu(page);
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

test('a fault chip click adds that fault for the selected part; Inject now names its target', async ({ page }) => {
	await openApp(page);
	await node(page, 'web').click();
	await page.getByRole('button', { name: /Timeline & charts/ }).click();
	const events = page.getByTestId('timeline-event');
	const before = await events.count();
	await page.locator('[data-testid="fault-chip"][data-action="fail"]').click();
	await expect(events).toHaveCount(before + 1);
	const added = (await design(page)).scenario!.events.find((e: any) => e.action === 'fail' && e.target === 'web');
	expect(added).toBeTruthy();
	// During a run, the playhead: and "Inject now" says what it hits.
	await page.getByTestId('run-start').click();
	await expect(page.getByTestId('timeline-inject')).toHaveText(/Inject now into (Service|Load balancer|Database)/);
	// Wait for the playhead to have moved: at 0 a chip lands at the form's time instead.
	const playhead = () => page.evaluate(() => (window as any).__loadbearingRun.timeS as number);
	await expect.poll(playhead).toBeGreaterThan(0.5);
	await page.getByTestId('run-pause').click();
	await expect(page.getByTestId('sim-status')).toHaveText('paused');
	// A batch the worker sent before it saw the pause may still move the playhead a little,
	// so the chip's time is bracketed by the playhead before and after the click.
	const t0 = await playhead();
	await node(page, 'db').click();
	await page.locator('[data-testid="fault-chip"][data-action="slow"]').click();
	await expect.poll(async () => (await design(page)).scenario!.events.some((e: any) => e.action === 'slow')).toBe(true);
	const t1 = await playhead();
	const slow = (await design(page)).scenario!.events.find((e: any) => e.action === 'slow');
	expect(slow!.target).toBe('db');
	expect(slow!.atS).toBeGreaterThanOrEqual(Math.round(t0 * 10) / 10 - 0.05);
	expect(slow!.atS).toBeLessThanOrEqual(Math.round(t1 * 10) / 10 + 0.05);
});

test('a refused value keeps its reason after blur; leader to a new database offers a follower; an edge label selects the edge', async ({ page }) => {
	await openApp(page);
	await node(page, 'web').click();
	const instances = page.locator('input[name="instances"]');
	await instances.fill('0');
	await page.getByTestId('canvas').click({ position: { x: 30, y: 30 } });
	await node(page, 'web').click();
	await expect(instances).toHaveValue('2');
	await instances.fill('-4');
	await instances.blur();
	await expect(page.getByRole('alert').filter({ hasText: '“-4” was refused' })).toBeVisible();
	await expect(instances).toHaveValue('2');

	await page.locator('[data-testid="palette-item"][data-kind="database"]').click();
	const added = (await design(page)).nodes.find((n) => n.kind === 'database' && n.id !== 'db')!;
	expect(added.label).toBe('Database 2');
	await connectNodes(page, 'db', added.id);
	const offer = page.getByTestId('notice-action');
	await expect(offer).toHaveText('Make Database 2 a follower');
	await offer.click();
	await expect.poll(async () => (await design(page)).edges.some((e) => e.source === 'db' && e.target === added.id)).toBe(true);
	expect((await design(page)).nodes.find((n) => n.id === added.id)!.params.role).toBe('follower');

	const repl = (await design(page)).edges.find((e) => e.source === 'db' && e.target === added.id)!;
	await page.getByTestId('canvas').click({ position: { x: 30, y: 30 } });
	await page.locator('.edge-label.repl').click();
	await expect.poll(async () => page.evaluate(() => (window as any).__loadbearing.editor.selectedEdgeIds)).toEqual([repl.id]);

	// The review flags the new follower: nothing reads from it.
	await page.getByTestId('open-review').click();
	await expect(page.locator(`[data-testid="review-item"][data-node-id="${added.id}"]`).filter({ hasText: 'gets no reads' })).toBeVisible();
});
