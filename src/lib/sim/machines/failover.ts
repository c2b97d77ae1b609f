// Database failover: leader-up → leader-lost → electing → follower-promoted.
// The loop sends LEADER_FAIL with the follower it would promote (the most up-to-date
// live one, or -1 if there is none) and how many acknowledged async writes the leader
// had not shipped yet: those are lost. Detection takes `detectS`, the whole failover
// `failoverS` from the failure (model.md: writes are unavailable until then).
// With no follower the set stays leader-lost until the leader recovers.
import { assign, setup } from 'xstate';
import { startLifecycle, type Lifecycle } from './lifecycle';

export interface FailoverContext {
	failoverS: number;
	detectS: number;
	/** Simulated time (s) the current leader was lost. */
	lostAt: number;
	/** Follower chosen for promotion (index in the replica set), -1 if none. */
	candidate: number;
	/** The follower promoted by the last completed failover, -1 if none yet. */
	promoted: number;
	/** Acknowledged writes lost over all failovers. */
	lostWrites: number;
	failovers: number;
}

export type FailoverEvent =
	| { type: 'LEADER_FAIL'; now: number; candidate: number; unshippedWrites: number }
	| { type: 'LEADER_RECOVER'; now: number }
	| { type: 'CANDIDATE'; now: number; candidate: number }
	| { type: 'TICK'; now: number };

export type FailoverState = 'leader-up' | 'leader-lost' | 'electing' | 'follower-promoted';

export const failoverMachine = setup({
	types: {
		context: {} as FailoverContext,
		events: {} as FailoverEvent,
		input: {} as { failoverS?: number; detectS?: number } | undefined
	},
	actions: {
		loseLeader: assign({
			lostAt: ({ event }) => event.now,
			candidate: ({ event, context }) => (event.type === 'LEADER_FAIL' ? event.candidate : context.candidate),
			lostWrites: ({ event, context }) =>
				context.lostWrites + (event.type === 'LEADER_FAIL' ? Math.max(0, event.unshippedWrites) : 0)
		}),
		setCandidate: assign({
			candidate: ({ event, context }) => (event.type === 'CANDIDATE' ? event.candidate : context.candidate)
		}),
		promote: assign({
			promoted: ({ context }) => context.candidate,
			failovers: ({ context }) => context.failovers + 1
		})
	},
	guards: {
		detected: ({ context, event }) => context.candidate >= 0 && event.now - context.lostAt >= context.detectS,
		elected: ({ context, event }) => event.now - context.lostAt >= context.failoverS
	}
}).createMachine({
	id: 'failover',
	initial: 'leader-up',
	context: ({ input }) => {
		const failoverS = Math.max(0, input?.failoverS ?? 30);
		return {
			failoverS,
			detectS: Math.min(failoverS, Math.max(0, input?.detectS ?? 0)),
			lostAt: 0,
			candidate: -1,
			promoted: -1,
			lostWrites: 0,
			failovers: 0
		};
	},
	states: {
		'leader-up': {
			on: { LEADER_FAIL: { target: 'leader-lost', actions: 'loseLeader' } }
		},
		'leader-lost': {
			// Eventless transitions re-check after every event (each carries `now`), so
			// detectS = 0 passes straight through.
			always: { guard: 'detected', target: 'electing' },
			on: {
				TICK: {},
				CANDIDATE: { actions: 'setCandidate' },
				LEADER_RECOVER: { target: 'leader-up' }
			}
		},
		electing: {
			always: { guard: 'elected', target: 'follower-promoted', actions: 'promote' },
			on: {
				TICK: {},
				// The old leader came back before a follower was promoted: it stays leader.
				LEADER_RECOVER: { target: 'leader-up' }
			}
		},
		'follower-promoted': {
			// The promoted follower is the leader now; it can fail in turn.
			on: { LEADER_FAIL: { target: 'leader-lost', actions: 'loseLeader' } }
		}
	}
});

export interface Failover extends Lifecycle<typeof failoverMachine> {
	stateName(): FailoverState;
	/** Writes can be taken (the original leader or a promoted follower is up). */
	hasLeader(): boolean;
}

export function startFailover(failoverS = 30, detectS = 0): Failover {
	const life = startLifecycle(failoverMachine, { failoverS, detectS });
	return {
		...life,
		stateName: () => life.stateName() as FailoverState,
		hasLeader: () => {
			const s = life.stateName();
			return s === 'leader-up' || s === 'follower-promoted';
		}
	};
}
