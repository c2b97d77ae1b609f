// Chart redraws, one chart per animation frame. A batch of figures reaches every chart at
// once; drawing them all in the same frame made one task of all their D3 work (over 50 ms
// with six charts on a busy machine, a stutter the user feels). One per frame keeps each
// task short, and every chart is current a few frames later (batches come every 400 ms).

// A Set keeps the order charts asked in and asks once per chart, however often it asks.
const queue = new Set<() => void>();
let frame = 0;

function pump() {
	frame = 0;
	const next = queue.values().next();
	if (next.done) return;
	queue.delete(next.value);
	next.value();
	if (queue.size) frame = requestAnimationFrame(pump);
}

/** Draw with `fn` in a coming frame, after the charts already waiting. */
export function scheduleDraw(fn: () => void): void {
	queue.add(fn);
	frame ||= requestAnimationFrame(pump);
}

/** A chart going away: forget its pending draw. */
export function cancelDraw(fn: () => void): void {
	queue.delete(fn);
}
