import { describe, expect, it } from 'vitest';
import { AnalyseStore, type Editable } from './analyse.svelte';
import { inProcessPool, type JobPool } from '../bridge/pool';
import { chainDesign } from '$testing/testDesign';
import { readSavedSweep, sweepFingerprint } from '../sweep/saved';
import type { Design } from '../model/types';

class FakeEditor implements Editable {
	labels: string[] = [];
	constructor(public design: Design) {}
	update(label: string, fn: (d: Design) => Design) {
		this.labels.push(label);
		this.design = fn(this.design);
	}
}

/** One job at a time with a pause between, as a one-worker pool does, so progress can be watched. */
function serialPool(): JobPool {
	const inner = inProcessPool();
	let queue: Promise<unknown> = Promise.resolve();
	return {
		...inner,
		point(job) {
			const next = queue.then(() => new Promise((r) => setTimeout(r, 15))).then(() => inner.point(job));
			queue = next.catch(() => {});
			return next;
		}
	};
}

/** The chain design, short: 3 s per run. */
const short = () => chainDesign({ scenario: { durationS: 3, warmupS: 0, seed: 5, events: [] } });

describe('AnalyseStore', () => {
	it('a sweep reports progress point by point and keeps its result in the design', async () => {
		const store = new AnalyseStore(serialPool);
		store.points = 8;
		const editor = new FakeEditor(short());
		const seen: number[] = [];
		const sweeping = store.sweep(editor);
		expect(store.busy).toBe('sweep');
		while (store.busy) {
			if (store.partial) seen.push(store.partial.points.length);
			await new Promise((r) => setTimeout(r, 5));
		}
		await sweeping;
		expect(store.error).toBeNull();
		// The chart fills as points land: some were seen before the last.
		expect(seen.some((n) => n > 0 && n < 8)).toBe(true);
		expect(store.progress).toEqual({ done: 8, total: 8 });
		expect(editor.labels).toEqual(['Keep sweep results']);
		const saved = readSavedSweep(editor.design)!;
		expect(saved.points).toHaveLength(8);
		expect(saved.seed).toBe(5);
		expect(saved.fingerprint).toBe(sweepFingerprint(editor.design));
		// Through JSON (a saved or exported file) it reads back the same.
		expect(readSavedSweep(JSON.parse(JSON.stringify(editor.design)))).toEqual(saved);
	});
	it('cancel stops a sweep without touching the design or reporting an error', async () => {
		const store = new AnalyseStore(inProcessPool);
		const editor = new FakeEditor(short());
		const before = editor.design;
		const sweeping = store.sweep(editor);
		store.cancel();
		await sweeping;
		expect(store.busy).toBeNull();
		expect(store.error).toBeNull();
		expect(editor.design).toBe(before);
	});
	it('repeats run the design over consecutive seeds; a design that cannot run says why', async () => {
		const store = new AnalyseStore(inProcessPool);
		store.runs = 3;
		const editor = new FakeEditor(short());
		await store.repeat(editor);
		expect(store.repeats?.seeds).toEqual([5, 6, 7]);
		expect(store.repeats?.figures).toHaveLength(3);
		expect(new Set(store.repeats!.figures.map((f) => f.p99)).size).toBeGreaterThan(1);
		const broken = new FakeEditor({ ...short(), nodes: short().nodes.filter((n) => n.kind !== 'client') });
		await store.sweep(broken);
		expect(store.error).toMatch(/design sends no traffic|cannot run/);
	});
	it('compare runs both designs over the same seeds', async () => {
		const store = new AnalyseStore(inProcessPool);
		store.runs = 2;
		const a = short();
		const b = { ...a, nodes: a.nodes.map((n) => (n.id === 'web' ? { ...n, params: { instances: 1, serviceTimeMs: 60 } } : n)) };
		await store.compareDesigns(a, b, ['A', 'B']);
		expect(store.compare?.a.seeds).toEqual(store.compare?.b.seeds);
		expect(store.compare!.b.figures[0].p50).toBeGreaterThan(store.compare!.a.figures[0].p50);
	});
});
