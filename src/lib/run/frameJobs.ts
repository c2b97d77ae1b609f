// Work for the screen, one job per animation frame: the charts' redraws, the canvas figures'
// computation and each slice of them. A batch of figures reaches every chart and the canvas
// at once; doing it all in one frame made one task of all of it (over 50 ms on a busy
// 2-core machine, a stutter the user feels). One job a frame keeps each frame's script to a
// few milliseconds, and everything is current a few frames later (batches come every
// 400 ms, the canvas figures once a second).

// A Set keeps the order jobs were asked in and holds a job once, however often it is asked.
const queue = new Set<() => void>();
let frame = 0;

function pump() {
	frame = 0;
	const next = queue.values().next();
	if (next.done) return;
	queue.delete(next.value);
	next.value();
	if (queue.size) frame ||= requestAnimationFrame(pump);
}

/** Run `job` in a coming frame of its own, after the jobs already waiting. */
export function scheduleFrameJob(job: () => void): void {
	queue.add(job);
	frame ||= requestAnimationFrame(pump);
}

/** A job no longer wanted (its chart went away): forget it if it has not run. */
export function cancelFrameJob(job: () => void): void {
	queue.delete(job);
}
