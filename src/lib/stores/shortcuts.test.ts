import { describe, expect, it } from 'vitest';
import { describe as show, matches } from './shortcuts';
import { COMMANDS } from './commands';

const key = (key: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}, code?: string) => ({
	key,
	code,
	ctrlKey: !!mods.ctrl,
	metaKey: !!mods.meta,
	shiftKey: !!mods.shift,
	altKey: !!mods.alt
});

describe('shortcuts', () => {
	it('Mod is Ctrl off a Mac and Cmd on one', () => {
		expect(matches('Mod+Z', key('z', { ctrl: true }), false)).toBe(true);
		expect(matches('Mod+Z', key('z', { meta: true }), true)).toBe(true);
		expect(matches('Mod+Z', key('z', { meta: true }), false)).toBe(false);
		expect(matches('Mod+Z', key('Z', { ctrl: true, shift: true }), false)).toBe(false);
		expect(matches('Mod+Shift+Z', key('Z', { ctrl: true, shift: true }), false)).toBe(true);
	});

	it('Shift+1 matches by code on any layout; ? and + ignore the Shift they need', () => {
		expect(matches('Shift+1', key('!', { shift: true }, 'Digit1'), false)).toBe(true);
		expect(matches('?', key('?', { shift: true }), false)).toBe(true);
		expect(matches('+', key('+', { shift: true }), false)).toBe(true);
		expect(matches('Delete', key('Delete'), false)).toBe(true);
		expect(matches('C', key('c'), false)).toBe(true);
		expect(matches('C', key('c', { ctrl: true }), false)).toBe(false);
	});

	it('reads well', () => {
		expect(show('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
		expect(show('Mod+Shift+Z', true)).toBe('⌘⇧Z');
		expect(show('ArrowUp', false)).toBe('↑');
	});

	it('no two commands share a shortcut, and every command has a label', () => {
		const seen = new Map<string, string>();
		for (const c of COMMANDS) {
			expect(c.label.length).toBeGreaterThan(2);
			for (const s of c.shortcut ?? []) {
				expect(seen.get(s), `${s} is used by ${seen.get(s)} and ${c.name}`).toBeUndefined();
				seen.set(s, c.name);
			}
		}
	});
});
