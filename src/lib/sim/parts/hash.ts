// Integer hashing shared by the cache's hash map, the hash ring and sharding.

/**
 * MurmurHash3's 32-bit finaliser (fmix32): a bijection on 32-bit integers with full
 * avalanche, so consecutive keys (Zipf ranks 0, 1, 2…) land far apart. Returns an
 * unsigned 32-bit integer. No allocation; safe in the hot path.
 */
export function fmix32(x: number): number {
	let h = x | 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** The shard (0..shards-1) of an integer key under hash sharding. */
export function shardOf(key: number, shards: number): number {
	// Multiply-shift instead of `%`: unbiased enough and no division.
	return Math.floor((fmix32(key) / 4294967296) * shards);
}
