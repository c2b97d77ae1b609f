// Shared steps for the practice specs: open a challenge from the Challenges panel, set a
// field in the inspector as a user does, Check and see Passed.
import { expect, type Page } from '@playwright/test';
import { design } from './helpers';

/** `part`: a node of the challenge's design to wait for (the start-up design has none of it). */
export async function openChallenge(page: Page, id: string, part?: string) {
	await page.goto('/');
	await expect(page.getByTestId('node').first()).toBeVisible();
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
	await page.getByRole('button', { name: 'Challenges' }).click();
	await page.locator(`[data-testid="challenge-item"][data-challenge-id="${id}"]`).click();
	await expect(page.getByTestId('challenge-card')).toHaveAttribute('data-challenge-id', id);
	if (part) await expect.poll(async () => (await design(page)).nodes.some((n) => n.id === part)).toBe(true);
	else await expect.poll(async () => (await design(page)).nodes.length).toBeGreaterThan(2);
}

/** A param by its dotted path ("overload.discipline"), as the inspector names its inputs. */
export function paramAt(params: Record<string, unknown>, path: string): unknown {
	return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), params);
}

/** Close the panel, select a node, and set one of its fields in the inspector. */
export async function setNodeField(page: Page, nodeId: string, name: string, value: string, kind: 'input' | 'select' = 'input') {
	const panelOpen = await page.getByTestId('challenges').isVisible();
	if (panelOpen) await page.getByRole('button', { name: 'Challenges' }).click();
	await page.locator(`[data-testid="node"][data-node-id="${nodeId}"]`).click();
	const field = page.getByTestId('inspector').locator(`${kind}[name="${name}"]`);
	if (kind === 'select') await field.selectOption(value);
	else {
		await field.fill(value);
		await field.press('Tab');
	}
	await expect.poll(async () => String(paramAt((await design(page)).nodes.find((n) => n.id === nodeId)!.params, name))).toBe(value);
}

export async function checkVerdict(page: Page, passed: boolean) {
	if (!(await page.getByTestId('challenges').isVisible())) await page.getByRole('button', { name: 'Challenges' }).click();
	await page.getByTestId('challenge-check').click();
	await expect(page.getByTestId('challenge-verdict')).toHaveAttribute('data-passed', String(passed), { timeout: 60_000 });
}

export async function checkPasses(page: Page, shot: string) {
	await checkVerdict(page, true);
	await expect(page.getByTestId('challenge-verdict')).toHaveText('Passed.');
	for (const g of await page.getByTestId('goal-result').all()) await expect(g).toHaveAttribute('data-met', 'true');
	await page.screenshot({ path: `/tmp/practice-${shot}.png` });
}
