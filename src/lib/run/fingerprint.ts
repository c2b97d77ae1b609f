// What a run depends on, as one string: an edit that changes it makes the run stale (the bar
// offers Restart) and tells saved sweep results from an older version of the design. Pure.
import type { Design } from '../model/types';

/** What a run depends on: everything but where nodes sit and what they are called. */
export function runFingerprint(d: Design): string {
	return JSON.stringify({
		nodes: d.nodes.map((n) => [n.id, n.kind, n.region ?? null, n.params]),
		edges: d.edges.map((e) => [e.id, e.source, e.target, e.params]),
		regions: (d.regions ?? []).map((r) => r.id),
		lat: d.regionLatencyMs ?? null,
		prices: d.prices ?? null,
		// How many seeds a Run covers does not change what the live run (the first seed) shows.
		scenario: d.scenario ? { ...d.scenario, runs: undefined } : null
	});
}
