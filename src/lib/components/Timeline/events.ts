// Scenario events as the timeline edits them: defaults for a new one, labels, and edits
// that return a new, time-ordered list (the design is never mutated in place).
import type { DesignNode, NodeKind, Region, ScenarioAction, ScenarioEvent } from '../../model/types';
import { KINDS } from '../../model/kinds';
import { unreachable } from '../../model/exhaustive';

export const ACTION_INFO: Record<ScenarioAction, { label: string; icon: string; needs: 'node' | 'regions' | 'none' }> = {
	fail: { label: 'Fail node', icon: '✖', needs: 'node' },
	recover: { label: 'Recover', icon: '✔', needs: 'node' },
	failInstance: { label: 'Fail one instance', icon: '◐', needs: 'node' },
	slow: { label: 'Slow down', icon: '◷', needs: 'node' },
	partition: { label: 'Partition regions', icon: '‖', needs: 'regions' },
	flush: { label: 'Flush cache', icon: '⌫', needs: 'node' },
	spike: { label: 'Traffic spike', icon: '↑', needs: 'none' }
};

export interface EventContext {
	nodes: Pick<DesignNode, 'id' | 'kind' | 'label'>[];
	regions: Pick<Region, 'id' | 'name'>[];
	/** The node selected on the canvas: the natural target of a new event. */
	selectedId?: string | null;
}

const round1 = (t: number) => Math.round(t * 10) / 10;

export function clampTime(t: number, durationS: number): number {
	return round1(Math.min(Math.max(0, Number.isFinite(t) ? t : 0), durationS));
}

function pickTarget(action: ScenarioAction, ctx: EventContext): string | undefined {
	const ok = (kind: NodeKind) => (action === 'flush' ? KINDS[kind].flushable : kind !== 'client');
	const sel = ctx.nodes.find((n) => n.id === ctx.selectedId && ok(n.kind));
	if (sel) return sel.id;
	const pref: NodeKind[] = ['database', 'cache', 'service', 'loadBalancer'];
	for (const k of pref) {
		const n = ctx.nodes.find((m) => m.kind === k && ok(m.kind));
		if (n) return n.id;
	}
	return ctx.nodes.find((n) => ok(n.kind))?.id;
}

export function newEvent(action: ScenarioAction, atS: number, ctx: EventContext): ScenarioEvent {
	const ev: ScenarioEvent = { atS, action };
	const needs = ACTION_INFO[action].needs;
	if (needs === 'node') {
		const t = pickTarget(action, ctx);
		if (t) ev.target = t;
	}
	if (action === 'failInstance') ev.instance = 0;
	if (action === 'slow') ev.factor = 5;
	if (action === 'spike') {
		ev.factor = 3;
		ev.durationS = 10;
	}
	if (needs === 'regions' && ctx.regions.length >= 2) ev.regions = [ctx.regions[0].id, ctx.regions[1].id];
	return ev;
}

export const sortEvents = (evs: ScenarioEvent[]) => [...evs].sort((a, b) => a.atS - b.atS);

export function addEvent(evs: ScenarioEvent[], ev: ScenarioEvent): ScenarioEvent[] {
	return sortEvents([...evs, ev]);
}
export function updateEvent(evs: ScenarioEvent[], i: number, patch: Partial<ScenarioEvent>): ScenarioEvent[] {
	return sortEvents(evs.map((e, k) => (k === i ? { ...e, ...patch } : e)));
}
export function removeEvent(evs: ScenarioEvent[], i: number): ScenarioEvent[] {
	return evs.filter((_, k) => k !== i);
}

/** "30 s: fail Primary DB", in words a person reads on the timeline and the charts. */
export function describeEvent(ev: ScenarioEvent, ctx: EventContext): string {
	const name = (id: unknown) => {
		const n = ctx.nodes.find((m) => m.id === id);
		return n ? (n.label ?? n.id) : (ctx.regions.find((r) => r.id === id)?.name ?? String(id ?? '?'));
	};
	const what = (() => {
		switch (ev.action) {
			case 'fail':
				return `fail ${name(ev.target)}`;
			case 'recover':
				return `recover ${name(ev.target)}`;
			case 'failInstance':
				return `fail instance ${ev.instance ?? 0} of ${name(ev.target)}`;
			case 'slow':
				return `slow ${name(ev.target)} ×${ev.factor ?? 1}`;
			case 'partition':
				return ev.regions ? `partition ${name(ev.regions[0])} | ${name(ev.regions[1])}` : 'partition (pick two regions)';
			case 'flush':
				return `flush ${name(ev.target)}`;
			case 'spike':
				return `traffic ×${ev.factor ?? 1} for ${ev.durationS ?? 0} s`;
			default:
				return unreachable(ev.action);
		}
	})();
	return `${ev.atS} s: ${what}`;
}
