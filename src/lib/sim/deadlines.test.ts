// @vitest-environment node
// Deadlines carried with requests: the client's deadline (send + timeout) travels to every
// hop, and a server that drops abandoned work serves no request whose client gave up —
// whether the request waited in its queue or found a worker free on arrival.
import { describe, expect, it } from 'vitest';
import { createSimulation } from './index';
import type { Run } from './run';
import type { NodeRt } from './compile';
import { design, edge, group, node } from '$testing/testkit';

const TIMEOUT_S = 0.1;

/** Client (100 ms timeout) → s1 (one worker at ρ = 0.9: about 1 in 9 requests outlives its client there) → s2 (idle, fast). */
const chain = (drop: boolean) =>
	design(
		[
			node('users', 'client', { rps: 200, mix: { static: 0, read: 1, write: 0 }, timeoutMs: TIMEOUT_S * 1000 }),
			node('s1', 'service', group(1, 1, 4.5)),
			node('s2', 'service', group(1, 64, 1, { overload: { dropAbandoned: drop } }))
		],
		[edge('users', 's1'), edge('s1', 's2')],
		{ durationS: 60 }
	);

/** Runs the chain and counts services started at s2 for requests whose client had given up (an oracle apart from the simulator's own check). */
function servedForNobody(drop: boolean) {
	const run = createSimulation(chain(drop)) as Run;
	const s = run.s;
	const s2 = s.cx.byId.get('s2')!;
	let late = 0, started = 0;
	const start = s.startService.bind(s);
	s.startService = (n: NodeRt, i: number, c: number) => {
		if (n.idx === s2) {
			started++;
			const p1 = s.cParent[c];
			const root = p1 >= 0 ? s.cParent[p1] : -1;
			// The client gave up: its request was cut loose, or its deadline has come.
			if (p1 < 0 || root < 0 || s.now >= s.cStart[root] + TIMEOUT_S) late++;
		}
		start(n, i, c);
	};
	run.advance(60);
	return { late, started, result: run.result() };
}

describe('deadlines carried with requests', () => {
	it('without dropping, the second service works for clients that already gave up', () => {
		const { late } = servedForNobody(false);
		expect(late).toBeGreaterThan(100);
	});

	it('with drop-abandoned on the second service, none of its work is for a client that gave up', () => {
		const { late, started, result } = servedForNobody(true);
		expect(started).toBeGreaterThan(9000);
		expect(late).toBe(0);
		// What it refused, it counted as timeouts at s2.
		expect(result.nodes.s2.failed.timeout).toBeGreaterThan(100);
	});
});
