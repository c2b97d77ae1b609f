// The autoscaler of a service or worker group: steady → scaling-out (new instances warm
// up for `warmupS` before they serve) → steady → scaling-in (instances removed at once,
// then a `cooldownS` hold against flapping) → steady.
// The loop sends EVALUATE every evaluateS with the group's utilization (busy / all
// workers of the serving instances) or, for workers behind a queue, its backlog; the
// desired count is Kubernetes' HPA rule ceil(instances × utilization / target) with a
// ±10% dead band, or ceil(backlog / targetBacklogPerWorker) (AWS's backlog per
// instance), clamped to [min, max]. A scale-out in progress is not re-planned upwards (the
// serving instances' utilization cannot see the warming ones' capacity yet, so it would
// overshoot), but a look that wants fewer trims or cancels the instances still warming:
// otherwise a load that falls during a long warm-up left the group at the planned count.
import { assign, setup } from 'xstate';
import { startLifecycle, type Lifecycle } from './lifecycle';

export interface AutoscalerConfig {
	min: number;
	max: number;
	/** Instances serving at the start (clamped to [min, max]). */
	initial: number;
	targetUtilization?: number;
	/** When > 0, scale on backlog per instance instead of utilization. */
	targetBacklogPerWorker?: number;
	warmupS?: number;
	cooldownS?: number;
	/** Relative dead band around the utilization target. */
	tolerance?: number;
}

export interface AutoscalerContext extends Required<AutoscalerConfig> {
	/** Instances serving now. */
	instances: number;
	/** Instances serving once the scale-out in progress has warmed up. */
	target: number;
	/** When the warming instances start serving (s). */
	readyAt: number;
	/** When the last scale-in happened (s). */
	scaledInAt: number;
}

export type AutoscalerEvent =
	| { type: 'EVALUATE'; now: number; utilization?: number; backlog?: number }
	| { type: 'TICK'; now: number };

export type AutoscalerState = 'steady' | 'scaling-out' | 'scaling-in';

export function desiredInstances(ctx: AutoscalerContext, utilization?: number, backlog?: number): number {
	let desired = ctx.instances;
	if (ctx.targetBacklogPerWorker > 0 && backlog !== undefined) {
		desired = Math.ceil(Math.max(0, backlog) / ctx.targetBacklogPerWorker);
	} else if (utilization !== undefined && ctx.targetUtilization > 0) {
		const ratio = utilization / ctx.targetUtilization;
		if (Math.abs(ratio - 1) > ctx.tolerance) desired = Math.ceil(ctx.instances * ratio - 1e-9);
		// Utilization of zero instances says nothing: only backlog can scale from zero.
		desired = Math.max(1, desired);
	}
	return Math.min(ctx.max, Math.max(ctx.min, desired));
}

const desiredOf = (ctx: AutoscalerContext, ev: AutoscalerEvent) =>
	ev.type === 'EVALUATE' ? desiredInstances(ctx, ev.utilization, ev.backlog) : ctx.instances;

export const autoscalerMachine = setup({
	types: {
		context: {} as AutoscalerContext,
		events: {} as AutoscalerEvent,
		input: {} as AutoscalerConfig
	},
	actions: {
		planScaleOut: assign(({ context, event }) => ({
			target: desiredOf(context, event),
			readyAt: event.now + context.warmupS
		})),
		scaleIn: assign(({ context, event }) => {
			const n = desiredOf(context, event);
			return { instances: n, target: n, scaledInAt: event.now };
		}),
		warmUp: assign(({ context }) => ({ instances: context.target })),
		trimWarming: assign(({ context, event }) => ({ target: Math.max(context.instances, desiredOf(context, event)) }))
	},
	guards: {
		wantsMore: ({ context, event }) => desiredOf(context, event) > context.instances,
		wantsFewer: ({ context, event }) => desiredOf(context, event) < context.instances,
		/** The instances serving now are enough: the warming ones are not needed. */
		servingSuffice: ({ context, event }) => desiredOf(context, event) <= context.instances,
		wantsFewerWarming: ({ context, event }) => desiredOf(context, event) < context.target,
		cooledDownAndWantsFewer: ({ context, event }) =>
			event.now - context.scaledInAt >= context.cooldownS && desiredOf(context, event) < context.instances,
		warmedUp: ({ context, event }) => event.now >= context.readyAt,
		cooledDown: ({ context, event }) => event.now - context.scaledInAt >= context.cooldownS
	}
}).createMachine({
	id: 'autoscaler',
	initial: 'steady',
	context: ({ input }) => {
		const min = Math.max(0, Math.floor(input.min));
		const max = Math.max(min, Math.floor(input.max));
		const initial = Math.min(max, Math.max(min, Math.floor(input.initial)));
		return {
			min,
			max,
			initial,
			targetUtilization: input.targetUtilization ?? 0.6,
			targetBacklogPerWorker: input.targetBacklogPerWorker ?? 0,
			warmupS: Math.max(0, input.warmupS ?? 30),
			cooldownS: Math.max(0, input.cooldownS ?? 30),
			tolerance: input.tolerance ?? 0.1,
			instances: initial,
			target: initial,
			readyAt: 0,
			scaledInAt: -Infinity
		};
	},
	states: {
		steady: {
			on: {
				EVALUATE: [
					{ guard: 'wantsMore', target: 'scaling-out', actions: 'planScaleOut' },
					{ guard: 'wantsFewer', target: 'scaling-in', actions: 'scaleIn' }
				]
			}
		},
		'scaling-out': {
			always: { guard: 'warmedUp', target: 'steady', actions: 'warmUp' },
			on: {
				// Cancelling warming instances is a scale-in: it starts the hold against flapping.
				EVALUATE: [
					{ guard: 'servingSuffice', target: 'scaling-in', actions: 'scaleIn' },
					{ guard: 'wantsFewerWarming', actions: 'trimWarming' }
				],
				TICK: {}
			}
		},
		'scaling-in': {
			always: { guard: 'cooledDown', target: 'steady' },
			on: {
				// Scale-out is urgent and may interrupt the hold; more scale-in waits for its end.
				// A look that lands when the hold is over acts at once (the eventless transition
				// to steady is only taken after an event, so it would otherwise swallow this
				// look and make the hold two periods long).
				EVALUATE: [
					{ guard: 'wantsMore', target: 'scaling-out', actions: 'planScaleOut' },
					{ guard: 'cooledDownAndWantsFewer', target: 'scaling-in', reenter: true, actions: 'scaleIn' }
				],
				TICK: {}
			}
		}
	}
});

export interface Autoscaler extends Lifecycle<typeof autoscalerMachine> {
	stateName(): AutoscalerState;
	/** Instances serving now. */
	instances(): number;
	/** Instances being paid for (serving + warming up). */
	target(): number;
}

export function startAutoscaler(config: AutoscalerConfig): Autoscaler {
	const life = startLifecycle(autoscalerMachine, config);
	return {
		...life,
		stateName: () => life.stateName() as AutoscalerState,
		instances: () => life.context().instances,
		target: () => life.context().target
	};
}
