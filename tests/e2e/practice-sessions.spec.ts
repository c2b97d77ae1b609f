// The stateless-tier group solved through the UI: round robin over stateful servers signs
// users out; ip-hash keeps them signed in but melts the heavy users' server; sessions moved
// into a shared cache (stateful off) pass.
import { expect, test } from '@playwright/test';
import { connectNodes, design } from './helpers';
import { checkPasses, checkVerdict, openChallenge, paramAt, setNodeField } from './practice-helpers';

test.describe.configure({ timeout: 180_000 });

test('sessions: move them out of the web servers into a cache', async ({ page }) => {
	await openChallenge(page, 'sticky-sessions', 'web');
	await checkVerdict(page, false);
	await expect(page.getByTestId('goal-result').first()).toHaveAttribute('data-met', 'false'); // errors: signed out

	// The half answer: ip-hash keeps every session, but the heavy users' server melts.
	await setNodeField(page, 'lb', 'algorithm', 'ip-hash', 'select');
	await checkVerdict(page, false);
	await expect(page.getByTestId('goal-result').nth(1)).toHaveAttribute('data-met', 'false'); // p99

	// The answer: a stateless tier, sessions in a shared cache, requests spread again.
	await setNodeField(page, 'lb', 'algorithm', 'round-robin', 'select');
	const stateful = page.getByTestId('inspector').locator('input[name="stateful"]');
	await page.locator('[data-testid="node"][data-node-id="web"]').click();
	await stateful.uncheck();
	await expect.poll(async () => paramAt((await design(page)).nodes.find((n) => n.id === 'web')!.params, 'stateful')).toBe(false);
	const before = new Set((await design(page)).nodes.map((n) => n.id));
	await page.locator('[data-testid="palette-item"][data-kind="cache"]').click();
	await expect.poll(async () => (await design(page)).nodes.length).toBe(before.size + 1);
	const added = (await design(page)).nodes.find((n) => !before.has(n.id))!.id;
	await connectNodes(page, 'web', added);
	await expect.poll(async () => (await design(page)).edges.some((e) => e.source === 'web' && e.target === added)).toBe(true);
	await checkPasses(page, 'sessions');
});
