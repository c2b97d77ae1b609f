// The simulator's worker: a thin Comlink expose over the run host (src/lib/worker/host.ts).
import * as Comlink from 'comlink';
import { createHost } from '../lib/worker/host';
import { createSimulation } from '../lib/sim';

const host = createHost({
	create: createSimulation,
	now: () => performance.now(),
	schedule: (fn, ms) => void setTimeout(fn, ms),
	transfer: (a) => Comlink.transfer(a, [a.buffer])
});

Comlink.expose(host);
