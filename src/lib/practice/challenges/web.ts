// The web tier: balancing algorithms, health checks, stateless servers versus sticky sessions.
import { design, scenario } from '../build';
import { cache, client, db, edge, lb, node, reads, web } from './parts';
import type { Challenge } from './types';

const fleetClient = () => client(700);
const oldBox = (p = {}) => web({ instances: 1, concurrency: 4, serviceTimeMs: 20, ...p }, 'web-old', 400, 60);
const newBox = (p = {}) => web({ instances: 1, concurrency: 16, serviceTimeMs: 20, ...p }, 'web-new', 400, 220);

export const mixedFleet: Challenge = {
	id: 'mixed-fleet',
	title: 'Balance a mixed fleet',
	level: 'easy',
	topic: 'load-balancing',
	concepts: ['load-balancing', 'capacity'],
	brief:
		'Two web servers take 700 requests per second: an old one with 4 workers and a new one with 16, both at 20 ms a request. Together they can finish 1,000 a second, yet users see errors and slow pages. Fix the balancing, not the hardware.',
	failure: '',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 150 },
		{ kind: 'cost', maxUsd: 560 }
	],
	run: scenario(25, [], 5, 7),
	start: design(
		'ch-fleet-start',
		'Mixed fleet',
		[fleetClient(), lb(), oldBox(), newBox(), db()],
		[edge('client', 'lb'), edge('lb', 'web-old'), edge('lb', 'web-new'), edge('web-old', 'db'), edge('web-new', 'db')]
	),
	reference: design(
		'ch-fleet-ref',
		'Mixed fleet (reference)',
		[fleetClient(), lb({ algorithm: 'weighted' }), oldBox(), newBox(), db()],
		[edge('client', 'lb'), edge('lb', 'web-old', { weight: 1 }), edge('lb', 'web-new', { weight: 4 }), edge('web-old', 'db'), edge('web-new', 'db')]
	),
	hints: [
		'Round-robin gives every machine the same number of requests, whatever it can handle. How busy is the old one?',
		'Send each machine traffic in proportion to its capacity: a weighted balancer with edge weights, or one that watches how busy each machine is.',
		'Weighted balancing with weight 1 on the old server and 4 on the new one: each then runs at 70 % of its capacity.'
	],
	explanation:
		'Round-robin sends 350 requests a second to a server that can finish 200, so its queue overflows while the new one idles at 22 %. Weights in proportion to capacity (1 : 4) load both at 70 %; least-connections would find the same split by itself.'
};

const spikyWeb = (p = {}) => web({ instances: 8, concurrency: 2, serviceTimeMs: 20, serviceDist: 'lognormal', serviceCv: 3, ...p });

export const unevenRequests: Challenge = {
	id: 'uneven-requests',
	title: 'Some requests take a hundred times longer',
	level: 'medium',
	topic: 'load-balancing',
	concepts: ['load-balancing', 'tail-latency'],
	brief:
		'Eight web servers with 2 workers each take 600 requests per second. Most requests take a few milliseconds but a few take seconds (20 ms on average, very uneven). Round-robin keeps piling requests behind the slow ones. Cut the tail latency without adding machines.',
	failure: '',
	goals: [
		{ kind: 'latency', percentile: 'p99', maxMs: 400 },
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'cost', maxUsd: 1050 }
	],
	run: scenario(30, [], 5, 7),
	start: design('ch-uneven-start', 'Uneven requests', [client(600), lb(), spikyWeb(), db()], [edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]),
	reference: design(
		'ch-uneven-ref',
		'Uneven requests (reference)',
		[client(600), lb({ algorithm: 'least-connections' }), spikyWeb(), db()],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	hints: [
		'Round-robin does not look at the servers. A request sent to a server busy with a slow one waits behind it while others sit idle.',
		'Pick an algorithm that sends each request where the fewest are waiting.',
		'Least-connections (or power-of-two choices) on the balancer: the fleet then behaves almost like one shared queue.'
	],
	explanation:
		'With highly variable service times, blind rotation queues requests behind long ones. Least-connections sends each request to the server with the fewest in progress, so short requests flow around the long ones and the tail shrinks several times over.'
};

const checkLb = (healthCheckS: number) => lb({ healthCheckS });

export const slowHealthChecks: Challenge = {
	id: 'slow-health-checks',
	title: 'Notice the dead server sooner',
	level: 'easy',
	topic: 'load-balancing',
	concepts: ['health-checks', 'single-point-of-failure'],
	brief:
		'Three web servers sit behind a balancer that checks their health every 30 s. At 10 s one crashes, and for the rest of the run a third of all requests go to a dead machine. Keep errors under 3 %.',
	failure: 'At 10 s the first web instance crashes.',
	goals: [
		{ kind: 'errorBudget', maxPct: 3 },
		{ kind: 'latency', percentile: 'p99', maxMs: 200 }
	],
	run: scenario(35, [{ atS: 10, action: 'failInstance', target: 'web', instance: 0 }], 5, 7),
	start: design('ch-health-start', 'Slow health checks', [client(600), checkLb(30), web({ instances: 3 }), db()], [edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]),
	reference: design('ch-health-ref', 'Slow health checks (reference)', [client(600), checkLb(1), web({ instances: 3 }), db()], [edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]),
	hints: [
		'The balancer only stops sending to a machine once a health check has failed. How long is that here?',
		'Shorten the balancer\'s health-check interval.',
		'A 1 s health check: the dead server gets traffic for one second instead of the rest of the run.'
	],
	explanation:
		'Every second until the check notices, a third of the requests fail. With a 30 s check that is the rest of the run; with a 1 s check it is one second\'s worth, well under 1 % of the run.'
};

const stickyClient = () => client(2000, { zipf: 1.1 });
const STICKY_WEB = { instances: 8, concurrency: 8, serviceTimeMs: 20 };

export const stickySessions: Challenge = {
	id: 'sticky-sessions',
	title: 'Unstick the sessions',
	level: 'medium',
	topic: 'stateless',
	concepts: ['stateless-tier', 'load-balancing', 'horizontal-scaling'],
	brief:
		'Each user\'s session lives in the memory of the web server that signed them in, and the balancer deals requests round robin over eight servers. A returning user lands on a server that has never seen them and finds themselves signed out. A handful of very active users (bots, big accounts) send much of the traffic. 2,000 requests per second, eight servers that could carry 3,200.',
	failure: '',
	goals: [
		{ kind: 'errorBudget', maxPct: 1 },
		{ kind: 'latency', percentile: 'p99', maxMs: 150 }
	],
	run: scenario(25, [], 5, 7),
	start: design(
		'ch-sticky-start',
		'Sticky sessions',
		[stickyClient(), lb({ algorithm: 'round-robin' }), web({ ...STICKY_WEB, stateful: true }), db()],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	),
	reference: design(
		'ch-sticky-ref',
		'Sticky sessions (reference)',
		[stickyClient(), lb({ algorithm: 'round-robin' }), web(STICKY_WEB), cache({ capacity: 100000, ttlS: 1800 }, 'sessions'), db()],
		[edge('client', 'lb'), edge('lb', 'web'), edge('web', 'sessions', reads), edge('web', 'db')]
	),
	hints: [
		'A session kept in one server\'s memory exists only there. With eight servers taking turns, how often does a user come back to the server that has their session?',
		'Either send every user back to their own server (ip-hash), or keep the sessions where any server can read them. Which of the two survives the few very active users?',
		'Turn off stateful sessions, add a cache for the sessions, keep round robin. (ip-hash keeps everyone signed in but pins each heavy user to one server, which melts.)'
	],
	explanation:
		'Round robin brings a returning user back to the server holding their session one time in eight, so seven requests in eight find them signed out (1 − 1/k with k servers). ip-hash keeps users home but balances users, not load: the busiest user alone sends about 270 requests a second to one server, which also gets its eighth of everyone else, more than its 400 a second. Sessions in a shared cache make the tier stateless: the balancer spreads requests, every server runs at about 60 %, and no session dies with a server or moves when the tier scales.'
};

export const WEB: Challenge[] = [mixedFleet, slowHealthChecks, unevenRequests, stickySessions];
