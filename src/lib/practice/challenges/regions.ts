// Several regions: latency to far users, and a partition between regions.
import { design, scenario } from '../build';
import { client, db, edge, follower, lb, node, reads, web, writes } from './parts';
import type { Region } from '../../model/types';
import type { Challenge } from './types';

const frame = (id: string, name: string, y: number): Region => ({ id, name, position: { x: 160, y }, width: 760, height: 260 });
const EAST = frame('us-east', 'US East', -40);
const geo = () => node('geo', 'geoDns', 0, 0, { healthCheckS: 2 });
const MIX = { static: 0, read: 0.97, write: 0.03 };

/** A balancer, web tier and database (leader or follower) in one region, on row y. */
function regionStack(suffix: string, region: string, y: number, dbNode: 'leader' | 'follower') {
	const dbId = `db-${suffix}`;
	return [
		lb({}, `lb-${suffix}`, 250, y, region),
		web({ instances: 4, serviceTimeMs: 5 }, `web-${suffix}`, 450, y, region),
		dbNode === 'leader' ? db({}, dbId, 700, y, region) : follower({}, dbId, 700, y, region)
	];
}

const EU = frame('eu-west', 'EU West', 260);
const euClient = () => client(1000, { mix: MIX, regions: { 'us-east': 0.5, 'eu-west': 0.5 } });

export const geoLatency: Challenge = {
	id: 'geo-latency',
	title: 'Bring the service to Europe',
	level: 'medium',
	topic: 'multi-region',
	concepts: ['geodns', 'read-replicas'],
	brief:
		'Half the users are in Europe, 40 ms each way from US East, where everything runs. Every request they make crosses the Atlantic twice. Reads are 97 % of the traffic. Get p95 latency under 60 ms for everyone.',
	failure: '',
	goals: [
		{ kind: 'latency', percentile: 'p95', maxMs: 60 },
		{ kind: 'errorBudget', maxPct: 1 }
	],
	run: scenario(25, [], 5, 7),
	start: design(
		'ch-geo-start',
		'Geo latency',
		[euClient(), geo(), ...regionStack('e', 'us-east', 80, 'leader')],
		[edge('client', 'geo'), edge('geo', 'lb-e'), edge('lb-e', 'web-e'), edge('web-e', 'db-e')],
		{ regions: [EAST] }
	),
	reference: design(
		'ch-geo-ref',
		'Geo latency (reference)',
		[euClient(), geo(), ...regionStack('e', 'us-east', 80, 'leader'), ...regionStack('eu', 'eu-west', 380, 'follower')],
		[
			edge('client', 'geo'),
			edge('geo', 'lb-e'),
			edge('geo', 'lb-eu'),
			edge('lb-e', 'web-e'),
			edge('web-e', 'db-e'),
			edge('lb-eu', 'web-eu'),
			edge('web-eu', 'db-eu', reads),
			edge('web-eu', 'db-e', writes),
			edge('db-e', 'db-eu', { mode: 'async', lagMs: 100 })
		],
		{ regions: [EAST, EU] }
	),
	hints: [
		'The round trip across the Atlantic is 80 ms before any server does anything. Only distance can fix distance.',
		'Run a copy of the web tier in EU West with a read replica of the database there, and let GeoDNS send each user to the nearest region.',
		'GeoDNS (nearest) to a balancer and web tier in each region; EU reads from a local follower, EU writes (3 %) still go to the leader in US East.'
	],
	explanation:
		'GeoDNS answers each user with the nearest region, so European reads never leave Europe. Only the 3 % of requests that write cross the ocean to the leader, which keeps them out of the 95th percentile.'
};

const WEST = frame('us-west', 'US West', 260);
const coastClient = () => client(1000, { mix: { static: 0, read: 0.95, write: 0.05 }, regions: { 'us-east': 0.5, 'us-west': 0.5 } });
const cut = scenario(25, [{ atS: 10, action: 'partition', regions: ['us-east', 'us-west'] }], 5, 7);
const westTier = () => [lb({}, 'lb-w', 250, 380, 'us-west'), web({ instances: 4, serviceTimeMs: 5 }, 'web-w', 450, 380, 'us-west')];

export const regionPartition: Challenge = {
	id: 'region-partition',
	title: 'Stay readable through a partition',
	level: 'hard',
	topic: 'multi-region',
	concepts: ['network-partition', 'read-replicas', 'geodns'],
	brief:
		'US West has its own web tier, but it reads and writes the database in US East. At 10 s the link between the regions is cut for the rest of the run, and every West user gets errors although their servers are fine. Writes must go to the one leader; reads may be a little stale; West users should still be served from the West.',
	failure: 'From 10 s, US East and US West cannot reach each other.',
	goals: [
		{ kind: 'errorBudget', maxPct: 4 },
		{ kind: 'latency', percentile: 'p99', maxMs: 100 }
	],
	run: cut,
	start: design(
		'ch-part-start',
		'Region partition',
		[coastClient(), geo(), ...regionStack('e', 'us-east', 80, 'leader'), ...westTier()],
		[edge('client', 'geo'), edge('geo', 'lb-e'), edge('geo', 'lb-w'), edge('lb-e', 'web-e'), edge('web-e', 'db-e'), edge('lb-w', 'web-w'), edge('web-w', 'db-e')],
		{ regions: [EAST, WEST] }
	),
	reference: design(
		'ch-part-ref',
		'Region partition (reference)',
		[coastClient(), geo(), ...regionStack('e', 'us-east', 80, 'leader'), ...westTier(), follower({}, 'db-w', 700, 380, 'us-west')],
		[
			edge('client', 'geo'),
			edge('geo', 'lb-e'),
			edge('geo', 'lb-w'),
			edge('lb-e', 'web-e'),
			edge('web-e', 'db-e'),
			edge('lb-w', 'web-w'),
			edge('web-w', 'db-w', reads),
			edge('web-w', 'db-e', writes),
			edge('db-e', 'db-w', { mode: 'async', lagMs: 100 })
		],
		{ regions: [EAST, WEST] }
	),
	hints: [
		'During a partition each side can only use what it has locally. What does US West have of the data?',
		'Give US West a local read replica: reads keep answering from it (possibly a little stale), while writes, which need the leader, fail until the link is back.',
		'A follower in US West replicated asynchronously from the leader; West reads go to it, West writes still go to US East.'
	],
	explanation:
		'A partition forces a choice per operation: writes need the single leader, so West writes fail (consistency), but reads can be served from a local replica (availability). With 95 % reads, West users keep almost everything working, and errors fall from a third of all requests to about 2 %.'
};

export const REGIONS: Challenge[] = [geoLatency, regionPartition];
