// Closed-form results the simulator is checked against (tests and docs/model.md cite these).
// Rates in 1/s, times in s unless the name says ms.

/** Erlang B: the share of arrivals an M/M/c/c loss system (c servers, no waiting room) refuses at offered load a = λ/μ. */
export function erlangB(c: number, a: number): number {
	let b = 1;
	for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
	return b;
}

/** Erlang C: probability an arrival waits in M/M/c with offered load a = λ/μ (a < c). */
export function erlangC(c: number, a: number): number {
	// Erlang B by the stable recursion, then C = B / (1 − ρ(1 − B)).
	let b = 1;
	for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
	const rho = a / c;
	return b / (1 - rho * (1 - b));
}

/** M/M/c mean sojourn (wait + service), s. */
export function mmcMeanSojourn(lambda: number, mu: number, c: number): number {
	const C = erlangC(c, lambda / mu);
	return C / (c * mu - lambda) + 1 / mu;
}

/** M/M/c sojourn tail P(T > t): T = S + W, W = 0 w.p. 1 − C, else Exp(cμ − λ). */
export function mmcSojournTail(lambda: number, mu: number, c: number, t: number): number {
	const C = erlangC(c, lambda / mu);
	const g = c * mu - lambda;
	const es = Math.exp(-mu * t);
	if (Math.abs(g - mu) < 1e-12) return es + C * mu * t * es;
	return es + (C * mu * (Math.exp(-g * t) - es)) / (mu - g);
}

/** Quantile of a decreasing tail function by bisection. */
export function quantileOf(tail: (t: number) => number, q: number, hi = 1e4): number {
	let lo = 0;
	for (let i = 0; i < 200; i++) {
		const mid = (lo + hi) / 2;
		if (tail(mid) > 1 - q) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

/** M/M/c/K: state probabilities p_0..p_K (K = c + queue slots). */
export function mmckProbabilities(lambda: number, mu: number, c: number, K: number): number[] {
	const p = [1];
	for (let n = 1; n <= K; n++) p.push((p[n - 1] * lambda) / (Math.min(n, c) * mu));
	const z = p.reduce((a, b) => a + b, 0);
	return p.map((x) => x / z);
}

/** M/M/c/K: blocking probability, mean number in system, mean sojourn of accepted requests. */
export function mmck(lambda: number, mu: number, c: number, K: number) {
	const p = mmckProbabilities(lambda, mu, c, K);
	const block = p[K];
	const L = p.reduce((a, x, n) => a + n * x, 0);
	const Lq = p.reduce((a, x, n) => a + Math.max(0, n - c) * x, 0);
	const thr = lambda * (1 - block);
	return { block, L, Lq, meanSojourn: L / thr, utilization: thr / (c * mu) };
}

/** M/D/1 mean sojourn (Pollaczek–Khinchine): S + ρS / (2(1 − ρ)). */
export function md1MeanSojourn(lambda: number, S: number): number {
	const rho = lambda * S;
	return S + (rho * S) / (2 * (1 - rho));
}

/** Zipf(s) probabilities over n ranks. */
export function zipfPmf(n: number, s: number): Float64Array {
	const p = new Float64Array(n);
	let z = 0;
	for (let i = 0; i < n; i++) z += p[i] = Math.pow(i + 1, -s);
	for (let i = 0; i < n; i++) p[i] /= z;
	return p;
}

/** Che's approximation of an LRU cache's hit ratio under the independent reference model. */
export function cheHitRatio(p: Float64Array, capacity: number): number {
	const filled = (T: number) => {
		let s = 0;
		for (let i = 0; i < p.length; i++) s += 1 - Math.exp(-p[i] * T);
		return s;
	};
	let lo = 0, hi = 1;
	while (filled(hi) < capacity) hi *= 2;
	for (let i = 0; i < 100; i++) {
		const mid = (lo + hi) / 2;
		if (filled(mid) < capacity) lo = mid;
		else hi = mid;
	}
	const T = (lo + hi) / 2;
	let h = 0;
	for (let i = 0; i < p.length; i++) h += p[i] * (1 - Math.exp(-p[i] * T));
	return h;
}

/** TTL cache (expiry T after the write, not refreshed by hits), Poisson requests: each key hits λT/(1 + λT). */
export function ttlHitRatio(p: Float64Array, rate: number, ttl: number): number {
	let h = 0;
	for (let i = 0; i < p.length; i++) {
		const x = p[i] * rate * ttl;
		h += (p[i] * x) / (1 + x);
	}
	return h;
}

/** P(fewer than k of n independent replicas are up), each up with probability pUp. */
export function quorumUnavailability(n: number, k: number, pUp: number): number {
	let s = 0;
	let binom = 1;
	for (let j = 0; j <= n; j++) {
		if (j > 0) binom = (binom * (n - j + 1)) / j;
		if (j < k) s += binom * Math.pow(pUp, j) * Math.pow(1 - pUp, n - j);
	}
	return s;
}

/** Async replication with Poisson writes at λ per key and a fixed lag: P(a follower read is stale). */
export function staleFraction(writesPerKey: number, lagS: number): number {
	return 1 - Math.exp(-writesPerKey * lagS);
}

/**
 * Relative standard error of a simulated mean latency of an M/M/1-like station at
 * utilization ρ observed for T seconds with mean service S: from the asymptotic variance
 * of the time-average number in system, 2ρ(1+ρ)/(1−ρ)^4 per unit of S (Whitt 1989), via
 * Little's law. For M/M/c at the same per-server ρ it is an upper bound, so tolerances
 * built on it are conservative.
 */
export function relSeMean(rho: number, T: number, S: number): number {
	return Math.sqrt((2 * (1 + rho)) / (rho * (1 - rho) * (1 - rho) * (T / S)));
}

/** n choose k (0 when k > n). */
export function choose(n: number, k: number): number {
	if (k < 0 || k > n) return 0;
	let c = 1;
	for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
	return c;
}

/**
 * Leaderless quorum, a read issued before a write has propagated: its R replicas are a
 * uniform R-subset of N, the write is on a uniform W-subset, so the read misses it with
 * probability C(N − W, R) / C(N, R) (0 when R + W > N).
 */
export function quorumMissProbability(N: number, W: number, R: number): number {
	return choose(N - W, R) / choose(N, R);
}

/**
 * Stationary stale fraction of reads of a leaderless store: Poisson writes at λ and reads at
 * μ per key, each replica outside the write quorum applying a write Exp(mean d) later. A read
 * at age τ of the latest write is stale with probability h·e^(−Rτ/d), h the miss probability;
 * τ ~ Exp(λ) gives h·λ/(λ + R/d). With read repair the first read after a write repairs every
 * replica, so only that read can be stale: h·λ/(λ + μ + R/d). d = 0: 0; d = ∞: h (h·λ/(λ + μ)).
 */
export function quorumStaleFraction(o: { N: number; W: number; R: number; writesPerKey: number; readsPerKey: number; propagationS: number; readRepair: boolean }): number {
	const h = quorumMissProbability(o.N, o.W, o.R);
	if (h === 0 || o.propagationS <= 0) return 0;
	const decay = Number.isFinite(o.propagationS) ? o.R / o.propagationS : 0;
	return (h * o.writesPerKey) / (o.writesPerKey + (o.readRepair ? o.readsPerKey : 0) + decay);
}

/**
 * Multi-leader replication, Poisson writes per key at the other leader at λ_other and lags L_in
 * (other → this) and L_out (this → other): a write here conflicts when the other leader wrote
 * the key within L_in before it (not yet seen here) or L_out after it (before it arrived
 * there): 1 − e^(−λ_other·(L_in + L_out)), 1 − e^(−2λL) for a symmetric lag.
 */
export function conflictProbability(otherWritesPerKey: number, lagInS: number, lagOutS: number): number {
	return 1 - Math.exp(-otherWritesPerKey * (lagInS + lagOutS));
}

/**
 * Last write wins: a write is a lost update when the write that supersedes it (the next one of
 * the key, by timestamp) came from the other leader before it had arrived there (within
 * L_out). The next write is the other leader's with probability λ_o/(λ + λ_o), at an Exp(λ + λ_o)
 * gap: λ_o/(λ + λ_o)·(1 − e^(−(λ + λ_o)·L_out)).
 */
export function lostUpdateProbability(ownWritesPerKey: number, otherWritesPerKey: number, lagOutS: number): number {
	const total = ownWritesPerKey + otherWritesPerKey;
	return total > 0 ? (otherWritesPerKey / total) * (1 - Math.exp(-total * lagOutS)) : 0;
}
