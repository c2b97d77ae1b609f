import 'fake-indexeddb/auto';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Design } from '$lib/model/types';
import type { SimResult } from '$lib/sim/types';
import { CHALLENGES } from '$lib/practice/challenges';
import { PATH_STEPS } from '$lib/practice/templates';
import { design, edge, node } from '$lib/practice/build';
import { PracticeStore } from '$lib/stores/practice.svelte';
import { ChallengesPanel, EstimatorPanel, ReviewPanel, TemplatesPanel } from './index';

function fakeEditor(d: Design = design('x', 'x', [], [])) {
	const ed = {
		design: d,
		replaceDesign: vi.fn((next: Design) => {
			ed.design = next;
		}),
		update: vi.fn((_label: string, fn: (x: Design) => Design) => {
			ed.design = fn(ed.design);
		}),
		select: vi.fn()
	};
	return ed;
}

const zero = { rejected: 0, 'rate-limited': 0, timeout: 0, unavailable: 0, lost: 0, 'pool-timeout': 0 };
const stat = { mean: 10, p50: 8, p95: 30, p99: 50, max: 90 };
const goodResult: SimResult = {
	durationS: 30,
	warmupS: 5,
	seed: 7,
	events: 1,
	global: { offeredRps: 1200, servedRps: 1199, arrived: 30000, completed: 30000, failed: zero, successRatio: 1, latency: stat, latencyByType: {}, costPerMonth: 600 },
	nodes: {}
};

describe('TemplatesPanel', () => {
	it('opens a template on click and walks to the next step', async () => {
		const editor = fakeEditor();
		const practice = new PracticeStore(vi.fn());
		render(TemplatesPanel, { practice, editor });
		const items = screen.getAllByTestId('template-item');
		expect(items).toHaveLength(25);
		await userEvent.click(items[0]);
		expect(editor.replaceDesign).toHaveBeenCalledTimes(1);
		expect(editor.design.name).toBe(PATH_STEPS[0].design.name);
		expect(screen.getByTestId('template-title').textContent).toBe(PATH_STEPS[0].title);
		await userEvent.click(screen.getByRole('button', { name: 'Next step →' }));
		expect(editor.design.name).toBe(PATH_STEPS[1].design.name);
		expect(screen.getByText(/Traffic ramps from 300 to 700/)).toBeTruthy();
	});
});

describe('PracticeStore', () => {
	it('opens through the page\'s opener (a new library entry) when there is one', () => {
		const editor = fakeEditor();
		const practice = new PracticeStore(vi.fn());
		const opened: [Design, string][] = [];
		practice.opener = (d, label) => opened.push([d, label]);
		practice.openTemplate(PATH_STEPS[2], editor);
		practice.openChallenge(CHALLENGES[0], editor);
		expect(editor.replaceDesign).not.toHaveBeenCalled();
		expect(opened.map(([d, l]) => [d.name, l])).toEqual([
			[PATH_STEPS[2].design.name, `Open template ${PATH_STEPS[2].title}`],
			[CHALLENGES[0].start.name, `Open challenge ${CHALLENGES[0].title}`]
		]);
	});
});

describe('ChallengesPanel', () => {
	it('opens a challenge, checks it with the runner, and shows each graded goal', async () => {
		const editor = fakeEditor();
		const runner = vi.fn(async () => goodResult);
		const practice = new PracticeStore(runner);
		render(ChallengesPanel, { practice, editor });
		expect(screen.getAllByTestId('challenge-item').length).toBe(CHALLENGES.length);
		await userEvent.click(screen.getAllByTestId('challenge-item').find((b) => b.dataset.challengeId === CHALLENGES[0].id)!);
		expect(editor.design.name).toBe(CHALLENGES[0].start.name);
		await userEvent.click(screen.getByTestId('challenge-check'));
		const goals = await screen.findAllByTestId('goal-result');
		expect(goals).toHaveLength(CHALLENGES[0].goals.length);
		expect(goals.every((g) => g.dataset.met === 'true')).toBe(true);
		const [d, opts] = runner.mock.calls[0] as unknown as [Design, { seed: number }];
		expect(d.scenario).toEqual(CHALLENGES[0].run);
		expect(opts.seed).toBe(CHALLENGES[0].run.seed);
		expect(screen.getByTestId('challenge-verdict').dataset.passed).toBe('true');
	});

	it('shows hints one level at a time, then the reference; a failed run says why', async () => {
		const editor = fakeEditor();
		const practice = new PracticeStore(async () => {
			throw Object.assign(new Error('bad'), { reasons: ['Node "web" has no outgoing edge for writes.'] });
		});
		render(ChallengesPanel, { practice, editor });
		await userEvent.click(screen.getAllByTestId('challenge-item').find((b) => b.dataset.challengeId === CHALLENGES[1].id)!);
		await userEvent.click(screen.getByRole('button', { name: 'Show a hint' }));
		await userEvent.click(screen.getByRole('button', { name: 'A more specific hint' }));
		expect(screen.getAllByTestId('hint')).toHaveLength(2);
		await userEvent.click(screen.getByTestId('reveal-reference'));
		await userEvent.click(screen.getByTestId('open-reference'));
		expect(editor.design.name).toBe(CHALLENGES[1].reference.name);
		await userEvent.click(screen.getByTestId('challenge-check'));
		expect((await screen.findByRole('alert')).textContent).toContain('has no outgoing edge for writes');
	});

	it('interviews on a random unsolved challenge, opened fresh, hints held back, time and score kept', async () => {
		const editor = fakeEditor();
		const practice = new PracticeStore(vi.fn(async () => goodResult));
		const first = CHALLENGES[0];
		// The first challenge is already passed and open, showing "Passed".
		practice.progress = { [first.id]: { challengeId: first.id, attempts: 1, passed: true, bestGoalsMet: 4, hintsShown: 3, referenceShown: true } };
		practice.openChallenge(first, editor);
		await practice.check(editor.design);
		render(ChallengesPanel, { practice, editor });
		expect(screen.getByTestId('challenge-verdict').dataset.passed).toBe('true');

		await userEvent.selectOptions(screen.getByTestId('interview-topic'), 'scaling');
		await userEvent.click(screen.getByTestId('interview-start'));
		const picked = practice.challenge!;
		expect(picked.id).not.toBe(first.id);
		expect(picked.topic).toBe('scaling');
		expect(editor.design.name).toBe(picked.start.name);
		expect(screen.queryByTestId('challenge-verdict')).toBeNull();
		expect(screen.getByTestId('interview-clock').textContent).toMatch(/^(45:00|44:5\d)$/);
		expect(screen.getByTestId('interview-hints').textContent).toMatch(/^Hints unlock in (10:00|9:5\d)$/);
		expect(screen.getByTestId('hints-locked')).toBeTruthy();
		expect(screen.queryByRole('button', { name: 'Show a hint' })).toBeNull();
		expect(screen.queryByTestId('reveal-reference')).toBeNull();

		// Ten minutes on, hints unlock; a passing check ends the interview with its time and score.
		const t0 = practice.interview!.startedAt;
		expect(practice.hintsLocked(t0 + 9 * 60_000)).toBe(true);
		expect(practice.hintsLocked(t0 + 10 * 60_000)).toBe(false);
		await practice.check(editor.design, t0 + 12 * 60_000);
		expect(practice.interview!.result).toMatchObject({ challengeId: picked.id, passed: true, elapsedMs: 12 * 60_000, checks: 1, goalsMet: picked.goals.length });
		expect((await screen.findByTestId('interview-result')).textContent).toContain('Passed in 12:00');
		expect(screen.getAllByTestId('interview-history-item')).toHaveLength(1);
	});

	it('will not start an interview when every challenge of the topic is passed, and says so', async () => {
		const practice = new PracticeStore(vi.fn());
		const cdn = CHALLENGES.filter((c) => c.topic === 'cdn');
		practice.progress = Object.fromEntries(cdn.map((c) => [c.id, { challengeId: c.id, attempts: 1, passed: true, bestGoalsMet: 2, hintsShown: 0, referenceShown: false }]));
		render(ChallengesPanel, { practice, editor: fakeEditor() });
		await userEvent.selectOptions(screen.getByTestId('interview-topic'), 'cdn');
		await userEvent.click(screen.getByTestId('interview-start'));
		expect(screen.getByRole('alert').textContent).toContain('Every challenge in CDN is already passed');
		expect(screen.queryByTestId('interview-clock')).toBeNull();
	});

	it('stopping an interview records it as not passed', async () => {
		const practice = new PracticeStore(vi.fn());
		const editor = fakeEditor();
		practice.startInterview(editor, 'caching', 1_000_000, () => 0);
		await practice.stopInterview(1_000_000 + 5 * 60_000);
		expect(practice.interview).toBeNull();
		expect(practice.interviews[0]).toMatchObject({ topic: 'caching', passed: false, elapsedMs: 5 * 60_000 });
	});

	it('shows progress by topic, and a Why? for each concept of the open challenge', async () => {
		const practice = new PracticeStore(vi.fn());
		const cdn = CHALLENGES.find((c) => c.topic === 'cdn')!;
		practice.progress = { [cdn.id]: { challengeId: cdn.id, attempts: 1, passed: true, bestGoalsMet: 2, hintsShown: 0, referenceShown: false } };
		render(ChallengesPanel, { practice, editor: fakeEditor() });
		const rows = screen.getAllByTestId('topic-progress');
		expect(rows.find((r) => r.dataset.topic === 'cdn')!.dataset.covered).toBe('true');
		expect(rows.find((r) => r.dataset.topic === 'caching')!.dataset.covered).toBe('false');
		expect(rows.find((r) => r.dataset.topic === 'multi-leader')!.textContent).toMatch(/Multi-leader\s+0 \/ 1/);
		expect(screen.getByTestId('topics-covered').textContent).toBe('1 of 15 topics covered');
		await userEvent.click(screen.getAllByTestId('challenge-item').find((b) => b.dataset.challengeId === cdn.id)!);
		const why = within(screen.getByTestId('challenge-card')).getAllByTestId('why')[0];
		await userEvent.click(within(why).getByRole('button', { name: 'Why?' }));
		expect(within(why).getByTestId('why-text').textContent).toContain('edge');
	});
});

describe('EstimatorPanel', () => {
	it('shows the arithmetic, refuses nonsense, and sets the client workload', async () => {
		const editor = fakeEditor(design('x', 'x', [node('c', 'client', 0, 0)], []));
		render(EstimatorPanel, { editor });
		const panel = screen.getByTestId('estimator');
		expect(within(panel).getByTestId('estimate-avg').textContent).toBe('2.3 × 10³ rps');
		const dau = panel.querySelector('input[name="dau"]') as HTMLInputElement;
		await fireEvent.input(dau, { target: { value: '-5' } });
		expect(screen.getByRole('alert').textContent).toContain('Daily active users');
		await fireEvent.input(dau, { target: { value: '86400000' } });
		expect(within(panel).getByTestId('estimate-avg').textContent).toBe('2 × 10⁴ rps');
		await userEvent.click(screen.getByTestId('estimate-apply-peak'));
		expect(editor.update).toHaveBeenCalledTimes(1);
		expect(editor.design.nodes[0].params.rps).toBe(40000);
	});
});

describe('ReviewPanel', () => {
	it('lists findings with node ids, marks the canvas, and applies a fix', async () => {
		const d = design('r', 'r', [node('c', 'client', 0, 0), node('web', 'service', 200, 0, { instances: 1 }), node('db', 'database', 400, 0)], [edge('c', 'web'), edge('web', 'db')]);
		const editor = fakeEditor(d);
		const overlay = { setFindings: vi.fn() };
		render(ReviewPanel, { editor, overlay });
		const items = screen.getAllByTestId('review-item');
		expect(items.map((i) => i.dataset.nodeId)).toEqual(expect.arrayContaining(['db', 'web']));
		const marks = overlay.setFindings.mock.calls.at(-1)![0] as Map<string, string[]>;
		expect([...marks.keys()].sort()).toEqual(['db', 'web']);
		const dbItem = items.find((i) => i.dataset.rule === 'single-database')!;
		await userEvent.click(within(dbItem).getByTestId('review-fix'));
		expect(editor.update).toHaveBeenCalledWith('Fix: Add a follower (semi-sync)', expect.any(Function));
		expect(editor.design.nodes.some((n) => n.params.role === 'follower')).toBe(true);
	});

	it('explains each finding\'s concept on demand', async () => {
		const d = design('r', 'r', [node('c', 'client', 0, 0), node('web', 'service', 200, 0, { instances: 1 }), node('db', 'database', 400, 0)], [edge('c', 'web'), edge('web', 'db')]);
		render(ReviewPanel, { editor: fakeEditor(d) });
		const dbItem = screen.getAllByTestId('review-item').find((i) => i.dataset.rule === 'single-database')!;
		expect(within(dbItem).queryByTestId('why-text')).toBeNull();
		await userEvent.click(within(dbItem).getByRole('button', { name: 'Why?' }));
		expect(within(dbItem).getByTestId('why-text').textContent).toContain('promoted');
	});
});
