// A fixed-capacity cache of integer keys (no values: the simulator only needs hit/miss).
// Everything lives in typed arrays allocated once, so get/put never allocate:
//   - an open-addressing hash map (linear probing, backward-shift deletion, load ≤ 0.5)
//     from key to slot;
//   - for lru/fifo a doubly linked list over slots (O(1));
//   - for lfu a binary min-heap over slots ordered by (frequency, last use) (O(log n)):
//     the least frequently used goes first, the least recently used among equals.
// TTL: an entry expires `ttl` after it was written (put); a hit does not extend it.
// Expiry is lazy, as in Redis/Memcached: an expired entry is dropped when looked up
// (a miss) and otherwise holds its slot until the eviction policy reaches it.
// Keys must be integers in [0, 2^31).
import { fmix32 } from './hash';

export type Eviction = 'lru' | 'lfu' | 'fifo';

export class KeyCache {
	readonly capacity: number;
	readonly policy: Eviction;
	/** Time to live in the caller's time unit; 0 = entries never expire. */
	readonly ttl: number;
	/** Number of live (possibly expired but not yet dropped) entries. */
	size = 0;
	/** Entries pushed out by the eviction policy (not counting expiries or deletes). */
	evictions = 0;
	/** Stale-while-revalidate: how long past its TTL an entry may still be served (0 = not at all). */
	readonly grace: number;

	private readonly keys: Int32Array;
	private readonly expires: Float64Array;
	private readonly table: Int32Array; // slot + 1, 0 = empty
	private readonly mask: number;
	private readonly free: Int32Array;
	private freeTop = 0;
	// lru / fifo: list with a sentinel at index `capacity`; next of sentinel = newest.
	private readonly prev: Int32Array;
	private readonly next: Int32Array;
	// lfu
	private readonly freq: Float64Array;
	private readonly stamp: Float64Array;
	private readonly heap: Int32Array;
	private readonly pos: Int32Array;
	private heapSize = 0;
	private clock = 0;

	constructor(capacity: number, policy: Eviction = 'lru', ttl = 0, grace = 0) {
		this.capacity = Math.max(0, Math.floor(capacity));
		this.policy = policy;
		this.ttl = ttl > 0 ? ttl : 0;
		this.grace = this.ttl > 0 && grace > 0 ? grace : 0;

		const c = this.capacity;
		let tableSize = 4;
		while (tableSize < 2 * c) tableSize <<= 1;
		this.table = new Int32Array(tableSize);
		this.mask = tableSize - 1;
		this.keys = new Int32Array(c);
		this.expires = new Float64Array(c);
		this.free = new Int32Array(c);
		const lfu = policy === 'lfu';
		this.prev = new Int32Array(lfu ? 0 : c + 1);
		this.next = new Int32Array(lfu ? 0 : c + 1);
		this.freq = new Float64Array(lfu ? c : 0);
		this.stamp = new Float64Array(lfu ? c : 0);
		this.heap = new Int32Array(lfu ? c : 0);
		this.pos = new Int32Array(lfu ? c : 0);
		this.clear();
	}

	/** Hit (true) or miss (false) at time `now`; an expired entry is dropped and misses. */
	get(key: number, now: number): boolean {
		return this.getSlot(key, now) >= 0;
	}

	/**
	 * Like get, but returns the entry's slot (0..capacity-1) on a hit, -1 on a miss.
	 * Slots let a caller keep per-key state in its own typed arrays (see ratelimit.ts).
	 */
	getSlot(key: number, now: number): number {
		const slot = this.find(key);
		if (slot < 0) return -1;
		if (now >= this.expires[slot]) {
			this.removeSlot(slot);
			return -1;
		}
		this.touch(slot);
		return slot;
	}

	/**
	 * With a grace (stale-while-revalidate): 0 miss, 1 fresh hit, 2 stale hit (past its TTL by
	 * less than the grace: served, and counted as a use). An entry past both is dropped.
	 */
	look(key: number, now: number): 0 | 1 | 2 {
		const slot = this.find(key);
		if (slot < 0) return 0;
		const exp = this.expires[slot];
		if (now >= exp + this.grace) {
			this.removeSlot(slot);
			return 0;
		}
		this.touch(slot);
		return now < exp ? 1 : 2;
	}

	/** Without counting as a use: is the key present and unexpired at `now`? */
	has(key: number, now: number): boolean {
		const slot = this.find(key);
		return slot >= 0 && now < this.expires[slot];
	}

	/**
	 * Write the key at `now` (restarts its TTL). A write counts as a use for lru/lfu;
	 * fifo keeps an existing key's place. Evicts one entry if full. Returns the slot,
	 * or -1 for a zero-capacity cache.
	 */
	put(key: number, now: number): number {
		if (this.capacity === 0) return -1;
		let slot = this.find(key);
		if (slot >= 0) {
			this.expires[slot] = this.ttl > 0 ? now + this.ttl : Infinity;
			this.touch(slot);
			return slot;
		}
		if (this.size === this.capacity) {
			this.removeSlot(this.victim());
			this.evictions++;
		}
		slot = this.free[--this.freeTop];
		this.keys[slot] = key;
		this.expires[slot] = this.ttl > 0 ? now + this.ttl : Infinity;
		this.tableInsert(key, slot);
		this.size++;
		if (this.policy === 'lfu') {
			this.freq[slot] = 1;
			this.stamp[slot] = ++this.clock;
			const i = this.heapSize++;
			this.heap[i] = slot;
			this.pos[slot] = i;
			this.siftUp(i);
		} else {
			this.linkFront(slot);
		}
		return slot;
	}

	/** Remove the key if present; returns whether it was. */
	delete(key: number): boolean {
		const slot = this.find(key);
		if (slot < 0) return false;
		this.removeSlot(slot);
		return true;
	}

	/** Drop everything (a flush or a lost instance). O(capacity). */
	clear(): void {
		this.table.fill(0);
		const c = this.capacity;
		for (let i = 0; i < c; i++) this.free[i] = c - 1 - i;
		this.freeTop = c;
		this.size = 0;
		this.heapSize = 0;
		if (this.policy !== 'lfu') {
			this.next[c] = c;
			this.prev[c] = c;
		}
	}

	// ---- hash map -------------------------------------------------------------

	private find(key: number): number {
		const table = this.table;
		const mask = this.mask;
		let i = fmix32(key) & mask;
		let e: number;
		while ((e = table[i]) !== 0) {
			if (this.keys[e - 1] === key) return e - 1;
			i = (i + 1) & mask;
		}
		return -1;
	}

	private tableInsert(key: number, slot: number): void {
		const mask = this.mask;
		let i = fmix32(key) & mask;
		while (this.table[i] !== 0) i = (i + 1) & mask;
		this.table[i] = slot + 1;
	}

	private tableRemove(key: number): void {
		const table = this.table;
		const mask = this.mask;
		let i = fmix32(key) & mask;
		while (this.keys[table[i] - 1] !== key) i = (i + 1) & mask;
		// Backward-shift deletion: pull later entries of the probe run into the hole
		// unless their home lies cyclically in (hole, j]; no tombstones, so probe runs
		// stay short however long the simulation churns.
		let j = i;
		for (;;) {
			j = (j + 1) & mask;
			const e = table[j];
			if (e === 0) break;
			const home = fmix32(this.keys[e - 1]) & mask;
			const stays = i <= j ? i < home && home <= j : i < home || home <= j;
			if (stays) continue;
			table[i] = e;
			i = j;
		}
		table[i] = 0;
	}

	// ---- eviction order -------------------------------------------------------

	private touch(slot: number): void {
		if (this.policy === 'lru') {
			this.unlink(slot);
			this.linkFront(slot);
		} else if (this.policy === 'lfu') {
			this.freq[slot]++;
			this.stamp[slot] = ++this.clock;
			this.siftDown(this.pos[slot]);
		}
	}

	private victim(): number {
		return this.policy === 'lfu' ? this.heap[0] : this.prev[this.capacity];
	}

	private removeSlot(slot: number): void {
		this.tableRemove(this.keys[slot]);
		if (this.policy === 'lfu') {
			const i = this.pos[slot];
			const last = --this.heapSize;
			if (i !== last) {
				const moved = this.heap[last];
				this.heap[i] = moved;
				this.pos[moved] = i;
				this.siftDown(i);
				this.siftUp(this.pos[moved]);
			}
		} else {
			this.unlink(slot);
		}
		this.free[this.freeTop++] = slot;
		this.size--;
	}

	private linkFront(slot: number): void {
		const s = this.capacity;
		const first = this.next[s];
		this.next[slot] = first;
		this.prev[slot] = s;
		this.prev[first] = slot;
		this.next[s] = slot;
	}

	private unlink(slot: number): void {
		const p = this.prev[slot];
		const n = this.next[slot];
		this.next[p] = n;
		this.prev[n] = p;
	}

	private less(a: number, b: number): boolean {
		const fa = this.freq[a];
		const fb = this.freq[b];
		return fa < fb || (fa === fb && this.stamp[a] < this.stamp[b]);
	}

	private siftUp(i: number): void {
		const heap = this.heap;
		const slot = heap[i];
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!this.less(slot, heap[parent])) break;
			heap[i] = heap[parent];
			this.pos[heap[i]] = i;
			i = parent;
		}
		heap[i] = slot;
		this.pos[slot] = i;
	}

	private siftDown(i: number): void {
		const heap = this.heap;
		const n = this.heapSize;
		const slot = heap[i];
		for (;;) {
			let child = 2 * i + 1;
			if (child >= n) break;
			if (child + 1 < n && this.less(heap[child + 1], heap[child])) child++;
			if (!this.less(heap[child], slot)) break;
			heap[i] = heap[child];
			this.pos[heap[i]] = i;
			i = child;
		}
		heap[i] = slot;
		this.pos[slot] = i;
	}
}
