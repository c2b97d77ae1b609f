// Everything loaded is untrusted (IndexedDB, files, links): one door in. It checks each
// field, drops what cannot be used with a warning, caps sizes, ignores prototype keys,
// migrates old versions and refuses newer ones, and never throws.
import { EDGE_PARAMS, KINDS, MAX_EVENT_FACTOR } from './kinds';
import { FAULTS, FAULT_FIELD_KEYS } from './faults';
import { migrate } from './migrations';
import { cleanParams } from './validate';
import { BAD_KEYS, isObj, rebuild, type Meter } from './sanitize';
import {
	DEFAULT_SCENARIO,
	DESIGN_FORMAT,
	DESIGN_VERSION,
	NODE_KINDS,
	SCENARIO_ACTIONS,
	type Design,
	type DesignEdge,
	type DesignNode,
	type NodeKind,
	type Region,
	type Scenario,
	type ScenarioAction,
	type ScenarioEvent
} from './types';
import { Ctx, LIMITS, cutId, finite, short, text, xy } from './restoreContext';

export { LIMITS };

export type RestoreResult =
	| { ok: true; design: Design; warnings: string[] }
	| { ok: false; errors: string[] };

const NODE_KEYS = new Set(['id', 'kind', 'label', 'position', 'region', 'params']);
const EDGE_KEYS = new Set(['id', 'source', 'target', 'params']);
const REGION_KEYS = new Set(['id', 'name', 'position', 'width', 'height']);
const EVENT_KEYS = new Set(['atS', 'action', 'target', 'peer', 'factor', 'durationS', 'regions', 'instance', ...FAULT_FIELD_KEYS]);
const SCENARIO_KEYS = new Set(['durationS', 'warmupS', 'seed', 'events', 'runs']);
/** A Run repeats over at most this many seeds. */
export const MAX_RUNS = 100;
const DESIGN_KEYS = new Set(['format', 'version', 'id', 'name', 'nodes', 'edges', 'regions', 'scenario', 'regionLatencyMs', 'prices']);

export function newId(prefix = 'd'): string {
	const r = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2) + Date.now().toString(36);
	return `${prefix}-${r.replace(/-/g, '').slice(0, 12)}`;
}

function restoreNode(raw: unknown, i: number, cx: Ctx): DesignNode | null {
	cx.meter.steps++;
	if (!isObj(raw)) {
		cx.warn(`Node ${i + 1} is not an object; dropped.`);
		return null;
	}
	const full = typeof raw.id === 'string' ? raw.id : '';
	const id = text(full, LIMITS.idChars, `Node ${i + 1} id`, cx);
	if (!id) {
		cx.warn(`Node ${i + 1} has no id; dropped.`);
		return null;
	}
	if (cx.nodeIds.has(full) || cx.nodeIds.has(id)) {
		cx.warn(`Node id "${short(id)}" appears twice; the second was dropped.`);
		return null;
	}
	if (typeof raw.kind !== 'string' || !(NODE_KINDS as readonly string[]).includes(raw.kind)) {
		cx.warn(`Node "${short(id)}" has unknown kind "${String(raw.kind).slice(0, 40)}"; dropped.`);
		return null;
	}
	const kind = raw.kind as NodeKind;
	const { params, problems } = cleanParams(KINDS[kind].params, raw.params, '', cx.meter);
	for (const p of problems) cx.warn(`Node "${short(id)}": ${p.message} (${p.path}; default used)`);
	const label = text(raw.label, LIMITS.labelChars, `Label of "${short(id)}"`, cx);
	const region = typeof raw.region === 'string' && raw.region !== '' ? cutId(raw.region) : undefined;
	const node = rebuild(raw, { id, kind, label, position: xy(raw.position), region, params }, NODE_KEYS, cx.meter) as DesignNode;
	cx.nodeIds.set(full, id);
	cx.nodeIds.set(id, id);
	return node;
}

function restoreEdge(raw: unknown, i: number, cx: Ctx): DesignEdge | null {
	cx.meter.steps++;
	if (!isObj(raw)) {
		cx.warn(`Edge ${i + 1} is not an object; dropped.`);
		return null;
	}
	const source = typeof raw.source === 'string' ? cx.nodeIds.get(raw.source) : undefined;
	const target = typeof raw.target === 'string' ? cx.nodeIds.get(raw.target) : undefined;
	if (source === undefined || target === undefined) {
		const end = (v: unknown) => (typeof v === 'string' && v !== '' ? short(v) : '?');
		cx.warn(`Edge ${i + 1} (${end(raw.source)} → ${end(raw.target)}) points at a missing node; dropped.`);
		return null;
	}
	const base = cutId(text(raw.id, LIMITS.idChars, `Edge ${i + 1} id`, cx) || `e-${source}-${target}`);
	let id = base;
	while (cx.edgeIds.has(id)) {
		cx.meter.steps++;
		const suffix = `-${cx.nextSuffix++}`;
		id = base.slice(0, LIMITS.idChars - suffix.length) + suffix;
	}
	cx.edgeIds.add(id);
	const { params, problems } = cleanParams(EDGE_PARAMS, raw.params, '', cx.meter);
	for (const p of problems) cx.warn(`Edge "${short(id)}": ${p.message} (${p.path}; default used)`);
	return rebuild(raw, { id, source, target, params }, EDGE_KEYS, cx.meter) as DesignEdge;
}

function restoreRegion(raw: unknown, ids: Set<string>, cx: Ctx): Region | null {
	cx.meter.steps++;
	if (!isObj(raw)) return null;
	const id = text(raw.id, LIMITS.idChars, 'Region id', cx);
	if (!id || ids.has(id)) return null;
	ids.add(id);
	const name = text(raw.name, LIMITS.labelChars, `Region "${short(id)}" name`, cx) ?? id;
	const fixed: Record<string, unknown> = { id, name };
	if (raw.position !== undefined) fixed.position = xy(raw.position);
	if (raw.width !== undefined) fixed.width = Math.max(50, finite(raw.width, 400, LIMITS.coordinate));
	if (raw.height !== undefined) fixed.height = Math.max(50, finite(raw.height, 300, LIMITS.coordinate));
	return rebuild(raw, fixed, REGION_KEYS, cx.meter) as Region;
}

const nonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function restoreEvent(raw: unknown, durationS: number, cx: Ctx): ScenarioEvent | null {
	cx.meter.steps++;
	if (!isObj(raw) || typeof raw.action !== 'string' || !(SCENARIO_ACTIONS as readonly string[]).includes(raw.action)) {
		cx.warn('A scenario event with an unknown action was dropped.');
		return null;
	}
	const action = raw.action as ScenarioAction;
	if (!nonNegative(raw.atS)) {
		cx.warn(`A "${action}" event without a valid time was dropped.`);
		return null;
	}
	const ev: Partial<ScenarioEvent> = { atS: Math.min(raw.atS, durationS), action };
	// A target names a node (following a cut id), an edge (link faults) or a region.
	if (typeof raw.target === 'string') ev.target = cx.nodeIds.get(raw.target) ?? cutId(raw.target);
	if (typeof raw.peer === 'string') ev.peer = cx.nodeIds.get(raw.peer) ?? cutId(raw.peer);
	if (nonNegative(raw.factor) && raw.factor <= MAX_EVENT_FACTOR) ev.factor = raw.factor;
	if (nonNegative(raw.durationS)) ev.durationS = raw.durationS;
	const rg = raw.regions;
	if (Array.isArray(rg) && rg.length === 2 && typeof rg[0] === 'string' && typeof rg[1] === 'string') ev.regions = [cutId(rg[0]), cutId(rg[1])];
	if (typeof raw.instance === 'number' && Number.isInteger(raw.instance) && raw.instance >= 0 && raw.instance <= 1e6) ev.instance = raw.instance;
	// The other numbers a fault carries, each within the fault table's range.
	for (const fl of FAULTS[action].fields) {
		const v = raw[fl.key];
		if (fl.key !== 'factor' && fl.key !== 'durationS' && fl.key !== 'instance' && typeof v === 'number' && Number.isFinite(v) && v >= fl.min && v <= fl.max) ev[fl.key] = v;
	}
	for (const k of ['target', 'peer', 'regions', 'instance', 'factor', 'durationS', ...FAULT_FIELD_KEYS] as const)
		if (raw[k] !== undefined && ev[k] === undefined) cx.warn(`A "${action}" event's ${k} was not valid and was left out.`);
	return rebuild(raw, ev, EVENT_KEYS, cx.meter) as ScenarioEvent;
}

function restoreScenario(raw: unknown, cx: Ctx): Scenario {
	const s = isObj(raw) ? raw : {};
	const num = (v: unknown, d: number, lo: number, hi: number, what: string) => {
		if (v === undefined) return d;
		if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
			cx.warn(`Scenario ${what} must be between ${lo} and ${hi}; ${d} used.`);
			return d;
		}
		return v;
	};
	const durationS = num(s.durationS, DEFAULT_SCENARIO.durationS, 0.001, LIMITS.durationS, 'duration');
	let warmupS = num(s.warmupS, Math.min(DEFAULT_SCENARIO.warmupS, durationS / 2), 0, LIMITS.durationS, 'warm-up');
	if (warmupS >= durationS) {
		cx.warn('Scenario warm-up was not shorter than the run; set to 0.');
		warmupS = 0;
	}
	const seed = Math.trunc(num(s.seed, DEFAULT_SCENARIO.seed, 0, 2 ** 32 - 1, 'seed'));
	const runs = s.runs === undefined ? undefined : Math.round(num(s.runs, 1, 1, MAX_RUNS, 'runs'));
	const events: ScenarioEvent[] = [];
	if (Array.isArray(s.events)) {
		for (const e of s.events.slice(0, LIMITS.events)) {
			const ev = restoreEvent(e, durationS, cx);
			if (ev) events.push(ev);
		}
		if (s.events.length > LIMITS.events) cx.warn(`Only the first ${LIMITS.events} scenario events were kept.`);
	}
	return rebuild(s, { durationS, warmupS, seed, events, runs }, SCENARIO_KEYS, cx.meter) as Scenario;
}

/**
 * Turn any untrusted value into a valid design, or say why it cannot be one. Linear in the
 * size of the input (`meter` counts the steps, for the fuzz tests) and idempotent: restoring
 * a restored design gives it back unchanged.
 */
export function restoreDesign(raw: unknown, meter: Meter = { steps: 0 }): RestoreResult {
	try {
		return restoreUnsafe(raw, new Ctx(meter));
	} catch (e) {
		return { ok: false, errors: [`The design could not be read: ${e instanceof Error ? e.message : String(e)}`] };
	}
}

function restoreUnsafe(raw: unknown, cx: Ctx): RestoreResult {
	if (!isObj(raw)) return { ok: false, errors: ['This is not a Loadbearing design (expected a JSON object).'] };
	if (raw.format !== DESIGN_FORMAT)
		return { ok: false, errors: [`This is not a Loadbearing design (format should be "${DESIGN_FORMAT}").`] };
	const version = raw.version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
		return { ok: false, errors: ['The design has no valid version number.'] };
	if (version > DESIGN_VERSION)
		return {
			ok: false,
			errors: [`This design was made by a newer Loadbearing (format version ${version}; this app reads up to ${DESIGN_VERSION}). Update the app to open it.`]
		};
	const doc = version < DESIGN_VERSION ? migrate(raw, version) : raw;
	if (!Array.isArray(doc.nodes)) return { ok: false, errors: ['The design has no list of nodes.'] };
	if (doc.edges !== undefined && !Array.isArray(doc.edges)) return { ok: false, errors: ["The design's edges are not a list."] };
	if (doc.nodes.length > LIMITS.nodes)
		return { ok: false, errors: [`The design has ${doc.nodes.length} nodes; at most ${LIMITS.nodes} are supported.`] };
	const edgesRaw = (doc.edges as unknown[] | undefined) ?? [];
	if (edgesRaw.length > LIMITS.edges)
		return { ok: false, errors: [`The design has ${edgesRaw.length} edges; at most ${LIMITS.edges} are supported.`] };

	const nodes = doc.nodes.map((n, i) => restoreNode(n, i, cx)).filter((n): n is DesignNode => n !== null);
	const edges = edgesRaw.map((e, i) => restoreEdge(e, i, cx)).filter((e): e is DesignEdge => e !== null);

	const fixed: Record<string, unknown> = {
		format: DESIGN_FORMAT,
		version: DESIGN_VERSION,
		id: text(doc.id, LIMITS.idChars, 'Design id', cx) || newId(),
		name: text(doc.name, LIMITS.labelChars, 'Design name', cx) ?? 'Untitled design',
		nodes,
		edges
	};
	if (Array.isArray(doc.regions)) {
		const rids = new Set<string>();
		fixed.regions = doc.regions
			.slice(0, LIMITS.regions)
			.map((r) => restoreRegion(r, rids, cx))
			.filter((r): r is Region => r !== null);
	}
	if (doc.scenario !== undefined) fixed.scenario = restoreScenario(doc.scenario, cx);
	if (isObj(doc.regionLatencyMs)) {
		const m: Record<string, number> = {};
		for (const [k, v] of Object.entries(doc.regionLatencyMs).slice(0, LIMITS.regions * LIMITS.regions)) {
			cx.meter.steps++;
			if (!BAD_KEYS.has(k) && k.length <= 2 * LIMITS.idChars + 1 && nonNegative(v) && v <= 60_000) m[k] = v;
		}
		fixed.regionLatencyMs = m;
	}
	if (isObj(doc.prices)) {
		const p: Partial<Record<NodeKind, number>> = {};
		// Prices past a million dollars an hour are typos; capped so the monthly cost stays finite.
		for (const [k, v] of Object.entries(doc.prices))
			if ((NODE_KINDS as readonly string[]).includes(k) && nonNegative(v) && v <= LIMITS.hourlyUsd) p[k as NodeKind] = v;
		fixed.prices = p;
	}
	const design = rebuild(doc, fixed, DESIGN_KEYS, cx.meter) as Design;
	return { ok: true, design, warnings: cx.done() };
}
