// One worker of the job pool (browser Web Worker, or Node worker thread for the CLI):
// registers the one-shot jobs of lib/worker/jobs.ts with workerpool. A point's per-second
// columns are moved, not copied, back to the page (their buffers are transferred).
import workerpool from 'workerpool';
import { JOBS } from '../lib/worker/jobs';
import type { PointJob } from '../lib/protocol/jobs';

function point(job: PointJob) {
	const r = JOBS.point(job);
	if (!r.ok || !r.series) return r;
	const s = r.series;
	return new workerpool.Transfer(r, [s.t.buffer, s.servedRps.buffer, s.p50.buffer, s.p99.buffer]);
}

workerpool.worker({ run: JOBS.run, point });
