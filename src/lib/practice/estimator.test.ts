import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { restoreDesign } from '../model';
import { design, edge, node } from './build';
import { DEFAULT_ESTIMATE_INPUT, applyEstimate, estimate, formatBytes, pow10, validateInput } from './estimator';

describe('estimate', () => {
	it('does the classic arithmetic: 10⁷ users × 20 requests ≈ 2.3 × 10³ rps', () => {
		const e = estimate(DEFAULT_ESTIMATE_INPUT);
		expect(e.avgRps).toBeCloseTo(2e8 / 86400, 6);
		expect(e.peakRps).toBeCloseTo(2 * e.avgRps, 6);
		expect(e.writeRps + e.readRps).toBeCloseTo(e.avgRps, 6);
		expect(e.readRps / e.writeRps).toBeCloseTo(10, 6);
		// writes/s × seconds a year × 1 KB
		expect(e.storagePerYearBytes).toBeCloseTo(e.writeRps * 86400 * 365 * 1000, 0);
		expect(e.storageTotalBytes).toBeCloseTo(5 * e.storagePerYearBytes, 0);
		expect(e.egressBytesPerS).toBeCloseTo(e.readRps * 10_000, 3);
		expect(e.steps.find((s) => s.label === 'Average requests per second')!.working).toContain('8.6 × 10⁴');
	});

	it('scales linearly with users (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1000 }), (dau, k) => {
				const a = estimate({ ...DEFAULT_ESTIMATE_INPUT, dau });
				const b = estimate({ ...DEFAULT_ESTIMATE_INPUT, dau: dau * k });
				return Math.abs(b.peakRps - k * a.peakRps) <= 1e-9 * b.peakRps && b.peakRps >= b.avgRps;
			})
		);
	});

	it('refuses nonsense input with plain reasons', () => {
		expect(validateInput(DEFAULT_ESTIMATE_INPUT)).toEqual([]);
		expect(validateInput({ ...DEFAULT_ESTIMATE_INPUT, dau: -1, peakFactor: 0.5 })).toEqual([
			'Daily active users must be a number of zero or more.',
			'Peak factor must be at least 1.'
		]);
	});
});

describe('formatting', () => {
	it('writes powers of ten and decimal bytes', () => {
		expect(pow10(12345)).toBe('1.2 × 10⁴');
		expect(pow10(1e6)).toBe('10⁶');
		expect(pow10(42)).toBe('42');
		expect(pow10(0.0001)).toBe('10⁻⁴');
		expect(formatBytes(3.65e12)).toBe('3.65 TB');
		expect(formatBytes(999)).toBe('999 B');
	});
});

describe('applyEstimate', () => {
	const d = design('x', 'x', [node('c', 'client', 0, 0, { rps: 5, mix: { static: 0.2, read: 0.7, write: 0.1 } }), node('s', 'service', 200, 0)], [edge('c', 's')]);

	it('sets the client rate and mix, keeps the static share, leaves the input alone', () => {
		const e = estimate(DEFAULT_ESTIMATE_INPUT);
		const out = applyEstimate(d, e, 'peak');
		const c = out.nodes[0].params;
		expect(c.rps).toBe(Math.round(e.peakRps));
		expect(c.mix).toEqual({ static: 0.2, read: 0.727, write: 0.073 });
		expect(d.nodes[0].params.rps).toBe(5);
		expect(applyEstimate(d, e, 'average').nodes[0].params.rps).toBe(Math.round(e.avgRps));
		const r = restoreDesign(out);
		expect(r.ok && r.warnings).toEqual([]);
	});

	it('adds a client to a design without one', () => {
		const bare = design('y', 'y', [node('client', 'service', 0, 0)], []);
		const out = applyEstimate(bare, estimate(DEFAULT_ESTIMATE_INPUT));
		const c = out.nodes.find((n) => n.kind === 'client')!;
		expect(c.id).toBe('client-2');
		expect(restoreDesign(out).ok).toBe(true);
	});
});
