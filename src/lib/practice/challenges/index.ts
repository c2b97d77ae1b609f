import { cloneDesign } from '../build';
import { newId } from '../../model/restore';
import type { Design } from '../../model/types';
import { EASY } from './easy';
import { HARD } from './hard';
import { MEDIUM } from './medium';
import { WEB } from './web';
import { CACHING } from './caching';
import { DATA } from './data';
import { REGIONS } from './regions';
import { FLOW } from './flow';
import { RESILIENCE } from './resilience';
import { BUDGET } from './budget';
import { OVERLOAD } from './overload';
import { QUEUES } from './queues';
import type { Challenge } from './types';

export * from './types';
export { gradeChallenge, gradeGoal, goalLabel, checkedDesign, checkOptions } from './grade';

const LEVEL_ORDER = { easy: 0, medium: 1, hard: 2 };
/** Every challenge, easy to hard (a stable sort keeps each group's order within a level). */
export const CHALLENGES: Challenge[] = [...EASY, ...MEDIUM, ...HARD, ...WEB, ...CACHING, ...DATA, ...REGIONS, ...FLOW, ...RESILIENCE, ...BUDGET, ...OVERLOAD, ...QUEUES].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);

export function challengeById(id: string): Challenge | undefined {
	return CHALLENGES.find((c) => c.id === id);
}

/** A fresh copy (own id) of the challenge's starting design, carrying the challenge's run as its scenario. */
export function openChallenge(c: Challenge): Design {
	return { ...cloneDesign(c.start), id: newId(), scenario: structuredClone(c.run) };
}

export function openReference(c: Challenge): Design {
	return { ...cloneDesign(c.reference), id: newId(), scenario: structuredClone(c.run) };
}
