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

const barHeight = (page: Page) => page.locator('header.topbar').evaluate((e) => e.getBoundingClientRect().height);

// A laptop shows every control; a tablet keeps the bar to two rows (it wrapped to four, 163 px
// tall, at 820 px) and opens the rest from "More", as the phone does; so does a narrow laptop
// window (three rows, 141 px, from 1101 to about 1250 px).
for (const { width, height, touch, atLeast, more } of [
	{ width: 1280, height: 720, touch: false, atLeast: 25, more: false },
	{ width: 1152, height: 720, touch: false, atLeast: 20, more: true },
	{ width: 1024, height: 768, touch: true, atLeast: 20, more: true },
	{ width: 820, height: 1180, touch: true, atLeast: 18, more: true },
	{ width: 768, height: 1024, touch: true, atLeast: 16, more: true }
]) {
	test.describe(`${width}×${height}`, () => {
		test.use({ viewport: { width, height }, hasTouch: touch });
		test(`every top-bar control is within the ${width} px viewport, in two rows at most`, async ({ page }) => {
			await page.goto('/');
			await expect(page.getByTestId('node').first()).toBeVisible();
			await expectAllOnScreen(page, width, atLeast);
			expect(await barHeight(page)).toBeLessThanOrEqual(2 * 48);
			await page.screenshot({ path: `/tmp/topbar-${width}.png` });
			if (more) {
				await expect(page.getByTestId('export-gif')).toBeHidden();
				await page.getByTestId('more-button').click();
				await expect(page.getByTestId('more-button')).toHaveAttribute('aria-expanded', 'true');
				// One more row, holding the file actions and the image exports, all named.
				expect(await barHeight(page)).toBeLessThanOrEqual(3 * 48);
				for (const name of ['New design', 'Import', 'Export', 'Analyse', 'Compare', 'PNG', 'SVG', 'GIF', 'Keyboard shortcuts']) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
				await expect(page.getByTestId('theme-toggle')).toBeVisible();
				await page.screenshot({ path: `/tmp/topbar-${width}-more.png` });
			}
			// The GIF export (the last panel button) is among them: it was cut off at 820 px.
			await expect(page.getByTestId('export-gif')).toBeVisible();
			await expectAllOnScreen(page, width, 25);
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
