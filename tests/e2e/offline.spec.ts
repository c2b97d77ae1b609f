import { expect, test } from '@playwright/test';

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
