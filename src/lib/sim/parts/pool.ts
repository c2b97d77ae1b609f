// Connection pools: a fixed number of connections per slot (one slot per caller instance per
// pooled edge) and a FIFO of calls waiting for one. Pure bookkeeping in typed arrays: taking
// and giving back a connection allocates nothing; a waiting line grows by doubling (rarely,
// like a server queue). The simulator's glue (sim/pools.ts) decides what waiting means.

/** One waiting entry: the caller's call, its ticket (names this wait), where it was going. */
const STRIDE = 4;

export class PoolTable {
	/** Connections each slot holds. */
	readonly size: Int32Array;
	/** Connections taken now. */
	readonly inUse: Int32Array;
	/** The edge each slot belongs to. */
	readonly edgeOf: Int32Array;
	private lines: Int32Array[];
	private head: Int32Array;
	/** Entries in each line (dead ones included until they reach the head). */
	readonly len: Int32Array;
	/** Waiters still waiting in each line (len less the entries given up). */
	readonly waiting: Int32Array;

	constructor(slots: number) {
		this.size = new Int32Array(slots);
		this.inUse = new Int32Array(slots);
		this.edgeOf = new Int32Array(slots);
		this.head = new Int32Array(slots);
		this.len = new Int32Array(slots);
		this.waiting = new Int32Array(slots);
		this.lines = [];
		for (let i = 0; i < slots; i++) this.lines.push(new Int32Array(0));
	}

	/** Take a connection if one is free and nobody waits before us. */
	tryTake(slot: number): boolean {
		if (this.inUse[slot] >= this.size[slot] || this.waiting[slot] > 0) return false;
		this.inUse[slot]++;
		return true;
	}

	/** Join the end of the slot's line. */
	enqueue(slot: number, call: number, ticket: number, target: number, inst: number): void {
		let line = this.lines[slot];
		const len = this.len[slot], cap = line.length / STRIDE;
		if (len === cap) {
			const grown = new Int32Array(Math.max(8, cap * 2) * STRIDE);
			const h = this.head[slot];
			for (let j = 0; j < len; j++) {
				const from = ((h + j) % cap) * STRIDE;
				grown.set(line.subarray(from, from + STRIDE), j * STRIDE);
			}
			this.lines[slot] = line = grown;
			this.head[slot] = 0;
		}
		const at = ((this.head[slot] + len) % (line.length / STRIDE)) * STRIDE;
		line[at] = call;
		line[at + 1] = ticket;
		line[at + 2] = target;
		line[at + 3] = inst;
		this.len[slot] = len + 1;
		this.waiting[slot]++;
	}

	/** A waiter gave up (its ticket is dead): it stays in the line until it reaches the head. */
	leave(slot: number): void {
		this.waiting[slot]--;
	}

	/**
	 * Pop the head entry into out[0..3] (call, ticket, target, inst); false if the line is
	 * empty. The caller checks whether the ticket is still live.
	 */
	pop(slot: number, out: Int32Array): boolean {
		const len = this.len[slot];
		if (len === 0) return false;
		const line = this.lines[slot], cap = line.length / STRIDE, h = this.head[slot];
		const at = h * STRIDE;
		out[0] = line[at];
		out[1] = line[at + 1];
		out[2] = line[at + 2];
		out[3] = line[at + 3];
		this.head[slot] = (h + 1) % cap;
		this.len[slot] = len - 1;
		return true;
	}
}
