// Picking an instance when no load balancer did: uniformly at random over the active ones
// (model.md), by consistent hashing for caches, by shard for databases.
import type { Sim } from '../core';
import type { NodeRt } from '../compile';

export function pickInstanceRandom(s: Sim, n: NodeRt): number {
	return n.active === 1 ? 0 : s.rng.int(n.active);
}
