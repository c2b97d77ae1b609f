// Ordered schema migrations: migrations[i] lifts a design from version i+1 to i+2. Each
// works on a copy. Version 1 is the first, so the list is empty but wired: restoreDesign
// runs every step from the record's version up to DESIGN_VERSION.
import { DESIGN_VERSION } from './types';

export interface Migration {
	from: number;
	to: number;
	up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

export const MIGRATIONS: Migration[] = [];

/** Throws if the list is out of sequence (a test calls it; so does migrate). */
export function assertMigrationsInSequence(list: Migration[] = MIGRATIONS, latest = DESIGN_VERSION): void {
	list.forEach((m, i) => {
		if (m.from !== i + 1 || m.to !== i + 2) throw new Error(`migration ${i} goes ${m.from}→${m.to}, expected ${i + 1}→${i + 2}`);
	});
	if (list.length !== latest - 1) throw new Error(`${list.length} migrations for version ${latest}`);
}

export function migrate(doc: Record<string, unknown>, from: number, list: Migration[] = MIGRATIONS): Record<string, unknown> {
	let cur = structuredClone(doc);
	for (const m of list) if (m.from >= from) cur = { ...m.up(structuredClone(cur)), version: m.to };
	return cur;
}
