// A fixed-capacity ring of packed frames (see frames.ts), the one store every chart reads.
// Appending copies numbers into a preallocated buffer: no allocation per frame, and the
// oldest frames drop off once a long run outgrows the capacity.
import { frameStride, GLOBAL_STRIDE, NODE_STRIDE, unpackFrames } from '../protocol/frames';
import type { MetricsFrame } from '../sim/types';

export class FrameRing {
	readonly stride: number;
	readonly capacity: number;
	private buf: Float64Array;
	private start = 0;
	/** Frames currently held (≤ capacity). */
	length = 0;
	/** Frames ever appended (ticks on every push: a cheap change marker). */
	appended = 0;

	constructor(
		readonly nodeIds: readonly string[],
		capacity = 3600
	) {
		this.stride = frameStride(nodeIds.length);
		this.capacity = Math.max(1, capacity);
		this.buf = new Float64Array(this.capacity * this.stride);
	}

	/** Appends every frame in a packed batch. */
	push(packed: Float64Array) {
		const s = this.stride;
		for (let at = 0; at + s <= packed.length; at += s) {
			const slot = (this.start + this.length) % this.capacity;
			this.buf.set(packed.subarray(at, at + s), slot * s);
			if (this.length < this.capacity) this.length++;
			else this.start = (this.start + 1) % this.capacity;
			this.appended++;
		}
	}

	clear() {
		this.start = 0;
		this.length = 0;
		this.appended = 0;
	}

	private base(i: number) {
		return ((this.start + i) % this.capacity) * this.stride;
	}

	/** A global figure (offset from G) of the i-th held frame, oldest first. */
	global(i: number, offset: number): number {
		return this.buf[this.base(i) + offset];
	}

	/** A node's figure (offset from N) of the i-th held frame; `node` is its index in nodeIds. */
	node(i: number, node: number, offset: number): number {
		return this.buf[this.base(i) + GLOBAL_STRIDE + node * NODE_STRIDE + offset];
	}

	/** The held frames, oldest first, as objects (for the analysis after a run: allocates). */
	toFrames(): MetricsFrame[] {
		const s = this.stride;
		const out = new Float64Array(this.length * s);
		for (let i = 0; i < this.length; i++) out.set(this.buf.subarray(this.base(i), this.base(i) + s), i * s);
		return unpackFrames(out, this.nodeIds);
	}

	/** Index of the newest held frame with time ≤ t (or -1). Binary search: times only grow. */
	indexAt(t: number, tOffset = 0): number {
		let lo = 0,
			hi = this.length - 1,
			found = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (this.global(mid, tOffset) <= t) {
				found = mid;
				lo = mid + 1;
			} else hi = mid - 1;
		}
		return found;
	}
}
