// The design document (model.md): plain JSON, the same shape in IndexedDB, in a share
// link, in an exported file and as the simulator's input. Field names follow Svelte Flow
// (`position`, `source`, `target`) so the canvas needs no translation layer.

export const DESIGN_FORMAT = 'loadbearing/design';
/** The schema version this build writes. Older ones are migrated, newer ones refused. */
export const DESIGN_VERSION = 1;

export const NODE_KINDS = [
	'client',
	'dns',
	'geoDns',
	'cdn',
	'loadBalancer',
	'apiGateway',
	'rateLimiter',
	'service',
	'worker',
	'cache',
	'database',
	'kvStore',
	'objectStore',
	'queue'
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const REQUEST_TYPES = ['static', 'read', 'write'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Why a request failed. `pool-timeout`: the caller waited longer than its pool-wait timeout for a connection (docs/model.md). */
export const FAILURE_REASONS = ['rejected', 'rate-limited', 'timeout', 'unavailable', 'lost', 'pool-timeout'] as const;
export type Reason = (typeof FAILURE_REASONS)[number];

/** Params are open records: every field has a default (see kinds.ts), unknown ones are kept. */
export type Params = Record<string, unknown>;

export interface XY {
	x: number;
	y: number;
}

export interface DesignNode {
	id: string;
	kind: NodeKind;
	label?: string;
	position: XY;
	/** Id of the region (frame) the node belongs to, if any. */
	region?: string;
	params: Params;
	[extra: string]: unknown;
}

export interface DesignEdge {
	id: string;
	source: string;
	target: string;
	params: Params;
	[extra: string]: unknown;
}

export interface Region {
	id: string;
	name: string;
	/** Frame geometry on the canvas (editor only; the simulator ignores it). */
	position?: XY;
	width?: number;
	height?: number;
	[extra: string]: unknown;
}

export const SCENARIO_ACTIONS = [
	'fail',
	'recover',
	'failInstance',
	'slow',
	'partition',
	'flush',
	'spike',
	'errorRate',
	'edgeLatency',
	'packetLoss',
	'partitionNodes',
	'noisyNeighbour',
	'gcStorm',
	'brownout',
	'dnsOutage',
	'originOutage',
	'hotKey',
	'coldRestart',
	'diskFull',
	'replicationLag',
	'consumerCrash',
	'poisonMessages',
	'badDeploy',
	'warmRestart',
	'addCacheNode'
] as const;
export type ScenarioAction = (typeof SCENARIO_ACTIONS)[number];

export interface ScenarioEvent {
	atS: number;
	action: ScenarioAction;
	/** Node id (most faults), edge id (edgeLatency, packetLoss) or region id (fail/recover a region). */
	target?: string;
	/** slow: service-time multiplier; spike: traffic multiplier. */
	factor?: number;
	/** spike and most degradations: how long it lasts (0 or absent: until a recover). */
	durationS?: number;
	/** partition: the two region ids cut from each other. */
	regions?: [string, string];
	/** failInstance: which instance (default 0). */
	instance?: number;
	/** partitionNodes: the other node. */
	peer?: string;
	/** errorRate, brownout, badDeploy: share of requests failing; packetLoss: loss probability. */
	rate?: number;
	/** edgeLatency: added one-way latency. */
	addMs?: number;
	/** noisyNeighbour: how many instances. */
	count?: number;
	/** gcStorm: pause length and mean time between pauses per instance. */
	pauseMs?: number;
	everyS?: number;
	/** hotKey: share of the client's requests sent to one key. */
	share?: number;
	/** replicationLag: the followers' lag during the spike. */
	lagMs?: number;
	/** badDeploy: time between instances taking the bad version. */
	stepS?: number;
	/** warmRestart: time for the slowdown to wear off. */
	warmupS?: number;
	[extra: string]: unknown;
}

export interface Scenario {
	durationS: number;
	warmupS: number;
	seed: number;
	events: ScenarioEvent[];
	/**
	 * Seeds a Run covers (default 1): with more, the same design also runs once per seed on
	 * the job pool and the charts draw the median and 5–95 % band over those runs.
	 */
	runs?: number;
	[extra: string]: unknown;
}

export interface Design {
	format: typeof DESIGN_FORMAT;
	version: number;
	id: string;
	name: string;
	nodes: DesignNode[];
	edges: DesignEdge[];
	regions?: Region[];
	/** One-way latency between regions in ms, keyed "a|b" (either order); overrides the built-in matrix. */
	regionLatencyMs?: Record<string, number>;
	/** Hourly price per instance by kind (USD), overriding the built-in table. */
	prices?: Partial<Record<NodeKind, number>>;
	scenario?: Scenario;
	[extra: string]: unknown;
}

export const DEFAULT_SCENARIO: Scenario = { durationS: 60, warmupS: 5, seed: 1, events: [] };
