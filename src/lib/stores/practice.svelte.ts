// Practice state that outlives the panels: the open template or challenge, the last grade,
// hints and reference revealed, the interview clock, and progress from IndexedDB.
import type { Design } from '$lib/model/types';
import type { SimOptions, SimResult } from '$lib/sim/types';
import {
	CHALLENGES,
	challengeById,
	checkedDesign,
	checkOptions,
	checkSeeds,
	gradeRuns,
	openChallenge,
	openReference,
	type Challenge,
	type Grade
} from '$lib/practice/challenges';
import { openTemplate, templateById, type Template } from '$lib/practice/templates';
import {
	allInterviews,
	allProgress,
	recordCheck,
	recordHint,
	recordInterview,
	recordReference,
	type ChallengeProgress,
	type InterviewRecord
} from '$lib/persistence/progress';
import { HINT_HOLD_MS, INTERVIEW_MS, pickInterview } from '$lib/practice/interview';
import { topicById, type TopicId } from '$lib/practice/topics';

/** Runs the simulator once (off the main thread in the app; directly in tests). */
export type CheckRunner = (design: Design, opts: SimOptions) => Promise<SimResult>;

/** What opening a design needs from the editor (EditorStore satisfies it). */
export interface DesignTarget {
	readonly design: Design;
	replaceDesign(d: Design, opts?: { resetHistory?: boolean; label?: string }): void;
}

/** How a template or challenge design is opened when the page provides a library (a new entry). */
export type DesignOpener = (design: Design, label: string) => void;

export { INTERVIEW_MS, HINT_HOLD_MS };

/** The interview under way (or just finished, until the next one or Stop). */
export interface Interview {
	challengeId: string;
	startedAt: number;
	endsAt: number;
	/** Hints unlock at this time. */
	hintsAt: number;
	checks: number;
	bestGoalsMet: number;
	hintsUsed: number;
	/** Set once it ended: passed, stopped or out of time. */
	result: InterviewRecord | null;
}

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
	/** Interview mode: the one under way or just finished, else null. */
	interview = $state<Interview | null>(null);
	/** Past interviews, newest first. */
	interviews = $state.raw<InterviewRecord[]>([]);

	template = $derived<Template | undefined>(this.templateId ? templateById(this.templateId) : undefined);
	challenge = $derived<Challenge | undefined>(this.challengeId ? challengeById(this.challengeId) : undefined);
	passedCount = $derived(CHALLENGES.filter((c) => this.progress[c.id]?.passed).length);

	#runner: CheckRunner;
	/** Set by the page so opened designs become library entries; else the editor replaces its design. */
	opener: DesignOpener | null = null;
	/** Set by the page: a graded check's run (the design as checked, with the challenge's fixed run), to show in the charts. */
	onChecked: ((checked: Design) => void) | null = null;

	constructor(runner: CheckRunner) {
		this.#runner = runner;
	}

	async loadProgress(): Promise<void> {
		try {
			this.progress = await allProgress();
			this.interviews = await allInterviews();
			this.progressError = null;
		} catch (e) {
			this.progressError = `Progress could not be loaded from this browser's storage (${reason(e)}). Challenges still work; results will not be kept.`;
		}
	}

	openTemplate(t: Template, editor: DesignTarget): void {
		this.templateId = t.id;
		this.#open(editor, openTemplate(t), `Open template ${t.title}`);
	}

	openChallenge(c: Challenge, editor: DesignTarget, now = Date.now()): void {
		// Opening another challenge walks out of the interview (it is recorded as not passed).
		if (this.interview && this.interview.challengeId !== c.id) void this.stopInterview(now);
		this.challengeId = c.id;
		this.grade = null;
		this.error = null;
		this.hintsShown = this.progress[c.id]?.hintsShown ?? 0;
		this.referenceShown = this.progress[c.id]?.referenceShown ?? false;
		this.#open(editor, openChallenge(c), `Open challenge ${c.title}`);
	}

	/** Run the challenge's fixed check on the design being edited and grade it. */
	async check(design: Design, now = Date.now()): Promise<Grade | null> {
		const c = this.challenge;
		if (!c || this.checking) return null;
		this.checking = true;
		this.error = null;
		// The last verdict described the design before this edit: not shown while it is re-checked.
		this.grade = null;
		try {
			// A challenge that asks for several runs is checked over that many seeds, all queued
			// at once (the job pool spreads them over its workers), and graded on their band.
			const checked = checkedDesign(c, design);
			const results = await Promise.all(checkSeeds(c).map((seed) => this.#runner(checked, { ...checkOptions(c), seed })));
			const grade = gradeRuns(c, results);
			this.grade = grade;
			this.onChecked?.(checked);
			const met = grade.goals.filter((g) => g.met).length;
			await this.#interviewCheck(c, met, grade.passed, now);
			await this.#save(() => recordCheck(c.id, met, grade.passed, now, c.topic));
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
		if (this.interview && !this.interview.result) this.interview = { ...this.interview, hintsUsed: Math.max(this.interview.hintsUsed, level) };
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
		this.#open(editor, openReference(c), 'Open reference solution', false);
	}

	/**
	 * Start an interview on a challenge not yet passed, at random (from `topic` if given),
	 * opened fresh: no grade, no hints, no reference. False (with a message) when none is left.
	 */
	startInterview(editor: DesignTarget, topic: TopicId | null = null, now = Date.now(), random: () => number = Math.random): boolean {
		const c = pickInterview(CHALLENGES, this.progress, topic, random);
		if (!c) {
			const where = topic ? ` in ${topicById(topic)?.title ?? topic}` : '';
			this.error = `Every challenge${where} is already passed: pick another topic, or open one from the list to practise again.`;
			return false;
		}
		if (this.interview && !this.interview.result) void this.stopInterview(now);
		this.openChallenge(c, editor, now);
		this.hintsShown = 0;
		this.referenceShown = false;
		this.interview = { challengeId: c.id, startedAt: now, endsAt: now + INTERVIEW_MS, hintsAt: now + HINT_HOLD_MS, checks: 0, bestGoalsMet: 0, hintsUsed: 0, result: null };
		return true;
	}

	/** End the interview (recorded as not passed if it had not passed yet) and leave interview mode. */
	async stopInterview(now = Date.now()): Promise<void> {
		const iv = this.interview;
		this.interview = null;
		if (iv && !iv.result) await this.#finish(iv, false, now);
	}

	/** Hints are held back for the first minutes of an interview; the reference for all of it. */
	hintsLocked(now = Date.now()): boolean {
		const iv = this.interview;
		return !!iv && !iv.result && iv.challengeId === this.challengeId && now < iv.hintsAt;
	}

	referenceLocked(): boolean {
		const iv = this.interview;
		return !!iv && !iv.result && iv.challengeId === this.challengeId;
	}

	async #interviewCheck(c: Challenge, met: number, passed: boolean, now: number): Promise<void> {
		const iv = this.interview;
		if (!iv || iv.result || iv.challengeId !== c.id) return;
		const next = { ...iv, checks: iv.checks + 1, bestGoalsMet: Math.max(iv.bestGoalsMet, met) };
		this.interview = next;
		// A pass in time ends it as passed; any check after the clock ran out ends it as not passed.
		if (now > iv.endsAt) await this.#finish(next, false, now);
		else if (passed) await this.#finish(next, true, now);
	}

	async #finish(iv: Interview, passed: boolean, now: number): Promise<void> {
		const c = challengeById(iv.challengeId);
		const rec: InterviewRecord = {
			startedAt: iv.startedAt,
			challengeId: iv.challengeId,
			topic: c?.topic ?? '',
			endedAt: now,
			elapsedMs: Math.min(now, iv.endsAt) - iv.startedAt,
			passed,
			goalsMet: iv.bestGoalsMet,
			goalsTotal: c?.goals.length ?? 0,
			checks: iv.checks,
			hintsUsed: iv.hintsUsed
		};
		if (this.interview?.startedAt === iv.startedAt) this.interview = { ...iv, result: rec };
		this.interviews = [rec, ...this.interviews.filter((r) => r.startedAt !== rec.startedAt)];
		try {
			await recordInterview(rec);
		} catch (e) {
			this.progressError = `The interview could not be saved (${reason(e)}).`;
		}
	}

	#open(editor: DesignTarget, design: Design, label: string, resetHistory = true): void {
		if (this.opener) this.opener(design, label);
		else editor.replaceDesign(design, { resetHistory, label });
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
