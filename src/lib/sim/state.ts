// The simulation's state: the clock, the event queue, the random stream, the compiled design
// and the counters every figure is computed from, with the few read-only questions every
// component asks of it (is a node down, what does a hop cost). Split from core.ts so that
// the call protocol (core.ts) and the server groups (servers.ts) each read on their own; Sim
// extends ServerGroups extends SimState, so components still see one object with one shape.
import type { Design } from '../model/types';
import { compile, type Compiled, type EdgeRt, type NodeRt } from './compile';
import { C, K } from './consts';
import { EventQueue } from './engine/heap';
import { Histogram } from './engine/histogram';
import { Rng } from './engine/rng';
import { CallPool } from './calls';
import type { PoolTable } from './parts/pool';

export interface SimOptions {
	durationS: number;
	warmupS: number;
	seed: number;
	frameS: number;
}

export class SimState extends CallPool {
	q = new EventQueue();
	rng: Rng;
	now = 0;
	events = 0;
	durationS: number;
	warmupS: number;
	frameS: number;
	design: Design;
	nodes: NodeRt[];
	edges: EdgeRt[];
	cx: Compiled;
	R: number;
	/** Region down flags and partitions (pairs a*R+b). */
	regionDown: Uint8Array;
	partitioned: Uint8Array;

	// scratch outputs of pickers (no tuple allocation)
	dbEdge = -1;
	pickE = -1;
	pickI = -1;
	// scenario-driven state
	spikesPlanned = false;
	/** Whether any node looks at keys (caches, shards, replicas, ip-hash, per-key limits); if not, none are drawn. */
	keysMatter = true;
	/** Only a least-response-time balancer needs each instance's recent latency. */
	trackEwma = false;
	/** With one client its node's latency is the global one: recorded once. */
	singleClient = false;
	/** When every client sends one and the same type, the per-type latency is the global one (recorded once). */
	singleType = -1;
	/** Sliced run (scale.ts): counts × scale, instances × instanceScale. */
	scale = 1;
	instanceScale = new Float64Array(0);
	/** Set once a partition event has cut two regions apart. */
	anyPartition = false;
	/** Connection pools (pools.ts), null when no edge has one; the last wait's ticket. */
	pools: PoolTable | null = null;
	poolTicket = 0;
	spikeMul = new Float64Array(0);
	replicaSets: import('./components/database').ReplicaSet[] = [];
	scenario: { pendingReady: Int32Array } | null = null;
	/** Lifecycle machines (XState) per node: health, and the autoscaler or cache life. */
	health: ({ stateName(): string } | undefined)[] = [];
	lives: ({ stateName(): string } | undefined)[] = [];

	// ---- global counters (cumulative) and histograms
	g = new Float64Array(C.SIZE);
	gRun = new Histogram();
	gWin = new Histogram();
	gType = [new Histogram(), new Histogram(), new Histogram()];
	/** Failed requests: send → the client learns of the failure (run and window). */
	gFailRun = new Histogram();
	gFailWin = new Histogram();
	snapRun: { g: Float64Array; nodes: Float64Array[]; areas: Float64Array } | null = null;
	snapWin: { g: Float64Array; nodes: Float64Array[]; areas: Float64Array; t: number };

	constructor(design: Design, opts: SimOptions) {
		super();
		this.design = design;
		this.durationS = opts.durationS;
		this.warmupS = opts.warmupS;
		this.frameS = opts.frameS;
		this.rng = new Rng(opts.seed);
		this.cx = compile(design);
		this.nodes = this.cx.nodes;
		this.edges = this.cx.edges;
		this.R = this.cx.regions.length;
		this.regionDown = new Uint8Array(Math.max(1, this.R));
		this.partitioned = new Uint8Array(Math.max(1, this.R * this.R));
		this.snapWin = this.snapshot(0);
		this.instanceScale = new Float64Array(this.nodes.length).fill(1);
	}

	snapshot(t: number) {
		const areas = new Float64Array(this.nodes.length * 3);
		this.nodes.forEach((n, i) => {
			this.touch(n);
			areas[3 * i] = n.busyArea;
			areas[3 * i + 1] = n.waitArea;
			areas[3 * i + 2] = n.capArea;
		});
		return { g: this.g.slice(), nodes: this.nodes.map((n) => n.cnt.slice()), areas, t };
	}

	// ---------------------------------------------------------------- time-weighted areas
	touch(n: NodeRt): void {
		const dt = this.now - n.lastT;
		if (dt > 0) {
			n.busyArea += n.busyTotal * dt;
			n.waitArea += n.waitTotal * dt;
			n.capArea += n.capTotal * dt;
			n.lastT = this.now;
		}
	}

	/**
	 * A group's capacity is its live workers: utilization is busy time over the capacity of
	 * the instances that were up (a dead instance neither works nor counts as idle).
	 */
	recap(n: NodeRt): void {
		this.touch(n);
		let up = 0;
		if (!this.nodeDown(n)) for (let i = 0; i < n.active; i++) up += n.up[i];
		n.capTotal = up * n.conc;
	}

	// ---------------------------------------------------------------- health
	nodeDown(n: NodeRt): boolean {
		return n.failed || (n.region >= 0 && this.regionDown[n.region] === 1);
	}
	instUp(n: NodeRt, i: number): boolean {
		return n.up[i] === 1 && !this.nodeDown(n);
	}
	/** Whether a node has no instance able to answer (for DNS and failover decisions). */
	allDown(n: NodeRt): boolean {
		if (this.nodeDown(n)) return true;
		if (n.k === K.client) return false;
		for (let i = 0; i < n.active; i++) if (n.up[i] === 1) return false;
		return true;
	}

	latency(e: EdgeRt, target: number): number {
		if (target === e.dst) return e.lat;
		const ra = this.nodes[e.src].region, rb = this.nodes[target].region;
		return e.base + (ra >= 0 && rb >= 0 ? this.cx.regionLat[ra * this.R + rb] : 0);
	}

	spikeFactor(client: number): number {
		return this.spikeMul.length > 0 ? this.spikeMul[client] : 1;
	}
}
