import { describe, expect, it } from 'vitest';
import { RunStore } from '../run.svelte';
import { AnalyseStore } from '../analyse.svelte';
import { sweepFingerprint } from '../../sweep/saved';
import { inProcessBackend } from '../../bridge/backend';
import { inProcessPool } from '../../bridge/pool';
import { createHost } from '../../worker/host';
import { createFakeSimulation } from '$testing/fakeSim';
import { chainDesign } from '$testing/testDesign';
import { connectRunBands, runsOf } from './runBands.svelte';

const design = (runs?: number) => chainDesign({ scenario: { durationS: 4, warmupS: 0, seed: 9, events: [], ...(runs ? { runs } : {}) } });
const until = async (ok: () => boolean) => {
	for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(ok()).toBe(true);
};

describe('connectRunBands', () => {
	it('a Run whose scenario asks for 3 runs also runs its seeds on the pool; a single run does not', async () => {
		const run = new RunStore(inProcessBackend(createHost({ create: createFakeSimulation, now: () => performance.now(), schedule: (f, ms) => setTimeout(f, ms) })));
		const pool = inProcessPool();
		const analyse = new AnalyseStore(() => pool);
		const stop = $effect.root(() => connectRunBands({ run, analyse }));
		try {
			run.setSpeed('max');
			run.start(design());
			await until(() => run.status === 'done');
			await new Promise((r) => setTimeout(r, 20));
			expect(analyse.repeats).toBeNull();
			expect(analyse.busy).toBeNull();

			run.start(design(3));
			await until(() => analyse.repeats !== null);
			expect(analyse.repeats!.seeds).toEqual([9, 10, 11]);
			expect(analyse.repeats!.fingerprint).toBe(sweepFingerprint(design(3)));
			expect(analyse.repeats!.series.every((s) => s.t.length === 4)).toBe(true);
		} finally {
			stop();
		}
	});
	it('reads the runs of a design, 1 when absent', () => {
		expect(runsOf(design())).toBe(1);
		expect(runsOf(design(6))).toBe(6);
		expect(runsOf(null)).toBe(1);
	});
});
