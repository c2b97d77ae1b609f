// Draw the app icon's PNGs (192, 512) from static/icon.svg in Debian's Chromium, once;
// the PNGs are committed. Run: node scripts/icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from './chromium.mjs';

// Full-bleed square for "maskable": the platform applies its own mask; the mark sits in the safe zone.
const svg = readFileSync("static/icon.svg", "utf8").replace(/ rx="\d+"/, "");
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const size of [192, 512]) {
	const page = await browser.newPage({ viewport: { width: size, height: size } });
	await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
	await page.screenshot({ path: `static/icon-${size}.png`, omitBackground: true });
	await page.close();
}
await browser.close();
console.log('wrote static/icon-192.png, static/icon-512.png');
