// Screenshots for a human to look at (written to /tmp): the editor in both themes with
// a design that shows every kind of edge and a region.
import { expect, test } from '@playwright/test';
import { node } from './helpers';

const richer = {
	format: 'loadbearing/design',
	version: 1,
	id: 'look',
	name: 'Photo sharing v2',
	regions: [{ id: 'us-east', name: 'US East', position: { x: 260, y: -40 }, width: 1180, height: 470 }],
	nodes: [
		{ id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 160 }, params: { rps: 2000 } },
		{ id: 'lb', kind: 'loadBalancer', label: 'Load balancer', position: { x: 300, y: 160 }, region: 'us-east', params: {} },
		{ id: 'web', kind: 'service', label: 'Web tier', position: { x: 560, y: 160 }, region: 'us-east', params: { instances: 4 } },
		{ id: 'cache', kind: 'cache', label: 'Redis', position: { x: 860, y: 20 }, region: 'us-east', params: {} },
		{ id: 'db', kind: 'database', label: 'Primary', position: { x: 860, y: 160 }, region: 'us-east', params: {} },
		{ id: 'replica', kind: 'database', label: 'Replica', position: { x: 1200, y: 160 }, region: 'us-east', params: { role: 'follower' } },
		{ id: 'q', kind: 'queue', label: 'Thumbnails', position: { x: 860, y: 320 }, region: 'us-east', params: {} },
		{ id: 'w', kind: 'worker', label: 'Resizer', position: { x: 1200, y: 320 }, region: 'us-east', params: {} }
	],
	edges: [
		{ id: 'e1', source: 'users', target: 'lb', params: {} },
		{ id: 'e2', source: 'lb', target: 'web', params: {} },
		{ id: 'e3', source: 'web', target: 'cache', params: {} },
		{ id: 'e4', source: 'web', target: 'db', params: {} },
		{ id: 'e5', source: 'db', target: 'replica', params: { mode: 'semi-sync' } },
		{ id: 'e6', source: 'web', target: 'q', params: {} },
		{ id: 'e7', source: 'q', target: 'w', params: {} }
	]
};

test('screenshots of the editor in both themes', async ({ page }, info) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/');
	await expect(page.getByTestId('node')).toHaveCount(4);
	const file = info.outputPath('look.json');
	(await import('node:fs')).writeFileSync(file, JSON.stringify(richer));
	await page.getByTestId('import-file').setInputFiles(file);
	await expect(page.getByTestId('node')).toHaveCount(8);
	await expect(page.locator('[data-edge-kind="replication"]')).toHaveCount(1);
	await expect(page.locator('[data-edge-kind="async"]')).toHaveCount(1);
	await node(page, 'web').click();
	await page.screenshot({ path: '/tmp/editor-light.png' });
	await page.getByTestId('theme-toggle').click();
	await page.locator('[data-edge-id="e4"] path').first().click({ force: true });
	await page.screenshot({ path: '/tmp/editor-dark.png' });
});
