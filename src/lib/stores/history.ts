// Undo history over immutable snapshots. Designs are replaced, never mutated, so a
// snapshot is just a reference: cheap to keep, impossible to corrupt later.

export interface Entry<T> {
	label: string;
	state: T;
}

export class History<T> {
	private past: Entry<T>[] = [];
	private future: Entry<T>[] = [];
	/** The key of the last recorded change, to merge a run of edits to one field. */
	private lastKey: string | undefined;

	constructor(private readonly limit = 200) {}

	/**
	 * Record that `before` was replaced under `label`. With a `mergeKey` equal to the
	 * previous one, the change joins that entry (typing "120" is one undo step, not three).
	 */
	record(label: string, before: T, mergeKey?: string): void {
		this.future = [];
		if (mergeKey !== undefined && mergeKey === this.lastKey && this.past.length) return;
		this.past.push({ label, state: before });
		if (this.past.length > this.limit) this.past.shift();
		this.lastKey = mergeKey;
	}

	/** Close the running merge so the next edit starts a new step. */
	seal(): void {
		this.lastKey = undefined;
	}

	undo(current: T): Entry<T> | undefined {
		const e = this.past.pop();
		if (!e) return undefined;
		this.future.push({ label: e.label, state: current });
		this.lastKey = undefined;
		return e;
	}

	redo(current: T): Entry<T> | undefined {
		const e = this.future.pop();
		if (!e) return undefined;
		this.past.push({ label: e.label, state: current });
		this.lastKey = undefined;
		return e;
	}

	clear(): void {
		this.past = [];
		this.future = [];
		this.lastKey = undefined;
	}

	get canUndo(): boolean {
		return this.past.length > 0;
	}
	get canRedo(): boolean {
		return this.future.length > 0;
	}
	get undoLabel(): string | undefined {
		return this.past.at(-1)?.label;
	}
	get redoLabel(): string | undefined {
		return this.future.at(-1)?.label;
	}
}
