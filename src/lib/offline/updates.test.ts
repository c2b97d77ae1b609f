import { describe, expect, it, vi } from 'vitest';
import { watchForUpdates, type SwContainer, type SwRegistration, type SwWorker } from './updates';

function fakeWorker(state = 'installing'): SwWorker & { fire(): void; posted: unknown[] } {
	const cbs: (() => void)[] = [];
	return {
		state,
		posted: [],
		postMessage(m) {
			this.posted.push(m);
		},
		addEventListener: (_t, cb) => cbs.push(cb),
		fire: () => cbs.forEach((c) => c())
	};
}

function fakeSetup(controller: unknown, waiting: SwWorker | null = null) {
	const regCbs: (() => void)[] = [];
	const ccCbs: (() => void)[] = [];
	const reg: SwRegistration = { waiting, installing: null, addEventListener: (_t, cb) => regCbs.push(cb) };
	const container: SwContainer = { controller, getRegistration: async () => reg, addEventListener: (_t, cb) => ccCbs.push(cb) };
	return { reg, container, updatefound: () => regCbs.forEach((c) => c()), controllerchange: () => ccCbs.forEach((c) => c()) };
}

describe('watchForUpdates', () => {
	it('offers a worker that is already waiting, and reloads once after it takes over', async () => {
		const w = fakeWorker('installed');
		const s = fakeSetup({}, w);
		const onReady = vi.fn();
		const reload = vi.fn();
		await watchForUpdates(s.container, onReady, reload);
		expect(onReady).toHaveBeenCalledTimes(1);
		onReady.mock.calls[0][0]();
		expect(w.posted).toEqual([{ type: 'SKIP_WAITING' }]);
		s.controllerchange();
		s.controllerchange();
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('offers a worker found later once it has installed', async () => {
		const s = fakeSetup({});
		const onReady = vi.fn();
		await watchForUpdates(s.container, onReady, vi.fn());
		const w = fakeWorker();
		s.reg.installing = w;
		s.updatefound();
		expect(onReady).not.toHaveBeenCalled();
		w.state = 'installed';
		w.fire();
		expect(onReady).toHaveBeenCalledTimes(1);
	});

	it('says nothing on the very first install, and does not reload when it takes control', async () => {
		const s = fakeSetup(null, fakeWorker('installed'));
		const onReady = vi.fn();
		const reload = vi.fn();
		await watchForUpdates(s.container, onReady, reload);
		s.controllerchange();
		expect(onReady).not.toHaveBeenCalled();
		expect(reload).not.toHaveBeenCalled();
	});

	it('waits for a registration made after the page mounted', async () => {
		const s = fakeSetup({}, fakeWorker('installed'));
		const onReady = vi.fn();
		const late: SwContainer = { ...s.container, getRegistration: async () => undefined, ready: Promise.resolve(s.reg) };
		await watchForUpdates(late, onReady, vi.fn());
		expect(onReady).toHaveBeenCalledTimes(1);
	});

	it('does nothing without service-worker support', async () => {
		await expect(watchForUpdates(undefined, vi.fn())).resolves.toBeUndefined();
	});
});
