// The new faults as a user meets them: picked in the timeline's Add-event form, edited in the
// event editor, run, and seen in the charts; then a failure-gallery template and its fix.
import { expect, test, type Page } from '@playwright/test';
import { openApp, design } from './helpers';

const status = (page: Page) => page.getByTestId('sim-status');

/** Per-frame global figures from the run store (offsets from src/lib/protocol/frames.ts: G). */
async function frames(page: Page): Promise<{ t: number; arrived: number; completed: number; unavailable: number }[]> {
	return page.evaluate(() => {
		const run = (window as any).__loadbearingRun;
		const out = [];
		for (let i = 0; i < run.ring.length; i++)
			out.push({ t: run.ring.global(i, 0), arrived: run.ring.global(i, 2), completed: run.ring.global(i, 3), unavailable: run.ring.global(i, 7) });
		return out;
	});
}

async function addEvent(page: Page, label: string, at: number) {
	await page.getByTestId('timeline-add-action').selectOption({ label });
	await page.getByTestId('timeline-add-at').fill(String(at));
	await page.getByTestId('timeline-add').click();
}

test('new faults from the timeline: error rate, disk full, latency spike show in the run', async ({ page }) => {
	test.setTimeout(120_000);
	await openApp(page);
	await page.getByRole('button', { name: /Timeline & charts/ }).click();
	await page.getByRole('spinbutton', { name: 'Duration (s)' }).fill('30');
	await page.getByRole('spinbutton', { name: 'Duration (s)' }).press('Enter');
	// Twenty-odd faults to choose from, each a chip and an option.
	await expect.poll(() => page.getByTestId('timeline-add-action').locator('option').count()).toBeGreaterThanOrEqual(20);
	await expect(page.locator('.chip[data-action="gcStorm"]')).toBeVisible();

	const d0 = await design(page);
	const service = d0.nodes.find((n) => n.kind === 'service')!;
	const db = d0.nodes.find((n) => n.kind === 'database')!;

	await addEvent(page, 'Error rate (5xx)', 5);
	// The editor opens on the new event: aim it at the service and make it 50 % for 5 s.
	const editor = page.getByLabel('Selected event');
	await editor.getByRole('combobox', { name: 'Target' }).selectOption(service.id);
	await editor.getByRole('spinbutton', { name: 'Errors' }).fill('0.5');
	await editor.getByRole('spinbutton', { name: 'Errors' }).press('Enter');
	await editor.getByRole('spinbutton', { name: 'For' }).fill('5');
	await editor.getByRole('spinbutton', { name: 'For' }).press('Enter');
	await addEvent(page, 'Disk full', 12);
	await addEvent(page, 'Latency spike (edge)', 20);

	const markers = page.getByTestId('timeline-event');
	await expect(markers).toHaveCount(3);
	await expect(markers.nth(0)).toHaveAccessibleName(new RegExp(`5 s: 50% errors at ${service.label ?? service.id} for 5 s`));
	await expect(markers.nth(1)).toHaveAccessibleName(/12 s: disk full at/);
	await expect(markers.nth(2)).toHaveAccessibleName(/20 s: \+200 ms on .* → /);
	const evs = ((await design(page)) as unknown as { scenario: { events: Record<string, unknown>[] } }).scenario.events;
	expect(evs.map((e) => e.action)).toEqual(['errorRate', 'diskFull', 'edgeLatency']);
	expect(evs[0]).toMatchObject({ target: service.id, rate: 0.5, durationS: 5 });
	expect(evs[1]).toMatchObject({ target: db.id });
	await page.screenshot({ path: '/tmp/faults-timeline.png' });

	await page.getByTestId('run-speed-max').click();
	await page.getByTestId('run-start').click();
	await expect(status(page)).toHaveText('done', { timeout: 60_000 });
	const f = await frames(page);
	const share = (a: number, b: number) => {
		const w = f.filter((x) => x.t > a && x.t <= b);
		return w.reduce((s, x) => s + x.unavailable, 0) / Math.max(1, w.reduce((s, x) => s + x.arrived, 0));
	};
	// Errors: none before, about half during the error rate, the write share once the disk is full.
	expect(share(0, 5)).toBe(0);
	expect(share(6, 10)).toBeGreaterThan(0.35);
	expect(share(13, 19)).toBeGreaterThan(0.02);
	expect(share(13, 19)).toBeLessThan(0.35);
	// The errors chart draws the unavailable band with the three markers.
	const errors = page.getByTestId('chart-errors');
	await expect(errors.locator('path.series[data-series="unavailable"]')).toHaveAttribute('d', /\d/);
	await expect(errors.locator('line.marker')).toHaveCount(3);
	// Latency: the p99 after the edge's latency spike is above 200 ms.
	const p99 = await page.evaluate(() => {
		const run = (window as any).__loadbearingRun;
		return run.result?.global.latency.p99 ?? 0;
	});
	expect(p99).toBeGreaterThan(200);
	await page.screenshot({ path: '/tmp/faults-run.png' });
});

test('a failure-gallery template shows its pattern, and its fix ends it', async ({ page }) => {
	test.setTimeout(150_000);
	await page.goto('/');
	await expect(page.getByTestId('node').first()).toBeVisible();
	await page.getByRole('button', { name: 'Templates' }).click();
	await expect(page.getByRole('heading', { name: 'Failure patterns' })).toBeVisible();
	await page.getByTestId('template-item').filter({ hasText: 'Metastable retry storm' }).click();
	await expect(page.getByTestId('template-title')).toHaveText('Metastable retry storm');
	await expect.poll(async () => (await design(page)).name).toBe('Metastable retry storm');

	const lateSuccess = async () => {
		await page.getByTestId('run-speed-max').click();
		await page.getByTestId('run-start').click();
		await expect(status(page)).toHaveText('done', { timeout: 90_000 });
		const f = (await frames(page)).filter((x) => x.t > 30);
		return f.reduce((s, x) => s + x.completed, 0) / f.reduce((s, x) => s + x.arrived, 0);
	};
	expect(await lateSuccess()).toBeLessThan(0.2);
	await page.screenshot({ path: '/tmp/faults-gallery-broken.png' });
	await page.getByTestId('run-reset').click();

	await page.getByTestId('template-fix').click();
	await expect(page.getByTestId('template-title')).toHaveText('Metastable retry storm: fixed');
	await expect.poll(async () => (await design(page)).name).toBe('Retry storm: fixed with a retry budget');
	expect(await lateSuccess()).toBeGreaterThan(0.9);
	await page.screenshot({ path: '/tmp/faults-gallery-fixed.png' });
});

test('overload behaviour and retry policy in the inspector', async ({ page }) => {
	await openApp(page);
	const insp = page.getByTestId('inspector');
	const web = (await design(page)).nodes.find((n) => n.kind === 'service')!;
	await page.locator(`[data-testid="node"][data-node-id="${web.id}"]`).click();
	// Queue order: the standing-queue timeout shows only for the adaptive order.
	await expect(insp.locator('input[name="overload.standingTimeoutMs"]')).toHaveCount(0);
	await insp.locator('select[name="overload.discipline"]').selectOption('adaptive');
	await expect(insp.locator('input[name="overload.standingTimeoutMs"]')).toBeVisible();
	await insp.locator('input[name="overload.contention"]').fill('0.2');
	await insp.locator('input[name="gc.enabled"]').check();
	await expect(insp.locator('input[name="gc.perQueued"]')).toBeVisible();
	await expect.poll(async () => (await design(page)).nodes.find((n) => n.id === web.id)!.params.overload).toMatchObject({ discipline: 'adaptive', contention: 0.2 });
	await page.screenshot({ path: '/tmp/faults-inspector-node.png' });

	await page.locator('[data-testid="edge"]').first().click({ force: true });
	await insp.locator('select[name="jitter"]').selectOption('full');
	await insp.locator('select[name="retryOn"]').selectOption('not-overload');
	await insp.locator('input[name="retryBudget.enabled"]').check();
	await insp.locator('input[name="retryBudget.burst"]').fill('5');
	await expect.poll(async () => (await design(page)).edges[0].params).toMatchObject({ jitter: 'full', retryOn: 'not-overload', retryBudget: { enabled: true, burst: 5 } });
	await page.screenshot({ path: '/tmp/faults-inspector-edge.png' });
});
