// Money and numbers: paying for the capacity in use, and sizing a design from a
// back-of-the-envelope estimate (the estimator derives the client's workload).
import { design, scenario } from '../build';
import { DEFAULT_ESTIMATE_INPUT, estimate, type EstimateInput } from '../estimator';
import { client, db, edge, lb, web } from './parts';
import type { Params } from '../../model/types';
import type { Challenge } from './types';

const dayClient = () => client(2000, { shape: { kind: 'diurnal', periodS: 40, amplitude: 0.8 } });
const dayDesign = (id: string, name: string, webParams: Params) =>
	design(id, name, [dayClient(), lb(), web(webParams), db()], [edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]);

export const payForUse: Challenge = {
	id: 'pay-for-use',
	title: 'Pay for the capacity you use',
	level: 'medium',
	topic: 'cost',
	concepts: ['cost', 'autoscaling'],
	brief:
		'Traffic swings between 400 and 3,600 requests per second over the day (a 40 s day here). Eight web servers carry the peak, and sit mostly idle at night. Keep the goals and bring the bill under $800 a month.',
	failure: '',
	goals: [
		{ kind: 'cost', maxUsd: 800 },
		{ kind: 'latency', percentile: 'p99', maxMs: 200 },
		{ kind: 'errorBudget', maxPct: 1 }
	],
	run: scenario(45, [], 5, 7),
	start: dayDesign('ch-day-start', 'Pay for use', { instances: 8 }),
	reference: dayDesign('ch-day-ref', 'Pay for use (reference)', { instances: 3, autoscale: { enabled: true, min: 2, max: 8, targetUtilization: 0.45, evaluateS: 2, warmupS: 3 } }),
	hints: [
		'A fixed fleet is paid for at the peak all day. How many servers does the night need?',
		'Let the web tier grow and shrink with the load: autoscaling, with headroom for the warm-up of new servers.',
		'Autoscale between 2 and 8 instances aiming at 45 % utilization, evaluating every 2 s with a 3 s warm-up.'
	],
	explanation:
		'The average load is 2,000 requests a second, the peak 3,600. A fixed fleet pays for the peak around the clock; an autoscaled one pays for the load plus headroom, so the time-averaged number of servers, and the bill, drop by about a third.'
};

/** The estimate's peak rate and read share as a client. */
function estimatedClient(inp: EstimateInput, p: Params = {}) {
	const e = estimate(inp);
	return client(Math.round(e.peakRps), { mix: { static: 0, read: Number(e.readShare.toFixed(3)), write: Number((1 - e.readShare).toFixed(3)) }, ...p });
}

const PEAK_INPUT: EstimateInput = { ...DEFAULT_ESTIMATE_INPUT, dau: 5_000_000, requestsPerUser: 20, readsPerWrite: 9, peakFactor: 2.5 };
const peakDesign = (id: string, name: string, instances: number) =>
	design(id, name, [estimatedClient(PEAK_INPUT), lb(), web({ instances }), db()], [edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]);

export const estimateThePeak: Challenge = {
	id: 'estimate-the-peak',
	title: 'Size the web tier from an estimate',
	level: 'easy',
	topic: 'estimation',
	concepts: ['estimation', 'capacity'],
	estimate: PEAK_INPUT,
	brief:
		'5 million daily users make 20 requests each, nine reads to a write; the busiest hour runs at 2.5 times the average. The check sends the peak rate this works out to. Each web server (16 workers at 20 ms) finishes about 800 a second. Size the tier: fast at the peak, not oversized.',
	failure: '',
	goals: [
		{ kind: 'throughput', minRps: 2750 },
		{ kind: 'latency', percentile: 'p99', maxMs: 150 },
		{ kind: 'cost', maxUsd: 870 }
	],
	run: scenario(25, [], 5, 7),
	start: peakDesign('ch-peak-start', 'Estimate the peak', 1),
	reference: peakDesign('ch-peak-ref', 'Estimate the peak (reference)', 5),
	hints: [
		'Requests a day ÷ 86,400 seconds gives the average rate; the peak factor gives the rate to size for.',
		'5 × 10⁶ × 20 = 10⁸ requests a day, about 1,160 a second on average and 2,900 at the peak. Divide by what one server finishes, then add headroom.',
		'Five web servers: 4,000 a second of capacity, about 72 % busy at the peak. Six also pass; seven cost too much.'
	],
	explanation:
		'The estimate turns users into a rate: 10⁸ requests a day is about 1,160 a second, 2,900 at the peak. Four servers (3,200 a second) would run at 90 % and queue badly; five run at about 72 % with short queues, within budget.'
};

const WRITE_INPUT: EstimateInput = { ...DEFAULT_ESTIMATE_INPUT, dau: 2_000_000, requestsPerUser: 50, readsPerWrite: 1, peakFactor: 3 };
const WRITE_DB = { concurrency: 30, readMs: 5, writeMs: 15 };
const writeDesign = (id: string, name: string, dbp: Params) =>
	design(
		id,
		name,
		[estimatedClient(WRITE_INPUT, { keys: 1_000_000, zipf: 0.6 }), lb(), web({ instances: 4, serviceTimeMs: 10 }), db({ ...WRITE_DB, ...dbp })],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	);

export const estimateTheWrites: Challenge = {
	id: 'estimate-the-writes',
	title: 'How many shards?',
	level: 'hard',
	topic: 'estimation',
	concepts: ['estimation', 'sharding'],
	estimate: WRITE_INPUT,
	brief:
		'2 million daily users make 50 requests each, one write for every read, and the peak is three times the average. One database machine has 30 connections, 15 ms a write and 5 ms a read. Work out the peak write rate, then decide how to split the data, within $1,500 a month.',
	failure: '',
	goals: [
		{ kind: 'latency', percentile: 'p99', maxMs: 100 },
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'cost', maxUsd: 1500 }
	],
	run: scenario(25, [], 5, 7),
	start: writeDesign('ch-writes-start', 'Estimate the writes', {}),
	reference: writeDesign('ch-writes-ref', 'Estimate the writes (reference)', { shards: 2 }),
	hints: [
		'10⁸ requests a day ÷ 86,400 ≈ 1,160 a second; × 3 at the peak ≈ 3,500; half of them writes.',
		'One machine spends 1,750 × 15 ms + 1,750 × 5 ms = 35 connection-seconds each second: more than its 30. Followers would not help the writes.',
		'Two hash shards: each does half, about 17 connection-seconds of 30, near 60 % busy. Three also fit the budget.'
	],
	explanation:
		'The estimate gives about 1,750 writes and 1,750 reads a second at the peak, which needs 35 connections busy on one machine that has 30. Replicas copy every write, so only partitioning adds write capacity: two hash shards each carry half, at about 60 % utilization.'
};

export const BUDGET: Challenge[] = [estimateThePeak, payForUse, estimateTheWrites];
