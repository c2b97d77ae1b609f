// Everything loaded is untrusted (IndexedDB, files, links): one door in. It checks each
// field, drops what cannot be used with a warning, caps sizes, ignores prototype keys,
// migrates old versions and refuses newer ones, and never throws.
import { FAULTS } from './faults';
import { EDGE_PARAMS, KINDS } from './kinds';
import { migrate } from './migrations';
import { cleanParams } from './validate';
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
	type ScenarioEvent
} from './types';

export const LIMITS = {
	nodes: 2000,
	edges: 8000,
	regions: 50,
	events: 500,
	idChars: 100,
	labelChars: 200,
	coordinate: 1e7,
	durationS: 86_400 * 30
} as const;

export type RestoreResult =
	| { ok: true; design: Design; warnings: string[] }
	| { ok: false; errors: string[] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const BAD_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A copy with prototype-polluting keys removed at every depth. */
function safeCopy(v: unknown, depth = 0): unknown {
	if (depth > 20) return undefined;
	if (Array.isArray(v)) return v.map((x) => safeCopy(x, depth + 1));
	if (isObj(v)) {
		const out: Record<string, unknown> = {};
		for (const [k, x] of Object.entries(v)) if (!BAD_KEYS.has(k)) out[k] = safeCopy(x, depth + 1);
		return out;
	}
	return v;
}

function text(v: unknown, max: number, what: string, warnings: string[]): string | undefined {
	if (typeof v !== 'string') return undefined;
	if (v.length > max) {
		warnings.push(`${what} was ${v.length} characters long; cut to ${max}.`);
		return v.slice(0, max);
	}
	return v;
}

function finite(v: unknown, fallback: number, lim: number): number {
	return typeof v === 'number' && Number.isFinite(v) ? Math.max(-lim, Math.min(lim, v)) : fallback;
}

export function newId(prefix = 'd'): string {
	const r = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2) + Date.now().toString(36);
	return `${prefix}-${r.replace(/-/g, '').slice(0, 12)}`;
}

function restoreNode(raw: unknown, i: number, ids: Set<string>, warnings: string[]): DesignNode | null {
	if (!isObj(raw)) {
		warnings.push(`Node ${i + 1} is not an object; dropped.`);
		return null;
	}
	const id = text(raw.id, LIMITS.idChars, `Node ${i + 1} id`, warnings);
	if (!id) {
		warnings.push(`Node ${i + 1} has no id; dropped.`);
		return null;
	}
	if (ids.has(id)) {
		warnings.push(`Node id "${id}" appears twice; the second was dropped.`);
		return null;
	}
	if (typeof raw.kind !== 'string' || !(NODE_KINDS as readonly string[]).includes(raw.kind)) {
		warnings.push(`Node "${id}" has unknown kind "${String(raw.kind).slice(0, 40)}"; dropped.`);
		return null;
	}
	const kind = raw.kind as NodeKind;
	const pos = isObj(raw.position) ? raw.position : {};
	const { params, problems } = cleanParams(KINDS[kind].params, raw.params);
	for (const p of problems) warnings.push(`Node "${id}": ${p.message} (${p.path}; default used)`);
	const node: DesignNode = {
		...(safeCopy(raw) as Record<string, unknown>),
		id,
		kind,
		position: { x: finite(pos.x, 0, LIMITS.coordinate), y: finite(pos.y, 0, LIMITS.coordinate) },
		params
	};
	const label = text(raw.label, LIMITS.labelChars, `Label of "${id}"`, warnings);
	if (label !== undefined) node.label = label;
	else delete node.label;
	const region = text(raw.region, LIMITS.idChars, `Region of "${id}"`, warnings);
	if (region) node.region = region;
	else delete node.region;
	ids.add(id);
	return node;
}

function restoreEdge(raw: unknown, i: number, nodeIds: Set<string>, ids: Set<string>, warnings: string[]): DesignEdge | null {
	if (!isObj(raw)) {
		warnings.push(`Edge ${i + 1} is not an object; dropped.`);
		return null;
	}
	const source = typeof raw.source === 'string' ? raw.source : '';
	const target = typeof raw.target === 'string' ? raw.target : '';
	if (!nodeIds.has(source) || !nodeIds.has(target)) {
		warnings.push(`Edge ${i + 1} (${source.slice(0, 40) || '?'} → ${target.slice(0, 40) || '?'}) points at a missing node; dropped.`);
		return null;
	}
	let id = text(raw.id, LIMITS.idChars, `Edge ${i + 1} id`, warnings) || `e-${source}-${target}`;
	while (ids.has(id)) id = `${id}'`;
	ids.add(id);
	const { params, problems } = cleanParams(EDGE_PARAMS, raw.params);
	for (const p of problems) warnings.push(`Edge "${id}": ${p.message} (${p.path}; default used)`);
	return { ...(safeCopy(raw) as Record<string, unknown>), id, source, target, params };
}

function restoreRegion(raw: unknown, ids: Set<string>, warnings: string[]): Region | null {
	if (!isObj(raw)) return null;
	const id = text(raw.id, LIMITS.idChars, 'Region id', warnings);
	if (!id || ids.has(id)) return null;
	ids.add(id);
	const r: Region = { ...(safeCopy(raw) as Record<string, unknown>), id, name: text(raw.name, LIMITS.labelChars, `Region "${id}" name`, warnings) ?? id };
	if (isObj(raw.position)) r.position = { x: finite(raw.position.x, 0, LIMITS.coordinate), y: finite(raw.position.y, 0, LIMITS.coordinate) };
	if (raw.width !== undefined) r.width = Math.max(50, finite(raw.width, 400, LIMITS.coordinate));
	if (raw.height !== undefined) r.height = Math.max(50, finite(raw.height, 300, LIMITS.coordinate));
	return r;
}

function restoreEvent(raw: unknown, durationS: number, warnings: string[]): ScenarioEvent | null {
	if (!isObj(raw) || typeof raw.action !== 'string' || !(SCENARIO_ACTIONS as readonly string[]).includes(raw.action)) {
		warnings.push('A scenario event with an unknown action was dropped.');
		return null;
	}
	const atS = typeof raw.atS === 'number' && Number.isFinite(raw.atS) && raw.atS >= 0 ? raw.atS : NaN;
	if (Number.isNaN(atS)) {
		warnings.push(`A "${raw.action}" event without a valid time was dropped.`);
		return null;
	}
	const ev = safeCopy(raw) as ScenarioEvent;
	ev.atS = Math.min(atS, durationS);
	if (ev.factor !== undefined && (typeof ev.factor !== 'number' || !Number.isFinite(ev.factor) || ev.factor < 0)) delete ev.factor;
	if (ev.durationS !== undefined && (typeof ev.durationS !== 'number' || !Number.isFinite(ev.durationS) || ev.durationS < 0)) delete ev.durationS;
	// The other numbers a fault carries: out of the fault table's range, the default is used.
	for (const fl of FAULTS[ev.action].fields) {
		if (fl.key === 'factor' || fl.key === 'durationS') continue;
		const v = ev[fl.key];
		if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < fl.min || v > fl.max)) {
			warnings.push(`A "${ev.action}" event's ${fl.label.toLowerCase()} was out of range (${fl.min}–${fl.max}); the default is used.`);
			delete ev[fl.key];
		}
	}
	if (ev.peer !== undefined && typeof ev.peer !== 'string') delete ev.peer;
	return ev;
}

function restoreScenario(raw: unknown, warnings: string[]): Scenario {
	const s = isObj(raw) ? raw : {};
	const num = (v: unknown, d: number, lo: number, hi: number, what: string) => {
		if (v === undefined) return d;
		if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
			warnings.push(`Scenario ${what} must be between ${lo} and ${hi}; ${d} used.`);
			return d;
		}
		return v;
	};
	const durationS = num(s.durationS, DEFAULT_SCENARIO.durationS, 0.001, LIMITS.durationS, 'duration');
	let warmupS = num(s.warmupS, Math.min(DEFAULT_SCENARIO.warmupS, durationS / 2), 0, LIMITS.durationS, 'warm-up');
	if (warmupS >= durationS) {
		warnings.push('Scenario warm-up was not shorter than the run; set to 0.');
		warmupS = 0;
	}
	const seed = Math.trunc(num(s.seed, DEFAULT_SCENARIO.seed, 0, 2 ** 32 - 1, 'seed'));
	const events: ScenarioEvent[] = [];
	if (Array.isArray(s.events)) {
		for (const e of s.events.slice(0, LIMITS.events)) {
			const ev = restoreEvent(e, durationS, warnings);
			if (ev) events.push(ev);
		}
		if (s.events.length > LIMITS.events) warnings.push(`Only the first ${LIMITS.events} scenario events were kept.`);
	}
	return { ...(safeCopy(s) as Record<string, unknown>), durationS, warmupS, seed, events };
}

/** Turn any untrusted value into a valid design, or say why it cannot be one. */
export function restoreDesign(raw: unknown): RestoreResult {
	try {
		return restoreUnsafe(raw);
	} catch (e) {
		return { ok: false, errors: [`The design could not be read: ${e instanceof Error ? e.message : String(e)}`] };
	}
}

function restoreUnsafe(raw: unknown): RestoreResult {
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
	const warnings: string[] = [];
	if (!Array.isArray(doc.nodes)) return { ok: false, errors: ['The design has no list of nodes.'] };
	if (doc.edges !== undefined && !Array.isArray(doc.edges)) return { ok: false, errors: ['The design\'s edges are not a list.'] };
	if (doc.nodes.length > LIMITS.nodes)
		return { ok: false, errors: [`The design has ${doc.nodes.length} nodes; at most ${LIMITS.nodes} are supported.`] };
	const edgesRaw = (doc.edges as unknown[] | undefined) ?? [];
	if (edgesRaw.length > LIMITS.edges)
		return { ok: false, errors: [`The design has ${edgesRaw.length} edges; at most ${LIMITS.edges} are supported.`] };

	const nodeIds = new Set<string>();
	const nodes = doc.nodes.map((n, i) => restoreNode(n, i, nodeIds, warnings)).filter((n): n is DesignNode => n !== null);
	const edgeIds = new Set<string>();
	const edges = edgesRaw.map((e, i) => restoreEdge(e, i, nodeIds, edgeIds, warnings)).filter((e): e is DesignEdge => e !== null);

	const design: Design = {
		...(safeCopy(doc) as Record<string, unknown>),
		format: DESIGN_FORMAT,
		version: DESIGN_VERSION,
		id: text(doc.id, LIMITS.idChars, 'Design id', warnings) || newId(),
		name: text(doc.name, LIMITS.labelChars, 'Design name', warnings) ?? 'Untitled design',
		nodes,
		edges
	};
	if (Array.isArray(doc.regions)) {
		const rids = new Set<string>();
		design.regions = doc.regions
			.slice(0, LIMITS.regions)
			.map((r) => restoreRegion(r, rids, warnings))
			.filter((r): r is Region => r !== null);
	} else delete design.regions;
	if (doc.scenario !== undefined) design.scenario = restoreScenario(doc.scenario, warnings);
	if (isObj(doc.regionLatencyMs)) {
		const m: Record<string, number> = {};
		for (const [k, v] of Object.entries(doc.regionLatencyMs))
			if (!BAD_KEYS.has(k) && typeof v === 'number' && Number.isFinite(v) && v >= 0) m[k] = v;
		design.regionLatencyMs = m;
	} else delete design.regionLatencyMs;
	if (isObj(doc.prices)) {
		const p: Partial<Record<NodeKind, number>> = {};
		for (const [k, v] of Object.entries(doc.prices))
			if ((NODE_KINDS as readonly string[]).includes(k) && typeof v === 'number' && Number.isFinite(v) && v >= 0) p[k as NodeKind] = v;
		design.prices = p;
	} else delete design.prices;
	return { ok: true, design, warnings };
}
