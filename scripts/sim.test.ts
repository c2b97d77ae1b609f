// @vitest-environment node
// The headless CLI: a readable summary, --json, and exit 2 with one line for a bad design.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'lb-sim-'));
const run = (design: unknown, ...args: string[]) => {
	const f = join(dir, `d${Math.random().toString(36).slice(2)}.json`);
	writeFileSync(f, typeof design === 'string' ? design : JSON.stringify(design));
	return spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'sim.ts'), f, ...args], { encoding: 'utf8' });
};
const ok = {
	format: 'loadbearing/design', version: 1, id: 'x', name: 'cli',
	nodes: [
		{ id: 'c', kind: 'client', position: { x: 0, y: 0 }, params: { rps: 50 } },
		{ id: 's', kind: 'service', position: { x: 0, y: 0 }, params: {} }
	],
	edges: [{ id: 'e', source: 'c', target: 's', params: {} }]
};

describe('npm run sim', () => {
	it('prints a JSON SimResult with --json', () => {
		const r = run(ok, '--duration', '3', '--seed', '2', '--json');
		expect(r.status).toBe(0);
		const res = JSON.parse(r.stdout);
		expect(res.durationS).toBe(3);
		expect(res.seed).toBe(2);
		expect(res.nodes.s.arrived).toBeGreaterThan(0);
	});
	it('exits 2 with one line naming the field', () => {
		const bad = { ...ok, nodes: [ok.nodes[0], { ...ok.nodes[1], params: { instances: -3 } }] };
		const r = run(bad, '--duration', '3');
		expect(r.status).toBe(2);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/instances/);
	});
	it('exits 2 on a design that cannot run', () => {
		const r = run({ ...ok, nodes: [ok.nodes[1]], edges: [] });
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/no client/);
	});
	it('exits 2 on a file that is not JSON', () => {
		expect(run('{nope').status).toBe(2);
	});
	it('refuses a duration past the limit, and a run past its budget, each in one line with exit 2', () => {
		const long = run(ok, '--duration', '1e9');
		expect(long.status).toBe(2);
		expect(long.stderr.trim().split('\n')).toHaveLength(1);
		expect(long.stderr).toMatch(/--duration must be at most/);
		const heavy = { ...ok, nodes: [{ ...ok.nodes[0], params: { rps: 20_000 } }, ok.nodes[1]] };
		const r = run(heavy, '--duration', '2000000');
		expect(r.status).toBe(2);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/needs about [\d.]+ billion events \(the limit is 1 billion\); shorten it to about \d+ s/);
	});
});
