// Sticky (`stateful`) sessions of a service (docs/model.md, "Sessions"). A user's session
// lives in the memory of the instance that first served them; a later request of theirs
// that the balancer sends to another instance finds no session there and fails `lost`, and
// the user signs in again where they landed (their session now lives there). An instance
// that dies loses every session it held: its epoch changes, and a session remembers the
// epoch it was made in. A user is a request key (the key ip-hash hashes).
//
// One slot per user, up to 2^20 users (exact below that; above, users share slots by key
// mod size, and a shared slot reads as the other user's session). Built only for a service
// with `stateful` on: without it the service's arrival path tests one null.
import type { NodeRt } from './compile';

export const SESSION_SLOTS_MAX = 1 << 20;

export interface Sessions {
	/** Per user slot: the instance holding the session + 1 (0: no session yet). */
	home: Int32Array;
	/** The instance's epoch when the session was made (a death since loses it). */
	epoch: Int32Array;
	size: number;
}

export function initSessions(n: NodeRt, users: number): void {
	const size = Math.max(1, Math.min(SESSION_SLOTS_MAX, Math.floor(users)));
	n.sessions = { home: new Int32Array(size), epoch: new Int32Array(size), size } satisfies Sessions;
}

/**
 * Whether user `key`'s session is on instance i of n. A first visit makes it there; a
 * visit elsewhere (or after the holding instance died) moves it there and answers false:
 * that request is the one that found itself signed out.
 */
export function sessionHere(ss: Sessions, n: NodeRt, i: number, key: number): boolean {
	const slot = key % ss.size;
	const home = ss.home[slot];
	if (home === i + 1 && ss.epoch[slot] === n.epoch[i]) return true;
	ss.home[slot] = i + 1;
	ss.epoch[slot] = n.epoch[i];
	return home === 0;
}
