// The design as it was before the editor's latest change (a one-click fix, an edit), for
// Compare. Tracked from the moment the app starts, through the editor's change stream.
import type { Design } from '$lib/model/types';

interface Source {
	readonly design: Design;
	onChange(fn: (design: Design, label: string) => void): () => void;
}

class Previous {
	before = $state.raw<Design | null>(null);
	label = $state('');
	stop: () => void = () => {};
}

const tracked = new WeakMap<Source, Previous>();

export function previousDesign(editor: Source): Previous {
	let p = tracked.get(editor);
	if (p) return p;
	const prev = (p = new Previous());
	let last = editor.design;
	prev.stop = editor.onChange((design, label) => {
		// Keeping sweep results changes no behaviour; opening another design starts afresh.
		if (label === 'Keep sweep results') {
			last = design;
			return;
		}
		if (design.id !== last.id) prev.before = null;
		else {
			prev.before = last;
			prev.label = label;
		}
		last = design;
	});
	tracked.set(editor, p);
	return p;
}
