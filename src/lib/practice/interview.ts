// Interview mode and progress by topic, as pure functions of the challenge list and the
// progress records (the store and the panel call these; tests call them directly).
import type { ChallengeProgress } from '../persistence/progress';
import type { Challenge } from './challenges/types';
import { AWAITING_SIMULATOR, TOPICS, type TopicId } from './topics';

/** An interview lasts 45 minutes, like a real one. */
export const INTERVIEW_MS = 45 * 60 * 1000;
/** Hints stay hidden for the first 10 minutes: reason it out first. */
export const HINT_HOLD_MS = 10 * 60 * 1000;

/**
 * A challenge not yet passed, at random (from one topic when given). `random` returns
 * [0, 1) like Math.random; null when every candidate is passed.
 */
export function pickInterview(
	challenges: readonly Challenge[],
	progress: Readonly<Record<string, ChallengeProgress>>,
	topic: TopicId | null,
	random: () => number = Math.random
): Challenge | null {
	const pool = challenges.filter((c) => (topic === null || c.topic === topic) && !progress[c.id]?.passed);
	if (pool.length === 0) return null;
	return pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))];
}

export interface TopicProgress {
	topic: TopicId;
	title: string;
	total: number;
	passed: number;
	/** Challenges checked at least once. */
	attempted: number;
	/** The simulator cannot grade this topic yet (no challenge claims it). */
	awaiting: boolean;
}

/** Per topic, in curriculum order: how many challenges there are, tried and passed. */
export function topicProgress(challenges: readonly Challenge[], progress: Readonly<Record<string, ChallengeProgress>>): TopicProgress[] {
	return TOPICS.map((t) => {
		const mine = challenges.filter((c) => c.topic === t.id);
		return {
			topic: t.id,
			title: t.title,
			total: mine.length,
			passed: mine.filter((c) => progress[c.id]?.passed).length,
			attempted: mine.filter((c) => (progress[c.id]?.attempts ?? 0) > 0).length,
			awaiting: AWAITING_SIMULATOR.includes(t.id)
		};
	});
}
