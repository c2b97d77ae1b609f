import { expect, test, type Page } from '@playwright/test';

/** Every visible control of the top bar, with its left and right edge on screen. */
async function controls(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('header.topbar :is(button, input, select, a)')]
			.filter((e) => {
				const r = e.getBoundingClientRect();
				return r.width > 2 && r.height > 2 && getComputedStyle(e).visibility !== 'hidden';
			})
			.map((e) => {
				const r = e.getBoundingClientRect();
				return { name: e.dataset.testid ?? e.getAttribute('aria-label') ?? e.textContent?.trim() ?? '?', left: r.left, right: r.right };
			})
	);
}

async function expectAllOnScreen(page: Page, width: number, atLeast: number) {
	const list = await controls(page);
	expect(list.length).toBeGreaterThanOrEqual(atLeast);
	const off = list.filter((c) => c.left < 0 || c.right > width + 0.5).map((c) => `${c.name} ${Math.round(c.left)}–${Math.round(c.right)}`);
	expect(off, `controls off the ${width} px screen`).toEqual([]);
}

for (const { width, height, touch, atLeast } of [
	{ width: 1280, height: 720, touch: false, atLeast: 25 },
	{ width: 820, height: 1180, touch: true, atLeast: 25 }
]) {
	test.describe(`${width}×${height}`, () => {
		test.use({ viewport: { width, height }, hasTouch: touch });
		test(`every top-bar control is within the ${width} px viewport`, async ({ page }) => {
			await page.goto('/');
			await expect(page.getByTestId('node').first()).toBeVisible();
			// The GIF export (the last panel button) is among them: it was cut off at 820 px.
			await expect(page.getByTestId('export-gif')).toBeVisible();
			await expectAllOnScreen(page, width, atLeast);
			await page.screenshot({ path: `/tmp/topbar-${width}.png` });
		});
	});
}

test.describe('390×844 phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
	test('the one-row bar and the "More" actions stay within the 390 px viewport', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByTestId('node').first()).toBeVisible();
		await expectAllOnScreen(page, 390, 3);
		await page.getByTestId('more-button').tap();
		await expect(page.getByTestId('export-gif')).toBeVisible();
		await expectAllOnScreen(page, 390, 15);
		await page.screenshot({ path: '/tmp/topbar-390-more.png' });
	});
});
