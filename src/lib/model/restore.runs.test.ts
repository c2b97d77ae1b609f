import { describe, expect, it } from 'vitest';
import { restoreDesign } from './index';
import { MAX_RUNS } from './restore';
import { runFingerprint } from '../run/fingerprint';

const base = { format: 'loadbearing/design', version: 1, id: 'x', name: 'X', nodes: [], edges: [] };
const scenario = (runs: unknown) => ({ durationS: 10, warmupS: 1, seed: 3, events: [], runs });

describe("a scenario's runs (seeds a Run covers)", () => {
	it('keeps a whole number in range, rounds a fraction, and is absent when not given', () => {
		const kept = restoreDesign({ ...base, scenario: scenario(4) });
		expect(kept.ok && kept.design.scenario?.runs).toBe(4);
		const rounded = restoreDesign({ ...base, scenario: scenario(2.6) });
		expect(rounded.ok && rounded.design.scenario?.runs).toBe(3);
		const none = restoreDesign({ ...base, scenario: { durationS: 10, warmupS: 1, seed: 3, events: [] } });
		expect(none.ok && Object.hasOwn(none.design.scenario!, 'runs')).toBe(false);
	});
	it('replaces a value out of range or not a number by 1, with a warning', () => {
		for (const bad of [0, MAX_RUNS + 1, 'many', -3]) {
			const r = restoreDesign({ ...base, scenario: scenario(bad) });
			if (!r.ok) throw new Error('refused');
			expect(r.design.scenario?.runs).toBe(1);
			expect(r.warnings.join(' ')).toMatch(/Scenario runs must be between 1 and 100/);
		}
	});
	it('does not make the live run stale: the first seed runs the same whatever the count', () => {
		const r = restoreDesign({ ...base, scenario: scenario(1) });
		const s = restoreDesign({ ...base, scenario: scenario(8) });
		if (!r.ok || !s.ok) throw new Error('refused');
		expect(runFingerprint(r.design)).toBe(runFingerprint(s.design));
		const other = restoreDesign({ ...base, scenario: { ...scenario(8), seed: 4 } });
		expect(other.ok && runFingerprint(other.design)).not.toBe(runFingerprint(s.design));
	});
});
