import { describe, expect, it } from 'vitest';
import { revealShift } from './reveal.svelte';

const box = (left: number, right: number) => ({ left, right, width: right - left });
// An 820 px tablet: the canvas from 64 to 820, the slide-over from 480.
const canvas = box(64, 820);
const panel = box(480, 820);

describe('revealShift', () => {
	it('leaves a part that is clear of the panel where it is', () => {
		expect(revealShift(box(88, 212), panel, canvas)).toBe(0);
	});
	it('pans a part under the panel left until it sits 16 px clear of it', () => {
		expect(revealShift(box(672, 796), panel, canvas)).toBe(464 - 796);
	});
	it('never pans a wide part past the canvas left edge', () => {
		// 500 px wide: it cannot fit beside the panel; its left edge stops 16 px inside the canvas.
		expect(revealShift(box(300, 800), panel, canvas)).toBe(80 - 300);
	});
	it('does nothing while the panel is closed (no width)', () => {
		expect(revealShift(box(672, 796), box(0, 0), canvas)).toBe(0);
	});
});
