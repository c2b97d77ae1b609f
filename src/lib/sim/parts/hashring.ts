// Consistent hashing of integer keys onto integer instance ids, with virtual nodes
// (Karger et al. 1997; Dynamo's ring). Each instance owns `vnodes` points on a 32-bit
// circle; a key belongs to the first point clockwise of its hash. Adding or removing an
// instance moves only the keys of the arcs it gains or loses (~1/n of them).
// Membership changes rebuild the sorted point arrays (rare: a failure, a scale event);
// lookups are a binary search over a Uint32Array and never allocate.
import { fmix32 } from './hash';

export { fmix32, shardOf } from './hash';

const MAX_INSTANCE = 1 << 20; // instance ids pack below the hash in one float64 for sorting

export class HashRing {
	readonly vnodes: number;
	private members: number[] = [];
	private points = new Uint32Array(0);
	private owners = new Int32Array(0);

	constructor(vnodes = 128) {
		this.vnodes = Math.max(1, Math.floor(vnodes));
	}

	/** A ring over instances 0..count-1. */
	static of(count: number, vnodes = 128): HashRing {
		const ring = new HashRing(vnodes);
		for (let i = 0; i < count; i++) ring.members.push(i);
		ring.rebuild();
		return ring;
	}

	get size(): number {
		return this.members.length;
	}

	has(instance: number): boolean {
		return this.members.includes(instance);
	}

	add(instance: number): void {
		if (!Number.isInteger(instance) || instance < 0 || instance >= MAX_INSTANCE)
			throw new RangeError(`instance id must be an integer in [0, ${MAX_INSTANCE}), got ${instance}`);
		if (this.has(instance)) return;
		this.members.push(instance);
		this.rebuild();
	}

	remove(instance: number): void {
		const i = this.members.indexOf(instance);
		if (i < 0) return;
		this.members.splice(i, 1);
		this.rebuild();
	}

	/** The instance owning `key`, or -1 if the ring is empty. O(log(instances × vnodes)). */
	owner(key: number): number {
		const n = this.points.length;
		if (n === 0) return -1;
		const i = this.firstAtOrAfter(fmix32(key));
		return this.owners[i === n ? 0 : i];
	}

	/**
	 * The first instance clockwise from `key` that is below `active` and has `up[id] === 1`
	 * (a cache: a dead instance's arc falls to the next live one), or -1 if none is.
	 */
	ownerUp(key: number, up: Uint8Array, active: number): number {
		const n = this.points.length;
		let i = n === 0 ? 0 : this.firstAtOrAfter(fmix32(key));
		for (let step = 0; step < n; step++, i++) {
			if (i === n) i = 0;
			const o = this.owners[i];
			if (o < active && up[o] === 1) return o;
		}
		return -1;
	}

	/**
	 * The preference list of `key`: the first `count` distinct instances clockwise from
	 * it, written into `out`. Returns how many were found (fewer if the ring is smaller).
	 */
	replicas(key: number, count: number, out: Int32Array): number {
		const n = this.points.length;
		if (n === 0 || count <= 0) return 0;
		const want = Math.min(count, this.members.length, out.length);
		let found = 0;
		let i = this.firstAtOrAfter(fmix32(key));
		for (let step = 0; step < n && found < want; step++, i++) {
			if (i === n) i = 0;
			const o = this.owners[i];
			let seen = false;
			for (let j = 0; j < found; j++) if (out[j] === o) seen = true;
			if (!seen) out[found++] = o;
		}
		return found;
	}

	private firstAtOrAfter(h: number): number {
		const points = this.points;
		let lo = 0;
		let hi = points.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (points[mid] < h) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	private rebuild(): void {
		const v = this.vnodes;
		const packed = new Float64Array(this.members.length * v);
		let k = 0;
		for (const m of this.members) {
			const base = fmix32(m + 0x9e3779b9);
			for (let j = 0; j < v; j++) {
				// Ties between instances are broken by id, so the ring is deterministic.
				packed[k++] = fmix32((base + Math.imul(j, 0x9e3779b1)) | 0) * MAX_INSTANCE + m;
			}
		}
		packed.sort();
		this.points = new Uint32Array(packed.length);
		this.owners = new Int32Array(packed.length);
		for (let i = 0; i < packed.length; i++) {
			const m = packed[i] % MAX_INSTANCE;
			this.owners[i] = m;
			this.points[i] = (packed[i] - m) / MAX_INSTANCE;
		}
	}
}
