import { describe, expect, it } from 'vitest';
import {
  breakdown,
  criticalChain,
  measuredSequentialS,
  speedupSentence,
  vsMeasuredSequential,
  whatHappened,
  type SpeedupRow,
} from './breakdown';
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
    const r = run(
      'sequential',
      [
        bar(0, 1, 0.0002, 1.001, { submittedS: 0, readyS: -5 }),
        bar(1, 1, 1.0015, 2.003, { submittedS: 1.0012, readyS: -5 }),
      ],
      2.0035,
      [1, 1],
    );
    const b = breakdown(r);
    expect(b?.startupMs).toBe(0);
    expect(b?.dispatchMs).toBeCloseTo(0.2 + 0.5, 6);
    expect(b?.totalMs).toBeCloseTo(3.5, 6);
  });

  it('says what happened in one sentence from the measurements', () => {
    const r = run(
      'pool',
      [
        bar(0, 1, 0.021, 1.0, { readyS: 0.021 }),
        bar(1, 2, 0.02, 1.0, { readyS: 0.02 }),
        bar(2, 1, 1.0, 2.01),
        bar(3, 2, 1.0, 2.03, { readyS: 0.02 }),
      ],
      2.03,
      [1, 1, 1, 1],
    );
    expect(whatHappened(r, 'sleep', 2, 2)).toMatch(
      /^Pool with 2 workers ran 4 tasks in 2 waves: 2\.03 s, ideal 2\.00 s; 20 ms went to starting workers/,
    );
  });

  it('explains stretched bars when CPU workers outnumber the cores', () => {
    const r = {
      ...run('pool', [bar(0, 1, 0, 2), bar(1, 2, 0, 2), bar(2, 3, 0, 2), bar(3, 4, 0, 2)], 2.05, [1, 1, 1, 1], 4),
    };
    expect(whatHappened(r, 'cpu', 2, 4)).toContain('4 workers shared 2 cores');
    const threads = run('threads', [bar(0, 1, 0, 2), bar(1, 1, 0, 2)], 2, [1, 1]);
    expect(whatHappened(threads, 'cpu', 2, 2)).toContain('like Python threads under the GIL');
  });

  it('says how a failed run failed', () => {
    const r = {
      ...run(
        'pool',
        [
          bar(0, 1, 0, 1, { status: 'error', message: 'WorkerCrashError: gone' }),
          bar(1, 2, 0, 1, { status: 'error', message: 'BrokenProcessPool: A process…' }),
        ],
        1.05,
        [3, 3],
      ),
      status: 'failed' as const,
    };
    expect(whatHappened(r, 'sleep', 2, 2)).toBe(
      'Pool failed after 1.05 s: 2 of 2 tasks raised, first task 1 (WorkerCrashError: gone). One Worker died, so the whole pool broke, as Python’s BrokenProcessPool does.',
    );
  });
});

describe('speedup against the measured sequential run', () => {
  const row = (name: SpeedupRow['name'], wallS: number, status: SpeedupRow['status'] = 'done'): SpeedupRow => ({
    name,
    wallS,
    status,
  });

  it('divides the measured sequential wall-clock by each row’s', () => {
    const rows = [row('sequential', 2.01), row('processes', 1.08), row('pool', 1.05), row('threads', 1.0)];
    expect(measuredSequentialS(rows)).toBe(2.01);
    expect(vsMeasuredSequential(rows[1] as SpeedupRow, rows)).toEqual({
      speedup: 2.01 / 1.08,
      sequentialS: 2.01,
      reason: '',
    });
    expect(vsMeasuredSequential(rows[2] as SpeedupRow, rows).speedup).toBeCloseTo(1.914, 3);
    expect(vsMeasuredSequential(rows[0] as SpeedupRow, rows).speedup, 'sequential is the reference').toBe(1);
  });

  it('gives no number, with a reason, when there is no whole sequential run', () => {
    const noSeq = [row('pool', 1.05)];
    expect(measuredSequentialS(noSeq)).toBeNull();
    expect(vsMeasuredSequential(row('pool', 1.05), noSeq)).toEqual({
      speedup: null,
      sequentialS: null,
      reason: 'No sequential run was measured in this Run: tick Sequential to compare with one.',
    });
    for (const status of ['stopped', 'failed'] as const) {
      const rows = [row('sequential', 0.5, status), row('pool', 1.05)];
      expect(measuredSequentialS(rows)).toBeNull();
      const vs = vsMeasuredSequential(row('pool', 1.05), rows);
      expect(vs.speedup).toBeNull();
      expect(vs.reason).toBe(`Sequential was ${status}, so there is no whole sequential time to compare with.`);
    }
  });

  it('gives no number for a row that did not do all the work', () => {
    const rows = [row('sequential', 2), row('pool', 0.4, 'stopped')];
    const vs = vsMeasuredSequential(rows[1] as SpeedupRow, rows);
    expect(vs.speedup).toBeNull();
    expect(vs.reason).toBe('Pool was stopped: it did not do all the work, so there is nothing to compare.');
  });

  it('puts it in the What happened paragraph, the measured comparison first', () => {
    const pool = run(
      'pool',
      [bar(0, 1, 0.02, 1.02, { readyS: 0.02 }), bar(1, 2, 0.02, 1.03, { readyS: 0.02 })],
      1.08,
      [1, 1],
    );
    expect(whatHappened(pool, 'sleep', 2, 2, { sequentialS: 2.01, sumS: 2 })).toMatch(
      /^Pool with 2 workers ran 2 tasks in 1 wave: 1\.08 s, ideal 1\.00 s;.*\. That is 1\.86× faster than the measured sequential run \(2\.01 s\)\.$/,
    );
    expect(whatHappened(pool, 'sleep', 2, 2, { sequentialS: null, sumS: 2 })).toContain(
      'Against the tasks’ total of 2.00 s that is a speedup of 1.85× (no sequential run was measured to compare with).',
    );
    expect(whatHappened(pool, 'sleep', 2, 2), 'no comparison asked for').not.toContain('That is');
  });

  it('says slower or about as fast, and nothing for sequential itself or a stopped run', () => {
    const threads = run('threads', [bar(0, 1, 0, 1), bar(1, 1, 1, 2.05)], 2.05, [1, 1]);
    expect(speedupSentence(threads, 2.01, 2)).toBe(
      'That is slower than the measured sequential run (2.01 s): 0.98× its speed.',
    );
    expect(speedupSentence(threads, 2.052, 2)).toBe(
      'That is about as fast as the measured sequential run (2.05 s): 1.00×.',
    );
    const seq = run('sequential', [bar(0, 1, 0, 1), bar(1, 1, 1, 2.01)], 2.01, [1, 1]);
    expect(speedupSentence(seq, 2.01, 2)).toBe('');
    expect(whatHappened(seq, 'sleep', 2, 2, { sequentialS: 2.01, sumS: 2 })).not.toContain('That is');
    const stopped = {
      ...run('pool', [bar(0, 1, 0, 0.5, { status: 'stopped' })], 0.5, [1, 1]),
      status: 'stopped' as const,
    };
    expect(whatHappened(stopped, 'sleep', 2, 2, { sequentialS: 2.01, sumS: 2 })).toBe('Pool was stopped after 0.50 s.');
  });
});
