import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { badgeLightness, trafficWidth } from './overlay.svelte';

describe('trafficWidth', () => {
	it('grows with traffic, from 1.5 to 7.5 px, in half pixels', () => {
		fc.assert(
			fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (a, b, max) => {
				const [lo, hi] = a <= b ? [a, b] : [b, a];
				const w = trafficWidth(hi, max);
				expect(trafficWidth(lo, max)).toBeLessThanOrEqual(w);
				expect(w).toBeGreaterThanOrEqual(1.5);
				expect(w).toBeLessThanOrEqual(7.5);
				expect(Number.isInteger(w * 2)).toBe(true);
			})
		);
	});
	it('leaves most edges as they are when the busiest edge moves by noise', () => {
		// 300 edges spread over the range; the maximum moves by 2 %.
		const rps = Array.from({ length: 300 }, (_, i) => (i + 1) * 10);
		const changed = rps.filter((r) => trafficWidth(r, 3000) !== trafficWidth(r, 3060)).length;
		expect(changed).toBeLessThan(300 * 0.2);
		expect(trafficWidth(3000, 3000)).toBe(7.5);
		expect(trafficWidth(0, 3000)).toBe(1.5);
	});
});

describe('badgeLightness', () => {
	/** The WCAG contrast of white on hsl(h 60% l%), computed independently through the DOM-free sRGB conversion. */
	function contrastWithWhite(h: number, lPct: number): number {
		const s = 0.6,
			l = lPct / 100;
		const c = (1 - Math.abs(2 * l - 1)) * s;
		const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
		const m = l - c / 2;
		const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : [0, c, x];
		const lin = (v: number) => (v + m <= 0.03928 ? (v + m) / 12.92 : ((v + m + 0.055) / 1.055) ** 2.4);
		const L = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
		return 1.05 / (L + 0.05);
	}
	it('gives white badge text at least 4.5:1 on every utilization hue, as light as that allows', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 179 }), (h) => {
				const l = badgeLightness(h);
				expect(contrastWithWhite(h, l)).toBeGreaterThanOrEqual(4.5);
				expect(l).toBeLessThanOrEqual(42);
				// Not darker than it needs to be: a point lighter fails, unless at the cap.
				if (l < 42) expect(contrastWithWhite(h, l + 1)).toBeLessThan(4.6);
			})
		);
	});
});
