import { describe, expect, it } from 'vitest';
import { CONCEPTS, RULE_CONCEPTS, conceptForFix } from './concepts';
import { reviewDesign } from './review';
import { TEMPLATES } from './templates';

describe('concepts', () => {
	it('every concept has a title and a short explanation', () => {
		for (const [id, c] of Object.entries(CONCEPTS)) {
			expect(c.title.length, id).toBeGreaterThan(2);
			expect(c.why.length, id).toBeGreaterThan(60);
			expect(c.why.length, id).toBeLessThan(400);
		}
	});

	it('every review rule that fires on the shipped templates has a concept', () => {
		const rules = new Set(TEMPLATES.flatMap((t) => reviewDesign(t.design).map((f) => f.rule)));
		expect(rules.size).toBeGreaterThan(3);
		for (const r of rules) expect(RULE_CONCEPTS[r], r).toBeDefined();
	});

	it('reads a fix\'s concept from what its patch changes', () => {
		expect(conceptForFix({ op: 'add', nodes: [{ kind: 'cache' }] })).toBe('cache-aside');
		expect(conceptForFix({ op: 'add', nodes: [{ kind: 'database', params: { role: 'follower' } }] })).toBe('read-replicas');
		expect(conceptForFix({ op: 'setParams', params: { shards: 4 } })).toBe('sharding');
		expect(conceptForFix({ op: 'setParams', params: { autoscale: { enabled: true } } })).toBe('autoscaling');
		expect(conceptForFix({ op: 'setParams', params: { instances: 4 } })).toBe('horizontal-scaling');
		expect(conceptForFix({ op: 'setParams', params: { concurrency: 32 } })).toBe('capacity');
		expect(conceptForFix({ op: 'setEdgeParams', params: { pool: { size: 20 } } })).toBe('connection-pools');
	});
});
