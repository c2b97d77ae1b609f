// A short-lived worker for a challenge's Check: one simulate() off the main thread, then
// the caller terminates it. A thin Comlink expose over lib/sim; nothing else.
import * as Comlink from 'comlink';
import { DesignError, simulate } from '../lib/sim';
import type { Design } from '../lib/model/types';
import type { SimOptions, SimResult } from '../lib/sim/types';

export type CheckReply = { ok: true; result: SimResult } | { ok: false; reasons: string[] };

const api = {
	run(design: Design, opts: Omit<SimOptions, 'onFrame'>): CheckReply {
		try {
			return { ok: true, result: simulate(design, opts) };
		} catch (e) {
			if (e instanceof DesignError) return { ok: false, reasons: e.reasons };
			return { ok: false, reasons: [e instanceof Error ? e.message : String(e)] };
		}
	}
};
export type CheckApi = typeof api;

Comlink.expose(api);
