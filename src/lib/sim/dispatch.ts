// Kind → component, as switches rather than a table of handler objects: each call site
// then sees one target and the JIT can inline it (a table lookup made every hop a
// megamorphic call).
import type { Sim } from './core';
import { K } from './consts';
import { client } from './components/client';
import { service } from './components/service';
import { cache } from './components/cache';
import { database } from './components/database';
import { forwarder } from './components/forward';
import { queue } from './components/queue';
import { kv } from './components/kv';
import { cdn } from './components/cdn';

export function onArrive(s: Sim, k: number, c: number): void {
	switch (k) {
		case K.SERVICE:
		case K.WORKER:
		case K.OBJECT:
			return service.arrive(s, c);
		case K.DB:
			return database.arrive(s, c);
		case K.CACHE:
			return cache.arrive(s, c);
		case K.QUEUE:
			return queue.arrive(s, c);
		case K.KV:
			return kv.arrive(s, c);
		case K.CDN:
			return cdn.arrive(s, c);
		case K.CLIENT:
			return client.arrive(s, c);
		default:
			return forwarder.arrive(s, c);
	}
}

export function onServed(s: Sim, k: number, c: number): void {
	switch (k) {
		case K.SERVICE:
		case K.WORKER:
		case K.OBJECT:
			return service.served(s, c);
		case K.DB:
			return database.served(s, c);
		case K.CACHE:
			return cache.served(s, c);
		case K.KV:
			return kv.served(s, c);
		case K.CDN:
			return cdn.served(s, c);
	}
}

export function onResult(s: Sim, k: number, c: number, res: number, flags: number): void {
	switch (k) {
		case K.SERVICE:
		case K.WORKER:
		case K.OBJECT:
			return service.result(s, c, res, flags);
		case K.CLIENT:
			return client.result(s, c, res, flags);
		case K.DB:
			return database.result(s, c, res, flags);
		case K.CACHE:
			return cache.result(s, c, res, flags);
		case K.KV:
			return kv.result(s, c, res, flags);
		case K.CDN:
			return cdn.result(s, c, res, flags);
		case K.QUEUE:
			return;
		default:
			return forwarder.result(s, c, res, flags);
	}
}

export function onResume(s: Sim, k: number, c: number): void {
	switch (k) {
		case K.SERVICE:
		case K.WORKER:
		case K.OBJECT:
			return service.resume(s, c);
		case K.CLIENT:
			return client.resume(s, c);
		case K.DB:
			return database.resume(s, c);
		case K.CACHE:
			return cache.resume(s, c);
		case K.QUEUE:
			return queue.resume(s, c);
		case K.KV:
			return kv.resume(s, c);
		case K.CDN:
			return cdn.resume(s, c);
		default:
			return forwarder.resume(s, c);
	}
}
