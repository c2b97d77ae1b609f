import { describe, expect, it } from 'vitest';
import { restoreDesign } from '../../model';
import { PATH_STEPS, PATTERN_TEMPLATES, REFERENCE_DESIGNS, TEMPLATES, openTemplate, templateById } from './index';

describe('templates', () => {
	it('walk the ten steps in order, then the seven classic questions, then the failure gallery', () => {
		expect(PATH_STEPS.map((t) => t.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(REFERENCE_DESIGNS).toHaveLength(7);
		expect(PATTERN_TEMPLATES).toHaveLength(16);
		for (const t of PATTERN_TEMPLATES) if (t.fixId) expect(templateById(t.fixId)?.fixOf).toBe(t.id);
		expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
		expect(new Set(TEMPLATES.map((t) => t.design.id)).size).toBe(TEMPLATES.length);
	});

	it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s is a valid design with no warnings', (_id, t) => {
		const r = restoreDesign(structuredClone(t.design));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.warnings).toEqual([]);
		expect(t.changed.length).toBeGreaterThan(80);
		expect(t.scenario.length).toBeGreaterThan(40);
		// every scenario event points at a node or region that exists
		const ids = new Set([...t.design.nodes.map((n) => n.id), ...(t.design.regions ?? []).map((r) => r.id)]);
		for (const ev of t.design.scenario?.events ?? []) if (ev.target) expect(ids.has(ev.target)).toBe(true);
	});

	it('opens a copy, never the shipped design', () => {
		const t = templateById('path-1-single-server')!;
		const d = openTemplate(t);
		d.nodes[0].label = 'changed';
		expect(t.design.nodes[0].label).toBe('Users');
		expect(d.id).not.toBe(t.design.id);
		expect(openTemplate(t).id).not.toBe(d.id);
	});
});
