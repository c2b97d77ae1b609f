import { expect, test } from '@playwright/test';
import { dropFile, openApp } from './persist-helpers';

/** A 20-layer diamond: every request would fan out into over a million calls. */
function diamond() {
	const node = (id: string, kind: string) => ({ id, kind, position: { x: 0, y: 0 }, params: {} });
	const nodes = [node('c', 'client'), node('L0', 'service')];
	const edges = [{ id: 'c-L0', source: 'c', target: 'L0', params: {} }];
	for (let i = 1; i <= 20; i++) {
		nodes.push(node(`A${i}`, 'service'), node(`B${i}`, 'service'), node(`L${i}`, 'service'));
		for (const [s, t] of [[`L${i - 1}`, `A${i}`], [`L${i - 1}`, `B${i}`], [`A${i}`, `L${i}`], [`B${i}`, `L${i}`]]) edges.push({ id: `${s}-${t}`, source: s, target: t, params: {} });
	}
	nodes.forEach((n, i) => (n.position = { x: (i % 3) * 220, y: Math.floor(i / 3) * 120 }));
	return { format: 'loadbearing/design', version: 1, id: 'diamond', name: 'Diamond', nodes, edges };
}

test('a design past the simulator budget is refused with a clear message, not a hang', async ({ page }) => {
	await openApp(page);
	await dropFile(page, 'diamond.json', JSON.stringify(diamond()));
	await expect(page.getByTestId('node')).toHaveCount(62);
	await page.getByTestId('run-start').click();
	const error = page.getByTestId('run-error');
	await expect(error).toBeVisible({ timeout: 20_000 });
	await expect(error).toHaveAttribute('role', 'alert');
	await expect(error).toContainText(/fans out into about [\d.]+ million calls/);
	await expect(page.getByTestId('sim-status')).toHaveText(/error/);
	await page.screenshot({ path: '/tmp/budget-refusal.png' });
	// The page still answers: the design can be edited at once.
	await page.locator('[data-testid="palette-item"][data-kind="cache"]').click();
	await expect(page.getByTestId('node')).toHaveCount(63);
});
