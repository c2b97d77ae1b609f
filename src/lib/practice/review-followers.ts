// Review rule: a follower nothing reads from. Reads reach a follower only along its own
// call edges (docs/model.md, database: "reads from a caller go to a live follower at
// random among its database edges"), so a follower with replication in and no caller
// costs a machine and serves nothing until the leader fails.
import type { Design } from '../model/types';
import type { Finding } from './review';
import { cloneDesign } from './build';
import { addEdge, incoming, isReplication, nameOf, paramsOf } from './transforms';

export function idleFollowers(d: Design): Finding[] {
	return d.nodes
		.filter((n) => n.kind === 'database' && paramsOf(n).role === 'follower')
		.filter((n) => !incoming(d, n.id).some((e) => !isReplication(d, e)))
		.map((n) => {
			const leader = incoming(d, n.id).find((e) => isReplication(d, e))?.source;
			const readers = leader ? [...new Set(incoming(d, leader).filter((e) => !isReplication(d, e)).map((e) => e.source))] : [];
			return {
				id: `idle-follower:${n.id}`,
				rule: 'idle-follower',
				severity: 'low',
				nodeId: n.id,
				title: `${nameOf(n)} gets no reads`,
				reason: 'Reads go to a follower only from the parts connected to it. With no caller it only replays writes: connect the leader\'s readers to it so it takes its share of reads.',
				fix: readers.length
					? {
							label: 'Send the leader\'s readers here too',
							apply: (x: Design) => {
								const out = cloneDesign(x);
								for (const r of readers) addEdge(out, r, n.id, { carries: ['read'] });
								return out;
							}
						}
					: undefined
			} satisfies Finding;
		});
}
