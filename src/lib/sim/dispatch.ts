// Kind → component, as switches rather than a table of handler objects: each call site
// then sees one target and the JIT can inline it (a table lookup made every hop a
// megamorphic call). Every switch names every kind (no default that quietly treats a new
// kind as a forwarder): `unreachable(k)` makes an unhandled kind a compile error.
import type { Sim } from './core';
import { K, unreachable, type KindCode } from './consts';
import { client } from './components/client';
import { service } from './components/service';
import { cache } from './components/cache';
import { database } from './components/database';
import { forwarder } from './components/forward';
import { queue } from './components/queue';
import { workerServed } from './components/delivery';
import { kv } from './components/kv';
import { cdn } from './components/cdn';

export function onArrive(s: Sim, k: KindCode, c: number): void {
	switch (k) {
		case K.service:
		case K.worker:
		case K.objectStore:
			return service.arrive(s, c);
		case K.database:
			return database.arrive(s, c);
		case K.cache:
			return cache.arrive(s, c);
		case K.queue:
			return queue.arrive(s, c);
		case K.kvStore:
			return kv.arrive(s, c);
		case K.cdn:
			return cdn.arrive(s, c);
		case K.client:
			return client.arrive(s, c);
		case K.dns:
		case K.geoDns:
		case K.loadBalancer:
		case K.apiGateway:
		case K.rateLimiter:
			return forwarder.arrive(s, c);
		default:
			return unreachable(k);
	}
}

export function onServed(s: Sim, k: KindCode, c: number): void {
	switch (k) {
		case K.service:
		case K.objectStore:
			return service.served(s, c);
		case K.worker:
			return workerServed(s, c);
		case K.database:
			return database.served(s, c);
		case K.cache:
			return cache.served(s, c);
		case K.kvStore:
			return kv.served(s, c);
		case K.cdn:
			return cdn.served(s, c);
		// These never queue a call at an instance, so no service ends there.
		case K.client:
		case K.queue:
		case K.dns:
		case K.geoDns:
		case K.loadBalancer:
		case K.apiGateway:
		case K.rateLimiter:
			return;
		default:
			return unreachable(k);
	}
}

export function onResult(s: Sim, k: KindCode, c: number, res: number, flags: number): void {
	switch (k) {
		case K.service:
		case K.worker:
		case K.objectStore:
			return service.result(s, c, res, flags);
		case K.client:
			return client.result(s, c, res, flags);
		case K.database:
			return database.result(s, c, res, flags);
		case K.cache:
			return cache.result(s, c, res, flags);
		case K.kvStore:
			return kv.result(s, c, res, flags);
		case K.cdn:
			return cdn.result(s, c, res, flags);
		// A publish is acknowledged by the broker itself; the worker's answer goes nowhere.
		case K.queue:
			return;
		case K.dns:
		case K.geoDns:
		case K.loadBalancer:
		case K.apiGateway:
		case K.rateLimiter:
			return forwarder.result(s, c, res, flags);
		default:
			return unreachable(k);
	}
}

export function onResume(s: Sim, k: KindCode, c: number): void {
	switch (k) {
		case K.service:
		case K.worker:
		case K.objectStore:
			return service.resume(s, c);
		case K.client:
			return client.resume(s, c);
		case K.database:
			return database.resume(s, c);
		case K.cache:
			return cache.resume(s, c);
		case K.queue:
			return queue.resume(s, c);
		case K.kvStore:
			return kv.resume(s, c);
		case K.cdn:
			return cdn.resume(s, c);
		case K.dns:
		case K.geoDns:
		case K.loadBalancer:
		case K.apiGateway:
		case K.rateLimiter:
			return forwarder.resume(s, c);
		default:
			return unreachable(k);
	}
}
