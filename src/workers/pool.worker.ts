// One worker of the job pool (browser Web Worker, or Node worker thread for the CLI):
// registers the one-shot jobs of lib/worker/jobs.ts with workerpool. Nothing else.
import workerpool from 'workerpool';
import { JOBS } from '../lib/worker/jobs';

workerpool.worker({ run: JOBS.run, point: JOBS.point });
