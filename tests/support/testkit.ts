// Design builders for tests and examples: a few lines per scenario instead of JSON walls.
import type { Design, DesignEdge, DesignNode, NodeKind, Params, ScenarioEvent } from '$lib/model/types';

export const BIG = 1_000_000;

export function node(id: string, kind: NodeKind, params: Params = {}, region?: string): DesignNode {
	const n: DesignNode = { id, kind, position: { x: 0, y: 0 }, params };
	if (region) n.region = region;
	return n;
}

export function edge(source: string, target: string, params: Params = {}): DesignEdge {
	return { id: `${source}-${target}`, source, target, params: { latencyMs: 0, ...params } };
}

export function design(
	nodes: DesignNode[],
	edges: DesignEdge[],
	scenario: { durationS?: number; warmupS?: number; seed?: number; events?: ScenarioEvent[] } = {},
	extra: Partial<Design> = {}
): Design {
	return {
		format: 'loadbearing/design',
		version: 1,
		id: 'test',
		name: 'test',
		nodes,
		edges,
		scenario: { durationS: 60, warmupS: 0, seed: 1, events: [], ...scenario },
		...extra
	};
}

/** A client sending reads only, Poisson, no timeout in practice. */
export function readClient(rps: number, extra: Params = {}): Params {
	return { rps, mix: { static: 0, read: 1, write: 0 }, timeoutMs: 1e9, ...extra };
}

/** A server group with unbounded queues by default. */
export function group(instances: number, concurrency: number, serviceTimeMs: number, extra: Params = {}): Params {
	return { instances, concurrency, serviceTimeMs, queueLimit: BIG, ...extra };
}
