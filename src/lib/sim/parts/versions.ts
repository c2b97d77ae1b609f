// Per-key, per-replica versions of a leaderless store, for stale reads (docs/model.md,
// "Consistency"). A version is the write's timestamp (its arrival at the coordinator). Each
// (key, replica position) slot keeps two versions: the newest it will have (`next`, visible
// from `at`) and the one it shows until then (`prev`), so a write still propagating does not
// hide the one before it. Keys are folded into a power-of-two table (exact up to its size).
export const MAX_VERSION_KEYS = 1 << 20;

export class KeyVersions {
	readonly n: number;
	readonly mask: number;
	/** The newest committed (quorum-acknowledged) version per key: what a read must see. */
	readonly latest: Float64Array;
	private readonly next: Float64Array;
	private readonly prev: Float64Array;
	private readonly at: Float64Array;

	constructor(keys: number, n: number) {
		let size = 1;
		while (size < keys && size < MAX_VERSION_KEYS) size <<= 1;
		this.n = n;
		this.mask = size - 1;
		this.latest = new Float64Array(size).fill(-Infinity);
		this.next = new Float64Array(size * n).fill(-Infinity);
		this.prev = new Float64Array(size * n).fill(-Infinity);
		this.at = new Float64Array(size * n).fill(-Infinity);
	}

	static bytes(keys: number, n: number): number {
		const size = Math.min(MAX_VERSION_KEYS, 2 ** Math.ceil(Math.log2(Math.max(1, keys))));
		return size * 8 * (1 + 3 * n);
	}

	/** The version replica position j of key k shows at time t. */
	versionAt(k: number, j: number, t: number): number {
		const i = (k & this.mask) * this.n + j;
		return this.at[i] <= t ? this.next[i] : this.prev[i];
	}

	/** Replica position j of key k receives version v, visible from time `from` (now = the current time). */
	apply(k: number, j: number, v: number, from: number, now: number): void {
		const i = (k & this.mask) * this.n + j;
		if (this.at[i] <= now) {
			// Nothing pending: v becomes the next version if it is newer.
			if (v > this.next[i]) {
				this.prev[i] = this.next[i];
				this.next[i] = v;
				this.at[i] = from;
			}
			return;
		}
		// A newer version is still on its way. The same one again (a repair) can only make it
		// arrive sooner; a newer one replaces it (the pending one is then never shown: two deep);
		// an older one that lands now only raises what the replica shows meanwhile.
		if (v === this.next[i]) {
			if (from < this.at[i]) this.at[i] = from;
		} else if (v > this.next[i]) {
			this.next[i] = v;
			this.at[i] = from;
		} else if (from <= now && v > this.prev[i]) this.prev[i] = v;
	}

	/** A write of key k with version v was acknowledged by its quorum. */
	commit(k: number, v: number): void {
		const s = k & this.mask;
		if (v > this.latest[s]) this.latest[s] = v;
	}
}
