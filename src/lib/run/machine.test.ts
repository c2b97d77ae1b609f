import { describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { runMachine } from './machine';

function start() {
	const calls: string[] = [];
	const spy = (name: string) => vi.fn(() => void calls.push(name));
	const names = ['clearFigures', 'startRun', 'startPaused', 'pauseRun', 'resumeRun', 'stepRun', 'stopRun', 'restartWorker'] as const;
	const actions = Object.fromEntries(names.map((n) => [n, spy(n)]));
	const actor = createActor(runMachine.provide({ actions })).start();
	return { actor, calls, status: () => actor.getSnapshot().value };
}

describe('run machine', () => {
	it('runs, pauses, steps, resumes, finishes', () => {
		const { actor, calls, status } = start();
		expect(status()).toBe('idle');
		actor.send({ type: 'START' });
		expect(status()).toBe('running');
		actor.send({ type: 'PAUSE' });
		actor.send({ type: 'STEP' });
		expect(status()).toBe('paused');
		actor.send({ type: 'RESUME' });
		actor.send({ type: 'FINISHED' });
		expect(status()).toBe('done');
		expect(calls).toEqual(['clearFigures', 'startRun', 'pauseRun', 'stepRun', 'resumeRun']);
	});
	it('Step from idle starts paused and steps once', () => {
		const { actor, calls, status } = start();
		actor.send({ type: 'STEP' });
		expect(status()).toBe('paused');
		expect(calls).toEqual(['clearFigures', 'startPaused', 'stepRun']);
	});
	it('an error is recorded, the worker restarted, and a new run clears it', () => {
		const { actor, calls, status } = start();
		actor.send({ type: 'START' });
		actor.send({ type: 'FAIL', message: 'The simulator crashed' });
		expect(status()).toBe('error');
		expect(actor.getSnapshot().context.error).toBe('The simulator crashed');
		expect(calls).toContain('restartWorker');
		actor.send({ type: 'START' });
		expect(actor.getSnapshot().context.error).toBeNull();
	});
	it('an edit during a run marks it stale until the next run; reset from anywhere', () => {
		const { actor, calls, status } = start();
		actor.send({ type: 'DESIGN_CHANGED' });
		expect(actor.getSnapshot().context.stale).toBe(false);
		actor.send({ type: 'START' });
		actor.send({ type: 'DESIGN_CHANGED' });
		expect(actor.getSnapshot().context.stale).toBe(true);
		actor.send({ type: 'RESET' });
		expect(status()).toBe('idle');
		expect(actor.getSnapshot().context.stale).toBe(false);
		expect(calls.slice(-2)).toEqual(['stopRun', 'clearFigures']);
	});
	it('ignores events that make no sense in a state', () => {
		const { actor, status } = start();
		actor.send({ type: 'PAUSE' });
		actor.send({ type: 'FINISHED' });
		expect(status()).toBe('idle');
	});
});
