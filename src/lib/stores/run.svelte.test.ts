import { describe, expect, it } from 'vitest';
import { RunStore, UI_MS } from './run.svelte';
import type { RunBackend } from '../bridge/backend';
import type { BatchFn } from '../protocol/live';
import { packFrames } from '../protocol/frames';
import { inProcessBackend } from '../bridge/backend';
import { createHost } from '../worker/host';
import { createFakeSimulation } from '$testing/fakeSim';
import { chainDesign } from '$testing/testDesign';
import { G } from '../protocol/frames';
import { DesignError } from '../sim/types';

/** A store whose lifecycle machine has loaded (it loads with the first run in the app). */
async function store(create = createFakeSimulation) {
	const host = createHost({ create, now: () => performance.now(), schedule: (f, ms) => setTimeout(f, ms) });
	const run = new RunStore(inProcessBackend(host));
	await run.ready();
	return run;
}
const until = async (cond: () => boolean) => {
	for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(cond()).toBe(true);
};

describe('RunStore', () => {
	it('runs a design to the end, filling the ring, then holds the result', async () => {
		const run = await store();
		run.setSpeed('max');
		run.start(chainDesign());
		expect(run.status).toBe('running');
		await until(() => run.status === 'done');
		expect(run.ring.length).toBe(10);
		expect(run.ring.global(9, G.t)).toBe(10);
		expect(run.result?.durationS).toBe(10);
		run.reset();
		expect(run.status).toBe('idle');
		expect(run.ring.length).toBe(0);
	});
	it('loads its machine with the first run: a start before it has loaded still runs to the end, with its analysis', async () => {
		const host = createHost({ create: createFakeSimulation, now: () => performance.now(), schedule: (f, ms) => setTimeout(f, ms) });
		const run = new RunStore(inProcessBackend(host));
		run.reset();
		expect(run.status).toBe('idle');
		run.setSpeed('max');
		run.start(chainDesign());
		await until(() => run.status === 'done');
		expect(run.ring.length).toBe(10);
		expect(run.result?.durationS).toBe(10);
		expect(run.analysis?.bottleneck).toBeDefined();
	});
	it('steps from idle one simulated second at a time', async () => {
		const run = await store();
		run.step(chainDesign());
		await until(() => run.ring.length === 1);
		run.step(chainDesign());
		await until(() => run.ring.length === 2);
		expect(run.status).toBe('paused');
		expect(run.timeS).toBe(2);
	});
	it('an edit that changes the run marks it stale; moving a node does not', async () => {
		const run = await store();
		const d = chainDesign();
		run.step(d);
		await until(() => run.ring.length === 1);
		run.designEdited({ ...d, nodes: d.nodes.map((n) => ({ ...n, position: { x: 5, y: 5 } })) });
		expect(run.stale).toBe(false);
		run.designEdited({ ...d, nodes: d.nodes.map((n) => (n.id === 'web' ? { ...n, params: { instances: 9 } } : n)) });
		expect(run.stale).toBe(true);
		run.restart(d);
		expect(run.stale).toBe(false);
	});
	it('holds the figures during a drag and shows them on release', async () => {
		// A backend driven by hand: batches arrive when the test says so.
		let send: BatchFn = () => {};
		const backend: RunBackend = {
			start: async (_d, _o, onBatch) => {
				send = onBatch;
				return { nodeIds: ['client', 'web', 'db'], durationS: 10 };
			},
			pause() {},
			resume() {},
			step() {},
			setSpeed() {},
			inject() {},
			stop() {},
			restart() {}
		};
		const run = new RunStore(backend);
		await run.ready();
		const d = chainDesign();
		const sim = createFakeSimulation(d);
		run.start(d);
		await Promise.resolve();
		run.hold(true);
		send(packFrames(sim.advance(1), ['client', 'web', 'db']), 1, {});
		send(packFrames(sim.advance(2), ['client', 'web', 'db']), 2, {});
		await new Promise((r) => setTimeout(r, UI_MS * 2));
		expect(run.ring.length).toBe(2);
		expect(run.timeS).toBe(0);
		run.hold(false);
		expect(run.timeS).toBe(2);
	});
	it('a design the simulator refuses becomes an error in plain words', async () => {
		const run = await store(() => {
			throw new DesignError(['The client "c" has no outgoing edge.']);
		});
		run.start(chainDesign());
		await until(() => run.status === 'error');
		expect(run.error).toMatch(/cannot run: The client "c" has no outgoing edge/);
	});
	it('a simulator failure mid-run is reported and the run can start again', async () => {
		let calls = 0;
		const run = await store((d, o) => {
			const sim = createFakeSimulation(d, o);
			const advance = sim.advance.bind(sim);
			sim.advance = (t) => {
				if (++calls === 3) throw new Error('heap corrupted');
				return advance(t);
			};
			return sim;
		});
		run.setSpeed('max');
		run.start(chainDesign());
		await until(() => run.status === 'error');
		expect(run.error).toMatch(/simulation failed at .* heap corrupted/);
		run.start(chainDesign());
		await until(() => run.status === 'done');
		expect(run.error).toBeNull();
	});
});
