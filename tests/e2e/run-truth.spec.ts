// When a part fails, the figures tell the truth (issue 9): a user imports a shop, puts
// four faults on the timeline by selecting each part and adding the event, runs it, and
// reads a summary that names each fault with its consequence, while the canvas shows the
// web tier at "3/4 up" and the follower promoted to leader.
import { expect, test } from '@playwright/test';
import { openApp, node } from './helpers';
import { shop } from '../support/threeFaults';

test('kill the leader, lose a web server, flush the cache, triple the traffic: the summary names each fault', async ({ page }, info) => {
	test.setTimeout(180_000);
	await openApp(page);
	const d = shop([]);
	d.name = 'Shop under faults';
	d.nodes.find((n) => n.id === 'web')!.params.instances = 4;
	d.nodes.forEach((n, i) => (n.position = { x: 220 * (i % 4), y: 160 * Math.floor(i / 4) }));
	d.scenario = { durationS: 45, warmupS: 5, seed: 2, events: [] };
	const file = info.outputPath('shop.json');
	(await import('node:fs')).writeFileSync(file, JSON.stringify(d));
	await page.getByTestId('import-file').setInputFiles(file);
	await expect(page.getByTestId('node')).toHaveCount(8);

	const dock = page.getByRole('button', { name: /Timeline & charts/ });
	if (await dock.isVisible()) await dock.click();
	const add = async (action: string, at: number, target?: string) => {
		if (target) await node(page, target).click();
		await page.getByTestId('timeline-add-action').selectOption(action);
		await page.getByTestId('timeline-add-at').fill(String(at));
		await page.getByTestId('timeline-add').click();
	};
	await add('failInstance', 10, 'web');
	await add('fail', 20, 'db');
	await add('flush', 25, 'cache');
	await add('spike', 30);
	await expect(page.getByTestId('timeline-event')).toHaveCount(4);

	await page.getByTestId('run-speed-max').click();
	await page.getByTestId('run-start').click();
	await expect(page.getByTestId('sim-status')).toHaveText('done', { timeout: 120_000 });

	const summary = page.getByTestId('run-summary');
	await expect(summary).toContainText('Missed the goals');
	const faults = summary.getByTestId('summary-fault');
	await expect(faults).toHaveCount(4);
	expect(await faults.evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')))).toEqual(['web', 'db', 'cache', '']);
	await expect(faults.nth(0)).toHaveText(/^One instance of web down at 10 s \(3\/4 up\): the live ones ran at \d+% \(was \d+%\)/);
	await expect(faults.nth(1)).toHaveText(/^Leader db down at 20 s: [\d,]+ writes unavailable for [\d.]+ s until f1 was promoted; \d+ writes lost\.$/);
	await expect(faults.nth(2)).toHaveText(/^Cache flushed at 25 s: hit ratio fell from \d+% to \d+%/);
	await expect(faults.nth(3)).toHaveText(/^Traffic ×3 for 10 s at 30 s: offered [\d,]+ rps \(was [\d,]+\)/);
	// Success and goodput lead; the costliest cause comes first; the bottleneck stays named.
	await expect(summary.getByTestId('summary-success')).toContainText(/Success \d+(\.\d+)?%/);
	await expect(summary.getByTestId('summary-goodput')).toContainText(/Goodput [\d,]+ of [\d,]+ rps offered/);
	await expect(summary.getByTestId('summary-failure-cost')).toContainText(/requests failed; each took [\d.]+ ms on average/);
	await expect(summary.getByTestId('summary-cause').first()).toHaveText(/^[\d,]+ requests (unavailable|rejected)/);
	await expect(summary.getByTestId('bottleneck')).toHaveAttribute('data-node-id', /db|web/);

	// The canvas: the web tier at 3/4 up, the follower now the leader, the old leader down.
	await expect(node(page, 'web').getByTestId('node-up')).toHaveText('3/4 up');
	await expect(page.getByText('web (3/4 up)').first()).toBeVisible();
	await expect(node(page, 'f1').getByTestId('node-role')).toHaveText('leader (promoted)');
	await expect(node(page, 'db')).toHaveClass(/down/);
	await expect(node(page, 'db').getByTestId('node-role')).toHaveText('follower (demoted)');
	console.log('summary:', (await summary.innerText()).replace(/\n+/g, ' | '));
	await page.screenshot({ path: '/tmp/truth-summary.png' });
});
