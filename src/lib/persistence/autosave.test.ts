import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Design } from '$lib/model';
import { Autosaver, flushOnPageHide, type SaveStatus } from './autosave';
import { StaleRevisionError } from './errors';

const d = (name: string): Design => ({ format: 'loadbearing/design', version: 1, id: 'a', name, nodes: [], edges: [] });

function harness(fail?: (n: number) => unknown) {
	const writes: { name: string; base: number }[] = [];
	const statuses: SaveStatus[] = [];
	let rev = 1;
	const saver = new Autosaver({
		revision: 1,
		saved: d('start'),
		write: async (design, base) => {
			writes.push({ name: design.name, base });
			const err = fail?.(writes.length);
			if (err) throw err;
			return ++rev;
		},
		onStatus: (s) => statuses.push(s)
	});
	return { saver, writes, statuses };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Autosaver', () => {
	it('after a storage error, retries on its own with backoff until the write goes through', async () => {
		// Fails three times (1 s, 2 s, 4 s of backoff), then storage recovers.
		const { saver, writes, statuses } = harness((n) => (n <= 3 ? new DOMException('full', 'QuotaExceededError') : undefined));
		saver.schedule(d('keep me'));
		await vi.advanceTimersByTimeAsync(300);
		expect(writes).toHaveLength(1);
		expect(saver.status).toBe('error');
		await vi.advanceTimersByTimeAsync(999);
		expect(writes).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(writes).toHaveLength(2);
		await vi.advanceTimersByTimeAsync(2000);
		expect(writes).toHaveLength(3);
		await vi.advanceTimersByTimeAsync(4000);
		expect(writes.map((w) => w.name)).toEqual(['keep me', 'keep me', 'keep me', 'keep me']);
		expect(saver.status).toBe('saved');
		expect(saver.dirty).toBe(false);
		expect(statuses.filter((s) => s === 'error')).toHaveLength(3);
		// And nothing more is written once it is in.
		await vi.advanceTimersByTimeAsync(60_000);
		expect(writes).toHaveLength(4);
	});

	it('writes once after a quiet moment, with the latest content', async () => {
		const { saver, writes } = harness();
		saver.schedule(d('a'));
		saver.schedule(d('ab'));
		expect(writes).toEqual([]);
		await vi.advanceTimersByTimeAsync(300);
		expect(writes).toEqual([{ name: 'ab', base: 1 }]);
		expect(saver.status).toBe('saved');
		expect(saver.revision).toBe(2);
		expect(saver.dirty).toBe(false);
	});

	it('never waits longer than a second under continuous changes', async () => {
		const { saver, writes } = harness();
		for (let t = 0; t < 1000; t += 100) {
			saver.schedule(d(`v${t}`));
			await vi.advanceTimersByTimeAsync(100);
		}
		expect(writes.length).toBe(1);
		expect(writes[0].name).toBe('v900');
	});

	it('does not write content that is already stored', async () => {
		const { saver, writes } = harness();
		saver.schedule(d('start'));
		await vi.advanceTimersByTimeAsync(2000);
		expect(writes).toEqual([]);
	});

	it('chains writes with the revision each one returned', async () => {
		const { saver, writes } = harness();
		saver.schedule(d('one'));
		await saver.flush();
		saver.schedule(d('two'));
		await saver.flush();
		expect(writes).toEqual([
			{ name: 'one', base: 1 },
			{ name: 'two', base: 2 }
		]);
	});

	it('stops on a stale revision and keeps the unsaved content', async () => {
		const { saver, writes, statuses } = harness(() => new StaleRevisionError('a', 1, 5));
		saver.schedule(d('mine'));
		await saver.flush();
		expect(statuses.at(-1)).toBe('stale');
		expect(saver.latest()?.name).toBe('mine');
		saver.schedule(d('more'));
		await vi.advanceTimersByTimeAsync(5000);
		expect(writes.length).toBe(1);
		saver.reset(d('theirs'), 5);
		expect(saver.status).toBe('saved');
	});

	it('reports a storage error, keeps the content and retries on the next change', async () => {
		const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
		const { saver, writes, statuses } = harness((n) => (n === 1 ? quota : undefined));
		saver.schedule(d('big'));
		await saver.flush();
		expect(statuses.at(-1)).toBe('error');
		expect(saver.dirty).toBe(true);
		saver.schedule(d('bigger'));
		await saver.flush();
		expect(writes.map((w) => w.name)).toEqual(['big', 'bigger']);
		expect(saver.status).toBe('saved');
	});

	it('flushes when the page is hidden', async () => {
		const { saver, writes } = harness();
		const off = flushOnPageHide(() => void saver.flush());
		saver.schedule(d('x'));
		window.dispatchEvent(new Event('pagehide'));
		await vi.advanceTimersByTimeAsync(0);
		expect(writes.length).toBe(1);
		off();
	});
});
