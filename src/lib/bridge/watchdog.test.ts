import { afterEach, describe, expect, it, vi } from 'vitest';
import { Watchdog } from './watchdog';

afterEach(() => vi.useRealTimers());

function dog(ping: () => Promise<unknown>) {
	const dead = vi.fn();
	const d = new Watchdog(ping, 5000, dead, (f, ms) => setTimeout(f, ms), (t) => clearTimeout(t as number));
	return { d, dead };
}

describe('Watchdog', () => {
	it('stays quiet while pings are answered', async () => {
		vi.useFakeTimers();
		const { d, dead } = dog(() => Promise.resolve(1));
		d.start();
		await vi.advanceTimersByTimeAsync(30_000);
		expect(dead).not.toHaveBeenCalled();
		d.stop();
	});
	it('calls dead once when a ping goes unanswered', async () => {
		vi.useFakeTimers();
		const { d, dead } = dog(() => new Promise(() => {}));
		d.start();
		await vi.advanceTimersByTimeAsync(30_000);
		expect(dead).toHaveBeenCalledTimes(1);
		expect(d.active).toBe(false);
	});
	it('is silenced by stop', async () => {
		vi.useFakeTimers();
		const { d, dead } = dog(() => new Promise(() => {}));
		d.start();
		await vi.advanceTimersByTimeAsync(2000);
		d.stop();
		await vi.advanceTimersByTimeAsync(30_000);
		expect(dead).not.toHaveBeenCalled();
	});
});
