import { describe, expect, it } from 'vitest';
import { breakdown, criticalChain, whatHappened } from './breakdown';
import { idealSchedule } from './ideal';
import type { Bar, StrategyRun } from './store';

const bar = (task: number, worker: number, startS: number, endS: number, extra: Partial<Bar> = {}): Bar => ({
  task,
  worker,
  startS,
  endS,
  status: 'done',
  ...extra,
});

function run(name: StrategyRun['name'], bars: Bar[], wallS: number, durations: number[], workers = 2): StrategyRun {
  return {
    name,
    rep: 0,
    results: [],
    t0Ms: 0,
    status: 'done',
    bars,
    spawns: [],
    lanes: 2,
    wallS,
    ideal: idealSchedule(name, { kind: 'sleep', durationsS: durations, workers }, 2),
  };
}

describe('overhead breakdown', () => {
  it('splits a pool run into start-up, dispatch and the rest, adding up to measured − ideal', () => {
    // Pool of 2 on 3,2,1: worker 2 ready at 40 ms, runs task 2 then task 3 after a 2 ms gap.
    const r = run(
      'pool',
      [
        bar(0, 1, 0.045, 3.046, { submittedS: 0.001, readyS: 0.044 }),
        bar(1, 2, 0.041, 2.042, { submittedS: 0.001, readyS: 0.04 }),
        bar(2, 2, 2.044, 3.05, { submittedS: 2.043, readyS: 0.04 }),
      ],
      3.052,
      [3, 2, 1],
    );
    expect(criticalChain(r.bars).map((b) => b.task)).toEqual([1, 2]);
    const b = breakdown(r);
    expect(b?.totalMs).toBeCloseTo(52, 6);
    expect(b?.startupMs).toBeCloseTo(40, 6);
    expect(b?.dispatchMs).toBeCloseTo(1 + 2, 6);
    expect(b?.restMs).toBeCloseTo(52 - 40 - 3, 6);
    expect((b?.startupMs ?? 0) + (b?.dispatchMs ?? 0) + (b?.restMs ?? 0)).toBeCloseTo(b?.totalMs ?? NaN, 9);
  });

  it('gives a warm worker no start-up cost', () => {
    const r = run('sequential', [bar(0, 1, 0.0002, 1.001, { submittedS: 0, readyS: -5 }), bar(1, 1, 1.0015, 2.003, { submittedS: 1.0012, readyS: -5 })], 2.0035, [1, 1]);
    const b = breakdown(r);
    expect(b?.startupMs).toBe(0);
    expect(b?.dispatchMs).toBeCloseTo(0.2 + 0.5, 6);
    expect(b?.totalMs).toBeCloseTo(3.5, 6);
  });

  it('says what happened in one sentence from the measurements', () => {
    const r = run(
      'pool',
      [bar(0, 1, 0.021, 1.0, { readyS: 0.021 }), bar(1, 2, 0.02, 1.0, { readyS: 0.02 }), bar(2, 1, 1.0, 2.01), bar(3, 2, 1.0, 2.03, { readyS: 0.02 })],
      2.03,
      [1, 1, 1, 1],
    );
    expect(whatHappened(r, 'sleep', 2, 2)).toMatch(/^Pool with 2 workers ran 4 tasks in 2 waves: 2\.03 s, ideal 2\.00 s; 20 ms went to starting workers/);
  });

  it('explains stretched bars when CPU workers outnumber the cores', () => {
    const r = { ...run('pool', [bar(0, 1, 0, 2), bar(1, 2, 0, 2), bar(2, 3, 0, 2), bar(3, 4, 0, 2)], 2.05, [1, 1, 1, 1], 4) };
    expect(whatHappened(r, 'cpu', 2, 4)).toContain('4 workers shared 2 cores');
    const threads = run('threads', [bar(0, 1, 0, 2), bar(1, 1, 0, 2)], 2, [1, 1]);
    expect(whatHappened(threads, 'cpu', 2, 2)).toContain('like Python threads under the GIL');
  });

  it('says how a failed run failed', () => {
    const r = {
      ...run('pool', [bar(0, 1, 0, 1, { status: 'error', message: 'WorkerCrashError: gone' }), bar(1, 2, 0, 1, { status: 'error', message: 'BrokenProcessPool: A process…' })], 1.05, [3, 3]),
      status: 'failed' as const,
    };
    expect(whatHappened(r, 'sleep', 2, 2)).toBe(
      'Pool failed after 1.05 s: 2 of 2 tasks raised, first task 1 (WorkerCrashError: gone). One Worker died, so the whole pool broke, as Python’s BrokenProcessPool does.',
    );
  });
});
