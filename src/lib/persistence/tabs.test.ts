import { describe, expect, it } from 'vitest';
import { TabCoordinator, decide, type Channel } from './tabs';

/** Two channels wired to each other, delivering synchronously like a test double should. */
function linkedPair(): [Channel, Channel] {
	const listeners: ((e: MessageEvent) => void)[][] = [[], []];
	const make = (me: number): Channel => ({
		postMessage: (msg) => listeners[1 - me].forEach((f) => f({ data: structuredClone(msg) } as MessageEvent)),
		addEventListener: (_t, f) => listeners[me].push(f),
		close: () => (listeners[me] = [])
	});
	return [make(0), make(1)];
}

describe('decide', () => {
	const saved = { type: 'saved', id: 'a', revision: 3, from: 'x' } as const;
	it('follows a newer save of the open design when nothing is unsaved', () => {
		expect(decide({ id: 'a', revision: 2, dirty: false }, saved)).toBe('follow');
	});
	it('is stale when this tab has unsaved changes', () => {
		expect(decide({ id: 'a', revision: 2, dirty: true }, saved)).toBe('stale');
	});
	it('ignores other designs, old revisions and no open design', () => {
		expect(decide({ id: 'b', revision: 2, dirty: true }, saved)).toBe('ignore');
		expect(decide({ id: 'a', revision: 3, dirty: true }, saved)).toBe('ignore');
		expect(decide(null, saved)).toBe('ignore');
	});
});

describe('TabCoordinator', () => {
	it('delivers saves and library changes to the other tab only', () => {
		const [c1, c2] = linkedPair();
		const one = new TabCoordinator(c1, 'one');
		const two = new TabCoordinator(c2, 'two');
		const seen: string[] = [];
		two.onSaved((m) => seen.push(`saved ${m.id}@${m.revision}`));
		two.onLibraryChanged(() => seen.push('library'));
		one.onSaved(() => seen.push('echo'));
		one.announceSaved('a', 4);
		one.announceLibraryChanged();
		expect(seen).toEqual(['saved a@4', 'library', 'library']);
	});
	it('ignores malformed messages and works without a channel', () => {
		const [c1, c2] = linkedPair();
		const two = new TabCoordinator(c2, 'two');
		let n = 0;
		two.onSaved(() => n++);
		c1.postMessage({ type: 'saved', id: 5 });
		c1.postMessage('hello');
		expect(n).toBe(0);
		const alone = new TabCoordinator(null);
		expect(() => alone.announceSaved('a', 1)).not.toThrow();
	});
});
