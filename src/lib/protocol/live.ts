// What crosses the worker boundary for the live run: the options a run starts with, the
// callbacks that bring its batches back, and the API the worker's host offers. Types and
// constants only, so both sides import them without pulling the other side's code.
import type { Design, ScenarioEvent } from '../model/types';
import type { SimResult } from '../sim/types';

export type Speed = 1 | 10 | 100 | 'max';
export const SPEEDS: readonly Speed[] = [1, 10, 100, 'max'];

/** A batch of frames packed by frames.ts, the simulated time reached, the latest lifecycle states. */
export type BatchFn = (packed: Float64Array, timeS: number, states: Record<string, string>) => void;
export type EndFn = (result: SimResult) => void;
export type ErrorFn = (message: string) => void;

export interface StartOptions {
	durationS: number;
	seed: number;
	speed: Speed;
	/** Start paused (for Step before Run). */
	paused?: boolean;
}

export interface SimHostApi {
	/** Builds the simulation and starts it; throws (a DesignError's message) if it cannot run. */
	start(design: Design, opts: StartOptions, onBatch: BatchFn, onEnd: EndFn, onError: ErrorFn): { nodeIds: string[]; durationS: number };
	pause(): void;
	resume(): void;
	step(seconds?: number): void;
	setSpeed(speed: Speed): void;
	inject(ev: Omit<ScenarioEvent, 'atS'>): void;
	stop(): void;
	/** The watchdog's question: answered only if the worker's event loop is free. */
	ping(): number;
}
