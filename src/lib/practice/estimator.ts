// Back-of-the-envelope estimation: from daily users to requests per second, storage and
// bandwidth, with the arithmetic shown in powers of ten the way it is done on a whiteboard.
import { cloneDesign, placeNode } from './build';
import { freshId } from '../model/edit';
import type { Design } from '../model/types';

export interface EstimateInput {
	/** Daily active users. */
	dau: number;
	/** Requests each user makes per day. */
	requestsPerUser: number;
	/** Reads per write (10 means 10:1). */
	readsPerWrite: number;
	/** Peak rate as a multiple of the average. */
	peakFactor: number;
	/** Bytes stored per write, in KB. */
	writeSizeKB: number;
	/** Bytes returned per read, in KB. */
	readSizeKB: number;
	/** How long written data is kept, in years. */
	retentionYears: number;
}

export const DEFAULT_ESTIMATE_INPUT: EstimateInput = {
	dau: 10_000_000,
	requestsPerUser: 20,
	readsPerWrite: 10,
	peakFactor: 2,
	writeSizeKB: 1,
	readSizeKB: 10,
	retentionYears: 5
};

export interface EstimateStep {
	/** What is computed, e.g. "Average requests per second". */
	label: string;
	/** The arithmetic in powers of ten. */
	working: string;
	value: number;
	unit: string;
}

export interface Estimate {
	avgRps: number;
	peakRps: number;
	readShare: number;
	writeRps: number;
	readRps: number;
	storagePerYearBytes: number;
	storageTotalBytes: number;
	ingressBytesPerS: number;
	egressBytesPerS: number;
	steps: EstimateStep[];
}

export const SECONDS_PER_DAY = 86_400;
const KB = 1_000;

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 12345 → "1.2 × 10⁴"; small numbers stay plain. */
export function pow10(x: number): string {
	if (!Number.isFinite(x)) return String(x);
	if (x === 0) return '0';
	const e = Math.floor(Math.log10(Math.abs(x)));
	if (e >= -2 && e < 3) return String(Number(x.toPrecision(3)));
	const m = Number((x / 10 ** e).toPrecision(2));
	const exp = String(e)
		.split('')
		.map((c) => SUP[c])
		.join('');
	return m === 1 ? `10${exp}` : `${m} × 10${exp}`;
}

/** Bytes in decimal units, as estimates are done (1 KB = 10³ bytes). */
export function formatBytes(b: number): string {
	const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];
	let i = 0;
	while (Math.abs(b) >= 1000 && i < units.length - 1) {
		b /= 1000;
		i++;
	}
	return `${Number(b.toPrecision(3))} ${units[i]}`;
}

export function validateInput(inp: EstimateInput): string[] {
	const errs: string[] = [];
	const pos = (v: number, what: string) => {
		if (!Number.isFinite(v) || v < 0) errs.push(`${what} must be a number of zero or more.`);
	};
	pos(inp.dau, 'Daily active users');
	pos(inp.requestsPerUser, 'Requests per user');
	pos(inp.readsPerWrite, 'Reads per write');
	pos(inp.writeSizeKB, 'Write size');
	pos(inp.readSizeKB, 'Read size');
	pos(inp.retentionYears, 'Retention');
	if (!Number.isFinite(inp.peakFactor) || inp.peakFactor < 1) errs.push('Peak factor must be at least 1.');
	return errs;
}

export function estimate(inp: EstimateInput): Estimate {
	const perDay = inp.dau * inp.requestsPerUser;
	const avgRps = perDay / SECONDS_PER_DAY;
	const peakRps = avgRps * inp.peakFactor;
	const readShare = inp.readsPerWrite / (inp.readsPerWrite + 1);
	const writeRps = avgRps * (1 - readShare);
	const readRps = avgRps * readShare;
	const writeBytes = inp.writeSizeKB * KB;
	const storagePerYearBytes = writeRps * SECONDS_PER_DAY * 365 * writeBytes;
	const storageTotalBytes = storagePerYearBytes * inp.retentionYears;
	const ingressBytesPerS = writeRps * writeBytes;
	const egressBytesPerS = readRps * inp.readSizeKB * KB;
	const steps: EstimateStep[] = [
		{
			label: 'Requests per day',
			working: `${pow10(inp.dau)} users × ${pow10(inp.requestsPerUser)} requests`,
			value: perDay,
			unit: 'requests/day'
		},
		{
			label: 'Average requests per second',
			working: `${pow10(perDay)} ÷ ${pow10(SECONDS_PER_DAY)} s a day (≈ 10⁵)`,
			value: avgRps,
			unit: 'rps'
		},
		{ label: 'Peak requests per second', working: `${pow10(avgRps)} × ${inp.peakFactor} peak factor`, value: peakRps, unit: 'rps' },
		{
			label: 'Writes per second',
			working: `${pow10(avgRps)} × 1/(${inp.readsPerWrite} + 1)`,
			value: writeRps,
			unit: 'writes/s'
		},
		{ label: 'Reads per second', working: `${pow10(avgRps)} × ${inp.readsPerWrite}/(${inp.readsPerWrite} + 1)`, value: readRps, unit: 'reads/s' },
		{
			label: 'Storage per year',
			working: `${pow10(writeRps)} writes/s × ${pow10(SECONDS_PER_DAY * 365)} s a year (≈ 3 × 10⁷) × ${pow10(writeBytes)} B`,
			value: storagePerYearBytes,
			unit: 'bytes'
		},
		{
			label: `Storage for ${inp.retentionYears} years`,
			working: `${formatBytes(storagePerYearBytes)} × ${inp.retentionYears}`,
			value: storageTotalBytes,
			unit: 'bytes'
		},
		{ label: 'Incoming bandwidth', working: `${pow10(writeRps)} writes/s × ${pow10(writeBytes)} B`, value: ingressBytesPerS, unit: 'bytes/s' },
		{
			label: 'Outgoing bandwidth',
			working: `${pow10(readRps)} reads/s × ${pow10(inp.readSizeKB * KB)} B`,
			value: egressBytesPerS,
			unit: 'bytes/s'
		}
	];
	return { avgRps, peakRps, readShare, writeRps, readRps, storagePerYearBytes, storageTotalBytes, ingressBytesPerS, egressBytesPerS, steps };
}

/** A step's value as people read it: bytes in units, rates in powers of ten. */
export function formatStepValue(s: EstimateStep): string {
	if (s.unit === 'bytes') return formatBytes(s.value);
	if (s.unit === 'bytes/s') return `${formatBytes(s.value)}/s`;
	return `${pow10(s.value)} ${s.unit}`;
}

/**
 * The design with its client workload set from the estimate: rate (average or peak) and
 * the read/write mix; the static share is kept. A design without a client gets one.
 */
export function applyEstimate(design: Design, est: Estimate, which: 'average' | 'peak' = 'peak'): Design {
	const d = cloneDesign(design);
	const rps = Math.max(1, Math.round(which === 'peak' ? est.peakRps : est.avgRps));
	let clients = d.nodes.filter((n) => n.kind === 'client');
	if (clients.length === 0) {
		const minX = d.nodes.length ? Math.min(...d.nodes.map((n) => n.position.x)) : 200;
		d.nodes.push(placeNode(freshId(d, 'client', { keepStem: true }), 'client', minX - 200, 120, {}, { label: 'Users' }));
		clients = d.nodes.filter((n) => n.kind === 'client');
	}
	for (const c of clients) {
		const mix = (c.params.mix ?? {}) as Record<string, number>;
		const stat = typeof mix.static === 'number' ? Math.min(1, Math.max(0, mix.static)) : 0;
		const dyn = 1 - stat;
		c.params = {
			...c.params,
			// Several clients share the load between them.
			rps: Math.max(1, Math.round(rps / clients.length)),
			shape: { kind: 'constant' },
			mix: { static: stat, read: round3(dyn * est.readShare), write: round3(dyn * (1 - est.readShare)) }
		};
	}
	return d;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
