// The event queue: a binary min-heap ordered by (time, sequence), so two events at the same
// simulated time always pop in the order they were pushed (determinism), and pushing or
// popping allocates nothing. The heap itself moves only (time, slot) pairs; an event's
// payload (sequence, code, a, b) waits in a slot of parallel typed arrays, recycled.
// An event is (time, code, a, b): `code` says what happens, `a` and `b` are small integers
// naming who (a call, a node, an instance, a generation).

export class EventQueue {
	private t: Float64Array;
	private id: Int32Array;
	private pSeq: Float64Array;
	private pCode: Int32Array;
	private pA: Int32Array;
	private pB: Int32Array;
	private free: Int32Array;
	private freeTop: number;
	private seq = 0;
	size = 0;
	/** Payload of the event last popped. */
	code = 0;
	a = 0;
	bv = 0;
	time = 0;

	constructor(capacity = 1 << 10) {
		this.t = new Float64Array(capacity);
		this.id = new Int32Array(capacity);
		this.pSeq = new Float64Array(capacity);
		this.pCode = new Int32Array(capacity);
		this.pA = new Int32Array(capacity);
		this.pB = new Int32Array(capacity);
		this.free = new Int32Array(capacity);
		for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
		this.freeTop = capacity;
	}

	private grow(): void {
		const old = this.t.length, cap = old * 2;
		const f64 = (a: Float64Array) => {
			const b = new Float64Array(cap);
			b.set(a);
			return b;
		};
		const i32 = (a: Int32Array) => {
			const b = new Int32Array(cap);
			b.set(a);
			return b;
		};
		this.t = f64(this.t);
		this.id = i32(this.id);
		this.pSeq = f64(this.pSeq);
		this.pCode = i32(this.pCode);
		this.pA = i32(this.pA);
		this.pB = i32(this.pB);
		this.free = new Int32Array(cap);
		this.freeTop = 0;
		for (let i = cap - 1; i >= old; i--) this.free[this.freeTop++] = i;
	}

	/** Schedule an event. Times must be finite and not negative: the door where NaN is stopped. */
	push(time: number, code: number, a: number, b: number): void {
		if (!(time >= 0) || time === Infinity) throw new RangeError(`event time must be a finite number ≥ 0, got ${time}`);
		if (this.freeTop === 0) this.grow();
		const slot = this.free[--this.freeTop];
		const seq = this.seq++;
		this.pSeq[slot] = seq;
		this.pCode[slot] = code;
		this.pA[slot] = a;
		this.pB[slot] = b;
		const t = this.t, id = this.id, ps = this.pSeq;
		let i = this.size++;
		while (i > 0) {
			const p = (i - 1) >> 1;
			const tp = t[p];
			if (tp < time || (tp === time && ps[id[p]] < seq)) break;
			t[i] = tp;
			id[i] = id[p];
			i = p;
		}
		t[i] = time;
		id[i] = slot;
	}

	/** Time of the next event (Infinity when empty). */
	peekTime(): number {
		return this.size > 0 ? this.t[0] : Infinity;
	}

	/** Remove the earliest event; its payload lands in time/code/a/bv. */
	pop(): void {
		const t = this.t, id = this.id, ps = this.pSeq;
		this.time = t[0];
		const top = id[0];
		this.code = this.pCode[top];
		this.a = this.pA[top];
		this.bv = this.pB[top];
		this.free[this.freeTop++] = top;
		const n = --this.size;
		if (n === 0) return;
		const lt = t[n], lid = id[n], ls = ps[lid];
		let i = 0;
		for (;;) {
			let l = 2 * i + 1;
			if (l >= n) break;
			const r = l + 1;
			let tl = t[l];
			if (r < n) {
				const tr = t[r];
				if (tr < tl || (tr === tl && ps[id[r]] < ps[id[l]])) {
					l = r;
					tl = tr;
				}
			}
			if (tl > lt || (tl === lt && ps[id[l]] > ls)) break;
			t[i] = tl;
			id[i] = id[l];
			i = l;
		}
		t[i] = lt;
		id[i] = lid;
	}
}
