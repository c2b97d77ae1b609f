// A Run whose scenario asks for several runs (scenario.runs > 1) also runs the design once
// per seed on the job pool, beside the live run (which is the first seed): the dock's charts
// then draw the median and 5–95 % band over those runs. Wired once by the composition root.
import { untrack } from 'svelte';
import type { Design } from '../../model/types';
import type { AnalyseStore } from '../analyse.svelte';
import type { RunStore } from '../run.svelte';

/** The seeds a Run covers: the scenario's `runs`, 1 when absent. */
export const runsOf = (d: Design | null | undefined): number => Math.max(1, Math.round(d?.scenario?.runs ?? 1));

/** Call during a component's initialisation (the effect belongs to it). */
export function connectRunBands({ run, analyse }: { run: RunStore; analyse: AnalyseStore }): void {
	let last: Design | null = null;
	$effect(() => {
		// Each run (Run, Restart, a Step from idle) holds a fresh snapshot of the design.
		const d = run.design;
		untrack(() => {
			if (!d || d === last) return;
			last = d;
			if (runsOf(d) > 1) void analyse.repeatDesign(d, runsOf(d));
		});
	});
}
