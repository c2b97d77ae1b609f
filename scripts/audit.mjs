// npm run audit:ui — the speed and quality budget of the built app, as figures (not a
// test: CI does not run it). Needs `npm run build` first. Prints:
//   - initial JavaScript: every script the page loads before the user does anything,
//     gzip-compressed (budget 150 KiB), and the largest of them;
//   - axe-core: accessibility violations by impact (budget: 0 serious or critical);
//   - Lighthouse (desktop) scores, when the lighthouse package is installed.
// Options: --port N (default 4174), --no-lighthouse.
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from './chromium.mjs';
import { startPreview } from './preview.mjs';

const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1]) || 4174;
const url = `http://localhost:${port}/`;
const require = createRequire(import.meta.url);
const BUDGET_KIB = 150;

const stop = await startPreview(port);

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
try {
	// 1. Initial JavaScript.
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	const scripts = [];
	page.on('response', async (r) => {
		if (r.request().resourceType() !== 'script' && !r.url().endsWith('.js')) return;
		try {
			const body = await r.body();
			scripts.push({ url: new URL(r.url()).pathname, raw: body.length, gz: gzipSync(body, { level: 9 }).length });
		} catch {
			/* redirected or aborted */
		}
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await page.waitForSelector('[data-testid="node"]');
	await page.waitForTimeout(1500);
	const gz = scripts.reduce((s, x) => s + x.gz, 0);
	const raw = scripts.reduce((s, x) => s + x.raw, 0);
	console.log(`initial JS: ${(gz / 1024).toFixed(1)} KiB gzip (${(raw / 1024).toFixed(0)} KiB raw, ${scripts.length} files; budget ${BUDGET_KIB} KiB) ${gz / 1024 <= BUDGET_KIB ? 'OK' : 'OVER'}`);
	for (const s of scripts.sort((a, b) => b.gz - a.gz).slice(0, args.includes("--all") ? 99 : 5)) console.log(`  ${(s.gz / 1024).toFixed(1).padStart(6)} KiB  ${s.url}`);

	// 2. axe-core, in both themes: on the opened app, then with each panel open, then after a
	// run (dock, charts, summary), where most of the app's text sits on tinted backgrounds.
	const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
	await page.addScriptTag({ content: axeSource });
	const states = [
		['opened', async () => {}],
		...['Library', 'Templates', 'Challenges', 'Estimator', 'Review', 'Analyse'].map((name) => [`${name} panel`, () => page.getByRole('button', { name, exact: true }).first().click()]),
		['after a run', async () => {
			await page.getByTestId('run-speed-max').click();
			await page.getByTestId('run-start').click();
			await page.getByTestId('sim-status').filter({ hasText: 'done' }).waitFor({ timeout: 60_000 });
		}],
		['a part selected', () => page.getByTestId('node').first().click()]
	];
	const total = { critical: 0, serious: 0, moderate: 0, minor: 0 };
	for (const [label, open] of states) {
		await open();
		await page.waitForTimeout(300);
		for (const theme of ['light', 'dark']) {
			await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
			const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
			const by = { critical: 0, serious: 0, moderate: 0, minor: 0 };
			for (const v of res.violations) by[v.impact ?? 'minor'] += v.nodes.length;
			for (const k in by) total[k] += by[k];
			console.log(`axe (${label}, ${theme}): critical ${by.critical}, serious ${by.serious}, moderate ${by.moderate}, minor ${by.minor}`);
			for (const v of res.violations) for (const n of v.nodes) console.log(`  ${v.impact}: ${v.id} ${n.target?.join(" ")}: ${(n.any[0]?.message ?? n.failureSummary ?? "").split("\n")[0]}`);
		}
	}
	console.log(`axe, all ${states.length} states × 2 themes: critical ${total.critical}, serious ${total.serious}, moderate ${total.moderate}, minor ${total.minor}`);
	await page.close();
} finally {
	await browser.close();
}

// 3. Lighthouse, desktop preset, against Debian's chromium.
if (!args.includes('--no-lighthouse')) {
	let lighthouse, chromeLauncher;
	try {
		lighthouse = (await import('lighthouse')).default;
		chromeLauncher = await import('chrome-launcher');
	} catch {
		console.log('lighthouse: not installed (npm install -D lighthouse), skipped');
	}
	if (lighthouse) {
		const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
		try {
			const { default: desktop } = await import('lighthouse/core/config/desktop-config.js');
			const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }, desktop);
			const c = r.lhr.categories;
			const pct = (k) => Math.round((c[k]?.score ?? 0) * 100);
			const a = r.lhr.audits;
			console.log(`lighthouse (desktop): performance ${pct('performance')}, accessibility ${pct('accessibility')}, best practices ${pct('best-practices')}, SEO ${pct('seo')}`);
			console.log(`  FCP ${a['first-contentful-paint'].displayValue}, LCP ${a['largest-contentful-paint'].displayValue}, TBT ${a['total-blocking-time'].displayValue}, transfer ${a['total-byte-weight'].displayValue}`);
		} finally {
			await chrome.kill();
		}
	}
}
stop();
process.exit(0);
