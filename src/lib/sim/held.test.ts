// @vitest-environment node
// heldShare: the share of a blocking server's busy worker time spent waiting on downstream
// calls. With constant times and workers to spare a request holds its worker for its own
// service s plus the downstream round trip d + 2L, so the share is (d + 2L) / (s + d + 2L)
// exactly (the only error is the calls still held when the run ends).
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import { design, edge, group, node, readClient } from '$testing/testkit';

const chain = (blocking: boolean, s: number, d: number, L: number) =>
	design(
		[
			node('users', 'client', readClient(200)),
			node('web', 'service', group(2, 1000, s, { serviceDist: 'constant', blocking })),
			node('dep', 'service', group(1, 1000, d, { serviceDist: 'constant' }))
		],
		[edge('users', 'web'), edge('web', 'dep', { latencyMs: L })],
		{ durationS: 60 }
	);

describe('heldShare of a blocking server', () => {
	it.each([
		[10, 40, 0],
		[20, 5, 0],
		[10, 30, 5]
	])('own %d ms, downstream %d ms, wire %d ms each way: (d + 2L) / (s + d + 2L)', (s, d, L) => {
		const r = simulate(chain(true, s, d, L));
		const want = (d + 2 * L) / (s + d + 2 * L);
		expect(r.nodes.web.heldShare).toBeCloseTo(want, 2);
		// Utilization counts the held workers as busy: λ (s + d + 2L) / capacity.
		expect(r.nodes.web.utilization).toBeCloseTo((200 * (s + d + 2 * L)) / 1000 / 2000, 3);
	});

	it('is absent for an event-loop server, whose worker is free while it waits', () => {
		const r = simulate(chain(false, 10, 40, 0));
		expect(r.nodes.web.heldShare).toBeUndefined();
		expect(r.nodes.web.utilization).toBeCloseTo((200 * 0.01) / 2000, 3);
	});
});
