import { describe, expect, it } from 'vitest';
import { design, edge, node } from './build';
import { reviewDesign } from './review';
import { addFollower } from './transforms';

const base = () =>
	design(
		'f',
		'Followers',
		[
			node('client', 'client', 0, 0),
			node('web', 'service', 200, 0, { instances: 2 }),
			node('db', 'database', 400, 0),
			node('db-f', 'database', 600, 0, { role: 'follower' })
		],
		[edge('client', 'web'), edge('web', 'db'), edge('db', 'db-f', { mode: 'async' })]
	);

describe('idle follower review', () => {
	it('flags a follower nothing reads from, and its fix connects the leader\'s readers', () => {
		const found = reviewDesign(base()).filter((f) => f.rule === 'idle-follower');
		expect(found.map((f) => f.nodeId)).toEqual(['db-f']);
		const fixed = found[0].fix!.apply(base());
		expect(fixed.edges.some((e) => e.source === 'web' && e.target === 'db-f')).toBe(true);
		expect(reviewDesign(fixed).some((f) => f.rule === 'idle-follower')).toBe(false);
	});

	it('stays quiet about a follower that has callers (the "add a follower" fix wires them)', () => {
		const d = base();
		const noFollower = { ...d, nodes: d.nodes.filter((n) => n.id !== 'db-f'), edges: d.edges.filter((e) => e.target !== 'db-f') };
		expect(reviewDesign(addFollower(noFollower, 'db')).some((f) => f.rule === 'idle-follower')).toBe(false);
	});
});
