// A worker thread of the CLI's job pool: teaches this thread TypeScript (tsx), then loads
// the same pool worker the browser uses.
import { register } from 'tsx/esm/api';

register();
await import('../src/workers/pool.worker.ts');
