import type { Design } from '../../model/types';

export interface Template {
	id: string;
	title: string;
	/** 'path' for the one-server-to-millions walk, 'reference' for classic questions, 'pattern' for the failure gallery. */
	group: 'path' | 'reference' | 'pattern';
	/** Position in the walk (1-based), for 'path' templates. */
	step?: number;
	/** What changed from the previous step, and why. */
	changed: string;
	/** The scenario built into the design, and what it did to the previous step. */
	scenario: string;
	design: Design;
	/** Failure patterns: the template with the fix applied (on the broken one), and the broken one (on the fix). */
	fixId?: string;
	fixOf?: string;
}
