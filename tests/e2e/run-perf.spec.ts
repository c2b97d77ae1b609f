// The streaming budget: a 100-node design imported from a file, run as fast as possible.
// While it streams, no main-thread task may pass 50 ms and dragging a node stays smooth.
// The figures are printed so a person can read them.
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { bigDesign } from './fixtures/big';

test('a 100-node design streams at full speed without long tasks; dragging stays smooth', async ({ page }) => {
	test.setTimeout(120_000);
	await page.addInitScript(() => {
		const w = window as any;
		w.__longtasks = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	});
	await page.goto('/');
	const file = '/tmp/loadbearing-hundred.json';
	writeFileSync(file, JSON.stringify(bigDesign(4000)));
	await page.getByTestId('import-file').setInputFiles(file);
	await expect(page.getByTestId('node')).toHaveCount(100);
	await page.waitForTimeout(500);

	await page.getByTestId('run-speed-max').click();
	const t0 = await page.evaluate(() => performance.now());
	await page.getByTestId('run-start').click();
	await expect(page.getByTestId('sim-status')).toHaveText('running');
	await expect.poll(() => page.evaluate(() => (window as any).__loadbearingRun.ring.length), { timeout: 20_000 }).toBeGreaterThan(2);

	// Drag a node while frames stream in, timing every animation frame during the drag.
	const target = page.locator('[data-testid="node"][data-node-id="web20"]');
	const box = (await target.boundingBox())!;
	await page.evaluate(() => {
		const w = window as any;
		w.__frames = [];
		let last = performance.now();
		const loop = (t: number) => {
			w.__frames.push(t - last);
			last = t;
			if (w.__framesOn) requestAnimationFrame(loop);
		};
		w.__framesOn = true;
		requestAnimationFrame(loop);
	});
	const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	const steps = 40;
	const moveTimes: number[] = [];
	for (let i = 1; i <= steps; i++) {
		const s = Date.now();
		await page.mouse.move(from.x + 3 * i, from.y + 2 * i);
		moveTimes.push(Date.now() - s);
	}
	await page.mouse.up();
	const frameGaps: number[] = await page.evaluate(() => {
		const w = window as any;
		w.__framesOn = false;
		return w.__frames.slice(1);
	});
	const after = (await target.boundingBox())!;
	expect(after.x - box.x).toBeGreaterThan(60);

	// Let it stream a few seconds more, then read the budget.
	await page.waitForTimeout(4000);
	const stats = await page.evaluate((t0) => {
		const w = window as any;
		const run = w.__loadbearingRun;
		return { longtasks: w.__longtasks.filter((e: any) => e.start > t0), frames: run.ring.length, simS: run.timeS, wallS: (performance.now() - t0) / 1000 };
	}, t0);
	await page.screenshot({ path: '/tmp/run-hundred.png' });
	await page.getByTestId('run-pause').click();

	const sorted = [...frameGaps].sort((a, b) => a - b);
	const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
	const mv = [...moveTimes].sort((a, b) => a - b);
	const longest = stats.longtasks.reduce((m: number, e: any) => Math.max(m, e.duration), 0);
	console.log(
		[
			`hundred-node stream: ${stats.simS.toFixed(1)} simulated s in ${stats.wallS.toFixed(1)} wall s, ${stats.frames} frames`,
			`long tasks (>50 ms) on the main thread while streaming: ${stats.longtasks.length}${stats.longtasks.length ? ` (longest ${longest.toFixed(0)} ms)` : ''}`,
			`drag: ${frameGaps.length} animation frames, gap median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`,
			`drag: mouse move round-trip median ${mv[Math.floor(mv.length / 2)]} ms, max ${mv.at(-1)} ms`
		].join('\n')
	);
	expect(stats.longtasks, JSON.stringify(stats.longtasks)).toHaveLength(0);
});
