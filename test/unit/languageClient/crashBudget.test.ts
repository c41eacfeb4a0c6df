import * as assert from 'node:assert/strict';
import { CrashBudget, MAX_RESTARTS, RESTART_WINDOW_MS } from '../../../client/src/crashBudget';

describe('language server crash budget', () => {
  it('restarts 4 crashes within 3 minutes and gives up on the 5th; only the first opens an episode', () => {
    const budget = new CrashBudget();
    const verdicts = [0, 1, 2, 3, 4].map((i) => budget.record(i * 30_000));
    assert.deepEqual(
      verdicts.map((v) => [v.restart, v.firstOfEpisode, v.recent]),
      [
        [true, true, 1],
        [true, false, 2],
        [true, false, 3],
        [true, false, 4],
        [false, false, 5],
      ],
    );
    assert.equal(MAX_RESTARTS, 4);
  });

  it('forgets crashes older than the window: spread out, they never add up', () => {
    const budget = new CrashBudget();
    for (let i = 0; i < 20; i++) {
      const verdict = budget.record(i * (RESTART_WINDOW_MS / 4 + 1));
      assert.ok(verdict.restart, `crash ${i + 1}`);
      assert.ok(verdict.recent <= MAX_RESTARTS);
    }
  });

  it('starts a new episode after a quiet window', () => {
    const budget = new CrashBudget();
    budget.record(0);
    assert.equal(budget.record(RESTART_WINDOW_MS - 1).firstOfEpisode, false);
    assert.equal(budget.record(2 * RESTART_WINDOW_MS).firstOfEpisode, true);
  });

  it('starts afresh once reset (the user restarted a given-up server)', () => {
    const budget = new CrashBudget();
    for (let i = 0; i < 5; i++) budget.record(i);
    assert.equal(budget.record(5).restart, false);
    budget.reset();
    assert.deepEqual(budget.record(6), { restart: true, firstOfEpisode: true, recent: 1 });
  });
});
