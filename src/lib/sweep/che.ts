// Che's approximation of an LRU cache's hit ratio (sim/theory.ts) for Zipf(s) popularity
// over any key space: the first ranks exactly, the long tail in geometric buckets of ranks
// whose probabilities differ by under 2 %, so a billion keys cost a few thousand terms.
const EXACT = 2000;
const GROWTH = 1.02;

export function cheHitRatioZipf(keys: number, s: number, capacity: number): number {
	if (capacity >= keys) return 1;
	if (capacity <= 0) return 0;
	// (probability weight of one key, how many keys share it)
	const w: number[] = [];
	const m: number[] = [];
	for (let k = 1; k <= Math.min(keys, EXACT); k++) {
		w.push(Math.pow(k, -s));
		m.push(1);
	}
	for (let lo = EXACT + 1; lo <= keys; ) {
		const hi = Math.min(keys, Math.max(lo, Math.floor(lo * GROWTH)));
		w.push(Math.pow((lo + hi) / 2, -s));
		m.push(hi - lo + 1);
		lo = hi + 1;
	}
	let z = 0;
	for (let i = 0; i < w.length; i++) z += w[i] * m[i];
	const filled = (T: number) => {
		let f = 0;
		for (let i = 0; i < w.length; i++) f += m[i] * (1 - Math.exp((-w[i] / z) * T));
		return f;
	};
	let lo = 0;
	let hi = 1;
	while (filled(hi) < capacity) hi *= 2;
	for (let i = 0; i < 60; i++) {
		const mid = (lo + hi) / 2;
		if (filled(mid) < capacity) lo = mid;
		else hi = mid;
	}
	const T = (lo + hi) / 2;
	let h = 0;
	for (let i = 0; i < w.length; i++) {
		const p = w[i] / z;
		h += m[i] * p * (1 - Math.exp(-p * T));
	}
	return h;
}
