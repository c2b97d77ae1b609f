// The one-line description under a node's name: the figures a designer checks at a glance.
import { resolveParams } from '$lib/model/defaults';
import type { DesignNode } from '$lib/model/types';
import { unreachable } from '$lib/model/exhaustive';

const k = (x: number) => (x >= 1e6 ? `${+(x / 1e6).toFixed(1)}M` : x >= 1e3 ? `${+(x / 1e3).toFixed(1)}k` : `${+x.toFixed(2)}`);

export function summaryOf(node: DesignNode): string {
	const p = resolveParams(node.kind, node.params) as Record<string, any>;
	switch (node.kind) {
		case 'client':
			return `${k(p.rps)} rps${p.shape?.kind && p.shape.kind !== 'constant' ? ` · ${p.shape.kind}` : ''}`;
		case 'dns':
		case 'geoDns':
			return `${p.lookupMs} ms lookup`;
		case 'cdn':
			return `${k(p.capacity)} objects · ${p.hitMs} ms hit`;
		case 'loadBalancer':
			return `${p.algorithm}`;
		case 'apiGateway':
			return `${p.overheadMs} ms · max ${k(p.maxRps)} rps`;
		case 'rateLimiter':
			return `${k(p.limitRps)} rps · ${p.algorithm}`;
		case 'service':
		case 'worker':
			return `${p.autoscale?.enabled ? `${p.autoscale.min}–${p.autoscale.max}` : p.instances} × ${p.concurrency} · ${p.serviceTimeMs} ms`;
		case 'cache':
			return `${p.strategy} · ${k(p.capacity)} keys`;
		case 'database':
			return `${p.role}${p.shards > 1 ? ` · ${p.shards} shards` : ''} · ${p.readMs}/${p.writeMs} ms`;
		case 'kvStore':
			return `${p.nodes} nodes · N${p.n} W${p.w} R${p.r}`;
		case 'objectStore':
			return `${p.serviceTimeMs} ms`;
		case 'queue': {
			// What changes its behaviour: ordering by partition, a visibility timeout, a dead-letter queue.
			const parts = p.ordering === 'per-partition' ? [`${p.partitions} partition${p.partitions === 1 ? '' : 's'}`] : [];
			if (p.visibilityTimeoutS > 0) parts.push(`vis ${p.visibilityTimeoutS} s`);
			if (p.maxReceives > 0) parts.push(`DLQ after ${p.maxReceives}`);
			return parts.length > 0 ? parts.join(' · ') : 'FIFO';
		}
		default:
			return unreachable(node.kind);
	}
}

/** Compact figures for the live badge. */
export const formatRps = k;
export const formatMs = (ms: number) => (ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${+ms.toFixed(ms < 10 ? 1 : 0)} ms`);
