// Flow control: queues that absorb bursts, workers that follow the backlog, and which
// rate-limiting algorithm lets a burst through.
import { design, scenario } from '../build';
import { client, db, edge, lb, node, web, writes } from './parts';
import type { Params } from '../../model/types';
import type { Challenge } from './types';

const uploadClient = () => client(600, { mix: { static: 0, read: 0.7, write: 0.3 }, shape: { kind: 'spike', atS: 10, durationS: 5, factor: 5 } });
const PROCESSOR = { instances: 2, concurrency: 8, serviceTimeMs: 40 };
const head = () => [lb(), web({ instances: 4, serviceTimeMs: 10 }), db()];
const headEdges = [edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')];

export const bufferTheSpike: Challenge = {
	id: 'buffer-the-spike',
	title: 'Let a queue take the burst',
	level: 'easy',
	topic: 'queues',
	concepts: ['message-queue'],
	brief:
		'Each upload is processed by a service that can finish 400 a second; normally 180 arrive. For 5 s a campaign multiplies traffic by five and uploads fail. Processing may lag behind for a while, as long as it catches up by the end of the run.',
	failure: 'From 10 s to 15 s traffic is five times higher.',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 150 },
		{ kind: 'backlog', maxDepth: 100 }
	],
	run: scenario(35, [], 5, 7),
	start: design(
		'ch-buffer-start',
		'Buffer the spike',
		[uploadClient(), ...head(), node('proc', 'service', 650, 300, PROCESSOR, { label: 'Processor' })],
		[...headEdges, edge('web', 'proc', writes)]
	),
	reference: design(
		'ch-buffer-ref',
		'Buffer the spike (reference)',
		[uploadClient(), ...head(), node('uploads', 'queue', 650, 300, {}, { label: 'Uploads' }), node('proc', 'worker', 850, 300, PROCESSOR, { label: 'Processor' })],
		[...headEdges, edge('web', 'uploads', writes), edge('uploads', 'proc')]
	),
	hints: [
		'The processor has enough capacity on average, just not during the burst. Does the user need to wait for the processing?',
		'Put a message queue between the web tier and the processor, and turn the processor into a worker that pulls from it.',
		'A queue and the same two processors as workers: the burst becomes a backlog of about 2,500 messages that drains in about 11 s.'
	],
	explanation:
		'During the burst 900 uploads a second arrive for 400 a second of processing. Synchronously, the excess is rejected; behind a queue it waits. After the burst the workers drain the backlog at 400 − 180 = 220 a second, so it is gone well before the end.'
};

const rampClient = () => client(240, { mix: { static: 0, read: 0, write: 1 }, shape: { kind: 'ramp', toRps: 1200, overS: 30 } });
const jobWorkers = (p: Params) => node('jobs-w', 'worker', 850, 300, { concurrency: 8, serviceTimeMs: 50, ...p }, { label: 'Job workers' });
const jobs = () => node('jobs', 'queue', 650, 300, {}, { label: 'Jobs' });
const jobHead = () => [lb(), web({ instances: 2, serviceTimeMs: 10 })];
const jobEdges = [edge('client', 'lb'), edge('lb', 'web'), edge('web', 'jobs'), edge('jobs', 'jobs-w')];

export const backlogAutoscale: Challenge = {
	id: 'backlog-autoscale',
	title: 'Workers that follow the load',
	level: 'hard',
	topic: 'queues',
	concepts: ['autoscaling', 'message-queue', 'cost'],
	brief:
		'Jobs arrive at 240 a second in the morning and 1,200 a second by noon. Four workers (160 jobs a second each) fall behind as the day goes on; enough workers for noon all day cost too much. Keep the backlog under 1,000 at the end, within budget.',
	failure: '',
	goals: [
		{ kind: 'backlog', maxDepth: 1000 },
		{ kind: 'cost', maxUsd: 780 },
		{ kind: 'errorBudget', maxPct: 1 }
	],
	run: scenario(40, [], 5, 7),
	start: design('ch-backlog-start', 'Backlog autoscale', [rampClient(), ...jobHead(), jobs(), jobWorkers({ instances: 4 })], jobEdges),
	reference: design(
		'ch-backlog-ref',
		'Backlog autoscale (reference)',
		[rampClient(), ...jobHead(), jobs(), jobWorkers({ instances: 2, autoscale: { enabled: true, min: 2, max: 12, targetUtilization: 0.8, evaluateS: 2, warmupS: 3 } })],
		jobEdges
	),
	hints: [
		'A fixed pool sized for the morning drowns at noon; sized for noon it idles all morning. What should decide the number of workers?',
		'Autoscale the workers: a worker pool fed by a queue can run hot, since waiting happens in the queue, not in a user\'s request.',
		'Autoscale 2 to 12 workers aiming at 80 % utilization, evaluated every 2 s with a 3 s warm-up.'
	],
	explanation:
		'Workers behind a queue can run at high utilization: nobody waits on them directly, the queue holds the excess. Autoscaling at 80 % adds workers as the ramp climbs, so the backlog never builds, and the bill follows the average load rather than the peak.'
};

const floodClient = () => node('client', 'client', -200, 140, { rps: 3000 }, { label: 'Users' });
const BACKEND = { instances: 2, concurrency: 8, serviceTimeMs: 15 };
const limited = (id: string, name: string, limiter: Params) =>
	design(
		id,
		name,
		[floodClient(), node('limiter', 'rateLimiter', 0, 140, limiter), lb(), web(BACKEND), db()],
		[edge('client', 'limiter'), edge('limiter', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	);

export const windowBurst: Challenge = {
	id: 'window-burst',
	title: 'The limiter that lets a burst through',
	level: 'medium',
	topic: 'rate-limiting',
	concepts: ['rate-limiting', 'load-shedding'],
	brief:
		'A client floods the API at 3,000 requests per second. The limiter allows 800 a second, which the servers behind it (about 1,070 a second) can take, yet admitted requests are rejected and slow. The limit is right; the way it counts is not.',
	failure: '',
	goals: [
		{ kind: 'errorBudget', maxPct: 1, ignore: ['rate-limited'] },
		{ kind: 'latency', percentile: 'p99', maxMs: 100 },
		{ kind: 'throughput', minRps: 720 }
	],
	run: scenario(25, [], 5, 7),
	start: limited('ch-window-start', 'Window burst', { algorithm: 'fixed-window', limitRps: 800 }),
	reference: limited('ch-window-ref', 'Window burst (reference)', { algorithm: 'token-bucket', limitRps: 800, burst: 40 }),
	hints: [
		'A fixed window counts requests per calendar second. Under a flood, when does a window\'s quota get used up?',
		'Choose an algorithm that admits requests evenly through time instead of all at the start of each window.',
		'A token bucket at 800 a second with a small burst (40): admitted requests arrive at a steady rate the servers absorb.'
	],
	explanation:
		'Under a 3,000 rps flood a fixed window admits its 800 in the first quarter of every second: the servers see 3,000 a second for 0.27 s, their queues overflow, then they idle. A token bucket (or leaky bucket, or a sliding counter) refills continuously, so the same 800 a second arrive evenly and the servers stay three-quarters busy.'
};

export const FLOW: Challenge[] = [bufferTheSpike, windowBurst, backlogAutoscale];
