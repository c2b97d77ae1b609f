// @vitest-environment node
// The run summary names the fault (issue 9): kill the leader, flush the cache and triple the
// traffic; every failed request is put down to a part, a reason and a fault; each fault has
// its line with numbers that agree with the frames; "met the goals" only when nothing is saturated.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/index';
import type { MetricsFrame } from '../sim/types';
import { shop, THREE_FAULTS } from '$testing/threeFaults';
import { faultReport } from './faults';
import { analyse, findBottleneck } from './bottleneck';

function run(d = shop()) {
	const sim = createSimulation(d);
	const frames: MetricsFrame[] = sim.advance(d.scenario!.durationS);
	return { result: sim.result(), frames };
}

describe('the fault report', () => {
	const d = shop();
	const { result, frames } = run(d);
	const report = faultReport(d, result, frames, THREE_FAULTS);
	const counted = frames.filter((f) => f.t > 5);

	it('has one line per injected fault, naming its node, with numbers from the run', () => {
		expect(report.faults.map((f) => f.nodeId)).toEqual(['db', 'cache', '']);
		const leader = report.faults[0].text;
		const m = leader.match(/^Leader db down at 20 s: ([\d,]+) writes unavailable for ([\d.]+) s until f1 was promoted; ([\d,]+) writes lost$/);
		expect(m, leader).not.toBeNull();
		const promotedAt = frames.find((f) => f.t > 20 && f.nodes.f1.leader === 1)!.t;
		const writes = frames.filter((f) => f.t > 20 && f.t <= promotedAt).reduce((a, f) => a + f.nodes.db.failed.unavailable, 0);
		expect(Number(m![1].replace(/,/g, ''))).toBe(writes);
		expect(Number(m![2])).toBeCloseTo(promotedAt - 20, 5);
		expect(Number(m![3].replace(/,/g, ''))).toBe(result.nodes.db.lostWrites);
		expect(report.faults[1].text).toMatch(/^Cache flushed at 25 s: hit ratio fell from \d+% to \d+%/);
		expect(report.faults[2].text).toMatch(/^Traffic ×3 for 15 s at 30 s: offered [\d,]+ rps \(was [\d,]+\)/);
	});

	it('puts every failed request down to a cause, the costliest first', () => {
		const failures = report.causes.filter((c) => c.reason !== 'slow');
		const total = Object.values(result.global.failed).reduce((a, b) => a + b, 0);
		expect(total).toBeGreaterThan(100);
		const attributed = failures.reduce((a, c) => a + c.count, 0);
		expect(Math.abs(attributed - counted.reduce((a, f) => a + Object.values(f.global.failed).reduce((x, y) => x + y, 0), 0))).toBeLessThan(1e-6 * total + failures.length);
		for (let i = 1; i < failures.length; i++) expect(failures[i - 1].count).toBeGreaterThanOrEqual(failures[i].count);
		expect(failures[0].text).toMatch(/^[\d,]+ requests (rejected|timed out|unavailable|lost)/);
		// A count of one reads as one request (the summary once said "1 requests timed out").
		for (const c of failures) expect(c.text.startsWith(Math.round(c.count) === 1 ? '1 request ' : `${c.text.split(' ')[0]} requests `), c.text).toBe(true);
		// The faults' shares add up to what failed while they were in force.
		expect(report.faults.reduce((a, f) => a + f.failed, 0)).toBeLessThanOrEqual(Math.round(attributed) + report.faults.length);
	});

	it('does not say "met the goals" while a part is saturated, and leads with the costliest cause', () => {
		const a = analyse(d, result, undefined, { frames, events: THREE_FAULTS });
		expect(report.saturated).toContain('web');
		expect(a.met).toBe(false);
		expect(a.bottleneck?.nodeId).toBe(report.causes[0].nodeId);
		expect(a.report?.faults).toHaveLength(3);
	});
});

describe('wording', () => {
	it('a saturated worker group "is at", not "are at"', () => {
		const d = shop([]);
		const { result } = run(d);
		result.nodes.worker.utilization = 1;
		for (const id of Object.keys(result.nodes)) if (id !== 'worker') result.nodes[id].utilization = 0.1;
		expect(findBottleneck(d, result)?.reason).toMatch(/^the worker is at 100% utilization/);
	});
});
