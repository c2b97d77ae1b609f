// Practice state that outlives the panels: the open template or challenge, the last grade,
// hints and reference revealed, the interview clock, and progress from IndexedDB.
import type { Design } from '$lib/model/types';
import type { SimOptions, SimResult } from '$lib/sim/types';
import {
	CHALLENGES,
	challengeById,
	checkedDesign,
	checkOptions,
	gradeChallenge,
	openChallenge,
	openReference,
	type Challenge,
	type Grade
} from '$lib/practice/challenges';
import { openTemplate, templateById, type Template } from '$lib/practice/templates';
import { allProgress, recordCheck, recordHint, recordReference, type ChallengeProgress } from '$lib/persistence/progress';

/** Runs the simulator once (off the main thread in the app; directly in tests). */
export type CheckRunner = (design: Design, opts: SimOptions) => Promise<SimResult>;

/** What opening a design needs from the editor (EditorStore satisfies it). */
export interface DesignTarget {
	readonly design: Design;
	replaceDesign(d: Design, opts?: { resetHistory?: boolean; label?: string }): void;
}

export const INTERVIEW_MS = 45 * 60 * 1000;

export class PracticeStore {
	templateId = $state<string | null>(null);
	challengeId = $state<string | null>(null);
	grade = $state.raw<Grade | null>(null);
	checking = $state(false);
	error = $state<string | null>(null);
	/** Hint levels revealed for the open challenge (0 = none). */
	hintsShown = $state(0);
	referenceShown = $state(false);
	progress = $state.raw<Record<string, ChallengeProgress>>({});
	progressError = $state<string | null>(null);
	/** Interview mode: when the 45 minutes end (ms since epoch), or null when off. */
	interviewEndsAt = $state<number | null>(null);
	/** Time left when the challenge was passed during an interview. */
	interviewPassedWithMs = $state<number | null>(null);

	template = $derived<Template | undefined>(this.templateId ? templateById(this.templateId) : undefined);
	challenge = $derived<Challenge | undefined>(this.challengeId ? challengeById(this.challengeId) : undefined);
	passedCount = $derived(CHALLENGES.filter((c) => this.progress[c.id]?.passed).length);

	#runner: CheckRunner;

	constructor(runner: CheckRunner) {
		this.#runner = runner;
	}

	async loadProgress(): Promise<void> {
		try {
			this.progress = await allProgress();
			this.progressError = null;
		} catch (e) {
			this.progressError = `Progress could not be loaded from this browser's storage (${reason(e)}). Challenges still work; results will not be kept.`;
		}
	}

	openTemplate(t: Template, editor: DesignTarget): void {
		this.templateId = t.id;
		editor.replaceDesign(openTemplate(t), { label: `Open template ${t.title}` });
	}

	openChallenge(c: Challenge, editor: DesignTarget): void {
		this.challengeId = c.id;
		this.grade = null;
		this.error = null;
		this.hintsShown = this.progress[c.id]?.hintsShown ?? 0;
		this.referenceShown = this.progress[c.id]?.referenceShown ?? false;
		this.interviewPassedWithMs = null;
		editor.replaceDesign(openChallenge(c), { label: `Open challenge ${c.title}` });
	}

	/** Run the challenge's fixed check on the design being edited and grade it. */
	async check(design: Design, now = Date.now()): Promise<Grade | null> {
		const c = this.challenge;
		if (!c || this.checking) return null;
		this.checking = true;
		this.error = null;
		try {
			const result = await this.#runner(checkedDesign(c, design), checkOptions(c));
			const grade = gradeChallenge(c, result);
			this.grade = grade;
			if (grade.passed && this.interviewEndsAt !== null && now <= this.interviewEndsAt) this.interviewPassedWithMs = this.interviewEndsAt - now;
			await this.#save(() => recordCheck(c.id, grade.goals.filter((g) => g.met).length, grade.passed, now));
			return grade;
		} catch (e) {
			this.grade = null;
			this.error = `The check could not run: ${reason(e)}`;
			return null;
		} finally {
			this.checking = false;
		}
	}

	async showHint(): Promise<void> {
		const c = this.challenge;
		if (!c || this.hintsShown >= c.hints.length) return;
		this.hintsShown += 1;
		const level = this.hintsShown;
		await this.#save(() => recordHint(c.id, level));
	}

	async showReference(): Promise<void> {
		const c = this.challenge;
		if (!c) return;
		this.referenceShown = true;
		await this.#save(() => recordReference(c.id));
	}

	openReference(editor: DesignTarget): void {
		const c = this.challenge;
		if (!c) return;
		editor.replaceDesign(openReference(c), { resetHistory: false, label: 'Open reference solution' });
	}

	startInterview(now = Date.now()): void {
		this.interviewEndsAt = now + INTERVIEW_MS;
		this.interviewPassedWithMs = null;
	}

	stopInterview(): void {
		this.interviewEndsAt = null;
	}

	async #save(write: () => Promise<ChallengeProgress>): Promise<void> {
		try {
			const p = await write();
			this.progress = { ...this.progress, [p.challengeId]: p };
			this.progressError = null;
		} catch (e) {
			this.progressError = `Progress could not be saved (${reason(e)}).`;
		}
	}
}

function reason(e: unknown): string {
	if (e && typeof e === 'object' && 'reasons' in e && Array.isArray((e as { reasons: unknown }).reasons))
		return (e as { reasons: string[] }).reasons.join('; ');
	return e instanceof Error ? e.message : String(e);
}

/** "44:59" from milliseconds. */
export function clock(ms: number): string {
	const s = Math.max(0, Math.ceil(ms / 1000));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
