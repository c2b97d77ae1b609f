import { expect, test } from '@playwright/test';
import { centre, design, dragBy, dragFromTo, node, openApp } from './helpers';

test('shift-click selects several; delete, undo, duplicate, select all', async ({ page }) => {
	await openApp(page);
	await node(page, 'lb').click();
	await node(page, 'web').click({ modifiers: ['Shift'] });
	await expect(page.getByTestId('inspector')).toContainText('2 items selected');
	await page.keyboard.press('Delete');
	await expect(page.getByTestId('node')).toHaveCount(2);
	await expect(page.getByTestId('edge')).toHaveCount(0);
	await page.keyboard.press('ControlOrMeta+z');
	await expect(page.getByTestId('node')).toHaveCount(4);
	await expect(page.getByTestId('edge')).toHaveCount(3);
	await node(page, 'web').click();
	await page.keyboard.press('ControlOrMeta+d');
	await expect(page.locator('[data-testid="node"][data-kind="service"]')).toHaveCount(2);
	await page.keyboard.press('ControlOrMeta+a');
	await expect(page.getByTestId('inspector')).toContainText('8 items selected');
	await page.keyboard.press('Backspace');
	await expect(page.getByTestId('node')).toHaveCount(0);
	await page.keyboard.press('ControlOrMeta+Shift+z');
	await page.keyboard.press('ControlOrMeta+z');
	await expect(page.getByTestId('node')).toHaveCount(5);
});

test('box select with Shift+drag, then move them together', async ({ page }) => {
	await openApp(page);
	const a = await centre(node(page, 'client'));
	const b = await centre(node(page, 'lb'));
	await dragFromTo(page, { x: a.x - 110, y: a.y - 60 }, { x: b.x + 110, y: b.y + 60 }, { shift: true });
	await expect(page.getByTestId('inspector')).toContainText('items selected');
	const before = (await design(page)).nodes.filter((n) => n.id === 'client' || n.id === 'lb').map((n) => n.position);
	await dragBy(page, node(page, 'client'), 0, 120);
	const after = (await design(page)).nodes.filter((n) => n.id === 'client' || n.id === 'lb').map((n) => n.position);
	expect(after[0].y - before[0].y).toBeGreaterThan(60);
	expect(after[1].y - before[1].y).toBeCloseTo(after[0].y - before[0].y, 0);
	await page.keyboard.press('ControlOrMeta+z');
	expect((await design(page)).nodes.filter((n) => n.id === 'client' || n.id === 'lb').map((n) => n.position)).toEqual(before);
});

test('copy in one tab, paste in another (design JSON on the clipboard)', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await openApp(page);
	await node(page, 'web').click();
	await node(page, 'db').click({ modifiers: ['Shift'] });
	await page.keyboard.press('ControlOrMeta+c');
	// the same tab: paste lands offset, selected
	await page.keyboard.press('ControlOrMeta+v');
	await expect(page.getByTestId('node')).toHaveCount(6);
	const other = await context.newPage();
	await other.goto('/');
	// The second tab opens the last design from the library (persist); wait until it has.
	await expect(other.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
	await other.getByTestId('new-design').click();
	await expect(other.getByTestId('node')).toHaveCount(0);
	await other.getByTestId('canvas').click({ position: { x: 200, y: 200 } });
	await other.keyboard.press('ControlOrMeta+v');
	await expect(other.getByTestId('node')).toHaveCount(2);
	await expect(other.getByTestId('edge')).toHaveCount(1);
	const d = await design(other);
	expect(d.nodes.map((n) => n.kind).sort()).toEqual(['database', 'service']);
	await other.keyboard.press('ControlOrMeta+z');
	await expect(other.getByTestId('node')).toHaveCount(0);
});

test('keyboard only: add from the palette, connect, nudge, zoom, fit, help', async ({ page }) => {
	await openApp(page);
	await page.getByTestId('new-design').click();
	// Tab into the palette and add a client and a service with Enter.
	const client = page.locator('[data-testid="palette-item"][data-kind="client"]');
	await client.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('node')).toHaveCount(1);
	await page.keyboard.press('Escape');
	await page.keyboard.press('Tab'); // dns
	for (let i = 0; i < 6; i++) await page.keyboard.press('Tab'); // → service
	await expect(page.locator('[data-testid="palette-item"][data-kind="service"]')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('node')).toHaveCount(2);
	// The service is selected: nudge it right, away from the client.
	const p0 = (await design(page)).nodes[1].position;
	for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
	const p1 = (await design(page)).nodes[1].position;
	expect(p1.x - p0.x).toBe(400);
	// Connect: select the client (focus + Enter), press C, focus the service, Enter.
	await page.locator('.svelte-flow__node').first().focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('c');
	await expect(page.getByRole('status')).toContainText('select the target');
	await page.locator('.svelte-flow__node').nth(1).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('edge')).toHaveCount(1);
	// Zoom in and out, fit.
	const zoom = () => page.locator('.svelte-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
	const z0 = await zoom();
	await page.keyboard.press('+');
	await expect.poll(zoom).toBeGreaterThan(z0);
	await page.keyboard.press('-');
	await page.keyboard.press('-');
	await expect.poll(zoom).toBeLessThan(z0);
	await page.keyboard.press('Shift+1');
	await expect.poll(zoom).toBeGreaterThan(0.5);
	// ? lists the shortcuts.
	await page.keyboard.press('?');
	await expect(page.getByTestId('shortcuts')).toBeVisible();
	await expect(page.getByTestId('shortcuts')).toContainText('Duplicate');
	await page.screenshot({ path: '/tmp/editor-help.png' });
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('shortcuts')).toHaveCount(0);
});

test('regions: group with Ctrl+G, the frame moves with its content', async ({ page }) => {
	await openApp(page);
	await node(page, 'web').click();
	await node(page, 'db').click({ modifiers: ['Shift'] });
	await page.keyboard.press('ControlOrMeta+g');
	const frame = page.getByTestId('region');
	await expect(frame).toHaveCount(1);
	const d0 = await design(page);
	expect(d0.nodes.filter((n) => n.region).map((n) => n.id)).toEqual(['web', 'db']);
	await page.getByTestId('inspector').locator('input[name="name"]').fill('US East');
	await expect(frame).toContainText('US East');
	const title = frame.locator('.title');
	await dragBy(page, title, 0, 140);
	const d1 = await design(page);
	const dy = (id: string) => d1.nodes.find((n) => n.id === id)!.position.y - d0.nodes.find((n) => n.id === id)!.position.y;
	expect(dy('web')).toBeGreaterThan(80);
	expect(dy('db')).toBe(dy('web'));
	expect(dy('client')).toBe(0);
	await page.screenshot({ path: '/tmp/editor-region.png' });
	// dragging a node out of the frame takes it out of the region
	await dragBy(page, node(page, 'db'), 0, 260);
	expect((await design(page)).nodes.find((n) => n.id === 'db')!.region).toBeUndefined();
});

test('theme: toggles, follows the saved choice after a reload', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await openApp(page);
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	await page.getByTestId('theme-toggle').click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	const bg = await page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
	expect(bg).not.toBe('rgb(246, 247, 249)');
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.keyboard.press('Alt+Shift+D');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('import and export JSON; a bad file is refused and the design kept', async ({ page }, info) => {
	await openApp(page);
	const download = page.waitForEvent('download');
	await page.getByTestId('export-json').click();
	const file = await (await download).path();
	const fs = await import('node:fs');
	const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
	expect(exported.format).toBe('loadbearing/design');
	expect(exported.nodes).toHaveLength(4);
	exported.name = 'Imported one';
	exported.nodes.push({ id: 'q', kind: 'queue', position: { x: 0, y: 400 }, params: {} });
	const good = info.outputPath('good.json');
	fs.writeFileSync(good, JSON.stringify(exported));
	await page.getByTestId('import-file').setInputFiles(good);
	await expect(page.getByTestId('node')).toHaveCount(5);
	await expect(page.locator('input[name="design-name"]')).toHaveValue('Imported one');
	const bad = info.outputPath('bad.json');
	fs.writeFileSync(bad, '{"format":"something else"}');
	await page.getByTestId('import-file').setInputFiles(bad);
	await expect(page.getByRole('alert')).toContainText('not a Loadbearing design');
	await expect(page.getByTestId('node')).toHaveCount(5);
	fs.writeFileSync(bad, '{ nope');
	await page.getByTestId('import-file').setInputFiles(bad);
	await expect(page.getByRole('alert')).toContainText(/not (valid )?JSON/);
	await expect(page.getByTestId('node')).toHaveCount(5);
	// The import became a design of its own; the one before it is still in the library (persist).
	await page.getByRole('button', { name: /Library/ }).click();
	await expect(page.getByTestId('design-item')).toHaveCount(2);
});

test('New design gives a blank canvas', async ({ page }) => {
	await openApp(page);
	await page.getByTestId('new-design').click();
	await expect(page.getByTestId('node')).toHaveCount(0);
	await expect(page.getByTestId('edge')).toHaveCount(0);
});

test('without a saved choice the theme follows the system', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await openApp(page);
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.emulateMedia({ colorScheme: 'light' });
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('a region frame dragged from the palette takes the components dropped into it', async ({ page }) => {
	await openApp(page);
	const canvas = page.getByTestId('canvas');
	const box = (await canvas.boundingBox())!;
	await page.getByTestId('palette-region').dragTo(canvas, { targetPosition: { x: 200, y: box.height - 260 }, steps: 10 });
	await expect(page.getByTestId('region')).toHaveCount(1);
	const frame = await page.getByTestId('region').boundingBox();
	const c = await centre(node(page, 'client'));
	await dragFromTo(page, c, { x: frame!.x + frame!.width / 2, y: frame!.y + frame!.height / 2 });
	const d = await design(page);
	expect(d.nodes.find((n) => n.id === 'client')!.region).toBe(d.regions![0].id);
	await page.keyboard.press('ControlOrMeta+z');
	expect((await design(page)).nodes.find((n) => n.id === 'client')!.region).toBeUndefined();
});

test('a selected region frame can be resized, and the resize undone', async ({ page }) => {
	await openApp(page);
	await node(page, 'web').click();
	await page.keyboard.press('ControlOrMeta+g');
	const d0 = await design(page);
	const w0 = d0.regions![0].width!;
	const corner = page.locator('.svelte-flow__resize-control.handle.bottom.right');
	await expect(corner).toBeVisible();
	const c = await centre(corner);
	await dragFromTo(page, c, { x: c.x + 120, y: c.y + 60 });
	const w1 = (await design(page)).regions![0].width!;
	expect(w1).toBeGreaterThan(w0 + 60);
	await page.keyboard.press('ControlOrMeta+z');
	expect((await design(page)).regions![0].width).toBe(w0);
});
