import { expect, test, type Page } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';
import { addNode, design, dropFile, items, openApp, openLibrary, saved } from './persist-helpers';

const pack = (text: string) => 'd=1.' + deflateRawSync(Buffer.from(text)).toString('base64url');
const valid = (over: Record<string, unknown> = {}) =>
	JSON.stringify({ format: 'loadbearing/design', version: 1, id: 'x', name: 'Shared', nodes: [{ id: 'a', kind: 'client', position: { x: 0, y: 0 }, params: {} }], edges: [], ...over });

/** One clear alert, and the app carries on with the library as before. */
async function expectOneAlert(page: Page, message: RegExp) {
	await expect(page.getByRole('alert')).toHaveCount(1);
	await expect(page.getByRole('alert')).toContainText(message);
}

const badLinks: [string, string, RegExp][] = [
	['malformed escapes', '#d=%%%', /does not contain a Loadbearing design/],
	['bad characters', '#d=1.%%%', /damaged/],
	['truncated', '#' + pack(valid()).slice(0, 30), /damaged or cut short/],
	['oversized', '#d=1.' + 'A'.repeat(300_000), /far too long/],
	['a zip bomb (10 MB label)', '#' + pack(valid({ name: 'x'.repeat(10 * 1024 * 1024) })), /more than 5120 KB/],
	['not JSON inside', '#' + pack('hello'), /not readable/],
	['JSON that is not a design', '#' + pack('{"a":1}'), /not a Loadbearing design/],
	['a newer link format', '#d=9.AAAA', /newer Loadbearing/],
	['a design from a newer version', '#' + pack(valid({ version: 99 })), /newer Loadbearing/]
];

for (const [what, fragment, message] of badLinks) {
	test(`a bad link (${what}) gets one clear message and the library is untouched`, async ({ page }) => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await openApp(page);
		await addNode(page, 'cache');
		await saved(page);
		await page.goto('/?again' + fragment);
		await expectOneAlert(page, message);
		// The last design opened as usual, with its change.
		await expect(page.getByTestId('node')).toHaveCount(5);
		await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
		await openLibrary(page);
		await expect(items(page)).toHaveCount(1);
		expect(errors).toEqual([]);
	});
}

test('hostile strings in a link stay inert text', async ({ page }) => {
	let dialogs = 0;
	page.on('dialog', (d) => (dialogs++, d.dismiss()));
	// Written out by hand: an object literal would turn "__proto__" into a prototype, not a key.
	const evil =
		'{"format":"loadbearing/design","version":1,"id":"x","name":"<img src=x onerror=alert(1)>","__proto__":{"polluted":1},' +
		'"nodes":[{"id":"a","kind":"client","label":"<script>alert(1)</script>","position":{"x":0,"y":0},"params":{"__proto__":{"polluted":2}}}],"edges":[]}';
	await page.goto('/#' + pack(evil));
	await expect(page.getByTestId('shared-banner')).toBeVisible();
	expect((await design(page)).nodes[0].label).toBe('<script>alert(1)</script>');
	await expect(page.getByTestId('node').getByText('<script>alert(1)</script>')).toBeVisible();
	expect(await page.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted)).toBeUndefined();
	expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
	expect(dialogs).toBe(0);
});

const badFiles: [string, string, RegExp][] = [
	['not JSON', 'hello, world', /is not valid JSON/],
	['JSON that is not a design', '[1, 2, 3]', /not a usable Loadbearing design/],
	['a design from a newer version', valid({ version: 5 }), /newer Loadbearing/],
	['a 10 MB label', valid({ name: 'x'.repeat(10 * 1024 * 1024) }), /too large/]
];

for (const [what, text, message] of badFiles) {
	test(`a bad file (${what}) gets one clear message; the open design and the library are untouched`, async ({ page }) => {
		await openApp(page);
		const before = await design(page);
		await page.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(text) });
		await expectOneAlert(page, message);
		expect(await design(page)).toEqual(before);
		await openLibrary(page);
		await expect(items(page)).toHaveCount(1);
		// Dropped onto the canvas: the same.
		await page.getByRole('button', { name: 'Dismiss' }).first().click();
		await dropFile(page, 'bad.json', text.length > 1e6 ? text.slice(0, 100) : text);
		await expect(page.getByRole('alert')).toHaveCount(1);
		expect(await design(page)).toEqual(before);
		await expect(items(page)).toHaveCount(1);
	});
}

test('storage full: a clear message, the design stays, and it is offered as a file', async ({ page }) => {
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
			if ((window as any).__quotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	await openApp(page);
	await page.evaluate(() => ((window as any).__quotaFull = true));
	await addNode(page, 'cache');
	await expectOneAlert(page, /storage for Loadbearing is full/);
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'error');
	await expect(page.getByTestId('node')).toHaveCount(5);
	await page.screenshot({ path: '/tmp/persist-quota.png' });
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-design').click()]);
	expect(download.suggestedFilename()).toMatch(/\.loadbearing\.json$/);
	// Space again: the next change saves everything.
	await page.evaluate(() => ((window as any).__quotaFull = false));
	await addNode(page, 'queue');
	await saved(page);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('node')).toHaveCount(6);
});

test('storage blocked (private mode): a clear message, editing still works, the file is offered', async ({ page }) => {
	await page.addInitScript(() => {
		IDBFactory.prototype.open = function () {
			throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
		};
	});
	await page.goto('/');
	await expectOneAlert(page, /not letting Loadbearing store designs/);
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'memory');
	await expect(page.getByTestId('node')).toHaveCount(4);
	await addNode(page, 'cache');
	await expect(page.getByTestId('node')).toHaveCount(5);
	await expect(page.getByTestId('download-design')).toBeVisible();
	await page.screenshot({ path: '/tmp/persist-blocked.png' });
});
