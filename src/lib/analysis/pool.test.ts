import { describe, expect, it } from 'vitest';
import { analyse } from './bottleneck';
import { applyPatch } from './patch';
import { poolSizeFor } from './pool';
import { erlangB } from '../sim/theory';
import { createSimulation } from '../sim';
import type { Design } from '../model/types';
import { PATTERNS } from '../practice/templates';

/** 600 rps → web (4 instances) → api over a pooled edge; `api` sets the callee's capacity. */
function pooled(api: Record<string, unknown>, pool: Record<string, unknown>): Design {
	const node = (id: string, kind: Design['nodes'][number]['kind'], params: Record<string, unknown>, x: number) => ({ id, kind, label: id === 'api' ? 'API' : undefined, position: { x, y: 0 }, params });
	return {
		format: 'loadbearing/design',
		version: 1,
		id: 'pool',
		name: 'Pool',
		nodes: [node('users', 'client', { rps: 600 }, 0), node('web', 'service', { instances: 4, serviceTimeMs: 5 }, 200), node('api', 'service', { instances: 1, ...api }, 400)],
		edges: [
			{ id: 'e1', source: 'users', target: 'web', params: {} },
			{ id: 'e2', source: 'web', target: 'api', params: { pool: { enabled: true, ...pool } } }
		],
		scenario: { durationS: 30, warmupS: 5, seed: 1, events: [] }
	};
}

/** Run it as the app does (frames for the fault report) and read the summary. */
function run(d: Design) {
	const sim = createSimulation(d);
	const frames = sim.advance(d.scenario!.durationS);
	const result = sim.result();
	return { result, analysis: analyse(d, result, undefined, { frames, events: d.scenario!.events }) };
}

describe('connection-pool advice', () => {
	it('a pool that refuses calls to an idle dependency is named with its edge, and the fix is a bigger pool', () => {
		// λd = 600/s × 20 ms = 12 calls in flight, 3 per web instance, for 2 connections each.
		const d = pooled({ concurrency: 64, serviceTimeMs: 20 }, { size: 2, waitTimeoutMs: 20 });
		const { result, analysis } = run(d);
		expect(result.global.failed['pool-timeout'] / result.global.arrived).toBeGreaterThan(0.1);
		expect(result.nodes.api.utilization).toBeLessThan(0.5);
		expect(analysis.bottleneck?.nodeId).toBe('web');
		expect(analysis.bottleneck?.limiting).toBe(true);
		expect(analysis.bottleneck?.reason).toMatch(
			/^web → API: the connection pool \(2 per instance, 20 ms wait\) refused [\d,]+ requests \(\d+% of all\) while API was \d+% busy: raise the pool size or the wait$/
		);
		expect(analysis.suggestions.map((s) => s.label).join('\n')).not.toMatch(/Scale|autoscaling/);
		const fix = analysis.suggestions[0];
		expect(fix.label).toMatch(/^Raise the pool of web → API to \d+ connections per instance$/);
		expect(fix.patch).toMatchObject({ op: 'setEdgeParams', edgeId: 'e2' });
		// Applied, the pool keeps its wait and is enabled still; run again, it no longer binds.
		const fixed = applyPatch(d, fix.patch);
		const p = fixed.edges[1].params.pool as Record<string, unknown>;
		expect(p).toMatchObject({ enabled: true, waitTimeoutMs: 20 });
		expect(p.size as number).toBeGreaterThan(3);
		const after = run(fixed);
		expect(after.result.global.failed['pool-timeout'] / after.result.global.arrived).toBeLessThan(0.002);
		expect(after.analysis.bottleneck?.reason ?? '').not.toMatch(/connection pool/);
	});

	it('a pool that has room on average and refuses bursts is also offered a longer wait', () => {
		// 3 calls in flight per instance for 4 connections, no wait: Erlang B(4, 3) ≈ 21% refused.
		const d = pooled({ concurrency: 64, serviceTimeMs: 20 }, { size: 4, waitTimeoutMs: 0 });
		const { analysis } = run(d);
		expect(analysis.bottleneck?.reason).toMatch(/\(4 per instance, no wait\)/);
		const wait = analysis.suggestions.find((s) => /wait up to/.test(s.label));
		expect(wait?.patch).toMatchObject({ op: 'setEdgeParams', edgeId: 'e2', params: { pool: { waitTimeoutMs: expect.any(Number) } } });
		const after = run(applyPatch(d, wait!.patch));
		expect(after.result.global.failed['pool-timeout']).toBeLessThan(run(d).result.global.failed['pool-timeout'] / 5);
	});

	it('refusals behind a saturated dependency still get that tier scaled out, not a bigger pool', () => {
		// The api does at most 8 / 20 ms = 400/s of the 600/s: its calls hold the connections.
		const d = pooled({ concurrency: 8, serviceTimeMs: 20 }, { size: 20, waitTimeoutMs: 20 });
		const { result, analysis } = run(d);
		expect(result.nodes.api.utilization).toBeGreaterThan(0.85);
		expect(result.global.failed['pool-timeout']).toBeGreaterThan(0);
		expect(analysis.bottleneck?.nodeId).toBe('api');
		expect(analysis.bottleneck?.reason).toMatch(/API" is at \d+% utilization: scale it out/);
		expect(analysis.suggestions[0].label).toMatch(/^Scale API out to \d+ instances$/);
		expect(analysis.suggestions.some((s) => s.patch.op === 'setEdgeParams')).toBe(false);
	});

	it('refusals while a fault slows the dependency are the bulkhead at work: no advice to undo it', () => {
		// The gallery's fix: 8 connections per instance that never wait, the database slowed ×100.
		const d = structuredClone(PATTERNS.find((p) => p.id === 'pattern-pool-exhaustion')!.build(true));
		const { result, analysis } = run(d);
		expect(result.global.failed['pool-timeout']).toBeGreaterThan(1000);
		expect(analysis.bottleneck?.reason).toMatch(
			/^Web \(blocking\) → Database: the connection pool \(8 per instance, no wait\) refused [\d,]+ requests \(\d+% of all\) after Database slowed ×100 at 10 s: it kept the slow calls from tying up every worker \(a bulkhead\)/
		);
		expect(analysis.suggestions.some((s) => s.patch.op === 'setEdgeParams')).toBe(false);
	});

	it("sizes the pool for its own caller's calls, not for every caller of the dependency", () => {
		// A second caller, 1,200 batch calls a second to the same API with no pool: the API
		// sees 3× web's calls, but web's pool holds only web's.
		const alone = pooled({ concurrency: 64, serviceTimeMs: 20 }, { size: 2, waitTimeoutMs: 20 });
		const shared = pooled({ concurrency: 64, serviceTimeMs: 20 }, { size: 2, waitTimeoutMs: 20 });
		shared.nodes.push(
			{ id: 'jobs', kind: 'client', position: { x: 0, y: 200 }, params: { rps: 1200 } },
			{ id: 'batch', kind: 'service', position: { x: 200, y: 200 }, params: { instances: 4, serviceTimeMs: 1 } }
		);
		shared.edges.push({ id: 'e3', source: 'jobs', target: 'batch', params: {} }, { id: 'e4', source: 'batch', target: 'api', params: {} });
		const size = (d: Design) => {
			const patch = run(d).analysis.suggestions.map((s) => s.patch).find((p) => p.op === 'setEdgeParams' && p.edgeId === 'e2');
			expect(patch?.op).toBe('setEdgeParams');
			return (patch as unknown as { params: { pool: { size: number } } }).params.pool.size;
		};
		const a = size(alone), b = size(shared);
		// λd per web instance ≈ 3 either way (the API's latency barely moves at 36 of 64 busy).
		expect(Math.abs(b - a)).toBeLessThanOrEqual(1);
		expect(b).toBeLessThan(poolSizeFor(9, 2));
	});

	it('sizes a pool by Erlang B: the smallest that refuses at most 0.1% at the load', () => {
		const k = poolSizeFor(3, 2);
		expect(erlangB(k, 3)).toBeLessThanOrEqual(0.001);
		expect(erlangB(k - 1, 3)).toBeGreaterThan(0.001);
		expect(poolSizeFor(0.01, 5)).toBe(5);
	});
});
