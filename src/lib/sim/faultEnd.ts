// Undoing a degradation of faults.ts when its time is up or a Recover names its target:
// every field it set goes back to what it was (saved values, never recomputed guesses).
import type { Sim } from './core';
import type { Live, FaultHost } from './faults';
import { clientState } from './components/client';
import { dbs } from './components/database';
import { fs } from './components/forward';
import { qs } from './components/queue';
import { unreachable } from './consts';


export function undoFault(s: Sim, host: FaultHost, l: Live): void {
	const n = l.n, ev = l.ev;
	switch (ev.action) {
		case 'errorRate':
			if (n) n.errRate = 0;
			break;
		case 'brownout':
			if (n) {
				n.errRate = 0;
				n.faultSlow /= l.saved[0];
				n.slow = n.healthSlow * n.faultSlow;
			}
			break;
		case 'edgeLatency':
			for (const e of l.e) {
				e.lat -= l.saved[0];
				e.base -= l.saved[0];
			}
			break;
		case 'packetLoss':
			for (const e of l.e) e.loss = 0;
			break;
		case 'partitionNodes':
			for (const e of l.e) e.cut = false;
			break;
		case 'noisyNeighbour':
			if (n?.instSlow) for (let i = 0; i < l.saved[0]; i++) n.instSlow[i] /= l.saved[1];
			break;
		case 'gcStorm':
			// Pauses already begun run out; no new ones start (pause() finds no live storm).
			break;
		case 'dnsOutage':
			if (n) fs(n).outageAt = -1;
			break;
		case 'originOutage':
			if (n) n.originDown = false;
			break;
		case 'hotKey':
			if (n) clientState(n).hotShare = 0;
			break;
		case 'coldRestart':
			for (const m of l.saved) host.recoverNode(s.nodes[m]);
			break;
		case 'diskFull':
			if (n) n.writesFail = false;
			break;
		case 'replicationLag': {
			const set = n ? dbs(n).set : null;
			if (!set) break;
			set.members.forEach((m, j) => (dbs(s.nodes[m]).lag = l.saved[j]));
			set.maxAsyncLag = l.saved[set.members.length];
			break;
		}
		case 'consumerCrash':
			if (n) host.recoverNode(n);
			break;
		case 'poisonMessages':
			if (n) qs(n).poison = l.saved[0];
			break;
		case 'badDeploy':
			// A rollback: every instance runs the good version again.
			if (n?.instErr) n.instErr.fill(0);
			break;
		case 'warmRestart':
			if (n) {
				n.faultSlow /= l.saved[l.saved.length - 1];
				n.slow = n.healthSlow * n.faultSlow;
			}
			break;
		case 'addCacheNode': // never in force: nothing to undo
			break;
		default:
			unreachable(ev.action);
	}
}
