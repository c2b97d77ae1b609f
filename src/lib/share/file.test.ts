import { describe, expect, it } from 'vitest';
import { designToJson, fileNameFor, parseDesignText, readDesignFile, MAX_FILE_BYTES } from './file';
import { designToSvg, escapeXml } from './image';
import { sampleDesign } from '$lib/testing/designs';
import fixture from '$lib/persistence/fixtures/design-v1.json';

const file = (text: string | Uint8Array, name = 'x.json') => new File([text as BlobPart], name);
const errorOf = async (f: File) => {
	const r = await readDesignFile(f);
	expect(r.ok).toBe(false);
	return r.ok ? '' : r.error;
};

describe('design files', () => {
	it('exports and re-imports a design unchanged', async () => {
		const d = sampleDesign();
		const r = await readDesignFile(file(designToJson(d)));
		expect(r.ok && JSON.stringify(r.design)).toBe(JSON.stringify(d));
	});

	it('imports the version 1 fixture', async () => {
		const r = parseDesignText(JSON.stringify(fixture));
		expect(r.ok && r.design.nodes.length).toBe(5);
	});

	it('gives one clear message per bad file', async () => {
		expect(await errorOf(file('hello, world', 'notes.txt'))).toMatch(/"notes.txt" is not valid JSON/);
		expect(await errorOf(file('[1,2,3]'))).toMatch(/not a usable Loadbearing design/);
		expect(await errorOf(file(JSON.stringify({ ...sampleDesign(), version: 7 })))).toMatch(/newer Loadbearing/);
		expect(await errorOf(file(new Uint8Array([0xff, 0xfe, 0x00, 0x9f])))).toMatch(/not a text file/);
		expect(await errorOf(file(''))).toMatch(/empty/);
		const big = JSON.stringify({ ...sampleDesign(), name: 'x'.repeat(MAX_FILE_BYTES) });
		expect(await errorOf(file(big))).toMatch(/too large/);
	});

	it('names files after the design', () => {
		expect(fileNameFor({ name: 'URL Shortener (v2)!' }, 'json')).toBe('url-shortener-v2.loadbearing.json');
		expect(fileNameFor({ name: '<script>' }, 'png')).toBe('script.png');
		expect(fileNameFor({ name: '日本' }, 'svg')).toBe('design.svg');
	});
});

describe('svg export', () => {
	it('draws every node and edge, with hostile labels as inert text', () => {
		const d = sampleDesign();
		d.nodes[0].label = '<script>alert(1)</script>';
		const svg = designToSvg(d);
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script&gt;');
		const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
		expect(doc.querySelector('parsererror')).toBeNull();
		expect(doc.querySelectorAll('g[data-kind]').length).toBe(2);
		expect(doc.querySelectorAll('path[data-edge]').length).toBe(1);
	});
	it('keeps what the canvas shows: arrowheads on edges running left or up, dashed and dotted kinds, roles', () => {
		const d = sampleDesign();
		const [a, b] = d.nodes;
		// The target far to the left of and above its source.
		const back = { ...d, nodes: [{ ...a, position: { x: 600, y: 400 } }, { ...b, position: { x: 0, y: 0 } }] };
		const doc = new DOMParser().parseFromString(designToSvg(back), 'image/svg+xml');
		const path = doc.querySelector('path[data-edge]')!;
		expect(path.getAttribute('marker-end')).toMatch(/^url\(#arrow-/);
		// The curve's end heads right into the target's left side, so the arrow sits outside its box.
		const nums = path.getAttribute('d')!.match(/-?[\d.]+/g)!.map(Number);
		const [c2x, , tx, ty] = nums.slice(-4);
		expect(c2x).toBeLessThan(tx);
		expect(tx).toBeLessThanOrEqual(0);
		expect(ty).toBe(28);

		const db = (id: string, role: string, x: number) => ({ id, kind: 'database' as const, label: id, position: { x, y: 0 }, params: { role } });
		const q = { id: 'q', kind: 'queue' as const, label: 'q', position: { x: 0, y: 200 }, params: {} };
		const repl = { ...d, nodes: [db('lead', 'leader', 0), db('fol', 'follower', 300), q, { ...a, position: { x: -300, y: 200 } }], edges: [
			{ id: 'r', source: 'lead', target: 'fol', params: { mode: 'sync' } },
			{ id: 'p', source: a.id, target: 'q', params: {} }
		] };
		const svg = new DOMParser().parseFromString(designToSvg(repl), 'image/svg+xml');
		expect(svg.querySelector('path[data-edge="replication"]')!.getAttribute('stroke-dasharray')).toBe('2 4');
		expect(svg.querySelector('path[data-edge="async"]')!.getAttribute('stroke-dasharray')).toBe('7 5');
		expect(svg.querySelector('[data-edge-label="replication"]')!.textContent).toBe('replicates · sync');
		const roles = [...svg.querySelectorAll('g[data-kind="database"] text')].map((t) => t.textContent);
		expect(roles).toContain('Database · leader');
		expect(roles).toContain('Database · follower');
	});
	it('escapes XML specials', () => {
		expect(escapeXml(`a&b<c>"d'`)).toBe('a&amp;b&lt;c&gt;&quot;d&#39;');
	});
});
