// One look of an autoscaler (every evaluateS): utilization since its last look, or the
// backlog of a worker's queues, goes to its machine, which plans; a scale-out schedules the
// moment the new instances are ready.
import type { Sim } from './core';
import type { NodeRt } from './compile';
import { num, obj } from './compile';
import { EV, K } from './consts';
import { backlogFor } from './components/lag';
import type { Autoscaler } from './machines/autoscaler';

export function evaluateScaler(s: Sim, n: NodeRt, sc: Autoscaler, lastBusy: Float64Array, lastCap: Float64Array, pendingReady: Int32Array): void {
	const every = Math.max(0.1, obj(n.p.autoscale).evaluateS as number);
	s.touch(n);
	const busy = n.busyArea - lastBusy[n.idx], cap = n.capArea - lastCap[n.idx];
	lastBusy[n.idx] = n.busyArea;
	lastCap[n.idx] = n.capArea;
	let backlog = 0;
	if (n.k === K.worker) for (const q of n.sources as number[]) backlog += backlogFor(s.nodes[q], n.idx);
	const before = sc.stateName();
	sc.send({ type: 'EVALUATE', now: s.now, utilization: cap > 0 ? Math.min(1, busy / cap) : 0, backlog });
	if (sc.stateName() === 'scaling-out' && before !== 'scaling-out') {
		pendingReady[n.idx] = sc.target() - sc.instances();
		const at = sc.context().readyAt;
		if (at <= s.durationS) s.q.push(Math.max(s.now, at), EV.INSTANCE_READY, n.idx, 0);
	}
	if (s.now + every <= s.durationS) s.q.push(s.now + every, EV.AUTOSCALE, n.idx, 0);
}
