// Retake the README's screenshot (docs/screenshot.png, 1440×900): a run in progress, charts
// streaming, from the built app in Debian's Chromium. It opens the "one server to millions"
// step with read replicas, whose leader dies at 15 s, runs it at 1× and shoots at 24 s of
// simulated time, the whole design fitted: the failover on the canvas and its trace in
// the live charts.
// Needs `npm run build` first. Run: node scripts/screenshot.mjs [--port N] [--out FILE]
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from './chromium.mjs';
import { startPreview } from './preview.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const port = Number(opt('--port', process.env.PREVIEW_PORT ?? 4175));
const out = opt('--out', 'docs/screenshot.png');
const TEMPLATE = 'path-4-replication';
const SHOOT_AT_S = 24;
const url = `http://localhost:${port}/`;

const stop = await startPreview(port);

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
try {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(60_000);
	await page.goto(url);
	await page.waitForSelector('[data-testid="save-status"][data-status="saved"]');
	await page.getByRole('button', { name: 'Templates' }).click();
	await page.locator(`[data-testid="template-item"][data-template-id="${TEMPLATE}"]`).click();
	await page.waitForSelector('[data-testid="node"][data-node-id="db-f1"]');
	await page.getByRole('button', { name: 'Templates' }).click(); // close the panel: the inspector shows
	await page.getByTestId('run-speed-1').click();
	await page.getByTestId('run-start').click();
	// Run shows a wide design readable from its left edge; the picture wants all of it.
	await page.waitForFunction(() => (window.__loadbearingRun?.timeS ?? 0) >= 1, null, { polling: 100 });
	await page.locator('.svelte-flow__controls-fitview').click();
	await page.waitForFunction((t) => (window.__loadbearingRun?.timeS ?? 0) >= t, SHOOT_AT_S, { polling: 100 });
	const status = await page.getByTestId('sim-status').textContent();
	if (status !== 'running') throw new Error(`The run is ${status}, not running, at ${SHOOT_AT_S} s.`);
	await page.mouse.move(1, 1); // no hover tooltip in the picture
	await page.screenshot({ path: out });
	console.log(`wrote ${out} (${TEMPLATE} at ${SHOOT_AT_S} s of simulated time, running)`);
} finally {
	await browser.close();
	stop();
}
