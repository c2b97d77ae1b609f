// @vitest-environment node
// Sticky sessions (sessions.ts): with `stateful` on, a returning user whose request lands
// on another instance is signed out (`lost`). Uniform picking over k live instances sends a
// returning user elsewhere with probability 1 − 1/k; ip-hash keeps every user home; an
// instance's death loses its sessions; with `stateful` off nothing is lost.
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import type { ScenarioEvent } from '$lib/model/types';
import { design, edge, group, node, readClient } from '$testing/testkit';

const USERS = 200;
const run = (algorithm: string, stateful: boolean, instances = 4, events: ScenarioEvent[] = [], durationS = 60) =>
	simulate(
		design(
			[
				node('c', 'client', readClient(400, { keys: USERS, zipf: 0 })),
				node('lb', 'loadBalancer', { algorithm, healthCheckS: 1 }),
				node('web', 'service', group(instances, 8, 5, { stateful }))
			],
			[edge('c', 'lb'), edge('lb', 'web')],
			{ durationS, warmupS: 5, seed: 3, events }
		)
	);

describe('sticky sessions', () => {
	it('random picking over k instances loses a returning user\'s session with probability 1 − 1/k', () => {
		for (const k of [2, 4, 8]) {
			const r = run('random', true, k);
			const n = r.nodes.web.arrived;
			const lost = r.nodes.web.failed.lost;
			// After the warm-up every one of the 200 users has a session: each arrival is a
			// return, a Bernoulli trial with p = 1 − 1/k. Allow 4 binomial standard errors.
			const p = 1 - 1 / k;
			expect(Math.abs(lost / n - p), `k = ${k}: ${lost} of ${n}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
			expect(r.global.failed.lost).toBe(lost);
		}
	});

	it('round robin fails the same share (1 − 1/k)', () => {
		const r = run('round-robin', true, 4);
		const share = r.nodes.web.failed.lost / r.nodes.web.arrived;
		expect(Math.abs(share - 0.75)).toBeLessThan(0.02);
	});

	it('ip-hash keeps every user on their instance: no session is lost', () => {
		const r = run('ip-hash', true, 4);
		expect(r.nodes.web.failed.lost).toBe(0);
		expect(r.global.successRatio).toBe(1);
	});

	it('an instance that dies loses its sessions: its users sign in once elsewhere, then stay', () => {
		// ip-hash; instance 0 dies at 20 s and stays down. Its users (about a quarter) are
		// rehashed over the three live instances once the health check (1 s) notices: each
		// loses its session once, on its first request there.
		const r = run('ip-hash', true, 4, [{ atS: 20, action: 'failInstance', target: 'web', instance: 0 }]);
		const lost = r.nodes.web.failed.lost;
		expect(lost).toBeGreaterThan(USERS / 4 / 2);
		expect(lost).toBeLessThanOrEqual(USERS / 4 + 15);
		// Without stateful sessions the same death costs only the requests it caught.
		expect(run('ip-hash', false, 4, [{ atS: 20, action: 'failInstance', target: 'web', instance: 0 }]).nodes.web.failed.lost).toBe(0);
	});

	it('stateful off: nobody is signed out, even under round robin', () => {
		const off = run('round-robin', false, 4);
		expect(off.nodes.web.failed.lost).toBe(0);
		expect(off.global.successRatio).toBe(1);
	});

	it('a lost session is not retried (signing in again elsewhere cannot bring it back)', () => {
		const r = simulate(
			design(
				[
					node('c', 'client', readClient(400, { keys: USERS, zipf: 0 })),
					node('lb', 'loadBalancer', { algorithm: 'round-robin' }),
					node('web', 'service', group(4, 8, 5, { stateful: true }))
				],
				[edge('c', 'lb', { retries: 3 }), edge('lb', 'web')],
				{ durationS: 30, warmupS: 0, seed: 3 }
			)
		);
		expect(r.nodes.lb.arrived).toBe(r.nodes.c.arrived);
	});
});
