import { describe, expect, it } from 'vitest';
import { restoreDesign } from '../model';
import { design, edge, node } from './build';
import { CHALLENGES } from './challenges';
import { findingsByNode, reviewDesign } from './review';
import { TEMPLATES } from './templates';

// One design with every classic mistake.
const bad = design(
	'bad',
	'Every mistake',
	[
		node('client', 'client', 0, 0, { rps: 500, mix: { static: 0.3, read: 0.6, write: 0.1 }, zipf: 1 }),
		node('dns', 'dns', 100, 0),
		node('lb', 'loadBalancer', 200, 0),
		node('web', 'service', 300, 0, { instances: 3, stateful: true }),
		node('api', 'service', 300, 200, { instances: 2 }),
		node('one', 'service', 300, 300, { instances: 1 }),
		node('thumbs', 'service', 500, 200, { serviceTimeMs: 250 }),
		node('cache', 'cache', 500, -100, { ttlS: 0 }),
		node('db', 'database', 500, 0, { shards: 4, sharding: 'range' }),
		node('users', 'database', 500, 300, { shards: 2 }),
		node('orders', 'database', 700, 300),
		node('orders-f', 'database', 900, 300, { role: 'follower' })
	],
	[
		edge('client', 'dns'),
		edge('dns', 'lb'),
		edge('lb', 'web'),
		edge('web', 'db'),
		edge('web', 'cache', { carries: ['read'] }),
		edge('web', 'api'),
		edge('api', 'thumbs'),
		edge('api', 'users'),
		edge('one', 'orders'),
		edge('orders', 'orders-f')
	]
);

describe('reviewDesign', () => {
	const found = reviewDesign(bad);
	const rules = new Set(found.map((f) => f.rule));

	it('finds every classic mistake, most serious first', () => {
		for (const r of [
			'single-database',
			'single-instance',
			'stateful-not-sticky',
			'hot-shard',
			'hot-key',
			'single-load-balancer',
			'single-cache',
			'no-balancer',
			'async-replication',
			'no-cdn',
			'sync-slow-call',
			'no-rate-limit',
			'cache-no-ttl',
			'single-region'
		])
			expect(rules.has(r), r).toBe(true);
		const sev = found.map((f) => ({ high: 0, medium: 1, low: 2 })[f.severity]);
		expect([...sev].sort()).toEqual(sev);
		expect(found.find((f) => f.rule === 'hot-shard')!.nodeId).toBe('db');
		expect(found.find((f) => f.rule === 'no-balancer')!.nodeId).toBe('api');
		expect(found.find((f) => f.rule === 'async-replication')!.nodeId).toBe('orders');
		expect(found.find((f) => f.rule === 'no-rate-limit')!.nodeId).toBe('lb');
	});

	it('marks each node with its worst finding', () => {
		const marks = findingsByNode(found);
		expect(marks.db.severity).toBe('high');
		expect(marks.cache).toBeDefined();
	});

	it('finds nothing to say about an empty canvas', () => {
		expect(reviewDesign(design('e', 'e', [], []))).toEqual([]);
	});
});

const all = [bad, ...TEMPLATES.map((t) => t.design), ...CHALLENGES.flatMap((c) => [c.start, c.reference])];

describe('one-click fixes', () => {
	it.each(all.map((d) => [d.id, d] as const))('%s: each fix yields a valid design without that finding', (_id, d) => {
		const before = JSON.stringify(d);
		for (const f of reviewDesign(d)) {
			if (!f.fix) continue;
			const fixed = f.fix.apply(d);
			const r = restoreDesign(fixed);
			expect(r.ok, f.id).toBe(true);
			if (r.ok) expect(r.warnings, f.id).toEqual([]);
			expect(reviewDesign(fixed).map((x) => x.id), f.id).not.toContain(f.id);
		}
		expect(JSON.stringify(d)).toBe(before);
	});

	it('the queue fix turns the slow service into queue-fed workers', () => {
		const f = reviewDesign(bad).find((x) => x.rule === 'sync-slow-call')!;
		const out = f.fix!.apply(bad);
		const q = out.nodes.find((n) => n.kind === 'queue')!;
		expect(out.nodes.find((n) => n.id === 'thumbs')!.kind).toBe('worker');
		expect(out.edges.some((e) => e.source === 'api' && e.target === q.id)).toBe(true);
		expect(out.edges.some((e) => e.source === q.id && e.target === 'thumbs')).toBe(true);
		expect(out.edges.some((e) => e.source === 'api' && e.target === 'thumbs')).toBe(false);
	});
});
