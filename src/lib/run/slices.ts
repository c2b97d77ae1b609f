// Applying a new set of canvas figures a slice at a time. A hundred badges restyled, laid
// out and painted in one frame made a main-thread task of 50–100 ms on a 2-core machine;
// `slice` changed nodes per animation frame keeps each frame's share well under that. The
// first slice waits for a frame too: the frame that computed the figures has done its share.

export interface SliceTarget<N, E> {
	readonly nodes: ReadonlyMap<string, N>;
	readonly edges: ReadonlyMap<string, E>;
	setFigures(nodes: ReadonlyMap<string, N>, edges: ReadonlyMap<string, E>): void;
}

/**
 * Move `target` to (`nodes`, `edges`): the nodes whose figures changed (by identity) go
 * `slice` per `nextFrame`, starting in the next one, the edges with the last slice, which
 * sets the given maps themselves. `current()` false stops it (a newer paint or a reset
 * took over).
 */
export function applyInSlices<N, E>(
	target: SliceTarget<N, E>,
	nodes: ReadonlyMap<string, N>,
	edges: ReadonlyMap<string, E>,
	opts: { slice: number; nextFrame: (fn: () => void) => void; current: () => boolean }
): void {
	const changed = [...nodes].filter(([id, v]) => target.nodes.get(id) !== v);
	const step = (from: number) => {
		if (!opts.current()) return;
		if (from + opts.slice >= changed.length) return target.setFigures(nodes, edges);
		const partial = new Map(target.nodes);
		for (const [id, v] of changed.slice(from, from + opts.slice)) partial.set(id, v);
		target.setFigures(partial, target.edges);
		opts.nextFrame(() => step(from + opts.slice));
	};
	opts.nextFrame(() => step(0));
}
