// Sweep results kept with the design (`design.sweep`): saved, exported and shared with it.
// Restore keeps unknown top-level fields, so no schema version is needed; what comes back
// is untrusted, so it is read through readSavedSweep, which drops anything malformed.
import type { Design } from '../model/types';
import type { SweepResult } from './runner';
import type { SweepPoint } from './plan';
import { runFingerprint } from '../run/fingerprint';

export interface SavedSweep extends SweepResult {
	/** A hash of what the runs depended on (runFingerprint), to tell results of an older version. */
	fingerprint: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const FIELDS = ['targetRps', 'offeredRps', 'servedRps', 'successRatio', 'p50', 'p95', 'p99', 'mean'] as const;

function readPoint(v: unknown): SweepPoint | null {
	if (!isObj(v)) return null;
	const p = {} as SweepPoint;
	for (const k of FIELDS) {
		const x = v[k];
		// JSON turns NaN (no successful request) into null.
		if (x === null) p[k] = NaN;
		else if (typeof x === 'number') p[k] = x;
		else return null;
	}
	return p;
}

export function readSavedSweep(design: Design): SavedSweep | null {
	const s = design.sweep;
	if (!isObj(s) || !Array.isArray(s.points) || s.points.length > 200) return null;
	const points = s.points.map(readPoint);
	if (points.some((p) => p === null) || typeof s.capacityRps !== 'number') return null;
	const pts = points as SweepPoint[];
	const knee = isObj(s.knee) ? (pts.find((p) => p.targetRps === (s.knee as Record<string, unknown>).targetRps) ?? null) : null;
	const b = s.bottleneck;
	return {
		at: typeof s.at === 'string' ? s.at : '',
		seed: typeof s.seed === 'number' ? s.seed : 1,
		durationS: typeof s.durationS === 'number' ? s.durationS : 0,
		capacityRps: s.capacityRps,
		bottleneck: isObj(b) && typeof b.id === 'string' ? { id: b.id, label: String(b.label ?? b.id), why: String(b.why ?? '') } : null,
		points: pts,
		knee,
		fingerprint: typeof s.fingerprint === 'string' ? s.fingerprint : ''
	};
}

export function withSweep(design: Design, sweep: SavedSweep): Design {
	return { ...design, sweep };
}

/** A short stable hash (FNV-1a, 32 bit) of a fingerprint string. */
export function hashText(s: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

/** What a sweep's or repeats' results depended on, hashed: results whose fingerprint differs describe an older version of the design. */
export function sweepFingerprint(d: Design): string {
	return hashText(runFingerprint(d));
}
