// A failure pattern of the gallery: the design that shows it and the same design with the
// fix, both runnable templates. The pair share an id stem: `<id>` and `<id>-fixed`.
import type { Design } from '../../model/types';
import type { Template } from './types';

export interface PatternSpec {
	id: string;
	title: string;
	/** What happens and why (the mechanism), for the panel's "What changed". */
	story: string;
	/** What to watch in the run. */
	watch: string;
	/** The fix, in words. */
	fix: string;
	/** The design, broken (false) or with the fix (true). */
	build: (fixed: boolean) => Design;
}

export function patternTemplates(p: PatternSpec): [Template, Template] {
	const broken: Template = {
		id: p.id,
		title: p.title,
		group: 'pattern',
		changed: p.story,
		scenario: p.watch,
		design: p.build(false),
		fixId: `${p.id}-fixed`
	};
	const fixed: Template = {
		id: `${p.id}-fixed`,
		title: `${p.title}: fixed`,
		group: 'pattern',
		changed: `The fix: ${p.fix}`,
		scenario: `The same scenario as the broken run. ${p.watch}`,
		design: p.build(true),
		fixOf: p.id
	};
	return [broken, fixed];
}
