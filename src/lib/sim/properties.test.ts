// @vitest-environment node
// Properties over random small designs (fast-check): conservation at every frame,
// determinism bit for bit, and no NaN or negative figure anywhere.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from './index';
import { SCENARIO_ACTIONS, type Design, type DesignEdge, type DesignNode, type NodeKind, type ScenarioEvent } from '../model/types';
import { FAULTS, faultDefaults } from '../model/faults';
import type { MetricsFrame, SimResult } from './types';
import { checkDesign } from './check';

const DOWNSTREAM: NodeKind[] = ['dns', 'geoDns', 'cdn', 'loadBalancer', 'apiGateway', 'rateLimiter', 'service', 'worker', 'cache', 'database', 'kvStore', 'objectStore', 'queue'];

/** A random acyclic design: a client, then nodes that only call nodes after them. */
const arbDesign = fc
	.record({
		kinds: fc.array(fc.constantFrom(...DOWNSTREAM), { minLength: 1, maxLength: 6 }),
		rps: fc.integer({ min: 1, max: 400 }),
		mix: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
		links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 })), { maxLength: 12 }),
		instances: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 7, maxLength: 7 }),
		service: fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { minLength: 7, maxLength: 7 }),
		queueLimit: fc.integer({ min: 0, max: 50 }),
		timeoutMs: fc.integer({ min: 5, max: 2000 }),
		events: fc.array(
			fc.record({
				atS: fc.double({ min: 0, max: 6, noNaN: true }),
				action: fc.constantFrom(...SCENARIO_ACTIONS),
				which: fc.nat(),
				factor: fc.double({ min: 0.1, max: 5, noNaN: true })
			}),
			{ maxLength: 4 }
		),
		failures: fc.boolean(),
		stateful: fc.boolean(),
		seed: fc.integer({ min: 0, max: 1000 })
	})
	.map((g): Design => {
		const nodes: DesignNode[] = [
			{ id: 'c', kind: 'client', position: { x: 0, y: 0 }, params: { rps: g.rps, mix: { static: g.mix[0], read: g.mix[1], write: g.mix[2] }, keys: 50, timeoutMs: g.timeoutMs } }
		];
		g.kinds.forEach((kind, i) => {
			const params: Record<string, unknown> = { instances: g.instances[i], serviceTimeMs: g.service[i], queueLimit: g.queueLimit, readMs: g.service[i], writeMs: g.service[i] };
			if (kind === 'database' && i % 2 === 1) params.role = 'follower';
			if (kind === 'queue') Object.assign(params, { ordering: g.seed % 2 === 1 ? 'per-partition' : 'none', partitions: 1 + (g.seed % 4), visibilityTimeoutS: [0.005, 0.02, 0][g.seed % 3], maxReceives: g.seed % 3 });
			if (kind === 'worker') params.consumerGroup = 1 + (i % 2);
			// Services and caches under dependency trouble (pools are on edges, below).
			if (i % 2 === 0) params.blocking = true;
			if (i % 3 === 0) params.overload = { dropAbandoned: true };
			if (kind === 'cache') Object.assign(params, { coalesce: i % 2 === 0, swrS: i % 3 === 1 ? 1 : 0, ttlS: 1, strategy: i % 4 === 1 ? 'read-through' : 'cache-aside' });
			if (g.failures && i === 0) params.failures = { enabled: true, mtbfS: 2, mttrS: 0.5 };
			if (kind === 'service' && g.stateful) params.stateful = true;
			nodes.push({ id: `n${i}`, kind, position: { x: 0, y: 0 }, params, region: i % 3 === 2 ? 'eu-west' : 'us-east' });
		});
		const edges: DesignEdge[] = [{ id: 'e0', source: 'c', target: 'n0', params: { latencyMs: 0.5 } }];
		const seen = new Set(['c>n0']);
		for (const [a, b, r] of g.links) {
			const from = a % (g.kinds.length + 1), to = 1 + (b % g.kinds.length);
			if (to <= from) continue;
			const s = from === 0 ? 'c' : `n${from - 1}`, t = `n${to - 1}`;
			if (seen.has(`${s}>${t}`)) continue;
			seen.add(`${s}>${t}`);
			edges.push({ id: `e${edges.length}`, source: s, target: t, params: { latencyMs: r, retries: r % 2, timeoutMs: r === 3 ? 50 : 0, breaker: { enabled: r === 2 }, pool: { enabled: (a + b) % 3 === 0, size: 1 + (a % 3), waitTimeoutMs: (b % 3) * 20 } } });
		}
		const events: ScenarioEvent[] = g.events.map((e) => ({
			...faultDefaults(e.action),
			atS: e.atS,
			action: e.action,
			target:
				FAULTS[e.action].needs === 'edge'
					? `e${e.which % edges.length}`
					: e.action === 'hotKey'
						? 'c'
						: e.which % 5 === 4
							? 'eu-west'
							: `n${e.which % g.kinds.length}`,
			peer: `n${(e.which + 1) % g.kinds.length}`,
			rate: Math.min(0.9, e.factor / 5),
			factor: e.factor,
			durationS: 1,
			regions: ['us-east', 'eu-west']
		}));
		return { format: 'loadbearing/design', version: 1, id: 'p', name: 'p', nodes, edges, regions: [{ id: 'us-east', name: 'US' }, { id: 'eu-west', name: 'EU' }], scenario: { durationS: 6, warmupS: 1, seed: g.seed, events } };
	});

function badNumbers(x: unknown, path = ''): string[] {
	if (typeof x === 'number') return Number.isFinite(x) && x >= 0 ? [] : [`${path} = ${x}`];
	if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => badNumbers(v, `${path}.${k}`));
	return [];
}

describe('properties over random designs', () => {
	it('conservation at every frame, determinism, no NaN or negative figure', () => {
		fc.assert(
			fc.property(arbDesign, (d) => {
				expect(checkDesign(d)).toEqual([]);
				const frames: MetricsFrame[] = [];
				const r: SimResult = simulate(d, { onFrame: (f) => frames.push(f) });
				expect(badNumbers(r)).toEqual([]);
				let arrived = 0, ended = 0;
				for (const f of frames) {
					expect(badNumbers(f)).toEqual([]);
					arrived += f.global.arrived;
					ended += f.global.completed + Object.values(f.global.failed).reduce((a, b) => a + b, 0);
					// arrived = completed + failed + in flight, cumulatively, at every frame
					expect(arrived).toBe(ended + f.global.inFlight);
					for (const nf of Object.values(f.nodes)) expect(nf.utilization).toBeLessThanOrEqual(1);
				}
				expect(simulate(d)).toEqual(r);
			}),
			{ numRuns: 60 }
		);
	});

	it('a different seed gives different numbers', () => {
		const d: Design = {
			format: 'loadbearing/design', version: 1, id: 'x', name: 'x',
			nodes: [{ id: 'c', kind: 'client', position: { x: 0, y: 0 }, params: { rps: 200 } }, { id: 's', kind: 'service', position: { x: 0, y: 0 }, params: {} }],
			edges: [{ id: 'e', source: 'c', target: 's', params: {} }]
		};
		expect(simulate(d, { seed: 1, durationS: 5 }).global.latency).not.toEqual(simulate(d, { seed: 2, durationS: 5 }).global.latency);
	});
});
