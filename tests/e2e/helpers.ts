// Shared steps for the editor specs: read the design, drag like a user does.
import { expect, type Locator, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';

export interface DesignLike {
	name: string;
	nodes: { id: string; kind: string; label?: string; position: { x: number; y: number }; region?: string; params: Record<string, unknown> }[];
	edges: { id: string; source: string; target: string; params: Record<string, unknown> }[];
	regions?: { id: string; name: string; position?: { x: number; y: number }; width?: number; height?: number }[];
	scenario?: { events: { atS: number; action: string; target?: string }[]; runs?: number };
}

export async function design(page: Page): Promise<DesignLike> {
	return page.evaluate(() => JSON.parse(JSON.stringify((window as any).__loadbearing.editor.design)));
}

export const node = (page: Page, id: string) => page.locator(`[data-testid="node"][data-node-id="${id}"]`);

export async function centre(l: Locator) {
	const b = await l.boundingBox();
	expect(b).not.toBeNull();
	return { x: b!.x + b!.width / 2, y: b!.y + b!.height / 2 };
}

/** Press, move in steps, release: a single move would not drag a Svelte Flow node. */
export async function dragBy(page: Page, l: Locator, dx: number, dy: number, opts: { shift?: boolean } = {}) {
	const c = await centre(l);
	await dragFromTo(page, c, { x: c.x + dx, y: c.y + dy }, opts);
}

export async function dragFromTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, opts: { shift?: boolean } = {}) {
	if (opts.shift) await page.keyboard.down('Shift');
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	const steps = 12;
	for (let i = 1; i <= steps; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
	await page.mouse.up();
	if (opts.shift) await page.keyboard.up('Shift');
}

/** Drag from one node's source handle to another node's target handle. */
export async function connectNodes(page: Page, fromId: string, toId: string) {
	const from = await centre(node(page, fromId).locator('.svelte-flow__handle.source'));
	const to = await centre(node(page, toId).locator('.svelte-flow__handle.target'));
	await dragFromTo(page, from, to);
}

export async function openApp(page: Page) {
	await page.goto('/');
	await expect(page.getByTestId('node')).toHaveCount(4);
	// The library puts its start-up design on screen once IndexedDB is open; a click made
	// before that would select something that is then replaced.
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

/** Imports `file` (a design document) through the Import button's file input, as a user picks a file. */
export async function importDesign(page: Page, file: { name: string; nodes: unknown[] } & Record<string, unknown>) {
	const path = `/tmp/loadbearing-${String(file.id ?? 'design')}.json`;
	writeFileSync(path, JSON.stringify(file));
	await page.getByTestId('import-file').setInputFiles(path);
	await expect(page.getByTestId('node')).toHaveCount(file.nodes.length);
}

/** Runs the design at full speed to its end and returns the run summary. */
export async function runToEnd(page: Page, timeout = 30_000) {
	await page.getByTestId('run-speed-max').click();
	await page.getByTestId('run-start').click();
	await expect(page.getByTestId('sim-status')).toHaveText('done', { timeout });
	return page.getByTestId('run-summary');
}
