// CDN: static requests are looked up in one LRU of `capacity` objects with `ttlS` (the
// lookup is the CDN's service, hitMs); a miss fetches from the origin (its outgoing edge
// carrying static) and stores the object. Other types pass straight through.
import type { Handlers, Sim } from '../core';
import type { NodeRt } from '../compile';
import { C, F, OK, T_STATIC, UNAVAILABLE } from '../consts';
import { KeyCache } from '../parts/keycache';

export function initCdn(s: Sim, n: NodeRt): void {
	n.store = new KeyCache(Math.max(1, n.p.capacity as number), 'lru', Math.max(0, n.p.ttlS as number));
}

export function cdnFlush(n: NodeRt): void {
	(n.store as KeyCache).clear();
}

function toOrigin(s: Sim, c: number): void {
	const n = s.nodes[s.cNode[c]];
	const e = n.out[s.cType[c]][0];
	if (e === undefined || n.originDown) s.finish(c, UNAVAILABLE);
	else s.send(c, e, s.edges[e].dst, -1);
}

export const cdn: Handlers = {
	arrive(s, c) {
		const n = s.nodes[s.cNode[c]];
		if (s.cType[c] !== T_STATIC) {
			s.cStep[c] = 1;
			toOrigin(s, c);
			return;
		}
		s.admit(n, n.active === 1 ? 0 : s.rng.int(n.active), c);
	},
	served(s, c) {
		const n = s.nodes[s.cNode[c]];
		n.cnt[C.LOOKUPS]++;
		if ((n.store as KeyCache).get(s.cKey[c], s.now)) {
			n.cnt[C.HITS]++;
			s.cFlags[c] |= F.HIT;
			s.finish(c, OK);
			return;
		}
		s.cStep[c] = 1;
		toOrigin(s, c);
	},
	result(s, c, res) {
		if (res === OK && s.cType[c] === T_STATIC) (s.nodes[s.cNode[c]].store as KeyCache).put(s.cKey[c], s.now);
		s.finish(c, res);
	},
	resume(s, c) {
		toOrigin(s, c);
	}
};
