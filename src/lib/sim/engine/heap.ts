// The event queue: a binary min-heap ordered by (time, sequence) in typed arrays, so two
// events at the same simulated time always pop in the order they were pushed (determinism)
// and pushing or popping allocates nothing. An event is (time, code, a, b): `code` says what
// happens, `a` and `b` are small integers naming who (a call, a node, an instance, a gen).

const CODE_BITS = 5;
const CODE_MASK = (1 << CODE_BITS) - 1;
/** Largest `a` payload that fits beside the code in one Int32. */
export const MAX_A = (1 << (31 - CODE_BITS)) - 1;

export class EventQueue {
	private t: Float64Array;
	private s: Float64Array;
	private ca: Int32Array;
	private b: Int32Array;
	private seq = 0;
	size = 0;
	/** Payload of the event last popped. */
	code = 0;
	a = 0;
	bv = 0;
	time = 0;

	constructor(capacity = 1 << 12) {
		this.t = new Float64Array(capacity);
		this.s = new Float64Array(capacity);
		this.ca = new Int32Array(capacity);
		this.b = new Int32Array(capacity);
	}

	private grow(): void {
		const cap = this.t.length * 2;
		const t = new Float64Array(cap), s = new Float64Array(cap), ca = new Int32Array(cap), b = new Int32Array(cap);
		t.set(this.t); s.set(this.s); ca.set(this.ca); b.set(this.b);
		this.t = t; this.s = s; this.ca = ca; this.b = b;
	}

	/** Schedule an event. Times must be finite and not negative: the door where NaN is stopped. */
	push(time: number, code: number, a: number, b: number): void {
		if (!(time >= 0) || time === Infinity) throw new RangeError(`event time must be a finite number ≥ 0, got ${time}`);
		if (this.size === this.t.length) this.grow();
		const t = this.t, s = this.s, ca = this.ca, bb = this.b;
		const seq = this.seq++;
		const packed = (a << CODE_BITS) | code;
		let i = this.size++;
		while (i > 0) {
			const p = (i - 1) >> 1;
			const tp = t[p];
			if (tp < time || (tp === time && s[p] < seq)) break;
			t[i] = tp; s[i] = s[p]; ca[i] = ca[p]; bb[i] = bb[p];
			i = p;
		}
		t[i] = time; s[i] = seq; ca[i] = packed; bb[i] = b;
	}

	/** Time of the next event (Infinity when empty). */
	peekTime(): number {
		return this.size > 0 ? this.t[0] : Infinity;
	}

	/** Remove the earliest event; its payload lands in time/code/a/bv. */
	pop(): void {
		const t = this.t, s = this.s, ca = this.ca, bb = this.b;
		this.time = t[0];
		const packed = ca[0];
		this.code = packed & CODE_MASK;
		this.a = packed >> CODE_BITS;
		this.bv = bb[0];
		const n = --this.size;
		if (n === 0) return;
		const lt = t[n], ls = s[n], lca = ca[n], lb = bb[n];
		let i = 0;
		for (;;) {
			let l = 2 * i + 1;
			if (l >= n) break;
			const r = l + 1;
			if (r < n && (t[r] < t[l] || (t[r] === t[l] && s[r] < s[l]))) l = r;
			if (t[l] > lt || (t[l] === lt && s[l] > ls)) break;
			t[i] = t[l]; s[i] = s[l]; ca[i] = ca[l]; bb[i] = bb[l];
			i = l;
		}
		t[i] = lt; s[i] = ls; ca[i] = lca; bb[i] = lb;
	}
}
