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
import { CONSISTENCY } from './consistency';
import type { Challenge } from './types';

export * from './types';
export { gradeChallenge, gradeGoal, goalLabel, checkedDesign, checkOptions } from './grade';
export { gradeRuns, checkSeeds, bandVerdict, MAX_CHECK_RUNS } from './band';

const LEVEL_ORDER = { easy: 0, medium: 1, hard: 2 };
/** Every challenge, easy to hard (a stable sort keeps each group's order within a level). */
export const CHALLENGES: Challenge[] = [...EASY, ...MEDIUM, ...HARD, ...WEB, ...CACHING, ...DATA, ...REGIONS, ...FLOW, ...RESILIENCE, ...BUDGET, ...OVERLOAD, ...CONSISTENCY].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);

export function challengeById(id: string): Challenge | undefined {
	return CHALLENGES.find((c) => c.id === id);
}

/** The challenge's run as a design's scenario: a check over several seeds makes Run cover them too. */
function runScenario(c: Challenge): Design['scenario'] {
	return (c.runs ?? 1) > 1 ? { ...structuredClone(c.run), runs: c.runs } : structuredClone(c.run);
}

/** A fresh copy (own id) of the challenge's starting design, carrying the challenge's run as its scenario. */
export function openChallenge(c: Challenge): Design {
	return { ...cloneDesign(c.start), id: newId(), scenario: runScenario(c) };
}

export function openReference(c: Challenge): Design {
	return { ...cloneDesign(c.reference), id: newId(), scenario: runScenario(c) };
}
