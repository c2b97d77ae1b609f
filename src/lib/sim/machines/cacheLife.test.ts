import { describe, expect, it } from 'vitest';
import { startCacheLife } from './cacheLife';

describe('cache lifecycle', () => {
	it('warm → flushed → warming → warm when the hit ratio recovers', () => {
		const c = startCacheLife(1_000_000, 0.9);
		c.send({ type: 'PROGRESS', now: 1, hitRatio: 0.8, fills: 10 });
		c.send({ type: 'FLUSH', now: 2 });
		expect(c.stateName()).toBe('flushed');
		c.send({ type: 'PROGRESS', now: 3, hitRatio: 0.1, fills: 500 });
		expect(c.stateName()).toBe('warming');
		c.send({ type: 'PROGRESS', now: 4, hitRatio: 0.7, fills: 300 });
		expect(c.stateName()).toBe('warming'); // 0.7 < 0.9 × 0.8
		c.send({ type: 'PROGRESS', now: 5, hitRatio: 0.73, fills: 200 });
		expect(c.stateName()).toBe('warm');
		expect(c.context().warmAt).toBe(5);
	});

	it('is warm again after the fill count even if the hit ratio lags', () => {
		const c = startCacheLife(1000);
		c.send({ type: 'PROGRESS', now: 1, hitRatio: 0.9, fills: 0 });
		c.send({ type: 'FLUSH', now: 2 });
		c.send({ type: 'PROGRESS', now: 3, hitRatio: 0.2, fills: 600 });
		c.send({ type: 'PROGRESS', now: 4, hitRatio: 0.3, fills: 400 });
		expect(c.stateName()).toBe('warm');
	});

	it('a flush while warming starts over', () => {
		const c = startCacheLife(1000);
		c.send({ type: 'FLUSH', now: 0 });
		c.send({ type: 'PROGRESS', now: 1, hitRatio: 0, fills: 900 });
		c.send({ type: 'FLUSH', now: 2 });
		c.send({ type: 'PROGRESS', now: 3, hitRatio: 0, fills: 500 });
		expect([c.stateName(), c.context().fills]).toEqual(['warming', 500]);
	});
});
