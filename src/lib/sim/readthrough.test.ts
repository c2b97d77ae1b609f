// @vitest-environment node
// A read-through cache in front of a database (issue 9, item 3). 5,000 rps, 90 % reads over
// 10,000 uniform keys; the cache (LRU) holds 8,000 of them, so 20 % of reads miss: 900/s
// reach the database through the cache, and the 500 writes/s go to it directly: 1,400/s.
// The database has 8 workers of 5 ms exponential: M/M/8 at a = 7, ρ = 0.875, whose mean
// sojourn is Erlang C's (≈ 8.2 ms). The run starts with the cache warm (a cache is warm
// until a flush or a restart empties it, as its lifecycle says), so the whole run measures
// the steady state; a flush at t = 0 shows the cold start instead.
// Tolerance: relSeMean(ρ, T, S) (theory.ts), an upper bound for M/M/c, × 4.
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import { BIG, design, edge, node } from '$testing/testkit';
import { mmcMeanSojourn, relSeMean } from './theory';

const KEYS = 10000, T = 300, WARM = 10, S = 0.005;

function readThrough(events: { atS: number; action: 'flush'; target: string }[] = []) {
	return simulate(
		design(
			[
				node('c', 'client', { rps: 5000, mix: { static: 0, read: 0.9, write: 0.1 }, keys: KEYS, zipf: 0, timeoutMs: 1e9 }),
				node('cache', 'cache', { instances: 1, concurrency: 64, serviceTimeMs: 0.5, capacity: KEYS * 0.8, ttlS: 0, strategy: 'read-through', queueLimit: BIG }),
				node('db', 'database', { instances: 1, concurrency: 8, readMs: 5, writeMs: 5, queueLimit: BIG })
			],
			[edge('c', 'cache', { carries: ['read'] }), edge('c', 'db', { carries: ['write'] }), edge('cache', 'db')],
			{ durationS: T + WARM, warmupS: WARM, seed: 3, events }
		)
	);
}

describe('a read-through cache in front of a database', () => {
	it('the database behind it is M/M/8 at 1,400 rps (ρ = 0.875, mean ≈ 8.2 ms)', () => {
		const r = readThrough();
		const db = r.nodes.db;
		const lambda = 1400, rho = (lambda * S) / 8;
		const se = relSeMean(rho, T, S);
		expect(r.nodes.cache.hitRatio).toBeGreaterThan(0.79);
		expect(r.nodes.cache.hitRatio).toBeLessThan(0.81);
		expect(Math.abs(db.arrived / T / lambda - 1)).toBeLessThan(0.02);
		expect(Math.abs(db.utilization - rho)).toBeLessThan(4 * se * rho);
		const mean = mmcMeanSojourn(lambda, 1 / S, 8) * 1000;
		expect(mean).toBeGreaterThan(8.1);
		expect(mean).toBeLessThan(8.3);
		expect(Math.abs(db.latency.mean / mean - 1), `db mean ${db.latency.mean} vs ${mean}`).toBeLessThan(4 * se);
	});

	it('a flush at the start is a cold start: the database is hammered while the cache fills', () => {
		const r = readThrough([{ atS: 0, action: 'flush', target: 'cache' }]);
		expect(r.nodes.db.latency.mean).toBeGreaterThan(50);
	});
});
