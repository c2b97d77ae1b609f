import { describe, expect, it } from 'vitest';
import { design, edge, node } from './build';
import { reviewDesign } from './review';
import { RULE_CONCEPTS } from './concepts';
import type { Params } from '../model/types';

const kvDesign = (kv: Params) => design('q', 'Quorum', [node('client', 'client', 0, 0), node('kv', 'kvStore', 200, 0, kv)], [edge('client', 'kv')]);

describe('consistency review', () => {
	it('flags R + W ≤ N, and its fix makes the quorums overlap', () => {
		const found = reviewDesign(kvDesign({ n: 3, w: 1, r: 1 })).filter((f) => f.rule === 'weak-quorum');
		expect(found.map((f) => f.nodeId)).toEqual(['kv']);
		expect(RULE_CONCEPTS['weak-quorum']).toBe('quorum-tuning');
		const fixed = found[0].fix!.apply(kvDesign({ n: 3, w: 1, r: 1 }));
		expect(fixed.nodes.find((n) => n.id === 'kv')!.params.w).toBe(3);
		expect(reviewDesign(fixed).some((f) => f.rule === 'weak-quorum')).toBe(false);
		expect(reviewDesign(kvDesign({ n: 3, w: 2, r: 2 })).some((f) => f.rule === 'weak-quorum')).toBe(false);
	});

	it('flags the second leader of a multi-leader pair; its fix sends its writes to the first', () => {
		const d = () =>
			design(
				'm',
				'Two leaders',
				[node('client', 'client', 0, 0), node('a', 'database', 200, 0, { multiLeader: true }), node('b', 'database', 400, 0, { multiLeader: true })],
				[edge('client', 'a'), edge('a', 'b'), edge('b', 'a')]
			);
		const found = reviewDesign(d()).filter((f) => f.rule === 'multi-leader');
		expect(found.map((f) => f.nodeId)).toEqual(['b']);
		const fixed = found[0].fix!.apply(d());
		expect(fixed.nodes.find((n) => n.id === 'b')!.params.multiLeader).toBe(false);
		expect(reviewDesign(fixed).some((f) => f.rule === 'multi-leader')).toBe(false);
	});
});
