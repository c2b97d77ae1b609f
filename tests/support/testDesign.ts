// Small designs for tests of the run layer.
import type { Design, DesignNode } from '$lib/model/types';

export function chainDesign(extra: Partial<Design> = {}): Design {
	const node = (id: string, kind: DesignNode['kind'], params = {}, x = 0): DesignNode => ({ id, kind, position: { x, y: 0 }, params });
	return {
		format: 'loadbearing/design',
		version: 1,
		id: 't',
		name: 'Test',
		nodes: [node('client', 'client', { rps: 100 }), node('web', 'service', { instances: 2 }, 200), node('db', 'database', {}, 400)],
		edges: [
			{ id: 'e1', source: 'client', target: 'web', params: {} },
			{ id: 'e2', source: 'web', target: 'db', params: {} }
		],
		scenario: { durationS: 10, warmupS: 0, seed: 1, events: [] },
		...extra
	};
}
