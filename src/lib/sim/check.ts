// Why a design cannot run, in words for people. Never throws: a broken design gives reasons.
import { KINDS, EDGE_PARAMS, MAX_EVENT_FACTOR } from '../model/kinds';
import { LIMITS } from '../model/restore';
import { cleanParams } from '../model/validate';
import { NODE_KINDS, type Design } from '../model/types';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkDesign(design: Design): string[] {
	const reasons: string[] = [];
	if (!isObj(design)) return ['The design is not an object.'];
	if (!Array.isArray(design.nodes)) return ['The design has no list of nodes.'];
	const edges = Array.isArray(design.edges) ? design.edges : [];
	if (design.edges !== undefined && !Array.isArray(design.edges)) reasons.push("The design's edges are not a list.");
	const kinds = new Map<string, string>();
	design.nodes.forEach((n, i) => {
		if (!isObj(n) || typeof n.id !== 'string' || n.id === '') {
			reasons.push(`Node ${i + 1} has no id.`);
			return;
		}
		if (kinds.has(n.id)) reasons.push(`Node id "${n.id}" is used twice.`);
		if (!(NODE_KINDS as readonly string[]).includes(n.kind as string)) {
			reasons.push(`Node "${n.id}" has an unknown kind "${String(n.kind)}".`);
			return;
		}
		kinds.set(n.id, n.kind);
		const { problems } = cleanParams(KINDS[n.kind].params, n.params ?? {});
		for (const p of problems) reasons.push(`Node "${n.id}": ${p.message} (params.${p.path})`);
	});
	if (![...kinds.values()].includes('client')) reasons.push('The design has no client: nothing sends traffic.');
	const adj = new Map<string, string[]>();
	edges.forEach((e, i) => {
		if (!isObj(e)) {
			reasons.push(`Edge ${i + 1} is not an object.`);
			return;
		}
		const name = typeof e.id === 'string' ? `Edge "${e.id}"` : `Edge ${i + 1}`;
		if (!kinds.has(e.source)) reasons.push(`${name} starts at "${String(e.source)}", which is not a node.`);
		if (!kinds.has(e.target)) reasons.push(`${name} goes to "${String(e.target)}", which is not a node.`);
		if (!kinds.has(e.source) || !kinds.has(e.target)) return;
		const { problems } = cleanParams(EDGE_PARAMS, e.params ?? {});
		for (const p of problems) reasons.push(`${name}: ${p.message} (params.${p.path})`);
		const tk = kinds.get(e.target), sk = kinds.get(e.source);
		// Publishing to a queue and replication are asynchronous: they cannot deadlock a call chain.
		if (tk === 'queue' || (sk === 'database' && tk === 'database')) return;
		if (!adj.has(e.source)) adj.set(e.source, []);
		adj.get(e.source)!.push(e.target);
	});
	// A cycle of synchronous calls would make a request call itself forever.
	const color = new Map<string, number>();
	const stack: string[] = [];
	let cycle: string[] | null = null;
	const visit = (u: string): void => {
		if (cycle) return;
		color.set(u, 1);
		stack.push(u);
		for (const v of adj.get(u) ?? []) {
			if (cycle) return;
			const c = color.get(v) ?? 0;
			if (c === 1) cycle = [...stack.slice(stack.indexOf(v)), v];
			else if (c === 0) visit(v);
		}
		stack.pop();
		color.set(u, 2);
	};
	for (const id of kinds.keys()) if (!color.get(id)) visit(id);
	if (cycle) reasons.push(`These nodes call each other in a cycle: ${(cycle as string[]).join(' → ')}.`);
	const sc = design.scenario;
	if (sc !== undefined && isObj(sc)) {
		for (const k of ['durationS', 'warmupS'] as const)
			if (sc[k] !== undefined && (typeof sc[k] !== 'number' || !Number.isFinite(sc[k]) || (sc[k] as number) < 0))
				reasons.push(`scenario.${k} must be a finite number ≥ 0.`);
		const events = Array.isArray(sc.events) ? sc.events : [];
		events.forEach((ev, i) => {
			const f = isObj(ev) ? ev.factor : undefined;
			if (f !== undefined && !(typeof f === 'number' && f >= 0 && f <= MAX_EVENT_FACTOR))
				reasons.push(`Scenario event ${i + 1}: factor must be between 0 and ${MAX_EVENT_FACTOR}.`);
		});
	}
	if (isObj(design.prices))
		for (const [k, v] of Object.entries(design.prices))
			if (!(typeof v === 'number' && v >= 0 && v <= LIMITS.hourlyUsd)) reasons.push(`The price of ${k} must be between 0 and ${LIMITS.hourlyUsd} USD an hour.`);
	return reasons;
}
