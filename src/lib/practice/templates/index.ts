import { cloneDesign } from '../build';
import { newId } from '../../model/restore';
import type { Design } from '../../model/types';
import { PATH_STEPS_A } from './path';
import { PATH_STEPS_B } from './path2';
import { REFERENCE_DESIGNS } from './reference';
import { PATTERNS_A } from './patterns';
import { PATTERNS_B } from './patterns2';
import { patternTemplates, type PatternSpec } from './pattern';
import type { Template } from './types';

export type { Template, PatternSpec };
export { REFERENCE_DESIGNS };

/** The failure gallery's specs, and its templates: each pattern, then its fix. */
export const PATTERNS: PatternSpec[] = [...PATTERNS_A, ...PATTERNS_B];
export const PATTERN_TEMPLATES: Template[] = PATTERNS.flatMap(patternTemplates);

/** The walk from one server to millions, in order. */
export const PATH_STEPS: Template[] = [...PATH_STEPS_A, ...PATH_STEPS_B];
export const TEMPLATES: Template[] = [...PATH_STEPS, ...REFERENCE_DESIGNS, ...PATTERN_TEMPLATES];

export function templateById(id: string): Template | undefined {
	return TEMPLATES.find((t) => t.id === id);
}

/**
 * A fresh copy of a template's design, ready to open: the shipped one is never mutated, and
 * each copy gets its own id so the library keeps every opened copy apart.
 */
export function openTemplate(t: Template): Design {
	return { ...cloneDesign(t.design), id: newId() };
}
