// A bounded key store with LRU, LFU or FIFO eviction and a TTL counted from the write (a hit
// does not extend it): one per cache instance, one per CDN. Entries live in typed arrays
// with an intrusive doubly linked list (most recent at the head); the key → slot index is a
// Map. LFU evicts like Redis does: the least used of a few sampled entries.
import type { Rng } from '../engine/rng';

const LFU_SAMPLES = 5;

export class KeyStore {
	private keyOf: Int32Array;
	private written: Float64Array;
	private uses: Float64Array;
	private prev: Int32Array;
	private next: Int32Array;
	private index = new Map<number, number>();
	private head = -1;
	private tail = -1;
	size = 0;
	/** Write-back: keys written but not yet flushed. */
	dirty = 0;

	constructor(
		readonly capacity: number,
		readonly ttl: number,
		readonly eviction: 'lru' | 'lfu' | 'fifo',
		private rng: Rng
	) {
		const cap = Math.max(1, capacity);
		this.keyOf = new Int32Array(cap);
		this.written = new Float64Array(cap);
		this.uses = new Float64Array(cap);
		this.prev = new Int32Array(cap);
		this.next = new Int32Array(cap);
	}

	private unlink(i: number): void {
		const p = this.prev[i], n = this.next[i];
		if (p >= 0) this.next[p] = n;
		else this.head = n;
		if (n >= 0) this.prev[n] = p;
		else this.tail = p;
	}
	private pushHead(i: number): void {
		this.prev[i] = -1;
		this.next[i] = this.head;
		if (this.head >= 0) this.prev[this.head] = i;
		this.head = i;
		if (this.tail < 0) this.tail = i;
	}

	/** A read: true on a hit (present and not expired). */
	get(key: number, now: number): boolean {
		const i = this.index.get(key);
		if (i === undefined) return false;
		if (this.ttl > 0 && now - this.written[i] >= this.ttl) {
			this.remove(key);
			return false;
		}
		this.uses[i]++;
		if (this.eviction === 'lru' && this.head !== i) {
			this.unlink(i);
			this.pushHead(i);
		}
		return true;
	}

	/** Insert or overwrite (the TTL restarts: it counts from the write). */
	put(key: number, now: number): void {
		let i = this.index.get(key);
		if (i !== undefined) {
			this.written[i] = now;
			if (this.eviction === 'lru' && this.head !== i) {
				this.unlink(i);
				this.pushHead(i);
			}
			return;
		}
		if (this.size < this.keyOf.length) i = this.size++;
		else {
			i = this.victim();
			this.index.delete(this.keyOf[i]);
			this.unlink(i);
		}
		this.keyOf[i] = key;
		this.written[i] = now;
		this.uses[i] = 1;
		this.index.set(key, i);
		this.pushHead(i);
	}

	private victim(): number {
		if (this.eviction !== 'lfu') return this.tail;
		let best = this.tail;
		for (let j = 0; j < LFU_SAMPLES; j++) {
			const i = this.rng.int(this.size);
			if (this.uses[i] < this.uses[best]) best = i;
		}
		return best;
	}

	remove(key: number): void {
		const i = this.index.get(key);
		if (i === undefined) return;
		this.index.delete(key);
		this.unlink(i);
		// Keep slots dense: move the last slot into the hole.
		const last = --this.size;
		if (i !== last) {
			const k = this.keyOf[last];
			this.keyOf[i] = k;
			this.written[i] = this.written[last];
			this.uses[i] = this.uses[last];
			const p = this.prev[last], n = this.next[last];
			this.prev[i] = p;
			this.next[i] = n;
			if (p >= 0) this.next[p] = i;
			else this.head = i;
			if (n >= 0) this.prev[n] = i;
			else this.tail = i;
			this.index.set(k, i);
		}
	}

	clear(): void {
		this.index.clear();
		this.head = this.tail = -1;
		this.size = 0;
		this.dirty = 0;
	}
}
