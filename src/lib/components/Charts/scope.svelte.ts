// What the charts share: the time axis (0 → run length) and the hover crosshair.
export class ChartScope {
	/** Simulated time under the pointer, or null. */
	hoverT = $state<number | null>(null);
	/** Right end of the shared axis, s. */
	endS = $state(60);
}
