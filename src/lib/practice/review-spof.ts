// Review rules about single points of failure: one balancer, one database with no replica,
// one cache node, one instance, one region, several instances with no balancer to spread
// over them. Each returns findings with the textbook reason and, where there is one, a fix
// (review.ts lists the rules and sorts what they find).
import type { Design, DesignNode } from '../model/types';
import type { Finding, Rule } from './review';
import { addFollower, addStandby, incoming, insertOnEdges, isReplication, kindOf, nameOf, outgoing, paramsOf, setParams } from './transforms';

import { KINDS } from '../model/kinds';

/** Kinds that scale out under an autoscaler (they carry its section): one instance of them is a lone server. */
const autoscales = (kind: DesignNode['kind']) => KINDS[kind].params.some((f) => f.key === 'autoscale');

function multiInstance(n: DesignNode): boolean {
	const p = paramsOf(n);
	const auto = p.autoscale as { enabled?: boolean; max?: number } | undefined;
	return (p.instances as number) > 1 || !!(auto?.enabled && (auto.max ?? 1) > 1);
}

export const singleBalancer: Rule = (d) =>
	d.nodes
		.filter((n) => n.kind === 'loadBalancer')
		.filter((n) => {
			// A balancer is redundant when some caller of it also calls another balancer.
			const callers = incoming(d, n.id).map((e) => e.source);
			return !callers.some((c) => outgoing(d, c).some((e) => e.target !== n.id && kindOf(d, e.target) === 'loadBalancer'));
		})
		.map((n) => ({
			id: `single-load-balancer:${n.id}`,
			rule: 'single-load-balancer',
			severity: 'medium',
			nodeId: n.id,
			title: `${nameOf(n)} is a single point of failure`,
			reason: 'Everything behind one balancer becomes unreachable when it fails. Run balancers in an active/standby pair (with a floating address) or several behind DNS.',
			fix: { label: 'Add a standby balancer', apply: (x) => addStandby(x, n.id) }
		}));

export const singleDatabase: Rule = (d) =>
	d.nodes
		.filter((n) => n.kind === 'database' && paramsOf(n).role === 'leader')
		.filter((n) => !outgoing(d, n.id).some((e) => isReplication(d, e)))
		.map((n) => ({
			id: `single-database:${n.id}`,
			rule: 'single-database',
			severity: 'high',
			nodeId: n.id,
			title: `${nameOf(n)} has no replica`,
			reason: 'A lone database takes every read and write down with it, and its data with its disk. A follower that replays the leader\'s writes can serve reads and be promoted when the leader fails.',
			fix: { label: 'Add a follower (semi-sync)', apply: (x) => addFollower(x, n.id) }
		}));

export const singleCache: Rule = (d) =>
	d.nodes
		.filter((n) => n.kind === 'cache' && paramsOf(n).instances === 1)
		.map((n) => ({
			id: `single-cache:${n.id}`,
			rule: 'single-cache',
			severity: 'medium',
			nodeId: n.id,
			title: `${nameOf(n)} runs on one instance`,
			reason: 'When the only cache node dies every key is gone at once and the whole read load lands on the database (a stampede). Spread keys over several nodes by consistent hashing so one loss costs a fraction.',
			fix: { label: 'Use three cache instances', apply: (x) => setParams(x, n.id, { instances: 3 }) }
		}));

export const singleInstance: Rule = (d) =>
	d.nodes
		.filter((n) => autoscales(n.kind) && !multiInstance(n))
		.map((n) => ({
			id: `single-instance:${n.id}`,
			rule: 'single-instance',
			severity: 'high',
			nodeId: n.id,
			title: `${nameOf(n)} runs on one machine`,
			reason: 'One instance is a single point of failure, and it cannot be upgraded without downtime. Run at least two, behind a balancer with health checks.',
			fix: { label: 'Run two instances', apply: (x) => setParams(x, n.id, { instances: 2 }) }
		}));

export const singleRegion: Rule = (d) => {
	if (!d.nodes.some((n) => n.kind === 'database' || n.kind === 'kvStore')) return [];
	const regions = new Set(d.nodes.map((n) => n.region ?? ''));
	if (regions.size > 1) return [];
	return [
		{
			id: 'single-region',
			rule: 'single-region',
			severity: 'low',
			title: 'Everything lives in one region',
			reason: 'A region is a failure domain: a power or network event there takes the whole product down, and users far away pay the round trip. A second region behind GeoDNS, with a replica of the data, survives it.'
		}
	];
};

export const noBalancer: Rule = (d) =>
	d.nodes
		.filter((n) => n.kind === 'service' && multiInstance(n))
		.flatMap((n) => {
			const direct = incoming(d, n.id).filter((e) => !KINDS[kindOf(d, e.source) ?? 'client'].balances);
			if (direct.length === 0) return [];
			return [
				{
					id: `no-balancer:${n.id}`,
					rule: 'no-balancer',
					severity: 'medium',
					nodeId: n.id,
					title: `${nameOf(n)} has several instances but no load balancer`,
					reason: 'Callers that pick an instance themselves keep sending to one that has died and spread load unevenly. A balancer health-checks instances and spreads requests evenly.',
					fix: { label: 'Put a load balancer in front', apply: (x: Design) => insertOnEdges(x, direct.map((e) => e.id), 'loadBalancer', 'lb', { healthCheckS: 2 }) }
				} satisfies Finding
			];
		});
