import '@testing-library/jest-dom/vitest';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RunSummary from './RunSummary.svelte';
import { analyse } from '../../analysis/bottleneck';
import { chainDesign } from '$testing/testDesign';
import type { SimResult } from '../../sim/types';

const zero = { rejected: 0, 'rate-limited': 0, timeout: 0, unavailable: 0, lost: 0, 'pool-timeout': 0 };
const stat = { mean: 20, p50: 10, p95: 300, p99: 900, max: 2000 };
const result: SimResult = {
	durationS: 60,
	warmupS: 5,
	seed: 1,
	events: 1,
	global: { offeredRps: 1000, servedRps: 950, arrived: 55000, completed: 52000, failed: { ...zero, rejected: 3000 }, successRatio: 0.945, latency: stat, latencyByType: {}, costPerMonth: 412 },
	nodes: {
		web: { arrived: 1, completed: 1, failed: zero, utilization: 0.3, meanQueue: 0, waitRatio: 0, latency: stat },
		db: { arrived: 1, completed: 1, failed: { ...zero, rejected: 3000 }, utilization: 0.97, meanQueue: 80, waitRatio: 0.9, latency: stat }
	}
};

describe('RunSummary', () => {
	it('says missed, names the bottleneck, and applies a fix in one click', async () => {
		const user = userEvent.setup();
		const onapply = vi.fn();
		const d = chainDesign();
		render(RunSummary, { props: { analysis: analyse(d, result), result, labels: { web: 'Web', db: 'DB' }, onapply } });
		expect(screen.getByTestId('run-summary')).toHaveTextContent('Missed the goals');
		const b = screen.getByTestId('bottleneck');
		expect(b).toHaveAttribute('data-node-id', 'db');
		expect(b).toHaveTextContent('is at 97% utilization: add read replicas or a cache for the 90% reads');
		expect(screen.getAllByTestId('suggestion')).toHaveLength(3);
		await user.click(screen.getAllByRole('button', { name: 'Apply' })[0]);
		expect(onapply).toHaveBeenCalledWith(expect.objectContaining({ label: 'Add a cache in front of db' }));
		expect(screen.getByText(/undo with Ctrl\+Z/)).toBeInTheDocument();
	});

	it('each fix has a Why? naming its concept', async () => {
		const user = userEvent.setup();
		render(RunSummary, { props: { analysis: analyse(chainDesign(), result), result, labels: {}, onapply: vi.fn() } });
		const first = screen.getAllByTestId('suggestion')[0];
		await user.click(within(first).getByRole('button', { name: 'Why?' }));
		// The first fix adds a cache: its concept is cache-aside.
		expect(within(first).getByTestId('why-text')).toHaveTextContent('Cache-aside');
	});
});

describe('RunSummary after faults', () => {
	it('leads with success and goodput, prices the failures, and lists each fault with its node', async () => {
		const { createSimulation } = await import('../../sim/index');
		const { shop, THREE_FAULTS } = await import('$testing/threeFaults');
		const d = shop();
		const sim = createSimulation(d);
		const frames = sim.advance(60);
		const r = sim.result();
		render(RunSummary, { props: { analysis: analyse(d, r, undefined, { frames, events: THREE_FAULTS }), result: r, labels: {}, onapply: vi.fn() } });
		const figures = screen.getByTestId('run-summary').querySelector('.figures')!;
		expect(figures.firstElementChild).toHaveAttribute('data-testid', 'summary-success');
		expect(figures.children[1]).toHaveAttribute('data-testid', 'summary-goodput');
		expect(screen.getByTestId('summary-failure-cost')).toHaveTextContent(/requests failed; each took [\d.]+ ms on average/);
		const faults = screen.getAllByTestId('summary-fault');
		expect(faults.map((f) => f.getAttribute('data-node-id'))).toEqual(['db', 'cache', '']);
		expect(faults[0]).toHaveTextContent(/^Leader db down at 20 s: [\d,]+ writes unavailable for [\d.]+ s until f1 was promoted; \d+ writes lost\.$/);
		expect(screen.getAllByTestId('summary-cause')[0]).toHaveTextContent(/requests unavailable at db \(down\), after db down at 20 s/);
		expect(screen.getByTestId('run-summary')).toHaveTextContent('Missed the goals');
	});
});

describe('RunSummary for services and caches', () => {
	it('says what a coalescing, stale-serving cache did', () => {
		const pooled: SimResult = {
			...result,
			global: { ...result.global, failed: { ...zero, 'pool-timeout': 3000 } },
			nodes: {
				web: { ...result.nodes.web, arrived: 55000, failed: { ...zero, 'pool-timeout': 3000 } },
				db: { ...result.nodes.db, failed: zero, utilization: 0.5 },
				cache: { ...result.nodes.web, hitRatio: 0.87, coalesced: 1234, staleServed: 550, staleServedRatio: 0.01 }
			}
		};
		render(RunSummary, { props: { analysis: analyse(chainDesign(), pooled), result: pooled, labels: { cache: 'Cache' }, onapply: vi.fn() } });
		const line = screen.getByTestId('summary-cache');
		expect(line).toHaveAttribute('data-node-id', 'cache');
		expect(line).toHaveTextContent('Cache: hit ratio 87%; 1,234 misses waited for another\'s fetch (coalesced); 1% of lookups (550) served stale while revalidating.');
	});
});

describe('RunSummary consistency lines', () => {
	it('shows stale reads and multi-leader conflicts with their rates', () => {
		const r: SimResult = {
			...result,
			nodes: {
				...result.nodes,
				kv: { arrived: 1000, completed: 1000, failed: zero, utilization: 0.1, meanQueue: 0, waitRatio: 0, latency: stat, staleReads: 50 },
				db: { ...result.nodes.db, completed: 11_000, conflicts: 550, lostUpdates: 220 }
			}
		};
		render(RunSummary, { props: { analysis: analyse(chainDesign(), r), result: r, labels: { kv: 'Store', db: 'DB' }, onapply: vi.fn() } });
		const lines = screen.getAllByTestId('summary-consistency');
		expect(lines).toHaveLength(2);
		const at = (id: string) => lines.find((l) => l.getAttribute('data-node-id') === id)!;
		expect(at('kv')).toHaveTextContent('50 stale reads at Store (5.0% of what it answered)');
		// 550 conflicts over the 55 s measured.
		expect(at('db')).toHaveTextContent('10 write conflicts/s at DB; 220 lost updates (2.0% of its writes and reads)');
	});
});
