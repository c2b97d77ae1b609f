// What the data mechanisms cost the run, one line per part (docs/model.md, "Consistency"):
// reads that missed the latest write, and on a multi-leader database its conflicts and the
// acknowledged writes that last-write-wins threw away. Read from the whole-run result only.
import type { SimResult } from '../sim/types';

export interface ConsistencyLine {
	nodeId: string;
	text: string;
}

const count = (x: number) => Math.round(x).toLocaleString('en-US');
const pct = (x: number) => `${(x * 100).toFixed(x >= 0.1 ? 0 : x >= 0.01 ? 1 : 2)}%`;
const rate = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(x >= 1 ? 1 : 2));

export function consistencyLines(result: SimResult, labels: Record<string, string>): ConsistencyLine[] {
	const span = Math.max(1e-9, result.durationS - result.warmupS);
	const out: ConsistencyLine[] = [];
	for (const [id, n] of Object.entries(result.nodes)) {
		const name = labels[id] ?? id;
		const answered = Math.max(1, n.completed);
		if ((n.staleReads ?? 0) > 0)
			out.push({ nodeId: id, text: `${count(n.staleReads!)} stale reads at ${name} (${pct(n.staleReads! / answered)} of what it answered): they missed the latest write` });
		if ((n.conflicts ?? 0) > 0 || (n.lostUpdates ?? 0) > 0)
			out.push({
				nodeId: id,
				text: `${rate((n.conflicts ?? 0) / span)} write conflicts/s at ${name}; ${count(n.lostUpdates ?? 0)} lost updates (${pct((n.lostUpdates ?? 0) / answered)} of its writes and reads), acknowledged then overwritten by a concurrent write (last write wins)`
			});
	}
	return out;
}
