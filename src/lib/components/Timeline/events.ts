// Scenario events as the timeline edits them: defaults for a new one, labels, and edits
// that return a new, time-ordered list (the design is never mutated in place).
import type { DesignEdge, DesignNode, NodeKind, Region, ScenarioAction, ScenarioEvent } from '../../model/types';
import { unreachable } from '../../model/exhaustive';
import { FAULTS, faultDefaults, faultTargets } from '../../model/faults';

/** The fault table, as the timeline reads it (label, icon, what it targets, its numbers). */
export const ACTION_INFO = FAULTS;

export interface EventContext {
	nodes: Pick<DesignNode, 'id' | 'kind' | 'label'>[];
	regions: Pick<Region, 'id' | 'name'>[];
	/** Edges, for the faults that act on a link (latency spike, packet loss). */
	edges?: Pick<DesignEdge, 'id' | 'source' | 'target'>[];
	/** The node selected on the canvas: the natural target of a new event. */
	selectedId?: string | null;
}

const round1 = (t: number) => Math.round(t * 10) / 10;

export function clampTime(t: number, durationS: number): number {
	return round1(Math.min(Math.max(0, Number.isFinite(t) ? t : 0), durationS));
}

function pickTarget(action: ScenarioAction, ctx: EventContext, not?: string): string | undefined {
	const ok = (n: Pick<DesignNode, 'id' | 'kind'>) => faultTargets(action, n.kind) && n.id !== not;
	const sel = ctx.nodes.find((n) => n.id === ctx.selectedId && ok(n));
	if (sel) return sel.id;
	const pref: NodeKind[] = ['database', 'cache', 'service', 'loadBalancer'];
	for (const k of pref) {
		const n = ctx.nodes.find((m) => m.kind === k && ok(m));
		if (n) return n.id;
	}
	return ctx.nodes.find(ok)?.id;
}

/** The edge a link fault goes on: the selected one, else the first into a service or database. */
function pickEdge(ctx: EventContext): string | undefined {
	const edges = ctx.edges ?? [];
	const sel = edges.find((e) => e.id === ctx.selectedId);
	if (sel) return sel.id;
	const kind = (id: string) => ctx.nodes.find((n) => n.id === id)?.kind;
	return (edges.find((e) => kind(e.target) === 'service' || kind(e.target) === 'database') ?? edges[0])?.id;
}

export function newEvent(action: ScenarioAction, atS: number, ctx: EventContext): ScenarioEvent {
	const ev: ScenarioEvent = { atS, action, ...faultDefaults(action) };
	const needs = ACTION_INFO[action].needs;
	if (needs === 'node' || needs === 'nodes') {
		const t = pickTarget(action, ctx);
		if (t) ev.target = t;
		if (needs === 'nodes') {
			// The peer: a node the target talks to directly, else any other.
			const linked = (ctx.edges ?? []).filter((e) => e.source === t || e.target === t).map((e) => (e.source === t ? e.target : e.source));
			const peer = linked.find((id) => ctx.nodes.some((n) => n.id === id)) ?? pickTarget(action, ctx, t);
			if (peer) ev.peer = peer;
		}
	}
	if (needs === 'edge') {
		const e = pickEdge(ctx);
		if (e) ev.target = e;
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
/** "30 s: fail Primary DB", in words a person reads on the timeline and the charts. */
export function describeEvent(ev: ScenarioEvent, ctx: EventContext): string {
	const name = (id: unknown): string => {
		const n = ctx.nodes.find((m) => m.id === id);
		if (n) return n.label ?? n.id;
		const e = ctx.edges?.find((m) => m.id === id);
		if (e) return `${name(e.source)} → ${name(e.target)}`;
		return ctx.regions.find((r) => r.id === id)?.name ?? String(id ?? '?');
	};
	const pct = (v: unknown) => `${Math.round(Number(v ?? 0) * 100)}%`;
	const forS = ev.durationS ? ` for ${ev.durationS} s` : '';
	const what = ((): string => {
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
			case 'errorRate':
				return `${pct(ev.rate)} errors at ${name(ev.target)}${forS}`;
			case 'edgeLatency':
				return `+${ev.addMs ?? 0} ms on ${name(ev.target)}${forS}`;
			case 'packetLoss':
				return `${pct(ev.rate)} packet loss on ${name(ev.target)}${forS}`;
			case 'partitionNodes':
				return `partition ${name(ev.target)} | ${name(ev.peer)}${forS}`;
			case 'noisyNeighbour':
				return `noisy neighbour: ${ev.count ?? 1} of ${name(ev.target)} ×${ev.factor ?? 1}${forS}`;
			case 'gcStorm':
				return `GC pauses ${ev.pauseMs ?? 0} ms every ~${ev.everyS ?? 0} s on ${name(ev.target)}${forS}`;
			case 'brownout':
				return `brown-out of ${name(ev.target)} (×${ev.factor ?? 1}, ${pct(ev.rate)} errors)${forS}`;
			case 'dnsOutage':
				return `DNS outage at ${name(ev.target)}${forS}`;
			case 'originOutage':
				return `origin outage behind ${name(ev.target)}${forS}`;
			case 'hotKey':
				return `hot key: ${pct(ev.share)} of ${name(ev.target)}'s requests${forS}`;
			case 'coldRestart':
				return `cold restart of ${name(ev.target)} (down ${ev.durationS ?? 0} s)`;
			case 'diskFull':
				return `disk full at ${name(ev.target)}${forS}`;
			case 'replicationLag':
				return `replication lag ${ev.lagMs ?? 0} ms at ${name(ev.target)}${forS}`;
			case 'consumerCrash':
				return `consumers ${name(ev.target)} crash${forS}`;
			case 'poisonMessages':
				return `${pct(ev.rate)} poison messages into ${name(ev.target)}${forS}`;
			case 'badDeploy':
				return `bad deploy on ${name(ev.target)} (${pct(ev.rate)} errors, one instance every ${ev.stepS ?? 0} s)`;
			case 'warmRestart':
				return `restart ${name(ev.target)}, warm-up ${ev.warmupS ?? 0} s`;
			case 'addCacheNode':
				return `add a node to ${name(ev.target)}`;
			default:
				return unreachable(ev.action);
		}
	})();
	return `${ev.atS} s: ${what}`;
}
