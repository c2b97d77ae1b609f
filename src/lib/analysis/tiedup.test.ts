// @vitest-environment node
// A blocking tier whose workers are stuck waiting on a slow dependency is not short of
// capacity: the summary names the dependency and offers a bulkhead or a timeout, and applied,
// the fix ends the refusals. A tier that is busy working still gets scaled out.
import { describe, expect, it } from 'vitest';
import { analyse } from './bottleneck';
import { applyPatch } from './patch';
import { createSimulation } from '../sim';
import type { Design } from '../model/types';
import { PATTERNS } from '../practice/templates';
import { design, edge, group, node } from '$testing/testkit';

/** Run it as the app does (frames for the fault report) and read the summary. */
function run(d: Design) {
	const sim = createSimulation(d);
	const frames = sim.advance(d.scenario!.durationS);
	const result = sim.result();
	return { result, frames, analysis: analyse(d, result, undefined, { frames, events: d.scenario!.events }) };
}
const gallery = (fixed: boolean) => structuredClone(PATTERNS.find((p) => p.id === 'pattern-pool-exhaustion')!.build(fixed));
const labels = (a: ReturnType<typeof analyse>) => a.suggestions.map((s) => s.label).join('\n');

/** Pages (static) and reads into a blocking web tier; reads call `profile`, pages call `assets`. */
const twoDeps = (web: Record<string, unknown>, events: Design['scenario'] extends infer S ? S extends { events: infer E } ? E : never : never, profileMs = 30) =>
	design(
		[
			node('pages', 'client', { rps: 300, mix: { static: 1, read: 0, write: 0 }, timeoutMs: 1000 }),
			node('readers', 'client', { rps: 300, mix: { static: 0, read: 1, write: 0 }, timeoutMs: 1000 }),
			node('web', 'service', { instances: 2, concurrency: 16, serviceTimeMs: 1, queueLimit: 50, blocking: true, ...web }),
			node('assets', 'service', group(2, 100, 5)),
			node('profile', 'service', group(2, 100, profileMs))
		],
		[edge('pages', 'web'), edge('readers', 'web'), edge('web', 'assets', { carries: ['static'] }), edge('web', 'profile', { carries: ['read'] })],
		{ durationS: 40, events }
	);

describe('a blocking tier tied up by a slow dependency', () => {
	it('the gallery’s broken pool: names the slowed database and offers a bulkhead, not "scale it out"', () => {
		const d = gallery(false);
		const { result, analysis } = run(d);
		expect(result.nodes.web.failed.rejected).toBeGreaterThan(3000);
		expect(result.nodes.web.heldShare).toBeGreaterThan(0.8);
		expect(analysis.bottleneck?.nodeId).toBe('web');
		expect(analysis.bottleneck?.reason).toMatch(
			/^Web \(blocking\)'s workers were tied up waiting on Database \(slowed ×100 at 10 s\): \d+% of Web \(blocking\)'s busy time was waiting on it, .*Give each dependency its own connection pool \(a bulkhead\) or a shorter timeout on Web \(blocking\) → Database$/
		);
		expect(labels(analysis)).not.toMatch(/Scale|autoscaling|workers per instance/);
		const dbEdge = d.edges.find((e) => e.target === 'db')!;
		const [bulkhead, timeout] = analysis.suggestions;
		expect(bulkhead.label).toBe('Give Web (blocking) → Database its own pool of 16 connections per instance, no wait');
		expect(bulkhead.patch).toEqual({ op: 'setEdgeParams', edgeId: dbEdge.id, params: { pool: { enabled: true, size: 16, waitTimeoutMs: 0 } } });
		expect(timeout.patch).toMatchObject({ op: 'setEdgeParams', edgeId: dbEdge.id, params: { timeoutMs: expect.any(Number) } });
		// Applied: the web tier refuses nothing, the reads fail fast at the pool instead, more succeed.
		const after = run(applyPatch(d, bulkhead.patch));
		expect(after.result.nodes.web.failed.rejected).toBe(0);
		expect(after.result.global.successRatio).toBeGreaterThan(result.global.successRatio + 0.05);
		expect(after.analysis.bottleneck?.reason).toMatch(/a bulkhead/);
		expect(after.analysis.bottleneck?.reason).not.toMatch(/tied up waiting/);
	});

	it('the timeout fix, applied: the workers come back, and the summary says the slowed database is what fails', () => {
		const d = gallery(false);
		const before = run(d);
		const timeout = before.analysis.suggestions.find((s) => /^Time out/.test(s.label))!;
		expect(timeout.label).toMatch(/^Time out Web \(blocking\) → Database after \d+ ms$/);
		const after = run(applyPatch(d, timeout.patch));
		expect(after.result.nodes.web.failed.rejected).toBe(0);
		expect(after.result.global.successRatio).toBeGreaterThan(before.result.global.successRatio + 0.05);
		expect(after.analysis.bottleneck?.reason).toMatch(
			/^Web \(blocking\) → Database timed out [\d,]+ calls \(\d+% of all\) after Database slowed ×100 at 10 s: the \d+ ms timeout gave Web \(blocking\)'s workers back/
		);
		expect(labels(after.analysis)).not.toMatch(/Scale|autoscaling/);
	});

	it('the gallery’s fix gets no such advice: its pool is the bulkhead', () => {
		const { analysis } = run(gallery(true));
		expect(analysis.bottleneck?.reason).not.toMatch(/tied up waiting/);
		expect(labels(analysis)).not.toMatch(/own pool|Time out/);
	});

	it('two dependencies, one slowed ×10, no pools: the slowed one is named, and its own pool saves the other path', () => {
		const d = twoDeps({}, [{ atS: 10, action: 'slow', target: 'profile', factor: 10 }]);
		const { analysis } = run(d);
		expect(analysis.bottleneck?.reason).toMatch(/^web's workers were tied up waiting on profile \(slowed ×10 at 10 s\): \d+% of web's busy time/);
		const fix = analysis.suggestions[0];
		expect(fix.patch).toEqual({ op: 'setEdgeParams', edgeId: 'web-profile', params: { pool: { enabled: true, size: 8, waitTimeoutMs: 0 } } });
		const pages = (fs: ReturnType<typeof run>['frames']) => {
			const w = fs.filter((f) => f.t > 12);
			return w.reduce((a, f) => a + f.nodes.pages.completed, 0) / w.reduce((a, f) => a + f.nodes.pages.arrived, 0);
		};
		expect(pages(run(d).frames)).toBeLessThan(0.5);
		expect(pages(run(applyPatch(d, fix.patch)).frames)).toBeGreaterThan(0.99);
	});

	it('a blocking tier saturated by its own work still gets scaled out', () => {
		// 600 rps × 30 ms of its own on 2 × 8 workers: 18 workers' worth of work for 16.
		const { result, analysis } = run(twoDeps({ concurrency: 8, serviceTimeMs: 30, queueLimit: 20 }, []));
		expect(result.nodes.web.heldShare).toBeLessThan(0.5);
		expect(result.nodes.web.failed.rejected).toBeGreaterThan(0);
		expect(analysis.bottleneck?.reason).toMatch(/^the service is at \d+% utilization: scale it out/);
		expect(analysis.suggestions[0].label).toMatch(/^Scale web out to \d+ instances$/);
	});

	it('workers waiting on a dependency that is healthy, just slow by design, are not "tied up": no fault, no bulkhead', () => {
		// profile answers in its usual 80 ms; web has too few workers for the waits (no fault).
		const { result, analysis } = run(twoDeps({ concurrency: 8 }, [], 80));
		expect(result.nodes.web.heldShare).toBeGreaterThan(0.9);
		expect(result.nodes.web.failed.rejected).toBeGreaterThan(0);
		expect(analysis.bottleneck?.reason).not.toMatch(/tied up waiting/);
		expect(labels(analysis)).toMatch(/Double the workers per instance of web/);
	});
});
