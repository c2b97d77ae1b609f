// A cache instance's life: warm → flushed (a FLUSH scenario event or a restart emptied
// it) → warming (refilling from misses) → warm. It is warm again when its hit ratio is
// back to `recoverFraction` of what it was before the flush, or after `fillTarget` fills
// (its capacity, say), whichever comes first. The loop reports per-window PROGRESS
// (hit ratio of the window, fills since the last report); per-lookup traffic never
// goes through the actor.
import { assign, setup } from 'xstate';
import { startLifecycle, type Lifecycle } from './lifecycle';

export interface CacheLifeContext {
	recoverFraction: number;
	fillTarget: number;
	/** Hit ratio of the last window while warm: what "recovered" is measured against. */
	baseline: number;
	fills: number;
	flushedAt: number;
	/** When the cache was last warm again (s), -1 before any flush recovered. */
	warmAt: number;
}

export type CacheLifeEvent =
	| { type: 'FLUSH'; now: number }
	| { type: 'PROGRESS'; now: number; hitRatio: number; fills: number };

export type CacheLifeState = 'warm' | 'flushed' | 'warming';

export const cacheLifeMachine = setup({
	types: {
		context: {} as CacheLifeContext,
		events: {} as CacheLifeEvent,
		input: {} as { recoverFraction?: number; fillTarget?: number; baseline?: number } | undefined
	},
	actions: {
		noteBaseline: assign({
			baseline: ({ event, context }) => (event.type === 'PROGRESS' ? event.hitRatio : context.baseline)
		}),
		flush: assign({ fills: 0, flushedAt: ({ event }) => event.now }),
		countFills: assign({
			fills: ({ event, context }) => context.fills + (event.type === 'PROGRESS' ? Math.max(0, event.fills) : 0)
		}),
		markWarm: assign({ warmAt: ({ event }) => event.now })
	},
	guards: {
		recovered: ({ context, event }) =>
			context.fills >= context.fillTarget ||
			(event.type === 'PROGRESS' && context.baseline > 0 && event.hitRatio >= context.recoverFraction * context.baseline)
	}
}).createMachine({
	id: 'cacheLife',
	initial: 'warm',
	context: ({ input }) => ({
		recoverFraction: input?.recoverFraction ?? 0.9,
		fillTarget: Math.max(1, input?.fillTarget ?? 10000),
		baseline: input?.baseline ?? 0,
		fills: 0,
		flushedAt: 0,
		warmAt: -1
	}),
	states: {
		warm: {
			on: {
				PROGRESS: { actions: 'noteBaseline' },
				FLUSH: { target: 'flushed', actions: 'flush' }
			}
		},
		flushed: {
			on: {
				FLUSH: { actions: 'flush' },
				PROGRESS: { target: 'warming', actions: 'countFills' }
			}
		},
		warming: {
			always: { guard: 'recovered', target: 'warm', actions: 'markWarm' },
			on: {
				FLUSH: { target: 'flushed', actions: 'flush' },
				PROGRESS: { actions: 'countFills' }
			}
		}
	}
});

export interface CacheLife extends Lifecycle<typeof cacheLifeMachine> {
	stateName(): CacheLifeState;
}

export function startCacheLife(fillTarget = 10000, recoverFraction = 0.9): CacheLife {
	const life = startLifecycle(cacheLifeMachine, { fillTarget, recoverFraction });
	return { ...life, stateName: () => life.stateName() as CacheLifeState };
}
