// The run's lifecycle: idle → running ⇄ paused → done, or error. Effects are named
// actions whose bodies the run store provides (tests provide spies), so the chart
// of states stays readable and testable on its own.
import { assign, createActor, setup, type Actor } from 'xstate';

export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'error';

export type RunEvent =
	| { type: 'START' }
	| { type: 'PAUSE' }
	| { type: 'RESUME' }
	| { type: 'STEP' }
	| { type: 'RESET' }
	| { type: 'FINISHED' }
	| { type: 'FAIL'; message: string }
	| { type: 'DESIGN_CHANGED' };

export interface RunContext {
	error: string | null;
	/** The design was edited during this run: its figures no longer describe what is on the canvas. */
	stale: boolean;
}

const noop = () => {};

export const runMachine = setup({
	types: { context: {} as RunContext, events: {} as RunEvent },
	actions: {
		clearFigures: noop,
		startRun: noop,
		startPaused: noop,
		pauseRun: noop,
		resumeRun: noop,
		stepRun: noop,
		stopRun: noop,
		restartWorker: noop,
		markStale: assign({ stale: true }),
		clearRun: assign({ stale: false, error: null }),
		recordError: assign({ error: ({ event }) => (event.type === 'FAIL' ? event.message : null) })
	}
}).createMachine({
	id: 'run',
	initial: 'idle',
	context: { error: null, stale: false },
	on: {
		RESET: { target: '.idle', actions: ['stopRun', 'clearFigures', 'clearRun'] }
	},
	states: {
		idle: {
			on: {
				START: { target: 'running', actions: ['clearRun', 'clearFigures', 'startRun'] },
				STEP: { target: 'paused', actions: ['clearRun', 'clearFigures', 'startPaused', 'stepRun'] }
			}
		},
		running: {
			on: {
				PAUSE: { target: 'paused', actions: 'pauseRun' },
				FINISHED: 'done',
				FAIL: { target: 'error', actions: ['recordError', 'restartWorker'] },
				DESIGN_CHANGED: { actions: 'markStale' }
			}
		},
		paused: {
			on: {
				RESUME: { target: 'running', actions: 'resumeRun' },
				START: { target: 'running', actions: 'resumeRun' },
				STEP: { actions: 'stepRun' },
				FINISHED: 'done',
				FAIL: { target: 'error', actions: ['recordError', 'restartWorker'] },
				DESIGN_CHANGED: { actions: 'markStale' }
			}
		},
		done: {
			on: {
				START: { target: 'running', actions: ['clearRun', 'clearFigures', 'startRun'] },
				STEP: { target: 'paused', actions: ['clearRun', 'clearFigures', 'startPaused', 'stepRun'] },
				DESIGN_CHANGED: { actions: 'markStale' }
			}
		},
		error: {
			on: {
				START: { target: 'running', actions: ['clearRun', 'clearFigures', 'startRun'] },
				STEP: { target: 'paused', actions: ['clearRun', 'clearFigures', 'startPaused', 'stepRun'] }
			}
		}
	}
});

/** The effects the run store gives the machine (the names of `runMachine`'s no-op actions). */
export type RunEffects = Record<'clearFigures' | 'startRun' | 'startPaused' | 'pauseRun' | 'resumeRun' | 'stepRun' | 'stopRun' | 'restartWorker', () => void>;
export type RunActor = Actor<typeof runMachine>;

/** The machine with the store's effects, as an actor (not started). */
export function createRunActor(effects: RunEffects): RunActor {
	return createActor(runMachine.provide({ actions: effects }));
}
