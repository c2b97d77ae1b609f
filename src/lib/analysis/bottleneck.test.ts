import { describe, expect, it } from 'vitest';
import { analyse, findBottleneck, readShare } from './bottleneck';
import { applyPatch } from './patch';
import { chainDesign } from '$testing/testDesign';
import type { NodeResult, SimResult } from '../sim/types';
import type { Design } from '../model/types';

const stat = (p99: number) => ({ mean: p99 / 3, p50: p99 / 4, p95: p99 / 2, p99, max: p99 * 2 });
const zero = { rejected: 0, 'rate-limited': 0, timeout: 0, unavailable: 0, lost: 0, 'pool-timeout': 0 };
function node(utilization: number, failed: Partial<typeof zero> = {}): NodeResult {
	return { arrived: 1000, completed: 1000, failed: { ...zero, ...failed }, utilization, meanQueue: 0, waitRatio: 0, latency: stat(10) };
}
function result(nodes: Record<string, NodeResult>, g: { successRatio?: number; p99?: number } = {}): SimResult {
	return {
		durationS: 60,
		warmupS: 5,
		seed: 1,
		events: 1,
		global: { offeredRps: 100, servedRps: 100, arrived: 10000, completed: 10000, failed: { ...zero }, successRatio: g.successRatio ?? 1, latency: stat(g.p99 ?? 50), latencyByType: {}, costPerMonth: 321 },
		nodes
	};
}
const design = (): Design => {
	const d = chainDesign();
	d.nodes[2].label = 'Database';
	return d;
};

describe('bottleneck analysis', () => {
	it('names a saturated database in the textbook words and offers cache, replica, scale', () => {
		const d = design();
		const a = analyse(d, result({ web: node(0.4), db: node(0.97) }, { successRatio: 0.95, p99: 900 }));
		expect(a.met).toBe(false);
		expect(a.checks.map((c) => c.met)).toEqual([false, false]);
		expect(a.bottleneck?.nodeId).toBe('db');
		expect(a.bottleneck?.reason).toBe('the database is at 97% utilization: add read replicas or a cache for the 90% reads');
		expect(a.suggestions.map((s) => s.label)).toEqual(['Add a cache in front of Database', 'Add a read replica of Database', 'Scale Database out to 2 instances']);
	});
	it('each suggestion applies as a patch that leaves the original untouched', () => {
		const d = design();
		const before = JSON.stringify(d);
		const a = analyse(d, result({ web: node(0.4), db: node(0.97) }));
		const cached = applyPatch(d, a.suggestions[0].patch);
		expect(cached.nodes.find((n) => n.kind === 'cache')).toBeTruthy();
		expect(cached.edges).toContainEqual(expect.objectContaining({ source: 'web', target: 'cache' }));
		const replica = applyPatch(d, a.suggestions[1].patch);
		const f = replica.nodes.find((n) => n.params.role === 'follower')!;
		expect(replica.edges).toContainEqual(expect.objectContaining({ source: 'db', target: f.id }));
		expect(applyPatch(d, a.suggestions[2].patch).nodes.find((n) => n.id === 'db')!.params.instances).toBe(2);
		expect(JSON.stringify(d)).toBe(before);
	});
	it('a saturated web tier: scale out to about 60% utilization, then autoscale', () => {
		const a = analyse(design(), result({ web: node(0.95), db: node(0.3) }));
		expect(a.bottleneck?.reason).toMatch(/web tier|service/);
		expect(a.suggestions[0].patch).toEqual({ op: 'setParams', nodeId: 'web', params: { instances: 4 } });
		const auto = applyPatch(design(), a.suggestions[1].patch).nodes[1].params.autoscale as Record<string, unknown>;
		expect(auto.enabled).toBe(true);
	});
	it('a write-heavy database is told to shard', () => {
		const d = design();
		d.nodes[0].params.mix = { static: 0, read: 0.2, write: 0.8 };
		expect(readShare(d)).toBeCloseTo(0.2);
		expect(findBottleneck(d, result({ web: node(0.2), db: node(0.99) }))?.reason).toMatch(/80% writes: shard/);
	});
	it('a node down (not busy) is named for its outage, not the callers its failures pass through', () => {
		const down = { unavailable: 500 };
		const r = result({ client: node(0, down), web: node(0.1, down), db: node(0.1, down) });
		r.global.failed.unavailable = 500;
		const b = findBottleneck(design(), r);
		expect(b?.nodeId).toBe('db');
		expect(b?.reason).toMatch(/unavailable for 500 requests/);
	});
	it('failures the design absorbs (a dead cache whose misses the database serves) are not a bottleneck', () => {
		const b = findBottleneck(design(), result({ web: node(0.3), db: node(0.5, { unavailable: 900 }) }));
		expect(b?.limiting).toBe(false);
		expect(b?.nodeId).toBe('db');
	});
	it('a healthy design meets its goals and says nothing is saturated', () => {
		const a = analyse(design(), result({ web: node(0.3), db: node(0.5) }));
		expect(a.met).toBe(true);
		expect(a.bottleneck?.limiting).toBe(false);
		expect(a.bottleneck?.reason).toMatch(/nothing is saturated/);
		expect(a.costPerMonth).toBe(321);
	});
});
