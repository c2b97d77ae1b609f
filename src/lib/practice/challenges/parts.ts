// Building blocks shared by the challenge designs, laid out left to right.
import { edge, node } from '../build';
import type { Params } from '../../model/types';

export const MIX_READS = { static: 0, read: 0.9, write: 0.1 };

export const client = (rps: number, p: Params = {}) => node('client', 'client', 0, 140, { rps, mix: MIX_READS, ...p }, { label: 'Users' });
export const lb = (p: Params = {}, id = 'lb', x = 200, y = 140, region?: string) => node(id, 'loadBalancer', x, y, p, { region });
export const web = (p: Params, id = 'web', x = 400, y = 140, region?: string) =>
	node(id, 'service', x, y, { concurrency: 16, serviceTimeMs: 20, ...p }, { label: 'Web tier', region });
export const db = (p: Params = {}, id = 'db', x = 650, y = 140, region?: string) =>
	node(id, 'database', x, y, { role: 'leader', ...p }, { label: 'Database', region });
export const follower = (p: Params = {}, id = 'db-f1', x = 850, y = 140, region?: string) =>
	node(id, 'database', x, y, { ...p, role: 'follower' }, { label: 'Follower', region });
export const cache = (p: Params = {}, id = 'cache', x = 650, y = 0, region?: string) => node(id, 'cache', x, y, p, { region });

export const reads = { carries: ['read'] };
export const writes = { carries: ['write'] };
export { edge, node };
