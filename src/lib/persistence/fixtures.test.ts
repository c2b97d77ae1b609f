import { describe, expect, it } from 'vitest';
import { DESIGN_VERSION, restoreDesign } from '$lib/model';

// One saved design per schema version ever written: each must still open.
const fixtures = import.meta.glob<{ default: unknown }>('./fixtures/design-v*.json', { eager: true });

describe('saved-design fixtures', () => {
	it('has a fixture for every schema version', () => {
		const versions = Object.keys(fixtures)
			.map((p) => Number(/design-v(\d+)\.json$/.exec(p)?.[1]))
			.sort((a, b) => a - b);
		expect(versions).toEqual(Array.from({ length: DESIGN_VERSION }, (_, i) => i + 1));
	});

	for (const [path, mod] of Object.entries(fixtures))
		it(`${path} opens and migrates to version ${DESIGN_VERSION} without losing nodes`, () => {
			const raw = mod.default as { nodes: unknown[]; version: number };
			const r = restoreDesign(raw);
			expect(r.ok).toBe(true);
			if (!r.ok) return;
			expect(r.design.version).toBe(DESIGN_VERSION);
			expect(r.design.nodes.length).toBe(raw.nodes.length);
			expect(r.warnings).toEqual([]);
		});
});
