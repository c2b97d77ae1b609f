// @vitest-environment node
// Overload mechanisms against their closed forms: retries multiply work by 1 + N under total
// failure and a budget caps them at burst + rate·T; LIFO keeps goodput where FIFO collapses;
// closed-loop clients obey the interactive response-time law X = N/(R + Z); contention
// gives Amdahl's throughput c / (S·(1 + α(c − 1))).
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import type { MetricsFrame } from './types';
import { BIG, design, edge, group, node, readClient } from './testkit';

const sum = (fs: MetricsFrame[], from: number, to: number, f: (x: MetricsFrame) => number) =>
	fs.filter((x) => x.t > from && x.t <= to).reduce((a, x) => a + f(x), 0);

describe('retries', () => {
	const failing = (edgeParams: Record<string, unknown>) =>
		design(
			[node('users', 'client', readClient(200)), node('api', 'service', group(2, 16, 5))],
			[edge('users', 'api', { backoffMs: 10, ...edgeParams })],
			{ durationS: 30, events: [{ atS: 0, action: 'errorRate', target: 'api', rate: 1 }] }
		);

	it('multiply the work by exactly 1 + N when every attempt fails', () => {
		for (const N of [1, 3]) {
			const r = simulate(failing({ retries: N }));
			// Requests still backing off at the end have not made all their attempts yet.
			const inFlight = r.global.arrived - r.global.completed - Object.values(r.global.failed).reduce((a, b) => a + b, 0);
			expect(r.nodes.api.arrived).toBeLessThanOrEqual((1 + N) * r.nodes.users.arrived);
			expect(r.nodes.api.arrived).toBeGreaterThanOrEqual((1 + N) * (r.nodes.users.arrived - inFlight) );
		}
	});

	it('a retry budget lets through at most burst + rate·T retries in an outage', () => {
		const r = simulate(failing({ retries: 3, retryBudget: { enabled: true, burst: 20, ratePerS: 5, perSuccess: 0.1 } }));
		const retries = r.nodes.api.arrived - r.nodes.users.arrived;
		expect(retries).toBeLessThanOrEqual(20 + 5 * 30);
		expect(retries).toBeGreaterThanOrEqual(20 + 5 * 30 - 2);
	});

	it('retry only what is worth retrying: "timeouts" leaves 5xx alone', () => {
		const r = simulate(failing({ retries: 3, retryOn: 'timeouts' }));
		expect(r.nodes.api.arrived).toBe(r.nodes.users.arrived);
	});

	it('full jitter waits a uniform share of the capped backoff (mean half of it)', () => {
		// One retry after a 100 ms backoff on a 5xx: the request's extra time is the wait.
		const run = (jitter: string) =>
			simulate(
				design(
					[node('users', 'client', readClient(200)), node('api', 'service', group(2, 64, 0.001, { serviceDist: 'constant' }))],
					[edge('users', 'api', { retries: 1, backoffMs: 100, jitter })],
					{ durationS: 30, events: [{ atS: 0, action: 'errorRate', target: 'api', rate: 0.5 }] }
				)
			);
		const full = run('full'), none = run('none');
		// Successful requests: half on the first try (≈0 ms), a quarter after one wait.
		// Mean over successes = (1/3)·wait with wait = 100 (none) or 50 on average (full).
		expect(none.global.latency.mean).toBeGreaterThan(31);
		expect(none.global.latency.mean).toBeLessThan(36);
		expect(full.global.latency.mean).toBeGreaterThan(14);
		expect(full.global.latency.mean).toBeLessThan(19);
		expect(none.global.latency.max).toBeLessThan(101);
	});
});

describe('queue order under overload', () => {
	// 120 rps at a service that can do 100/s (4 workers × 40 ms); callers give up after 500 ms.
	const overloaded = (overload: Record<string, unknown>) => {
		const fs: MetricsFrame[] = [];
		simulate(
			design(
				[node('users', 'client', readClient(120, { timeoutMs: 500 })), node('api', 'service', group(1, 4, 40, { overload }))],
				[edge('users', 'api')],
				{ durationS: 60 }
			),
			{ onFrame: (f) => fs.push(f) }
		);
		// Goodput: answers the callers were still waiting for, per second, over the last 30 s.
		return sum(fs, 30, 60, (f) => f.global.completed) / 30;
	};

	it('FIFO collapses: every answer comes too late; LIFO keeps most of the capacity as goodput', () => {
		const fifo = overloaded({ discipline: 'fifo' });
		const lifo = overloaded({ discipline: 'lifo' });
		expect(fifo).toBeLessThan(5);
		expect(lifo).toBeGreaterThan(75);
	});

	it('adaptive (CoDel-like) and dropping abandoned work both restore goodput', () => {
		expect(overloaded({ discipline: 'adaptive', standingTimeoutMs: 100 })).toBeGreaterThan(75);
		// FIFO with deadline propagation still serves requests near the end of their patience,
		// so some expire in service: about half the capacity comes back, against ~0.
		expect(overloaded({ discipline: 'fifo', dropAbandoned: true })).toBeGreaterThan(40);
	});
});

describe('closed-loop clients', () => {
	const closed = (users: number, thinkMs: number, api: Record<string, unknown>) =>
		simulate(
			design([node('users', 'client', readClient(0, { loop: 'closed', users, thinkMs })), node('api', 'service', api)], [edge('users', 'api')], {
				durationS: 200,
				warmupS: 20
			})
		);

	it('obey the interactive response-time law X = N / (R + Z), light or saturated', () => {
		for (const [N, Z, api] of [
			[50, 1000, group(1, 8, 20)],
			[200, 500, group(1, 8, 20)]
		] as const) {
			const r = closed(N, Z, api);
			const X = r.global.servedRps, R = r.global.latency.mean / 1000;
			expect(Math.abs(X - N / (R + Z / 1000)) / X).toBeLessThan(0.03);
		}
		// Saturated (N/Z far above capacity 8/0.02 = 400/s): X is the capacity.
		const sat = closed(200, 100, group(1, 8, 20));
		expect(Math.abs(sat.global.servedRps - 400) / 400).toBeLessThan(0.03);
	});

	it('contention: saturated throughput is c / (S·(1 + α(c − 1)))', () => {
		const r = closed(100, 0, group(1, 8, 10, { serviceDist: 'constant', overload: { contention: 0.1 } }));
		const expected = 8 / (0.01 * (1 + 0.1 * 7));
		expect(Math.abs(r.global.servedRps - expected) / expected).toBeLessThan(0.01);
	});
});

describe('GC pressure', () => {
	it('pauses come faster as the queue grows: mean latency rises above the plain M/M/c figure', () => {
		const run = (gc: Record<string, unknown>) =>
			simulate(design([node('users', 'client', readClient(150)), node('api', 'service', group(1, 4, 20, { gc, queueLimit: BIG }))], [edge('users', 'api')], { durationS: 60, warmupS: 5 }));
		const plain = run({ enabled: false });
		const idle = run({ enabled: true, pauseMs: 100, everyS: 1e6, perQueued: 0 });
		const pressure = run({ enabled: true, pauseMs: 100, everyS: 10, perQueued: 0.05 });
		// Same model, another random path (the GC ticks draw numbers): within sampling error.
		expect(Math.abs(idle.global.latency.mean / plain.global.latency.mean - 1)).toBeLessThan(0.15);
		expect(pressure.global.latency.mean).toBeGreaterThan(1.5 * plain.global.latency.mean);
	});
});
