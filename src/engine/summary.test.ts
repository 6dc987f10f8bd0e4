import { describe, expect, it } from 'vitest';
import { resultRows } from './selectors';
import { runSummary } from './summary';
import { setup, sleep } from './testing/strategyRun';

describe('the run summary a screen reader announces', () => {
  it('gives one sentence per strategy, compared with the measured sequential run', async () => {
    const s = setup(sleep([3, 2, 1], ['sequential', 'processes', 'pool', 'threads'], 3), { spawnMs: 40 });
    await s.run();
    const state = s.store.getState();
    expect(runSummary(resultRows(state), state.config)).toEqual([
      'Sequential: 6.00 s one task after another.',
      'Processes: 3.04 s with 3 Workers, one per task, 1.97× faster than running the tasks one after another.',
      'Pool: 3.04 s with 3 workers, 1.97× faster than running the tasks one after another.',
      'Threads: 3.00 s on one event loop, 2.00× faster than running the tasks one after another.',
    ]);
  });

  it('without a sequential run compares with the tasks’ total, and says so; a slower run says it', async () => {
    const s = setup(sleep([1, 1], ['pool'], 1), { spawnMsEach: [500] });
    await s.run();
    const state = s.store.getState();
    expect(runSummary(resultRows(state), state.config)).toEqual([
      'Pool: 2.50 s with 1 worker, slower than the tasks’ total of 2.00 s (no sequential run was measured): 0.80× its speed.',
    ]);
  });

  it('says when a strategy was stopped or failed', async () => {
    const s = setup({ ...sleep([1, 1], ['sequential', 'pool'], 2), failing: [1] });
    await s.run();
    const state = s.store.getState();
    expect(runSummary(resultRows(state), state.config)).toEqual([
      'Sequential: failed after 2.00 s: a task raised or a Worker died.',
      'Pool: failed after 1.00 s: a task raised or a Worker died.',
    ]);
  });
});
