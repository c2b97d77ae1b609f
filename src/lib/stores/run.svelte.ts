// The run: owns the lifecycle machine, talks to the simulator backend, and keeps the
// streamed frames in a ring buffer that the charts, the canvas overlay and the summary read.
//
// The lifecycle machine (XState), the worker's client (Comlink) and the run's analysis load
// with the first run, not with the page: the first screen needs none of them.
import { getContext, setContext } from 'svelte';
import type { Design, ScenarioEvent } from '../model/types';
import type { SimResult } from '../sim/types';
import type { RunBackend } from '../bridge/backend';
import { FrameRing } from '../run/ring';
import { runFingerprint } from '../run/fingerprint';
import type { RunActor, RunEvent, RunStatus } from '../run/machine';
import type { Speed } from '../protocol/live';
import type { Analysis, analyse as Analyse } from '../analysis/bottleneck';

let analyserLoad: Promise<typeof Analyse> | null = null;
/** The run's analysis (bottleneck, faults, fixes): loaded when a run starts. */
const loadAnalyser = () => (analyserLoad ??= import('../analysis/bottleneck').then((m) => m.analyse));

/**
 * How often the page shows new figures while a run streams, ms. Batches land in the ring at
 * once (no DOM work); charts, canvas and clock repaint together at this pace, because on a
 * large design each repaint of the page, not the script, is what costs main-thread time.
 */
export const UI_MS = 400;

/** Most frames kept for the charts (one per simulated second by default). */
const MAX_FRAMES = 7200;

// What a run depends on (run/fingerprint.ts), for the importers that know it from here.
export { runFingerprint } from '../run/fingerprint';

export type BatchListener = (store: RunStore) => void;

export class RunStore {
	status = $state<RunStatus>('idle');
	error = $state<string | null>(null);
	stale = $state(false);
	speed = $state<Speed>(1);
	/** Simulated seconds reached. */
	timeS = $state(0);
	durationS = $state(0);
	result = $state.raw<SimResult | null>(null);
	/** The design as it was when the run started (what the figures describe). */
	design = $state.raw<Design | null>(null);
	ring = $state.raw(new FrameRing([], 1));
	/** Bumped on every batch: charts redraw when it changes. */
	tick = $state(0);
	/** Latest lifecycle state per node ("electing", "open"…). */
	states = $state.raw<Record<string, string>>({});
	/** Events injected by hand during this run, at the simulated time they went in. */
	injected = $state.raw<{ t: number; event: Omit<ScenarioEvent, 'atS'> }[]>([]);
	/** Set once the analysis module has loaded (before the first result lands). */
	private analyser = $state.raw<typeof Analyse | null>(null);
	/** Met or missed, the bottleneck and the fixes, once the run is done. */
	analysis: Analysis | null = $derived(
		this.result && this.design && this.analyser
			? this.analyser(this.design, this.result, undefined, {
					frames: this.ring.toFrames(),
					// The timeline's faults and those injected by hand, at the time they went in.
					events: [...(this.design.scenario?.events ?? []), ...this.injected.map(({ t, event }) => ({ ...event, atS: Math.round(t * 10) / 10 }) as ScenarioEvent)]
				})
			: null
	);

	private actor: RunActor | null = null;
	private actorLoad: Promise<RunActor> | null = null;
	/** Events sent before the machine loaded, delivered in order when it has. */
	private queued: RunEvent[] = [];
	private next: Design | null = null;
	private fingerprint = '';
	private listeners = new Set<BatchListener>();
	private generation = 0;
	private uiTimer: ReturnType<typeof setTimeout> | undefined;
	private pendingTime = 0;
	private pendingStates: Record<string, string> | null = null;
	private held = false;
	/** The next launch runs at full speed whatever the setting (a replay). */
	private fullSpeed = false;

	constructor(private backend: RunBackend) {}

	/**
	 * Load the lifecycle machine and start its actor (the first START or STEP does this; call
	 * it to have the store ready before that). Idempotent.
	 */
	ready(): Promise<RunActor> {
		this.actorLoad ??= import('../run/machine').then(({ createRunActor }) => {
			const actor = createRunActor({
				clearFigures: () => this.clearFigures(),
				startRun: () => void this.launch(false),
				startPaused: () => void this.launch(true),
				pauseRun: () => this.backend.pause(),
				resumeRun: () => this.backend.resume(),
				stepRun: () => this.backend.step(1),
				stopRun: () => {
					this.generation++;
					this.backend.stop();
				},
				restartWorker: () => {
					this.generation++;
					this.backend.restart();
				}
			});
			actor.subscribe((s) => {
				this.status = s.value as RunStatus;
				this.error = s.context.error;
				this.stale = s.context.stale;
			});
			actor.start();
			this.actor = actor;
			for (const ev of this.queued.splice(0)) actor.send(ev);
			return actor;
		});
		return this.actorLoad;
	}

	/** To the machine: at once when it has loaded; otherwise when it has (in order). */
	private send(ev: RunEvent) {
		if (this.actor) return this.actor.send(ev);
		// Before the first run the machine is idle: only a start or a step changes anything.
		if (!this.actorLoad && ev.type !== 'START' && ev.type !== 'STEP') return;
		this.queued.push(ev);
		void this.ready();
	}

	get active() {
		return this.status === 'running' || this.status === 'paused';
	}

	/** Run `design` (or carry on, if paused). */
	start(design: Design) {
		this.next = $state.snapshot(design) as Design;
		this.send({ type: 'START' });
	}
	pause() {
		this.send({ type: 'PAUSE' });
		if (this.uiTimer !== undefined) this.showFigures();
	}
	resume() {
		this.send({ type: 'RESUME' });
	}
	/** One simulated second; from idle or done it starts a new run paused. */
	step(design: Design) {
		this.next = $state.snapshot(design) as Design;
		this.send({ type: 'STEP' });
	}
	reset() {
		this.send({ type: 'RESET' });
	}
	restart(design: Design) {
		this.reset();
		this.start(design);
	}
	/**
	 * Run `design` again at full speed to show it in the charts (a challenge's check, graded
	 * on the job pool: same design, scenario and seed, so the same run). The speed setting is kept.
	 */
	replay(design: Design) {
		this.reset();
		this.fullSpeed = true;
		this.start(design);
	}
	setSpeed(speed: Speed) {
		this.speed = speed;
		this.backend.setSpeed(speed);
	}
	/** Inject an event now, into the running simulation only (the design is unchanged). */
	inject(ev: Omit<ScenarioEvent, 'atS'>) {
		if (!this.active) return;
		this.backend.inject(ev);
		this.injected = [...this.injected, { t: this.timeS, event: ev }];
	}
	/** The editor calls this on every change: an edit that alters the run marks it stale. */
	designEdited(design: Design) {
		if (!this.design || this.status === 'idle' || this.status === 'error') return;
		if (runFingerprint(design) !== this.fingerprint) this.send({ type: 'DESIGN_CHANGED' });
	}
	/** A crash of the worker itself (it is replaced on the next run). */
	crashed(message: string) {
		this.send({ type: 'FAIL', message });
	}

	onBatch(fn: BatchListener) {
		this.listeners.add(fn);
		return () => this.listeners.delete(fn);
	}

	/**
	 * Hold the live figures while the user drags on the canvas (frames keep landing in the
	 * ring): a repaint of charts and badges mid-drag is what would make the drag stutter.
	 */
	hold(on: boolean) {
		this.held = on;
		if (!on && this.uiTimer === undefined && this.pendingTime !== this.timeS) this.showFigures();
	}

	/** Publish what the ring holds: one reactive change for charts, canvas and clock. */
	private showFigures() {
		clearTimeout(this.uiTimer);
		this.uiTimer = undefined;
		if (this.held && this.status === 'running') return;
		this.timeS = this.pendingTime;
		if (this.pendingStates) this.states = this.pendingStates;
		this.pendingStates = null;
		this.tick++;
		for (const fn of this.listeners) fn(this);
	}

	private clearFigures() {
		clearTimeout(this.uiTimer);
		this.uiTimer = undefined;
		this.pendingTime = 0;
		this.pendingStates = null;
		this.result = null;
		this.timeS = 0;
		this.states = {};
		this.injected = [];
		this.ring.clear();
		this.tick++;
		for (const fn of this.listeners) fn(this);
	}

	private async launch(paused: boolean) {
		const design = this.next;
		if (!design) return;
		const gen = ++this.generation;
		const analysing = loadAnalyser();
		const fullSpeed = this.fullSpeed;
		this.fullSpeed = false;
		const scenario = design.scenario;
		const durationS = scenario?.durationS ?? 60;
		this.design = design;
		this.fingerprint = runFingerprint(design);
		this.durationS = durationS;
		// The host orders nodes as the design does; size the ring before any batch can land.
		const ids = design.nodes.map((n) => n.id);
		const capacity = Math.min(MAX_FRAMES, Math.ceil(durationS) + 2);
		if (this.ring.nodeIds.join('\u0000') !== ids.join('\u0000') || this.ring.capacity < capacity) this.ring = new FrameRing(ids, capacity);
		else this.ring.clear();
		try {
			const { durationS: d } = await this.backend.start(
				design,
				{ durationS, seed: scenario?.seed ?? 1, speed: fullSpeed ? 'max' : this.speed, paused },
				(packed, timeS, states) => {
					if (gen !== this.generation) return;
					this.ring.push(packed);
					this.pendingTime = timeS;
					if (Object.keys(states).length) this.pendingStates = { ...(this.pendingStates ?? this.states), ...states };
					// While paused (a step) show it at once; while running, at the UI pace.
					if (this.status !== 'running') this.showFigures();
					else this.uiTimer ??= setTimeout(() => this.showFigures(), UI_MS);
				},
				(result) => {
					if (gen !== this.generation) return;
					this.showFigures();
					// The summary and the canvas's bottleneck badge need the analysis at once.
					void analysing.then((analyser) => {
						if (gen !== this.generation) return;
						this.analyser = analyser;
						this.result = result;
						this.send({ type: 'FINISHED' });
					});
				},
				(message) => {
					if (gen !== this.generation) return;
					this.send({ type: 'FAIL', message: `The simulation failed at ${this.timeS.toFixed(1)} s: ${message}. Your design is unchanged.` });
				}
			);
			if (gen !== this.generation) return;
			this.durationS = d;
		} catch (e) {
			if (gen !== this.generation) return;
			const msg = e instanceof Error ? e.message : String(e);
			this.send({ type: 'FAIL', message: `This design cannot run: ${msg}` });
		}
	}
}

const KEY = Symbol('loadbearing:run');

export function setRun(run: RunStore): RunStore {
	return setContext(KEY, run);
}

export function getRun(): RunStore {
	const r = getContext<RunStore | undefined>(KEY);
	if (!r) throw new Error('getRun() was called outside the page that creates the run (see stores/root: createApp).');
	return r;
}

/** The run store when the page has one (the command registry's run commands need it). */
export function tryGetRun(): RunStore | undefined {
	return getContext<RunStore | undefined>(KEY);
}
