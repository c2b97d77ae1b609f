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

const zero = { rejected: 0, 'rate-limited': 0, timeout: 0, unavailable: 0, lost: 0 };
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
		expect(items).toHaveLength(17);
		await userEvent.click(items[0]);
		expect(editor.replaceDesign).toHaveBeenCalledTimes(1);
		expect(editor.design.name).toBe(PATH_STEPS[0].design.name);
		expect(screen.getByTestId('template-title').textContent).toBe(PATH_STEPS[0].title);
		await userEvent.click(screen.getByRole('button', { name: 'Next step →' }));
		expect(editor.design.name).toBe(PATH_STEPS[1].design.name);
		expect(screen.getByText(/Traffic ramps from 300 to 700/)).toBeTruthy();
	});
});

describe('ChallengesPanel', () => {
	it('opens a challenge, checks it with the runner, and shows each graded goal', async () => {
		const editor = fakeEditor();
		const runner = vi.fn(async () => goodResult);
		const practice = new PracticeStore(runner);
		render(ChallengesPanel, { practice, editor });
		expect(screen.getAllByTestId('challenge-item').length).toBe(CHALLENGES.length);
		await userEvent.click(screen.getAllByTestId('challenge-item')[0]);
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
		await userEvent.click(screen.getAllByTestId('challenge-item')[1]);
		await userEvent.click(screen.getByRole('button', { name: 'Show a hint' }));
		await userEvent.click(screen.getByRole('button', { name: 'A more specific hint' }));
		expect(screen.getAllByTestId('hint')).toHaveLength(2);
		await userEvent.click(screen.getByTestId('reveal-reference'));
		await userEvent.click(screen.getByTestId('open-reference'));
		expect(editor.design.name).toBe(CHALLENGES[1].reference.name);
		await userEvent.click(screen.getByTestId('challenge-check'));
		expect((await screen.findByRole('alert')).textContent).toContain('has no outgoing edge for writes');
	});

	it('runs a 45-minute interview clock and hides hints meanwhile', async () => {
		const practice = new PracticeStore(vi.fn());
		render(ChallengesPanel, { practice, editor: fakeEditor() });
		await userEvent.click(screen.getAllByTestId('challenge-item')[0]);
		await userEvent.click(screen.getByTestId('interview-start'));
		expect(screen.getByTestId('interview-clock').textContent).toMatch(/^(45:00|44:5\d)$/);
		expect(screen.queryByRole('button', { name: 'Show a hint' })).toBeNull();
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
});
