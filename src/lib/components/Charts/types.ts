import type { FrameRing } from '../../run/ring';

/** One line (or stacked band) of a chart: a value per held frame of the ring. */
export interface Series {
	key: string;
	label: string;
	color: string;
	value: (ring: FrameRing, i: number) => number;
	/** Dashed, for a reference line (offered load). */
	dashed?: boolean;
}

export interface Marker {
	t: number;
	label: string;
}
