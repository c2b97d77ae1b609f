import { describe, expect, it } from 'vitest';
import { startFailover } from './failover';

describe('failover lifecycle', () => {
	it('promotes the chosen follower failoverS after the leader is lost, counting lost writes', () => {
		const f = startFailover(30, 5);
		expect(f.hasLeader()).toBe(true);
		f.send({ type: 'LEADER_FAIL', now: 100, candidate: 2, unshippedWrites: 7 });
		expect([f.stateName(), f.hasLeader()]).toEqual(['leader-lost', false]);
		f.send({ type: 'TICK', now: 104 });
		expect(f.stateName()).toBe('leader-lost');
		f.send({ type: 'TICK', now: 105 });
		expect(f.stateName()).toBe('electing');
		f.send({ type: 'TICK', now: 129.99 });
		expect(f.stateName()).toBe('electing');
		f.send({ type: 'TICK', now: 130 });
		expect([f.stateName(), f.hasLeader()]).toEqual(['follower-promoted', true]);
		expect(f.context()).toMatchObject({ promoted: 2, lostWrites: 7, failovers: 1 });
	});

	it('a second failure of the promoted leader starts another failover and adds its losses', () => {
		const f = startFailover(0);
		f.send({ type: 'LEADER_FAIL', now: 1, candidate: 0, unshippedWrites: 3 });
		expect(f.stateName()).toBe('follower-promoted'); // failoverS 0: at once
		f.send({ type: 'LEADER_FAIL', now: 2, candidate: 1, unshippedWrites: 4 });
		expect(f.context()).toMatchObject({ promoted: 1, lostWrites: 7, failovers: 2 });
	});

	it('without a follower it waits for one, or for the leader to come back', () => {
		const f = startFailover(10);
		f.send({ type: 'LEADER_FAIL', now: 0, candidate: -1, unshippedWrites: 0 });
		f.send({ type: 'TICK', now: 50 });
		expect(f.stateName()).toBe('leader-lost');
		f.send({ type: 'LEADER_RECOVER', now: 60 });
		expect(f.stateName()).toBe('leader-up');
		f.send({ type: 'LEADER_FAIL', now: 70, candidate: -1, unshippedWrites: 0 });
		f.send({ type: 'CANDIDATE', now: 71, candidate: 4 });
		expect(f.stateName()).toBe('electing');
		f.send({ type: 'LEADER_RECOVER', now: 75 }); // back before the election finished
		expect(f.stateName()).toBe('leader-up');
		expect(f.context().failovers).toBe(0);
	});
});
