// Break it on purpose: a failure from the timeline shows as errors, then the recovery;
// events are added by the form and by dragging onto the axis, moved and deleted.
import { expect, test, type Page } from '@playwright/test';
import { openApp, design } from './helpers';

const status = (page: Page) => page.getByTestId('sim-status');

/** Frames the run store holds (offsets from src/lib/protocol/frames.ts). */
async function frames(page: Page): Promise<{ t: number; served: number; unavailable: number }[]> {
	return page.evaluate(() => {
		const run = (window as any).__loadbearingRun;
		const out = [];
		for (let i = 0; i < run.ring.length; i++) out.push({ t: run.ring.global(i, 0), unavailable: run.ring.global(i, 7), served: run.ring.global(i, 12) }); // G.servedRps = 6 + the 6 failure reasons
		return out;
	});
}

async function addEvent(page: Page, action: string, at: number) {
	await page.getByTestId('timeline-add-action').selectOption(action);
	await page.getByTestId('timeline-add-at').fill(String(at));
	await page.getByTestId('timeline-add').click();
}

test('a scheduled failure shows as errors, then recovery', async ({ page }) => {
	await openApp(page);
	await page.getByRole('button', { name: /Timeline & charts/ }).click();
	await page.getByRole('spinbutton', { name: 'Duration (s)' }).fill('30');
	await page.getByRole('spinbutton', { name: 'Duration (s)' }).press('Enter');
	await addEvent(page, 'fail', 8);
	await addEvent(page, 'recover', 16);
	const markers = page.getByTestId('timeline-event');
	await expect(markers).toHaveCount(2);
	await expect(markers.first()).toHaveAccessibleName(/8 s: fail Database/);
	const d = await design(page);
	expect((d as any).scenario.events).toEqual([
		{ atS: 8, action: 'fail', target: 'db' },
		{ atS: 16, action: 'recover', target: 'db' }
	]);

	await page.getByTestId('run-speed-max').click();
	await page.getByTestId('run-start').click();
	await expect(status(page)).toHaveText('done', { timeout: 30_000 });
	const f = await frames(page);
	const before = f.filter((x) => x.t <= 7);
	const during = f.filter((x) => x.t >= 10 && x.t <= 16);
	const after = f.filter((x) => x.t >= 20);
	expect(before.every((x) => x.unavailable === 0)).toBe(true);
	expect(during.every((x) => x.unavailable > 0)).toBe(true);
	expect(after.every((x) => x.unavailable === 0 && x.served > 50)).toBe(true);
	// The errors chart draws the unavailable band, with both event markers on it.
	const errors = page.getByTestId('chart-errors');
	await expect(errors.locator('path.series[data-series="unavailable"]')).toHaveAttribute('d', /\d/);
	await expect(errors.locator('line.marker')).toHaveCount(2);
	await expect(page.getByTestId('bottleneck')).toHaveAttribute('data-node-id', 'db');
	console.log('summary:', (await page.getByTestId('run-summary').innerText()).replace(/\s+/g, ' '));
	await page.getByTestId('chart-errors').hover({ position: { x: 150, y: 60 } });
	await page.screenshot({ path: '/tmp/run-failure.png' });
});

test('inject a failure into a live run, then recover it', async ({ page }) => {
	await openApp(page);
	await page.getByTestId('run-speed-10').click();
	await page.getByTestId('run-start').click();
	await expect.poll(async () => (await frames(page)).length, { timeout: 15_000 }).toBeGreaterThan(3);
	await page.getByTestId('timeline-add-action').selectOption('fail');
	await page.getByTestId('timeline-inject').click();
	await expect.poll(async () => (await frames(page)).at(-1)!.unavailable, { timeout: 15_000 }).toBeGreaterThan(0);
	// Injection does not edit the design: no stale warning, no new event in the scenario.
	await expect(page.getByRole('alert')).toHaveCount(0);
	await page.getByTestId('timeline-add-action').selectOption('recover');
	await page.getByTestId('timeline-inject').click();
	await expect.poll(async () => (await frames(page)).at(-1)!.unavailable, { timeout: 15_000 }).toBe(0);
	await expect(page.getByTestId('chart-throughput').locator('line.marker')).toHaveCount(2);
	await page.getByTestId('run-pause').click();
	await expect(status(page)).toHaveText('paused');
});

test('drag an event onto the axis, move it, delete it; an edit mid-run asks to restart', async ({ page }) => {
	await openApp(page);
	await page.getByRole('button', { name: /Timeline & charts/ }).click();
	const track = page.getByRole('group', { name: 'Events by time' });
	const box = (await track.boundingBox())!;
	await page.locator('.chip[data-action="spike"]').dragTo(track, { targetPosition: { x: box.width / 2, y: box.height / 2 } });
	const marker = page.getByTestId('timeline-event');
	await expect(marker).toHaveCount(1);
	await expect(marker).toHaveAttribute('data-action', 'spike');
	const at = Number(await marker.getAttribute('data-at'));
	expect(at).toBeGreaterThan(25);
	expect(at).toBeLessThan(35);

	const m = (await marker.boundingBox())!;
	await page.mouse.move(m.x + m.width / 2, m.y + m.height / 2);
	await page.mouse.down();
	for (let i = 1; i <= 10; i++) await page.mouse.move(m.x + m.width / 2 - (box.width / 4) * (i / 10), m.y + m.height / 2);
	await page.mouse.up();
	await expect.poll(async () => Number(await marker.getAttribute('data-at'))).toBeLessThan(at - 10);

	await page.getByTestId('run-start').click();
	await marker.click();
	await page.getByTestId('timeline-delete').click();
	await expect(page.getByTestId('timeline-event')).toHaveCount(0);
	await expect(page.getByRole('alert')).toContainText('Design changed');
	await page.getByTestId('run-restart').click();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(status(page)).toHaveText('running');
	// Undo brings the event back: timeline edits are ordinary design edits.
	await page.getByTestId('run-reset').click();
	await page.keyboard.press('Control+z');
	await expect(page.getByTestId('timeline-event')).toHaveCount(1);
});
