// One look of an autoscaler (every evaluateS): utilization since its last look, or the
// backlog of a worker's queues, goes to its machine, which plans; a scale-out schedules the
// moment the new instances are ready. Also the autoscalers' start and the instance count
// they set (split from scenario.ts, which schedules their looks).
import type { Sim } from './core';
import type { NodeRt } from './compile';
import { num, obj } from './compile';
import { EV, K } from './consts';
import { qs } from './components/queue';
import { startAutoscaler, type Autoscaler } from './machines/autoscaler';

export function evaluateScaler(s: Sim, n: NodeRt, sc: Autoscaler, lastBusy: Float64Array, lastCap: Float64Array, pendingReady: Int32Array): void {
	const every = Math.max(0.1, obj(n.p.autoscale).evaluateS as number);
	s.touch(n);
	const busy = n.busyArea - lastBusy[n.idx], cap = n.capArea - lastCap[n.idx];
	lastBusy[n.idx] = n.busyArea;
	lastCap[n.idx] = n.capArea;
	let backlog = 0;
	if (n.k === K.worker) for (const q of n.sources as number[]) backlog += qs(s.nodes[q]).len;
	const before = sc.stateName();
	sc.send({ type: 'EVALUATE', now: s.now, utilization: cap > 0 ? Math.min(1, busy / cap) : 0, backlog });
	if (sc.stateName() === 'scaling-out' && before !== 'scaling-out') {
		pendingReady[n.idx] = sc.target() - sc.instances();
		const at = sc.context().readyAt;
		if (at <= s.durationS) s.q.push(Math.max(s.now, at), EV.INSTANCE_READY, n.idx, 0);
	}
	if (s.now + every <= s.durationS) s.q.push(s.now + every, EV.AUTOSCALE, n.idx, 0);
}

/** An autoscaler machine per autoscaled service or worker group (undefined elsewhere). */
export function startScalers(s: Sim): (Autoscaler | undefined)[] {
	return s.nodes.map((n) => {
		const as = obj(n.p.autoscale);
		if (as.enabled !== true || (n.k !== K.service && n.k !== K.worker)) return undefined;
		const min = Math.max(1, as.min as number);
		return startAutoscaler({
			min,
			max: Math.min(n.nInst, Math.max(min, as.max as number)),
			initial: n.active,
			targetUtilization: as.targetUtilization as number,
			targetBacklogPerWorker: n.k === K.worker ? (as.targetBacklogPerWorker as number) : 0,
			warmupS: Math.max(0, as.warmupS as number),
			cooldownS: Math.max(0, as.evaluateS as number)
		});
	});
}

/** Serving instances follow the autoscaler: new ones join warm, removed ones drain. */
export function setActive(s: Sim, n: NodeRt, count: number): void {
	const want = Math.max(1, Math.min(n.nInst, count));
	if (want === n.active) return;
	s.touch(n);
	const grew = want > n.active;
	const from = n.active;
	if (grew) for (let i = from; i < want; i++) {
		n.up[i] = 1;
		n.ready[i] = 1;
	}
	n.active = want;
	s.recap(n);
	if (grew && n.k === K.worker) for (let i = from; i < want; i++) for (let j = 0; j < n.conc; j++) s.onWorkerFree(n, i);
}
