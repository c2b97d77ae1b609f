// A node's (or one instance's) health: healthy → degraded (slow by `factor`) → down →
// recovering → healthy. Recovering is up but not yet trusted: it returns to healthy
// `recoverS` after RECOVER (at once when recoverS is 0) unless it fails again.
import { assign, setup } from 'xstate';
import { startLifecycle, type Lifecycle } from './lifecycle';

export interface HealthContext {
	/** Service-time multiplier while degraded (1 otherwise). */
	factor: number;
	recoverS: number;
	/** Simulated time (s) of the last state change. */
	since: number;
}

export type HealthEvent =
	| { type: 'FAIL'; now: number }
	| { type: 'RECOVER'; now: number }
	| { type: 'SLOW'; now: number; factor: number }
	| { type: 'RESTORE'; now: number }
	| { type: 'TICK'; now: number };

export type HealthState = 'healthy' | 'degraded' | 'down' | 'recovering';

export const healthMachine = setup({
	types: {
		context: {} as HealthContext,
		events: {} as HealthEvent,
		input: {} as { recoverS?: number } | undefined
	},
	actions: {
		stamp: assign({ since: ({ event }) => event.now }),
		slowDown: assign({
			factor: ({ event }) => (event.type === 'SLOW' && event.factor > 0 ? event.factor : 1),
			since: ({ event }) => event.now
		}),
		restore: assign({ factor: 1, since: ({ event }) => event.now })
	},
	guards: {
		recoveredInstantly: ({ context }) => context.recoverS <= 0,
		recoveryOver: ({ context, event }) => event.now - context.since >= context.recoverS
	}
}).createMachine({
	id: 'health',
	initial: 'healthy',
	context: ({ input }) => ({ factor: 1, recoverS: input?.recoverS ?? 0, since: 0 }),
	states: {
		healthy: {
			on: {
				FAIL: { target: 'down', actions: 'restore' },
				SLOW: { target: 'degraded', actions: 'slowDown' }
			}
		},
		degraded: {
			on: {
				FAIL: { target: 'down', actions: 'restore' },
				SLOW: { actions: 'slowDown' },
				RESTORE: { target: 'healthy', actions: 'restore' }
			}
		},
		down: {
			on: { RECOVER: { target: 'recovering', actions: 'stamp' } }
		},
		recovering: {
			always: { guard: 'recoveredInstantly', target: 'healthy' },
			on: {
				FAIL: { target: 'down', actions: 'stamp' },
				TICK: { guard: 'recoveryOver', target: 'healthy', actions: 'stamp' },
				SLOW: { target: 'degraded', actions: 'slowDown' }
			}
		}
	}
});

export interface Health extends Lifecycle<typeof healthMachine> {
	stateName(): HealthState;
	/** Takes traffic (everything but down). */
	isUp(): boolean;
	/** Service-time multiplier now. */
	factor(): number;
}

export function startHealth(recoverS = 0): Health {
	const life = startLifecycle(healthMachine, { recoverS });
	return {
		...life,
		stateName: () => life.stateName() as HealthState,
		isUp: () => life.stateName() !== 'down',
		factor: () => life.context().factor
	};
}
