// Analyses beyond one run, on the job pool: the load sweep, repeats over seeds (confidence)
// and the comparison of two designs. Holds their progress and results so they survive the
// panel being closed; results of a sweep are written into the design (saved and exported
// with it) as an undoable "Keep sweep results".
import { getContext, setContext } from 'svelte';
import type { Design } from '../model/types';
import type { JobPool } from '../bridge/pool';
import { CancelledError } from '../bridge/cancel';
import { DesignError } from '../sim/types';
import { DEFAULT_POINTS, DEFAULT_RUNS } from '../sweep/defaults';
import type { SweepPoint } from '../sweep/plan';
import type { Progress, RepeatResult } from '../sweep/runner';
import type { SavedSweep } from '../sweep/saved';

// The runner, the capacity estimate and the saved-results codec load with the first
// analysis, not with the page.
const runner = () => import('../sweep/runner');
const savedSweeps = () => import('../sweep/saved');

type Job = 'sweep' | 'repeats' | 'compare';

export interface Editable {
	readonly design: Design;
	update(label: string, fn: (d: Design) => Design): void;
}

export interface CompareResult {
	names: [string, string];
	a: RepeatResult;
	b: RepeatResult;
}

export class AnalyseStore {
	/** What is running now, if anything (one analysis at a time). */
	busy = $state<Job | null>(null);
	progress = $state<Progress>({ done: 0, total: 0 });
	error = $state<string | null>(null);
	points = $state(DEFAULT_POINTS);
	runs = $state(DEFAULT_RUNS);
	repeats = $state.raw<(RepeatResult & { designId: string; fingerprint: string }) | null>(null);
	compare = $state.raw<CompareResult | null>(null);
	/** Points of the sweep in progress, as they land (for the chart). */
	partial = $state.raw<SavedSweep | null>(null);

	#abort: AbortController | null = null;

	constructor(private pool: () => JobPool) {}

	cancel(): void {
		this.#abort?.abort();
	}

	async #go<T>(job: Job, work: (ctl: { onProgress: (p: Progress) => void; signal: AbortSignal }) => Promise<T>): Promise<T | null> {
		if (this.busy) return null;
		this.busy = job;
		this.error = null;
		this.progress = { done: 0, total: 0 };
		const abort = (this.#abort = new AbortController());
		try {
			return await work({ onProgress: (p) => (this.progress = p), signal: abort.signal });
		} catch (e) {
			if (!(e instanceof CancelledError) && !abort.signal.aborted)
				this.error = e instanceof DesignError ? `This design cannot run: ${e.reasons[0]}` : e instanceof Error ? e.message : String(e);
			return null;
		} finally {
			this.busy = null;
			this.#abort = null;
		}
	}

	async sweep(editor: Editable): Promise<void> {
		const design = editor.design;
		let fingerprint = '';
		const onItem = (_: number, p: unknown) => {
			if (this.partial) this.partial = { ...this.partial, points: [...this.partial.points, p as SweepPoint] };
		};
		// Busy (and cancellable) at once; the runner loads inside the job.
		const r = await this.#go('sweep', async (ctl) => {
			const [{ runSweep }, { estimateCapacity }, { sweepFingerprint }] = await Promise.all([runner(), import('../sweep/capacity'), savedSweeps()]);
			fingerprint = sweepFingerprint(design);
			const estimate = estimateCapacity(design);
			const b = estimate.bottleneck;
			this.partial = {
				at: '',
				seed: 0,
				durationS: 0,
				capacityRps: estimate.capacityRps,
				bottleneck: b && { id: b.id, label: b.label, why: b.why },
				points: [],
				knee: null,
				fingerprint
			};
			return runSweep(this.pool(), design, this.points, { ...ctl, onItem }, estimate);
		});
		if (!r) {
			this.partial = null;
			return;
		}
		const saved: SavedSweep = { ...r, fingerprint };
		// Its own task: the last point's redraw and the design's update (canvas, history,
		// saving) in the same task as the worker's last message made one long task.
		await new Promise((done) => setTimeout(done, 0));
		// Kept only on the design it describes (the user may have opened another meanwhile).
		const { withSweep } = await savedSweeps();
		if (editor.design.id === design.id) {
			editor.update('Keep sweep results', (d) => withSweep(d, saved));
			this.partial = null;
		} else this.partial = saved;
	}

	async repeat(editor: Editable): Promise<void> {
		await this.repeatDesign(editor.design, this.runs);
	}

	/** `design` once per seed of `runs` (a Run whose scenario asks for several runs calls this too). */
	async repeatDesign(design: Design, runs: number): Promise<void> {
		const r = await this.#go('repeats', async (ctl) => {
			const { runRepeats, seedsFor } = await runner();
			return runRepeats(this.pool(), design, seedsFor(design, runs), ctl);
		});
		if (r) this.repeats = { ...r, designId: design.id, fingerprint: (await savedSweeps()).sweepFingerprint(design) };
	}

	async compareDesigns(a: Design, b: Design, names: [string, string]): Promise<void> {
		const r = await this.#go('compare', async (ctl) => {
			const { runCompare, seedsFor } = await runner();
			return runCompare(this.pool(), a, b, seedsFor(a, this.runs), ctl);
		});
		if (r) this.compare = { names, a: r[0], b: r[1] };
	}
}

const KEY = Symbol('analyse');
export const setAnalyse = (s: AnalyseStore) => setContext(KEY, s);
export function getAnalyse(): AnalyseStore {
	const s = getContext<AnalyseStore | undefined>(KEY);
	if (!s) throw new Error('getAnalyse() needs an AnalyseStore set by the page.');
	return s;
}
