// A LibraryStore over fake-indexeddb with a minimal editor, for component tests.
import type { Design } from '$lib/model';
import { TabCoordinator } from '$lib/persistence/tabs';
import { LibraryStore, type EditorLike } from '$lib/stores/library.svelte';
import { sampleDesign } from './designs';

export class FakeEditor implements EditorLike {
	design: Design = { format: 'loadbearing/design', version: 1, id: 'boot', name: 'boot', nodes: [], edges: [] };
	#fns = new Set<(d: Design, l: string) => void>();
	replaceDesign(d: Design) {
		this.design = d;
		for (const f of this.#fns) f(d, 'Open');
	}
	update(label: string, fn: (d: Design) => Design) {
		this.design = fn(this.design);
		for (const f of this.#fns) f(this.design, label);
	}
	onChange(fn: (d: Design, l: string) => void) {
		this.#fns.add(fn);
		return () => this.#fns.delete(fn);
	}
}

let n = 0;
export async function startedLibrary(fragment = '') {
	const editor = new FakeEditor();
	const library = new LibraryStore();
	await library.start(editor, {
		dbName: `component-${n++}-${Math.random()}`,
		fragment,
		firstDesign: () => sampleDesign('first', 'My first design'),
		tabs: new TabCoordinator(null)
	});
	return { editor, library };
}
