import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { EditorStore } from './editor.svelte';
import { UiStore } from './ui.svelte';
import { COMMANDS, addComponent, commandByName, pasteInto, type CommandContext } from './commands';
import { copyText } from './clipboard';
import { blankDesign, groupIntoRegion, exampleDesign, setNodeParam } from '$lib/model/edit';
import { isRegionFlowId } from './flow';

function setup() {
	const editor = new EditorStore();
	const ui = new UiStore();
	const ctx: CommandContext = { editor, ui };
	const run = (name: string) => commandByName(name).perform(ctx);
	return { editor, ui, ctx, run };
}

describe('EditorStore', () => {
	it('starts on the example and keeps Svelte Flow nodes in step with the design', () => {
		const { editor } = setup();
		expect(editor.design.nodes).toHaveLength(4);
		expect(editor.nodes.map((n) => n.id)).toEqual(['client', 'lb', 'web', 'db']);
		expect(editor.edges).toHaveLength(3);
	});

	it('update is undoable, counts changes and tells listeners', () => {
		const { editor } = setup();
		const seen: string[] = [];
		editor.onChange((_d, label) => seen.push(label));
		const c0 = editor.changes;
		editor.update('Edit instances', (d) => setNodeParam(d, 'web', 'instances', 4));
		expect(editor.changes).toBe(c0 + 1);
		expect(editor.canUndo).toBe(true);
		expect(editor.undoLabel).toBe('Edit instances');
		editor.undo();
		expect(editor.design.nodes[2].params.instances).toBe(2);
		editor.redo();
		expect(editor.design.nodes[2].params.instances).toBe(4);
		expect(seen).toEqual(['Edit instances', 'Undo Edit instances', 'Redo Edit instances']);
	});

	it('merges typing in one field into one undo step', () => {
		const { editor } = setup();
		for (const v of [1, 12, 120]) editor.update('Edit', (d) => setNodeParam(d, 'web', 'serviceTimeMs', v), { mergeKey: 'web:serviceTimeMs' });
		editor.undo();
		expect(editor.design.nodes[2].params.serviceTimeMs).toBeUndefined();
	});

	it('replaceDesign resets history unless asked not to', () => {
		const { editor } = setup();
		editor.update('x', (d) => setNodeParam(d, 'web', 'instances', 3));
		editor.replaceDesign(blankDesign('Blank'));
		expect(editor.canUndo).toBe(false);
		expect(editor.nodes).toHaveLength(0);
		editor.replaceDesign(exampleDesign(), { resetHistory: false });
		editor.undo();
		expect(editor.design.name).toBe('Blank');
	});

	it('selection follows select(); a region becomes a frame whose members are its children', () => {
		const { editor } = setup();
		editor.update('Group', (d) => groupIntoRegion(d, ['web', 'db']));
		const frame = editor.nodes.find((n) => isRegionFlowId(n.id))!;
		const web = editor.nodes.find((n) => n.id === 'web')!;
		expect(web.parentId).toBe(frame.id);
		const abs = editor.design.nodes.find((n) => n.id === 'web')!.position;
		expect({ x: web.position.x + frame.position.x, y: web.position.y + frame.position.y }).toEqual(abs);
		editor.select(['web', editor.design.regions![0].id]);
		flushSync();
		expect(editor.selectedNodeIds).toEqual(['web']);
		expect(editor.selectedRegionIds).toEqual([editor.design.regions![0].id]);
	});

	it('commitPositions turns a drag into one Move step, and frames carry their members', () => {
		const { editor } = setup();
		editor.update('Group', (d) => groupIntoRegion(d, ['web']));
		const rid = editor.design.regions![0].id;
		const before = editor.design.nodes.find((n) => n.id === 'web')!.position;
		// What Svelte Flow does while dragging the frame: only the frame's position changes.
		editor.nodes = editor.nodes.map((n) => (n.id === `region:${rid}` ? { ...n, position: { x: n.position.x + 100, y: n.position.y + 50 } } : n));
		editor.commitPositions();
		expect(editor.design.nodes.find((n) => n.id === 'web')!.position).toEqual({ x: before.x + 100, y: before.y + 50 });
		expect(editor.undoLabel).toBe('Move');
		editor.undo();
		expect(editor.design.nodes.find((n) => n.id === 'web')!.position).toEqual(before);
	});
});

describe('commands', () => {
	it('delete, duplicate, select all and undo them', async () => {
		const { editor, run } = setup();
		editor.select(['web']);
		flushSync();
		await run('delete');
		expect(editor.design.nodes.map((n) => n.id)).toEqual(['client', 'lb', 'db']);
		expect(editor.design.edges).toHaveLength(1);
		await run('undo');
		expect(editor.design.nodes).toHaveLength(4);
		expect(editor.design.edges).toHaveLength(3);
		editor.select(['lb', 'web']);
		flushSync();
		await run('duplicate');
		expect(editor.design.nodes).toHaveLength(6);
		expect(editor.design.edges).toHaveLength(4);
		flushSync();
		expect(editor.selectedNodeIds).toHaveLength(2);
		expect(editor.selectedNodeIds).not.toContain('lb');
		await run('selectAll');
		flushSync();
		expect(editor.selectedIds.length).toBe(6 + 4);
	});

	it('nudge moves the selection by the grid and one undo puts back a run of nudges', async () => {
		const { editor, run } = setup();
		editor.select(['db']);
		flushSync();
		const p = editor.design.nodes[3].position;
		await run('nudgeRight');
		await run('nudgeRight');
		await run('nudgeDownFar');
		expect(editor.design.nodes[3].position).toEqual({ x: p.x + 32, y: p.y + 80 });
		editor.undo();
		expect(editor.design.nodes[3].position).toEqual(p);
	});

	it('addComponent adds at a point and selects it', () => {
		const { editor } = setup();
		const id = addComponent(editor, 'cache', { x: 100, y: 200 });
		flushSync();
		expect(editor.design.nodes.at(-1)).toMatchObject({ id, kind: 'cache', position: { x: 96, y: 208 }, params: {} });
		expect(editor.selectedNodeIds).toEqual([id]);
	});

	it('paste of clipboard text goes through restoreDesign; junk is refused with a message', () => {
		const { editor } = setup();
		const text = copyText(editor.design, ['web', 'db']);
		pasteInto(editor, text);
		expect(editor.design.nodes).toHaveLength(6);
		pasteInto(editor, 'not json');
		expect(editor.design.nodes).toHaveLength(6);
		expect(editor.notice?.text).toMatch(/clipboard/);
		pasteInto(editor, JSON.stringify({ format: 'loadbearing/design', version: 99, nodes: [] }));
		expect(editor.notice?.text).toMatch(/newer/);
	});

	it('group makes a region of the selection; New design is blank and undoable', async () => {
		const { editor, run } = setup();
		editor.select(['web', 'db']);
		flushSync();
		await run('group');
		expect(editor.design.regions).toHaveLength(1);
		expect(editor.design.nodes.filter((n) => n.region).map((n) => n.id)).toEqual(['web', 'db']);
		await run('newDesign');
		expect(editor.design.nodes).toHaveLength(0);
		await run('undo');
		expect(editor.design.nodes).toHaveLength(4);
	});

	it('the keyboard connection connects the selected node to the next one selected', async () => {
		const { editor, run } = setup();
		editor.select(['web']);
		flushSync();
		await run('connect');
		expect(editor.connectFrom).toBe('web');
		expect(COMMANDS.every((c) => typeof c.perform === 'function')).toBe(true);
	});
});
