// Review rules for replicated data (docs/model.md, "Consistency"): a leaderless store whose
// quorums do not overlap (R + W ≤ N), and leaders that take the same keys' writes in several
// places (multi-leader), where last write wins throws some of them away.
import type { Design } from '../model/types';
import type { Finding } from './review';
import { nameOf, paramsOf, setParams } from './transforms';

export function weakQuorum(d: Design): Finding[] {
	return d.nodes
		.filter((n) => n.kind === 'kvStore')
		.flatMap((n) => {
			const p = paramsOf(n);
			const N = Math.min(p.nodes as number, p.n as number), r = Math.min(N, p.r as number), w = Math.min(N, p.w as number);
			if (N < 2 || r + w > N) return [];
			return [
				{
					id: `weak-quorum:${n.id}`,
					rule: 'weak-quorum',
					severity: 'medium',
					nodeId: n.id,
					title: `${nameOf(n)} can answer reads without the latest write (R + W ≤ N)`,
					reason: `With R = ${r} and W = ${w} of N = ${N}, a read's replicas need not include any the last write reached: until the write has propagated, a read misses it with probability C(N − W, R) / C(N, R). R + W > N makes every read quorum meet every write quorum.`,
					fix: { label: `Wait for ${N - r + 1} acknowledgements per write (W = N − R + 1)`, apply: (x: Design) => setParams(x, n.id, { w: N - r + 1 }) }
				} satisfies Finding
			];
		});
}

export function multiLeaderWrites(d: Design): Finding[] {
	const leaders = d.nodes.filter((n) => n.kind === 'database' && paramsOf(n).role === 'leader' && paramsOf(n).multiLeader === true);
	if (leaders.length < 2) return [];
	// The first keeps taking writes; each other one can hand its writes to it.
	return leaders.slice(1).map(
		(n) =>
			({
				id: `multi-leader:${n.id}`,
				rule: 'multi-leader',
				severity: 'low',
				nodeId: n.id,
				title: `${nameOf(n)} takes writes that another leader may take too`,
				reason: 'Two leaders can change the same key before either has heard of the other; last write wins silently drops one of the two acknowledged writes. Fine for data nobody edits in two places at once; otherwise give each key one home leader.',
				fix: { label: `Send ${nameOf(n)}'s writes to ${nameOf(leaders[0])} (multi-leader off)`, apply: (x: Design) => setParams(x, n.id, { multiLeader: false }) }
			}) satisfies Finding
	);
}
