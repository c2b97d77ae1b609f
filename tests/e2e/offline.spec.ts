import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

async function controlled(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((res) => navigator.serviceWorker.addEventListener('controllerchange', res, { once: true }));
	});
}

test('after one visit the app starts with no network', async ({ page, context }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Loadbearing' })).toBeVisible();
	// Wait until the service worker has cached the app and controls this page.
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((res) => navigator.serviceWorker.addEventListener('controllerchange', res, { once: true }));
	});
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Loadbearing' })).toBeVisible();
	// A deep link works offline too (the SPA shell answers navigations).
	await page.goto('/some/where');
	await expect(page.locator('body')).not.toBeEmpty();
	await context.setOffline(false);
});

test('the app is installable: manifest with SVG and PNG icons', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const manifest = await (await request.get(new URL(href!, page.url()).href)).json();
	expect(manifest.display).toBe('standalone');
	const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
	expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', 'any']));
	for (const icon of manifest.icons) {
		const res = await request.get(new URL(icon.src, page.url()).href);
		expect(res.ok(), icon.src).toBe(true);
		expect(res.headers()['content-type']).toContain(icon.type.split('+')[0]);
	}
});

/**
 * The built app on a loopback port of its own, read from disk on every request, with the
 * worker's version stamp bumped on demand: how a deploy looks to a returning visitor.
 * (vite preview keeps each file as it was when it started, so it cannot publish one.)
 */
async function deployableServer() {
	let bump = 0;
	const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let file = join('build', normalize(path).replace(/^([/\\.])+/, ''));
		if (!existsSync(file) || statSync(file).isDirectory()) file = 'build/index.html';
		let body: string | Buffer = readFileSync(file);
		if (file.endsWith('service-worker.js')) body = body.toString('utf8').replace(/`(\d{10,})`/, (_m, d) => `\`${BigInt(d) + BigInt(bump)}\``);
		res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
		res.end(body);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/`, deploy: () => void bump++, close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))) };
}

test('a new version waits for the user: the banner offers Reload, which switches to it', async ({ page }) => {
	const site = await deployableServer();
	try {
		await page.goto(site.url);
		await controlled(page);
		await expect(page.getByTestId('node').first()).toBeVisible();
		await expect(page.getByTestId('update-banner')).toHaveCount(0);
		const first = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.active!.scriptURL);
		site.deploy();
		await page.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())!.update()));
		await expect(page.getByTestId('update-banner')).toContainText('A new version of Loadbearing is ready.');
		// It waits: the old worker still controls the page until the user says so.
		expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())!.waiting)).toBe(true);
		await page.screenshot({ path: '/tmp/offline-update-banner.png' });
		const reloaded = page.waitForEvent('load');
		await page.getByRole('button', { name: 'Reload' }).click();
		await reloaded;
		await expect(page.getByTestId('node').first()).toBeVisible();
		const after = await page.evaluate(async () => {
			const reg = (await navigator.serviceWorker.getRegistration())!;
			return { waiting: !!reg.waiting, active: reg.active!.scriptURL };
		});
		expect(after).toEqual({ waiting: false, active: first });
		await expect(page.getByTestId('update-banner')).toHaveCount(0);
	} finally {
		await site.close();
	}
});
