// Design → runtime tables: nodes and edges by index, resolved params, per-type routes.
// Everything the hot loop reads is computed once here.
import type { Sessions } from './sessions';
import { KINDS } from '../model/kinds';
import { regionLatencyMs, resolveEdgeParams, resolveParams } from '../model/defaults';
import type { Design, DesignNode, NodeKind, Params } from '../model/types';
import { K, TYPES, type KindCode } from './consts';
import { Histogram } from './engine/histogram';
import { BreakerState } from './machines/breakerState';
import { C } from './consts';
import { initOverload, initRetry } from './overload';
import { initEdgePool } from './pools';
import type { RetryBudget } from './parts/retryBudget';

export interface EdgeRt {
	idx: number;
	id: string;
	src: number;
	dst: number;
	/** One-way latency, s, including the region matrix between the two ends. */
	lat: number;
	/** The source has no region: the hop is priced from the request's origin region. */
	fromOrigin: boolean;
	/** Own latency without regions, s. */
	base: number;
	/** Bit t set: carries request type t. */
	carries: number;
	weight: number;
	timeout: number;
	retries: number;
	backoff: number;
	breaker: BreakerState | null;
	replication: boolean;
	mode: 'async' | 'sync' | 'semi-sync';
	lag: number;
	/** Faults on the link (sim/faults.ts): loss probability per transmission; cut by a node partition. */
	loss: number;
	cut: boolean;
	/** Retry policy (sim/overload.ts): results retried (bit per result code), jitter 0 equal 1 full 2 none, cap (s), budget. */
	retryMask: number;
	jitter: number;
	backoffCap: number;
	budget: RetryBudget | null;
	/** Connection pool (sim/pools.ts): first slot in the pool table (−1: none), slots, connections per slot, wait (s). */
	pool: number; poolSlots: number; poolSize: number; poolWait: number;
}

const num = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const str = (v: unknown, d: string): string => (typeof v === 'string' ? v : d);
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export { num, str, obj };

/** Random failures: on when `enabled` is true, or when a design gives {mtbfS, mttrS} without the flag (model.md's form). */
export function failuresOf(node: DesignNode, p: Params): { mtbf: number; mttr: number } | null {
	const raw = obj(obj(node.params).failures);
	const f = obj(p.failures);
	const on = raw.enabled === true || (raw.enabled === undefined && typeof raw.mtbfS === 'number');
	if (!on) return null;
	const mtbf = num(f.mtbfS, 3600), mttr = num(f.mttrS, 60);
	return mtbf > 0 && mttr > 0 ? { mtbf, mttr } : null;
}

export class NodeRt {
	idx: number;
	id: string;
	kind: NodeKind;
	k: KindCode;
	p: Params;
	region = -1;
	/** Instances allocated (the autoscaler's max), active (taking traffic), and as designed. */
	nInst = 1;
	active = 1;
	conc = 1;
	queueLimit = Infinity;
	/** 0 exponential, 1 constant, 2 lognormal. */
	dist = 0;
	mean = 0;
	readMean = 0;
	writeMean = 0;
	sigma = 0;
	blocking = false;
	/** Service-time factor: the health machine's (slow) × the faults' (brown-out, warm-up). */
	slow = 1;
	healthSlow = 1;
	faultSlow = 1;
	/** Faults (sim/faults.ts), all off by default: the hot loop tests a number or a null. */
	errRate = 0;
	instErr: Float64Array | null = null;
	instSlow: Float64Array | null = null;
	pausedUntil: Float64Array | null = null;
	writesFail = false;
	originDown = false;
	/** Overload behaviour (sim/overload.ts): queue order, shedding, contention, GC pressure. */
	discipline = 0;
	standingTimeout = 0;
	dropAbandoned = false;
	contention = 0;
	emptyAt: Float64Array | null = null;
	gc: { pause: number; base: number; per: number } | null = null;
	failed = false;
	downSince = -Infinity;
	busy: Int32Array;
	qLen: Int32Array;
	qHead: Int32Array;
	queues: Int32Array[];
	up: Uint8Array;
	epoch: Int32Array;
	instDownSince: Float64Array;
	ready: Uint8Array;
	ewma: Float64Array;
	busyTotal = 0;
	waitTotal = 0;
	capTotal = 0;
	lastT = 0;
	busyArea = 0;
	waitArea = 0;
	capArea = 0;
	cnt = new Float64Array(C.SIZE);
	hRun = new Histogram();
	hWin = new Histogram();
	/** Failed visits: arrival here → the failure (at a client: send → it learns of it). */
	hFailRun = new Histogram();
	/** Outgoing call edges (not replication) carrying each type, in design order. */
	out: number[][] = [[], [], []];
	/** The single database edge per type when no choice is needed (else -1). */
	dbFast = new Int32Array([-1, -1, -1]);
	/** Incoming edges. */
	inEdges: number[] = [];
	/** Service/worker plan per type: pairs (step code, arg). */
	plan: Int32Array[] = [];
	failures: { mtbf: number; mttr: number } | null = null;
	// Kind-specific state, set by the components. Declared here (all null) so every node
	// has the same shape and the hot loop's property loads stay monomorphic.
	client: unknown = null;
	fwd: unknown = null;
	/** A stateful service's sessions (sessions.ts); null when `stateful` is off. */
	sessions: Sessions | null = null;
	db: unknown = null;
	cache: unknown = null;
	queue: unknown = null;
	kv: unknown = null;
	store: unknown = null;
	/** A worker's upstream queue nodes. */
	sources: number[] = [];
	promotedAt = -1;

	constructor(idx: number, node: DesignNode, regionIdx: number) {
		this.idx = idx;
		this.id = node.id;
		this.kind = node.kind;
		this.k = K[node.kind];
		this.p = resolveParams(node.kind, node.params);
		this.region = regionIdx;
		this.failures = node.kind === 'client' ? null : failuresOf(node, this.p);
		const p = this.p;
		const k = this.k;
		if (k === K.kvStore) {
			this.nInst = Math.max(1, Math.floor(p.nodes as number));
		} else if (k === K.database) {
			this.nInst = Math.max(1, Math.floor(p.instances as number)) * Math.max(1, Math.floor(p.shards as number));
		} else if (p.instances !== undefined && KINDS[node.kind].scalesOut) {
			this.nInst = Math.max(1, Math.floor(num(p.instances, 1)));
		}
		this.active = this.nInst;
		const as = obj(p.autoscale);
		if (as.enabled === true) this.nInst = Math.max(this.nInst, Math.floor(num(as.max, this.nInst)));
		this.conc = Math.max(1, Math.floor(num(p.concurrency, k === K.loadBalancer || k === K.apiGateway ? 1e9 : 1)));
		const ql = p.queueLimit;
		this.queueLimit = typeof ql === 'number' && ql >= 0 ? ql : Infinity;
		const d = str(p.serviceDist, 'exponential');
		this.dist = d === 'constant' ? 1 : d === 'lognormal' ? 2 : 0;
		const cv = num(p.serviceCv, 1);
		this.sigma = Math.sqrt(Math.log(1 + cv * cv));
		this.mean = num(p.serviceTimeMs, 0) / 1000;
		if (k === K.cdn) {
			this.mean = (p.hitMs as number) / 1000;
			this.dist = 1;
		}
		this.readMean = num(p.readMs, 5) / 1000;
		this.writeMean = num(p.writeMs, 10) / 1000;
		this.blocking = p.blocking === true;
		const n = this.nInst;
		this.busy = new Int32Array(n);
		this.qLen = new Int32Array(n);
		this.qHead = new Int32Array(n);
		this.queues = [];
		for (let i = 0; i < n; i++) this.queues.push(new Int32Array(8));
		this.up = new Uint8Array(n).fill(1);
		this.ready = new Uint8Array(n).fill(1);
		this.epoch = new Int32Array(n);
		this.instDownSince = new Float64Array(n).fill(-Infinity);
		this.ewma = new Float64Array(n);
		this.capTotal = this.active * this.conc;
		initOverload(this);
	}
}

export interface Compiled {
	nodes: NodeRt[];
	edges: EdgeRt[];
	byId: Map<string, number>;
	regions: string[];
	regionLat: Float64Array; // R×R one-way, s
	price: (kind: NodeKind) => number;
}

export function compile(design: Design): Compiled {
	const regionIds: string[] = [];
	const rIndex = new Map<string, number>();
	const addRegion = (r: string) => {
		if (!rIndex.has(r)) {
			rIndex.set(r, regionIds.length);
			regionIds.push(r);
		}
		return rIndex.get(r)!;
	};
	for (const r of design.regions ?? []) addRegion(r.id);
	for (const n of design.nodes) if (n.region) addRegion(n.region);
	for (const n of design.nodes)
		if (n.kind === 'client') for (const r of Object.keys(obj(resolveParams('client', n.params).regions))) addRegion(r);
	const R = regionIds.length;
	const regionLat = new Float64Array(R * R);
	for (let a = 0; a < R; a++)
		for (let b = 0; b < R; b++) regionLat[a * R + b] = a === b ? 0 : regionLatencyMs(design, regionIds[a], regionIds[b]) / 1000;

	const byId = new Map<string, number>();
	const nodes = design.nodes.map((n, i) => {
		byId.set(n.id, i);
		return new NodeRt(i, n, n.region ? rIndex.get(n.region)! : -1);
	});
	const edges: EdgeRt[] = [];
	for (const e of design.edges) {
		const src = byId.get(e.source), dst = byId.get(e.target);
		if (src === undefined || dst === undefined) continue;
		const p = resolveEdgeParams(e.params);
		const replication = nodes[src].kind === 'database' && nodes[dst].kind === 'database';
		let carries = 0;
		const cr = Array.isArray(p.carries) ? (p.carries as string[]) : TYPES;
		TYPES.forEach((t, i) => {
			if (cr.includes(t)) carries |= 1 << i;
		});
		// Edge params are resolved from EDGE_PARAMS and checked: read as is, no second default.
		const base = Math.max(0, p.latencyMs as number) / 1000;
		const ra = nodes[src].region, rb = nodes[dst].region;
		const b = obj(p.breaker);
		const windowS = Math.max(0.001, b.windowS as number);
		const slots = Math.max(1, Math.ceil(windowS));
		const edge: EdgeRt = {
			idx: edges.length,
			id: e.id,
			src,
			dst,
			base,
			lat: base + (ra >= 0 && rb >= 0 ? regionLat[ra * R + rb] : 0),
			fromOrigin: R > 0 && ra < 0,
			carries,
			weight: Math.max(0, p.weight as number),
			timeout: Math.max(0, p.timeoutMs as number) / 1000,
			retries: Math.max(0, Math.floor(p.retries as number)),
			backoff: Math.max(0, p.backoffMs as number) / 1000,
			breaker:
				b.enabled === true
					? new BreakerState({
							failureRate: b.failureRate as number,
							windowS,
							openS: Math.max(0, b.openS as number),
							halfOpenProbes: Math.max(1, Math.floor(b.halfOpenProbes as number)),
							buckets: Math.min(100, slots)
						})
					: null,
			replication,
			mode: p.mode as EdgeRt['mode'],
			lag: Math.max(0, p.lagMs as number) / 1000,
			loss: 0,
			cut: false,
			retryMask: 0,
			jitter: 0,
			backoffCap: Infinity,
			budget: null,
			...{ pool: -1, poolSlots: 0, poolSize: 0, poolWait: 0 }
		};
		initRetry(edge, p);
		initEdgePool(edge, p);
		edges.push(edge);
		nodes[dst].inEdges.push(edge.idx);
		if (!replication) for (let t = 0; t < 3; t++) if (carries & (1 << t)) nodes[src].out[t].push(edge.idx);
	}
	const prices = design.prices ?? {};
	return {
		nodes,
		edges,
		byId,
		regions: regionIds,
		regionLat,
		price: (kind) => (typeof prices[kind] === 'number' ? (prices[kind] as number) : KINDS[kind].hourlyUsd)
	};
}
