// @vitest-environment node
// The sticky-session challenge grades session loss: round robin over stateful servers signs
// most returning users out (1 − 1/8 of the requests), ip-hash keeps them signed in but
// melts the heavy users' server (a half answer), sessions in a shared cache pass.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim';
import { checkedDesign, checkOptions, gradeChallenge } from './grade';
import { stickySessions } from './web';
import type { Design } from '../../model/types';

const grade = (d: Design) => {
	const r = simulate(checkedDesign(stickySessions, d), checkOptions(stickySessions));
	return { r, g: gradeChallenge(stickySessions, r) };
};

describe('sticky sessions challenge', () => {
	it('the start signs out most users under round robin (at most 1 − 1/8 of requests: first visits keep theirs)', () => {
		const { r, g } = grade(stickySessions.start);
		// Of 100,000 Zipf(1.1) users a run meets many only once (their first visit makes the
		// session, nothing to lose), so the share is below 7/8 but well above any goal.
		const share = r.nodes.web.failed.lost / r.nodes.web.arrived;
		expect(share).toBeLessThanOrEqual(7 / 8 + 0.01);
		expect(share).toBeGreaterThan(0.5);
		expect(g.goals.find((x) => x.goal.kind === 'errorBudget')!.met).toBe(false);
	});

	it('ip-hash keeps every session but misses the p99: the heavy users melt their server', () => {
		const ipHash: Design = { ...stickySessions.start, nodes: stickySessions.start.nodes.map((n) => (n.id === 'lb' ? { ...n, params: { ...n.params, algorithm: 'ip-hash' } } : n)) };
		const { r, g } = grade(ipHash);
		expect(r.nodes.web.failed.lost).toBe(0);
		expect(g.passed).toBe(false);
		expect(g.goals.find((x) => x.goal.kind === 'latency')!.met).toBe(false);
	});
});
