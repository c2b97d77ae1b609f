// Services, workers and object stores: a server group, then the node's outgoing calls for
// the request's type, in order (model.md). Reads try a linked cache first and go to the
// database only on a miss (then fill the cache, for free); writes go to the replica set's
// leader, then update or invalidate the cache per its strategy, then publish to queues.
import type { Handlers, Sim } from '../core';
import type { NodeRt } from '../compile';
import { F, K, LOST, OK, S, UNAVAILABLE, unreachable, type StepCode } from '../consts';
import { sessionHere } from '../sessions';
import { pickInstanceRandom } from './pick';
import { cacheFill, cacheFlight, cacheInvalidate, cacheStrategy } from './cache';
import { leaseFailed } from './cacheflight';
import { pickDbRead, pickDbWrite } from './database';

/** Build each type's plan from the node's outgoing edges. */
export function buildPlans(s: Sim, n: NodeRt): void {
	for (let t = 0; t < 3; t++) {
		const steps: number[] = [];
		const out = n.out[t];
		const caches = out.filter((e) => s.nodes[s.edges[e].dst].k === K.cache);
		const dbs = out.filter((e) => s.nodes[s.edges[e].dst].k === K.database);
		const queues = out.filter((e) => s.nodes[s.edges[e].dst].k === K.queue);
		const others = out.filter((e) => !caches.includes(e) && !dbs.includes(e) && !queues.includes(e));
		if (t !== 2) {
			for (const e of caches) steps.push(S.CACHE_READ, e);
			if (dbs.length > 0) steps.push(S.DB_READ, dbs[0]);
		} else {
			// Write-through and write-back caches that reach the database themselves carry the write.
			const through = caches.filter((e) => {
				const st = cacheStrategy(s.nodes[s.edges[e].dst]);
				return st === 'write-through' || st === 'write-back';
			});
			const carried = through.some((e) => s.nodes[s.edges[e].dst].out[2].some((d) => s.nodes[s.edges[d].dst].k === K.database));
			if (dbs.length > 0 && !carried) steps.push(S.DB_WRITE, dbs[0]);
			for (const e of caches) steps.push(through.includes(e) ? S.CACHE_WRITE : S.INVALIDATE, e);
		}
		for (const e of others) steps.push(S.CALL, e);
		for (const e of queues) steps.push(S.PUBLISH, e);
		n.plan[t] = new Int32Array(steps);
	}
}

/** Walk the plan from the call's current step until a step must wait for an answer. */
export function runPlan(s: Sim, c: number): void {
	const n = s.nodes[s.cNode[c]];
	const plan = n.plan[s.cType[c]];
	for (;;) {
		const step = s.cStep[c];
		if (2 * step >= plan.length) {
			s.finish(c, OK);
			return;
		}
		// Plans are Int32Arrays of S codes (buildPlans writes nothing else).
		const code = plan[2 * step] as StepCode, e = plan[2 * step + 1];
		switch (code) {
			case S.CALL:
			case S.PUBLISH:
			case S.CACHE_READ:
			case S.CACHE_WRITE:
				s.send(c, e, s.edges[e].dst, -1);
				return;
			case S.DB_READ: {
				if ((s.cFlags[c] & F.HIT) !== 0) break;
				const target = pickDbRead(s, n, s.cType[c]);
				if (target < 0) {
					s.finish(c, UNAVAILABLE);
					return;
				}
				s.send(c, s.dbEdge, target, -1);
				return;
			}
			case S.DB_WRITE: {
				const target = pickDbWrite(s, n);
				if (target < 0) {
					s.finish(c, UNAVAILABLE);
					return;
				}
				s.send(c, s.dbEdge, target, -1);
				return;
			}
			case S.INVALIDATE:
				cacheInvalidate(s, s.nodes[s.edges[e].dst], s.cKey[c]);
				break;
			default:
				unreachable(code);
		}
		s.cStep[c] = step + 1;
	}
}

/** A read that missed and then failed at the database: misses coalesced behind it stop waiting. */
function leasesFailed(s: Sim, plan: Int32Array, key: number): void {
	for (let j = 0; j < plan.length; j += 2) {
		if (plan[j] !== S.CACHE_READ) continue;
		const cache = s.nodes[s.edges[plan[j + 1]].dst];
		if (cacheFlight(cache)) leaseFailed(s, cache, key);
	}
}

export const service: Handlers = {
	arrive(s, c) {
		const n = s.nodes[s.cNode[c]];
		const i = s.cInst[c] >= 0 ? s.cInst[c] : pickInstanceRandom(s, n);
		if (n.sessions !== null && s.instUp(n, i) && !sessionHere(n.sessions, n, i, s.cKey[c])) {
			// Signed out: the session was on another instance (or died with one). Never retried.
			s.cInst[c] = i;
			s.finish(c, LOST);
			return;
		}
		s.admit(n, i, c);
	},
	served(s, c) {
		runPlan(s, c);
	},
	result(s, c, res, flags) {
		if (s.stale(c)) {
			s.finish(c, UNAVAILABLE);
			return;
		}
		const n = s.nodes[s.cNode[c]];
		const plan = n.plan[s.cType[c]];
		const step = s.cStep[c];
		const code = plan[2 * step];
		if (code === S.CACHE_READ) {
			// A cache that fails or is down is a miss: the read falls through to the database.
			if (res === OK && (flags & F.HIT) !== 0) s.cFlags[c] |= F.HIT;
			else s.cFlags[c] |= F.MISS;
		} else if (res !== OK) {
			if (code === S.DB_READ && (s.cFlags[c] & F.MISS) !== 0) leasesFailed(s, plan, s.cKey[c]);
			s.finish(c, res);
			return;
		} else if (code === S.DB_READ && (s.cFlags[c] & F.MISS) !== 0) {
			for (let j = 0; j < plan.length; j += 2)
				if (plan[j] === S.CACHE_READ) cacheFill(s, s.nodes[s.edges[plan[j + 1]].dst], s.cKey[c]);
		}
		s.cStep[c] = step + 1;
		runPlan(s, c);
	},
	resume(s, c) {
		runPlan(s, c);
	}
};
