// Asks a question every so often and calls `dead` when an answer takes longer than
// `timeoutMs`: a worker stuck in a loop cannot answer, so silence means it hung.
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
