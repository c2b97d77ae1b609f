// Export: the picture keeps what the canvas shows; a finished run exports as an animated GIF.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp } from './helpers';

test('a run exports as an animated GIF: canvas and charts as a time-lapse', async ({ page }) => {
	await openApp(page);
	await expect(page.getByTestId('export-gif')).toBeDisabled();
	await page.getByTestId('run-speed-max').click();
	await page.getByTestId('run-start').click();
	await expect(page.getByTestId('sim-status')).toHaveText('done', { timeout: 60_000 });
	await expect(page.getByTestId('export-gif')).toBeEnabled();
	const [gif] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-gif').click()]);
	expect(gif.suggestedFilename()).toBe('my-first-design.gif');
	const bytes = readFileSync((await gif.path())!);
	expect(bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
	expect(bytes.includes(Buffer.from('NETSCAPE2.0'))).toBe(true);
	// One graphic control extension (0x21 0xF9 0x04) per frame: a time-lapse, not a still.
	let frames = 0;
	for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0x21 && bytes[i + 1] === 0xf9 && bytes[i + 2] === 0x04) frames++;
	expect(frames).toBeGreaterThanOrEqual(20);
	// Its size is the canvas's width, and taller than the design alone (the charts strip).
	const width = bytes.readUInt16LE(6);
	const height = bytes.readUInt16LE(8);
	expect(width).toBe(720);
	expect(height).toBeGreaterThan(150);
});

test('the SVG keeps arrowheads on a backwards edge, dashed async and dotted replication', async ({ page }) => {
	await openApp(page);
	await page.evaluate(() => {
		const ed = (window as any).__loadbearing.editor;
		ed.update('test', (d: any) => ({
			...d,
			nodes: [...d.nodes, { id: 'q', kind: 'queue', label: 'Queue', position: { x: -400, y: -200 }, params: {} }, { id: 'f', kind: 'database', label: 'Follower', position: { x: 400, y: 300 }, params: { role: 'follower' } }],
			edges: [...d.edges, { id: 'eq', source: 'web', target: 'q', params: {} }, { id: 'ef', source: 'db', target: 'f', params: { mode: 'async' } }]
		}));
	});
	const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
	const text = readFileSync((await svg.path())!, 'utf8');
	const edges = [...text.matchAll(/<path data-edge="(\w+)"[^>]*>/g)].map((m) => m[0]);
	expect(edges).toHaveLength(5);
	for (const e of edges) expect(e).toContain('marker-end="url(#arrow-');
	expect(edges.find((e) => e.includes('data-edge="async"'))).toContain('stroke-dasharray="7 5"');
	expect(edges.find((e) => e.includes('data-edge="replication"'))).toContain('stroke-dasharray="2 4"');
	expect(text).toContain('replicates · async');
	expect(text).toContain('Database · follower');
});
