import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { History } from './history';

describe('History', () => {
	it('undoes and redoes in order, and a new change clears the redo stack', () => {
		const h = new History<number>();
		let s = 0;
		const change = (to: number) => (h.record(`set ${to}`, s), (s = to));
		change(1);
		change(2);
		expect(h.undoLabel).toBe('set 2');
		s = h.undo(s)!.state;
		expect(s).toBe(1);
		s = h.redo(s)!.state;
		expect(s).toBe(2);
		s = h.undo(s)!.state;
		change(5);
		expect(h.canRedo).toBe(false);
		s = h.undo(s)!.state;
		expect(s).toBe(1);
		s = h.undo(s)!.state;
		expect(s).toBe(0);
		expect(h.undo(s)).toBeUndefined();
	});

	it('merges a run of changes with the same key into one step until sealed', () => {
		const h = new History<string>();
		let s = '';
		for (const ch of ['1', '12', '120']) (h.record('type', s, 'field'), (s = ch));
		h.seal();
		h.record('type', s, 'field');
		s = '1200';
		s = h.undo(s)!.state;
		expect(s).toBe('120');
		s = h.undo(s)!.state;
		expect(s).toBe('');
	});

	it('keeps at most `limit` steps', () => {
		const h = new History<number>(3);
		for (let i = 0; i < 10; i++) h.record('x', i);
		let n = 0;
		while (h.undo(0)) n++;
		expect(n).toBe(3);
	});

	it('undo all then redo all returns to the last state (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 40 }), (values) => {
				const h = new History<number>();
				let s = -1;
				for (const v of values) (h.record('v', s), (s = v));
				const last = s;
				while (h.canUndo) s = h.undo(s)!.state;
				expect(s).toBe(-1);
				while (h.canRedo) s = h.redo(s)!.state;
				expect(s).toBe(last);
			})
		);
	});
});
