// Param sections several kinds share (a client's traffic shape and mix, a DNS's lookup),
// kept apart so the kinds table reads as one entry per kind.
import { spec, type ParamSpec } from './params';

const { n, choice, section } = spec;

/** Load-balancing algorithms (the simulator switches over these names, exhaustively). */
export const LB_ALGORITHMS = ['round-robin', 'random', 'least-connections', 'weighted', 'ip-hash', 'least-response-time', 'power-of-two'] as const;
export type LbAlgorithm = (typeof LB_ALGORITHMS)[number];
/** Rate-limiting algorithms (sim/parts/ratelimit.ts implements each). */
export const RATE_ALGORITHMS = ['token-bucket', 'leaky-bucket', 'fixed-window', 'sliding-window-log', 'sliding-window-counter'] as const;
export type RateLimitAlgorithm = (typeof RATE_ALGORITHMS)[number];

/** How a client's offered rate changes over time (sim/components/client.ts: rateAt). */
export const TRAFFIC_SHAPES = ['constant', 'ramp', 'spike', 'diurnal'] as const;
export type TrafficShape = (typeof TRAFFIC_SHAPES)[number];

export const SHAPE = section(
	'shape',
	'Traffic shape',
	[
		choice('kind', 'Shape', TRAFFIC_SHAPES, 'constant', 'How the rate changes over time.'),
		n('toRps', 'Ramp to', 'rps', 1000, 0, 1e9, 'Rate reached at the end of the ramp.', { when: { key: 'kind', is: ['ramp'] } }),
		n('overS', 'Ramp over', 's', 60, 0.001, 1e7, 'Length of the ramp.', { when: { key: 'kind', is: ['ramp'] }, exclusiveMin: true }),
		n('atS', 'Spike at', 's', 30, 0, 1e7, 'When the spike starts.', { when: { key: 'kind', is: ['spike'] } }),
		n('durationS', 'Spike length', 's', 10, 0, 1e7, 'How long the spike lasts.', { when: { key: 'kind', is: ['spike'] } }),
		n('factor', 'Spike factor', '×', 3, 0, 1e4, 'Rate multiplier during the spike.', { when: { key: 'kind', is: ['spike'] } }),
		n('periodS', 'Period', 's', 86400, 0.001, 1e8, 'Length of one day-night cycle.', { when: { key: 'kind', is: ['diurnal'] }, exclusiveMin: true }),
		n('amplitude', 'Amplitude', undefined, 0.5, 0, 1, 'Swing as a fraction of the mean rate.', { when: { key: 'kind', is: ['diurnal'] } })
	],
	'Constant, a linear ramp, a spike, or a sine-wave day.'
);

export const MIX = section(
	'mix',
	'Request mix',
	[
		n('static', 'Static', undefined, 0, 0, 1, 'Share of requests for static assets.'),
		n('read', 'Read', undefined, 0.9, 0, 1, 'Share of reads.'),
		n('write', 'Write', undefined, 0.1, 0, 1, 'Share of writes.')
	],
	'Shares of each request type; they are normalised to sum to 1.'
);

export const DNS_PARAMS: ParamSpec[] = [
	n('lookupMs', 'Lookup time', 'ms', 20, 0, 60_000, 'Added to requests whose resolver cache misses.'),
	n('clientCacheRatio', 'Client cache ratio', undefined, 0.95, 0, 1, 'Fraction of requests answered by a cached resolution.'),
	n('ttlS', 'Record TTL', 's', 60, 0, 1e7, 'How long clients keep a resolved address (it carries them through a DNS outage).')
];
