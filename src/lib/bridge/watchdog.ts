// The bridge's one watchdog. A worker stuck in a loop cannot answer, so silence means it
// hung. The live run's worker yields between slices, so it is asked a question every so
// often (Watchdog); a pool job runs to the end without yielding, so its answer is the
// job's result and the question is the job itself (deadline). Both speak to the user in
// the same words (hungMessage, crashMessage).

/** How long the live run's worker may leave a ping unanswered before we call it hung. */
export const WATCHDOG_MS = 8000;

/** How long one pool job may take before its worker is called hung (a long run at most ~10 s here). */
export const JOB_DEADLINE_MS = 120_000;

export function hungMessage(ms: number): string {
	return `The simulator stopped answering for ${Math.round(ms / 1000)} s, so it was restarted. Your design is unchanged.`;
}

export function crashMessage(detail?: string): string {
	return `The simulator crashed${detail ? `: ${detail}` : ''}. It was restarted; your design is unchanged.`;
}

/**
 * Settles like `answer`, unless it takes longer than `ms`: then `late()` runs (it ends the
 * worker) and the promise rejects with hungMessage.
 */
export function deadline<T>(answer: Promise<T>, ms: number, late: () => void): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const timer = setTimeout(() => {
			late();
			reject(new Error(hungMessage(ms)));
		}, ms);
		answer.then(
			(v) => {
				clearTimeout(timer);
				resolve(v);
			},
			(e) => {
				clearTimeout(timer);
				reject(e);
			}
		);
	});
}

export class Watchdog {
	private timer: unknown = null;
	private round = 0;

	constructor(
		private ping: () => Promise<unknown>,
		private timeoutMs: number,
		private dead: () => void,
		private setTimer: (fn: () => void, ms: number) => unknown,
		private clearTimer: (t: unknown) => void,
		private everyMs = 1000
	) {}

	get active() {
		return this.timer !== null;
	}

	start() {
		this.stop();
		this.schedule();
	}

	stop() {
		this.round++;
		if (this.timer !== null) this.clearTimer(this.timer);
		this.timer = null;
	}

	private schedule() {
		const round = this.round;
		this.timer = this.setTimer(() => {
			if (round !== this.round) return;
			let answered = false;
			this.timer = this.setTimer(() => {
				if (round !== this.round || answered) return;
				this.timer = null;
				this.dead();
			}, this.timeoutMs);
			this.ping().then(
				() => {
					if (round !== this.round) return;
					answered = true;
					this.clearTimer(this.timer);
					this.schedule();
				},
				() => {}
			);
		}, this.everyMs);
	}
}
