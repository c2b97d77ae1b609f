// The streaming budget: a 100-node design imported from a file, run as fast as possible.
// Measures main-thread long tasks (PerformanceObserver 'longtask') and animation-frame gaps
// while dragging a node, first with no run (the baseline of this machine) then while the
// run streams, and prints the figures. The budget (no task over 50 ms) is asserted with
// STRICT_PERF=1: on a shared, overloaded machine the baseline itself can exceed it.
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { bigDesign } from './fixtures/big';

type Task = { start: number; duration: number };

// A laptop-sized window, as the budget is stated for.
test.use({ viewport: { width: 1440, height: 900 } });

async function longTasksSince(page: Page, t0: number): Promise<Task[]> {
	return page.evaluate((t0) => (window as any).__longtasks.filter((e: Task) => e.start >= t0), t0);
}
const now = (page: Page) => page.evaluate(() => performance.now());

/** Drags a node in 40 steps, timing each animation frame meanwhile. */
async function timedDrag(page: Page, id: string, dx: number, dy: number) {
	const target = page.locator(`[data-testid="node"][data-node-id="${id}"]`);
	const box = (await target.boundingBox())!;
	await page.evaluate(() => {
		const w = window as any;
		w.__frames = [];
		w.__framesOn = true;
		let last = performance.now();
		const loop = (t: number) => {
			w.__frames.push(t - last);
			last = t;
			if (w.__framesOn) requestAnimationFrame(loop);
		};
		requestAnimationFrame(loop);
	});
	const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	for (let i = 1; i <= 40; i++) await page.mouse.move(from.x + (dx * i) / 40, from.y + (dy * i) / 40);
	await page.mouse.up();
	const gaps: number[] = await page.evaluate(() => {
		const w = window as any;
		w.__framesOn = false;
		return w.__frames.slice(1);
	});
	const after = (await target.boundingBox())!;
	expect(Math.abs(after.x - box.x)).toBeGreaterThan(Math.abs(dx) / 2);
	const s = [...gaps].sort((a, b) => a - b);
	const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
	return { frames: gaps.length, median: q(0.5), p95: q(0.95), max: s.at(-1) ?? NaN };
}

const summary = (tasks: Task[], seconds: number) =>
	`${tasks.length} long tasks in ${seconds.toFixed(1)} s (longest ${tasks.reduce((m, e) => Math.max(m, e.duration), 0).toFixed(0)} ms, total ${tasks.reduce((m, e) => m + e.duration, 0).toFixed(0)} ms)`;
const drag = (d: Awaited<ReturnType<typeof timedDrag>>) => `${d.frames} frames, gap median ${d.median.toFixed(1)} ms, p95 ${d.p95.toFixed(1)} ms, max ${d.max.toFixed(1)} ms`;

test('a 100-node design streams at full speed; long tasks and drag smoothness, against the idle baseline', async ({ page }) => {
	test.setTimeout(150_000);
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
	await page.getByRole('button', { name: /Timeline & charts/ }).click();
	// Above 100 nodes only what is in view is rendered: fit the shrunken canvas so the
	// nodes this test drags are on screen.
	await page.evaluate(() => (window as any).__loadbearing.editor.canvas.fitView());
	await page.waitForTimeout(1500);

	// Baseline: the same page, no run.
	let t = await now(page);
	await page.waitForTimeout(4000);
	const idleTasks = await longTasksSince(page, t);
	t = await now(page);
	const idleDrag = await timedDrag(page, 'web20', 120, 80);
	const idleDragTasks = await longTasksSince(page, t);

	await page.getByTestId('run-speed-max').click();
	await page.getByTestId('run-start').click();
	await expect(page.getByTestId('sim-status')).toHaveText('running');
	await expect.poll(() => page.evaluate(() => (window as any).__loadbearingRun.ring.length), { timeout: 30_000 }).toBeGreaterThan(2);
	// Run fits the design readably (on a design this big: 85 % zoom from its left edge), so
	// fit it whole again, as before the run, for the node this test drags to be rendered.
	await page.evaluate(() => (window as any).__loadbearing.editor.canvas.fitView());
	await page.waitForTimeout(1500); // the first figures mount the canvas badges and edge labels
	const s0 = await page.evaluate(() => (window as any).__loadbearingRun.timeS);
	t = await now(page);
	await page.waitForTimeout(6000);
	const streamTasks = await longTasksSince(page, t);
	const streamWall = ((await now(page)) - t) / 1000;
	const s1 = await page.evaluate(() => (window as any).__loadbearingRun.timeS);
	t = await now(page);
	const streamDrag = await timedDrag(page, 'web33', -120, 80);
	const streamDragTasks = await longTasksSince(page, t);
	await expect(page.getByTestId('sim-status')).toHaveText('running');
	// Every node shows its live figures (they are applied a slice of nodes per frame).
	await expect(page.getByTestId('node-badge')).toHaveCount(100);
	await page.screenshot({ path: '/tmp/run-hundred.png' });
	await page.getByTestId('run-pause').click();

	console.log(
		[
			`idle, no run:            ${summary(idleTasks, 4)}`,
			`idle drag:               ${drag(idleDrag)}; ${summary(idleDragTasks, idleDrag.frames / 60)}`,
			`streaming at max speed:  ${(s1 - s0).toFixed(1)} simulated s in ${streamWall.toFixed(1)} wall s; ${summary(streamTasks, streamWall)}`,
			`drag while streaming:    ${drag(streamDrag)}; ${summary(streamDragTasks, streamDrag.frames / 60)}`
		].join('\n')
	);
	if (process.env.STRICT_PERF) {
		expect(streamTasks.filter((e) => e.duration > 50)).toEqual([]);
		expect(streamDrag.p95).toBeLessThan(50);
	}
});
