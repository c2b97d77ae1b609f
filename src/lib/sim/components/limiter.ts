// Rate limiter algorithms (Xu, "System Design Interview", ch. 4). admit() returns -1 to
// refuse (429), 0 to pass now, or a delay in s (the leaky bucket shapes: it queues up to
// `burst` requests and lets them out evenly at the limit).
import type { Params } from '../../model/types';
import { num, str } from '../compile';

const WINDOW = 1;

class KeyState {
	tokens = 0;
	last = 0;
	// leaky bucket: when the queue drains
	freeAt = 0;
	// windows
	winStart = 0;
	winCount = 0;
	prevCount = 0;
	log: Float64Array | null = null;
	logHead = 0;
	logLen = 0;
}

export class Limiter {
	readonly algo: string;
	readonly rate: number;
	readonly burst: number;
	readonly perKey: boolean;
	private global = new KeyState();
	private keys = new Map<number, KeyState>();

	constructor(p: Params) {
		this.algo = str(p.algorithm, 'token-bucket');
		this.rate = Math.max(0, num(p.limitRps, 1000));
		this.burst = Math.max(0, Math.floor(num(p.burst, 100)));
		this.perKey = str(p.scope, 'global') === 'per-key';
		this.global.tokens = Math.max(1, this.burst);
	}

	private state(key: number): KeyState {
		if (!this.perKey) return this.global;
		let st = this.keys.get(key);
		if (!st) {
			st = new KeyState();
			st.tokens = Math.max(1, this.burst);
			this.keys.set(key, st);
		}
		return st;
	}

	admit(now: number, key: number): number {
		const st = this.state(key);
		const r = this.rate;
		switch (this.algo) {
			case 'leaky-bucket': {
				// a queue of `burst` slots drained at `rate`: wait until our turn, or refuse when full
				if (r <= 0) return -1;
				const start = Math.max(now, st.freeAt);
				if ((start - now) * r > this.burst) return -1;
				st.freeAt = start + 1 / r;
				return start - now;
			}
			case 'fixed-window': {
				const w = Math.floor(now / WINDOW) * WINDOW;
				if (w !== st.winStart) {
					st.winStart = w;
					st.winCount = 0;
				}
				if (st.winCount >= r * WINDOW) return -1;
				st.winCount++;
				return 0;
			}
			case 'sliding-window-log': {
				const cap = Math.max(1, Math.ceil(r * WINDOW));
				if (!st.log) st.log = new Float64Array(Math.min(cap, 1 << 20));
				const log = st.log;
				while (st.logLen > 0 && log[st.logHead] <= now - WINDOW) {
					st.logHead = (st.logHead + 1) % log.length;
					st.logLen--;
				}
				if (st.logLen >= Math.min(cap, log.length)) return -1;
				log[(st.logHead + st.logLen) % log.length] = now;
				st.logLen++;
				return 0;
			}
			case 'sliding-window-counter': {
				const w = Math.floor(now / WINDOW) * WINDOW;
				if (w !== st.winStart) {
					st.prevCount = w - st.winStart === WINDOW ? st.winCount : 0;
					st.winStart = w;
					st.winCount = 0;
				}
				const est = st.prevCount * (1 - (now - w) / WINDOW) + st.winCount;
				if (est >= r * WINDOW) return -1;
				st.winCount++;
				return 0;
			}
			default: {
				// token bucket: `burst` tokens, refilled at `rate`
				const cap = Math.max(1, this.burst);
				st.tokens = Math.min(cap, st.tokens + (now - st.last) * r);
				st.last = now;
				if (st.tokens < 1) return -1;
				st.tokens -= 1;
				return 0;
			}
		}
	}
}
