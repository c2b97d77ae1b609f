import { expect, test } from '@playwright/test';
import { centre, connectNodes, design, dragBy, node, openApp } from './helpers';

const KINDS = ['client', 'dns', 'geoDns', 'cdn', 'loadBalancer', 'apiGateway', 'rateLimiter', 'service', 'worker', 'cache', 'database', 'kvStore', 'objectStore', 'queue'];

test('opens on the example design with every kind in the palette', async ({ page }) => {
	await openApp(page);
	for (const k of KINDS) await expect(page.locator(`[data-testid="palette-item"][data-kind="${k}"]`)).toBeVisible();
	await expect(page.getByTestId('edge')).toHaveCount(3);
	const d = await design(page);
	expect(d.nodes.map((n) => n.kind)).toEqual(['client', 'loadBalancer', 'service', 'database']);
	expect(d.nodes.find((n) => n.kind === 'service')!.params.instances).toBe(2);
	await expect(page.locator('.svelte-flow__minimap')).toBeVisible();
});

test('drag from the palette lands where dropped; click adds at the free spot nearest the centre, with a unique name', async ({ page }) => {
	await openApp(page);
	const canvas = page.getByTestId('canvas');
	const box = (await canvas.boundingBox())!;
	await page.locator('[data-testid="palette-item"][data-kind="cache"]').dragTo(canvas, { targetPosition: { x: box.width / 2, y: box.height - 150 }, steps: 10 });
	await expect(page.getByTestId('node')).toHaveCount(5);
	const added = page.locator('[data-testid="node"][data-kind="cache"]');
	const c = await centre(added);
	expect(Math.abs(c.x - (box.x + box.width / 2))).toBeLessThan(30);
	expect(Math.abs(c.y - (box.y + box.height - 150))).toBeLessThan(30);
	await page.locator('[data-testid="palette-item"][data-kind="queue"]').click();
	await expect(page.locator('[data-testid="node"][data-kind="queue"]')).toHaveCount(1);
	// At the free spot nearest the centre: the starter runs through the centre, so beside it, covering nothing.
	const qb = (await page.locator('[data-testid="node"][data-kind="queue"]').boundingBox())!;
	expect(Math.abs(qb.x + qb.width / 2 - (box.x + box.width / 2))).toBeLessThan(qb.width * 1.5);
	expect(Math.abs(qb.y + qb.height / 2 - (box.y + box.height / 2))).toBeLessThan(qb.height * 2.5);
	for (const other of await page.locator('[data-testid="node"]:not([data-kind="queue"])').all()) {
		const o = (await other.boundingBox())!;
		const apart = o.x + o.width <= qb.x || qb.x + qb.width <= o.x || o.y + o.height <= qb.y || qb.y + qb.height <= o.y;
		expect(apart).toBe(true);
	}
	// A second one goes to another free spot, not on top of the first.
	await page.locator('[data-testid="palette-item"][data-kind="queue"]').click();
	const [a, b] = await Promise.all((await page.locator('[data-testid="node"][data-kind="queue"]').all()).map((l) => l.boundingBox()));
	expect(Math.abs(a!.x - b!.x) >= a!.width || Math.abs(a!.y - b!.y) >= a!.height).toBe(true);
	expect((await design(page)).nodes.filter((n) => n.kind === 'queue').map((n) => n.label)).toEqual(['Message queue', 'Message queue 2']);
});

test('move a node, then undo and redo the move', async ({ page }) => {
	await openApp(page);
	const before = (await design(page)).nodes.find((n) => n.id === 'db')!.position;
	const b0 = await centre(node(page, 'db'));
	await dragBy(page, node(page, 'db'), 0, 160);
	const b1 = await centre(node(page, 'db'));
	expect(b1.y - b0.y).toBeGreaterThan(120);
	const after = (await design(page)).nodes.find((n) => n.id === 'db')!.position;
	expect(after.y).toBeGreaterThan(before.y + 60);
	await page.keyboard.press('ControlOrMeta+z');
	expect((await design(page)).nodes.find((n) => n.id === 'db')!.position).toEqual(before);
	await expect.poll(async () => (await centre(node(page, 'db'))).y).toBeLessThan(b0.y + 5);
	await page.keyboard.press('ControlOrMeta+Shift+z');
	expect((await design(page)).nodes.find((n) => n.id === 'db')!.position).toEqual(after);
});

test('connect two nodes by dragging between handles; a meaningless one is refused with a reason', async ({ page }) => {
	await openApp(page);
	await page.locator('[data-testid="palette-item"][data-kind="cache"]').click();
	const cacheId = (await design(page)).nodes.find((n) => n.kind === 'cache')!.id;
	await dragBy(page, node(page, cacheId), 0, 180);
	await connectNodes(page, 'web', cacheId);
	await expect(page.getByTestId('edge')).toHaveCount(4);
	expect((await design(page)).edges.some((e) => e.source === 'web' && e.target === cacheId)).toBe(true);
	// A database calls nothing: db → lb is refused, with the reason at the pointer.
	await connectNodes(page, 'db', 'lb');
	await expect(page.getByRole('alert')).toContainText('database');
	await expect(page.getByTestId('edge')).toHaveCount(4);
	await page.screenshot({ path: '/tmp/editor-refused.png' });
});

test('replication and async edges look different from calls', async ({ page }) => {
	await openApp(page);
	await page.locator('[data-testid="palette-item"][data-kind="database"]').click();
	const follower = (await design(page)).nodes.filter((n) => n.kind === 'database').at(-1)!.id;
	await page.getByTestId('inspector').locator('select[name="role"]').selectOption('follower');
	await dragBy(page, node(page, follower), 0, 170);
	await connectNodes(page, 'db', follower);
	const repl = page.locator('[data-testid="edge"][data-edge-kind="replication"]');
	await expect(repl).toHaveCount(1);
	// follower → leader is refused
	await connectNodes(page, follower, 'db');
	await expect(page.getByRole('alert')).toContainText('leader');
	const dash = await repl.locator('path.lb-edge').first().evaluate((p) => getComputedStyle(p).strokeDasharray);
	const callDash = await page.locator('[data-testid="edge"][data-edge-kind="call"] path.lb-edge').first().evaluate((p) => getComputedStyle(p).strokeDasharray);
	expect(dash).not.toBe(callDash);
});

test('inspector: units, validation as typed, sections, conditions, label, undo of edits', async ({ page }) => {
	await openApp(page);
	await node(page, 'web').click();
	const insp = page.getByTestId('inspector');
	const instances = insp.locator('input[name="instances"]');
	await expect(instances).toHaveValue('2');
	await expect(insp.getByText('ms').first()).toBeVisible();
	for (const bad of ['-3', 'abc', '', '2.5']) {
		await instances.fill(bad);
		await expect(insp.getByRole('alert')).toBeVisible();
		expect((await design(page)).nodes.find((n) => n.id === 'web')!.params.instances).toBe(2);
	}
	await page.screenshot({ path: '/tmp/editor-invalid.png' });
	await instances.fill('6');
	await expect(insp.getByRole('alert')).toHaveCount(0);
	expect((await design(page)).nodes.find((n) => n.id === 'web')!.params.instances).toBe(6);
	await expect(node(page, 'web')).toContainText('6 ×');
	// nested section: hidden until enabled; dotted names
	await expect(insp.locator('input[name="autoscale.min"]')).toHaveCount(0);
	await insp.locator('input[name="autoscale.enabled"]').check();
	await expect(insp.locator('input[name="autoscale.min"]')).toBeVisible();
	await insp.locator('input[name="autoscale.targetUtilization"]').fill('1.5');
	await expect(insp.getByRole('alert')).toContainText('at most 1');
	// `when`: the CV only for lognormal
	await expect(insp.locator('input[name="serviceCv"]')).toHaveCount(0);
	await insp.locator('select[name="serviceDist"]').selectOption('lognormal');
	await expect(insp.locator('input[name="serviceCv"]')).toBeVisible();
	// label
	await insp.locator('input[name="label"]').fill('Web tier');
	await expect(node(page, 'web')).toContainText('Web tier');
	// undo walks the edits back, one step per field
	await page.locator('body').click({ position: { x: 5, y: 5 } });
	await page.getByTestId('canvas').click({ position: { x: 30, y: 30 } });
	for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+z');
	expect((await design(page)).nodes.find((n) => n.id === 'web')!.params.instances).toBe(6);
	await page.keyboard.press('ControlOrMeta+z');
	expect((await design(page)).nodes.find((n) => n.id === 'web')!.params.instances).toBe(2);
	await page.keyboard.press('ControlOrMeta+y');
	expect((await design(page)).nodes.find((n) => n.id === 'web')!.params.instances).toBe(6);
});

test('edge inspector edits the call', async ({ page }) => {
	await openApp(page);
	await page.locator('[data-testid="edge"]').first().click({ force: true });
	const insp = page.getByTestId('inspector');
	await expect(insp.locator('input[name="latencyMs"]')).toBeVisible();
	await insp.locator('input[name="retries"]').fill('3');
	expect((await design(page)).edges[0].params.retries).toBe(3);
	await insp.locator('input[name="breaker.enabled"]').check();
	await expect(insp.locator('input[name="breaker.failureRate"]')).toBeVisible();
});
