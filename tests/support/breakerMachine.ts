// The circuit breaker as an XState machine: closed → open → half-open → closed.
// This is the readable reference model; the event loop uses `BreakerState`
// (breakerState.ts), which follows the same rules without an actor. Rules and units
// are documented there. Events: REQUEST{now} (asks to send a call; the answer is
// `context.allowed`), RESULT{ok, now}, TICK{now}.
import { assign, setup } from 'xstate';
import { startLifecycle, type Lifecycle } from '$lib/sim/machines/lifecycle';
import { breakerDefaults, type BreakerConfig, type BreakerStateName } from '$lib/sim/machines/breakerState';

export interface BreakerContext {
	cfg: Required<BreakerConfig>;
	/** Bucket index of the newest bucket, and per-bucket counts (index mod buckets). */
	bucket: number;
	totals: number[];
	fails: number[];
	openedAt: number;
	probesSent: number;
	probesOk: number;
	allowed: boolean;
	opens: number;
}

export type BreakerEvent =
	| { type: 'REQUEST'; now: number }
	| { type: 'RESULT'; now: number; ok: boolean }
	| { type: 'TICK'; now: number };

function slide(ctx: BreakerContext, now: number): { bucket: number; totals: number[]; fails: number[] } {
	const b = ctx.cfg.buckets;
	const idx = Math.floor(now / (ctx.cfg.windowS / b));
	const totals = [...ctx.totals];
	const fails = [...ctx.fails];
	if (idx <= ctx.bucket) return { bucket: ctx.bucket, totals, fails };
	for (let s = 1; s <= Math.min(idx - ctx.bucket, b); s++) {
		totals[(ctx.bucket + s) % b] = 0;
		fails[(ctx.bucket + s) % b] = 0;
	}
	return { bucket: idx, totals, fails };
}

const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);

export const breakerMachine = setup({
	types: {
		context: {} as BreakerContext,
		events: {} as BreakerEvent,
		input: {} as BreakerConfig | undefined
	},
	actions: {
		recordResult: assign(({ context, event }) => {
			const w = slide(context, event.now);
			const i = w.bucket % context.cfg.buckets;
			w.totals[i]++;
			if (event.type === 'RESULT' && !event.ok) w.fails[i]++;
			return w;
		}),
		open: assign({ openedAt: ({ event }) => event.now, opens: ({ context }) => context.opens + 1 }),
		startProbing: assign({ probesSent: 0, probesOk: 0 }),
		admit: assign({ allowed: true }),
		refuse: assign({ allowed: false }),
		admitProbe: assign({ allowed: true, probesSent: ({ context }) => context.probesSent + 1 }),
		countProbeOk: assign({ probesOk: ({ context }) => context.probesOk + 1 }),
		resetWindow: assign(({ context }) => ({
			totals: context.totals.map(() => 0),
			fails: context.fails.map(() => 0)
		}))
	},
	guards: {
		tripped: ({ context }) => {
			const total = sum(context.totals);
			return total >= context.cfg.minRequests && sum(context.fails) >= context.cfg.failureRate * total;
		},
		openOver: ({ context, event }) => event.now - context.openedAt >= context.cfg.openS,
		probeLeft: ({ context }) => context.probesSent < context.cfg.halfOpenProbes,
		failed: ({ event }) => event.type === 'RESULT' && !event.ok,
		lastProbe: ({ context, event }) =>
			event.type === 'RESULT' && event.ok && context.probesOk + 1 >= context.cfg.halfOpenProbes
	}
}).createMachine({
	id: 'breaker',
	initial: 'closed',
	context: ({ input }) => {
		const cfg = breakerDefaults(input);
		return {
			cfg,
			bucket: 0,
			totals: new Array(cfg.buckets).fill(0),
			fails: new Array(cfg.buckets).fill(0),
			openedAt: 0,
			probesSent: 0,
			probesOk: 0,
			allowed: true,
			opens: 0
		};
	},
	states: {
		closed: {
			always: { guard: 'tripped', target: 'open', actions: 'open' },
			on: {
				REQUEST: { actions: 'admit' },
				RESULT: { actions: 'recordResult' }
			}
		},
		open: {
			// Results of calls sent before opening are ignored; time alone ends it.
			always: { guard: 'openOver', target: 'half-open', actions: 'startProbing' },
			on: {
				REQUEST: [
					{ guard: 'openOver', target: 'half-open', actions: ['startProbing', 'admitProbe'] },
					{ actions: 'refuse' }
				],
				RESULT: {},
				TICK: {}
			}
		},
		'half-open': {
			on: {
				REQUEST: [{ guard: 'probeLeft', actions: 'admitProbe' }, { actions: 'refuse' }],
				RESULT: [
					{ guard: 'failed', target: 'open', actions: 'open' },
					{ guard: 'lastProbe', target: 'closed', actions: 'resetWindow' },
					{ actions: 'countProbeOk' }
				]
			}
		}
	}
});

export interface Breaker extends Lifecycle<typeof breakerMachine> {
	stateName(): BreakerStateName;
	allow(now: number): boolean;
	record(ok: boolean, now: number): void;
}

export function startBreaker(config: BreakerConfig = {}): Breaker {
	const life = startLifecycle(breakerMachine, config);
	return {
		...life,
		stateName: () => life.stateName() as BreakerStateName,
		allow: (now) => {
			life.send({ type: 'REQUEST', now });
			return life.context().allowed;
		},
		record: (ok, now) => life.send({ type: 'RESULT', ok, now })
	};
}
