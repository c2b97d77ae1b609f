// The small surface the event loop needs from a lifecycle machine: send an event stamped
// with simulated time, then read the state's name and context. Machines never use real
// timers (no `after`): time only moves when the loop sends an event carrying `now`.
import { createActor, type AnyStateMachine, type ContextFrom, type EventFromLogic, type InputFrom } from 'xstate';

export interface Lifecycle<M extends AnyStateMachine> {
	send(event: EventFromLogic<M>): void;
	/** The current (flat) state's name, e.g. "half-open". */
	stateName(): string;
	context(): ContextFrom<M>;
	stop(): void;
}

export function startLifecycle<M extends AnyStateMachine>(machine: M, input: InputFrom<M>): Lifecycle<M> {
	// The casts bridge XState's conditional option types for a generic machine.
	const actor = createActor(machine as AnyStateMachine, { input } as never);
	actor.start();
	return {
		send: (event) => actor.send(event),
		stateName: () => String(actor.getSnapshot().value),
		context: () => actor.getSnapshot().context as ContextFrom<M>,
		stop: () => actor.stop()
	};
}
