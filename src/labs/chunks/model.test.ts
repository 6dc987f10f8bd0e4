import { describe, expect, it } from 'vitest';
import {
  autoChunksize,
  chunks,
  dispatchPerTaskUs,
  median,
  messageCount,
  messageGaps,
  perMessageUs,
  runPlan,
  speedup,
  strategyLabel,
  sweepChunksizes,
  whatHappened,
  type StrategyResult,
} from './model';

/** CPython's rule written as Python writes it, for a brute-force comparison. */
function cpythonChunksize(n: number, pool: number): number {
  const div = pool * 4;
  let chunksize = Math.floor(n / div);
  const extra = n - chunksize * div;
  if (extra !== 0) chunksize += 1;
  if (n === 0) chunksize = 0;
  return chunksize;
}

describe('autoChunksize (Pool.map with chunksize=None)', () => {
  it('is ceil(n / (4 × workers))', () => {
    expect(autoChunksize(10_000, 2)).toBe(1250);
    expect(autoChunksize(10_000, 4)).toBe(625);
    expect(autoChunksize(10_000, 3)).toBe(834); // divmod(10000, 12) = (833, 4) → 834
    expect(autoChunksize(1000, 16)).toBe(16); // divmod(1000, 64) = (15, 40) → 16
    expect(autoChunksize(1000, 2)).toBe(125);
  });
  it('is 1 when there are fewer tasks than 4 × workers, 0 for no tasks', () => {
    expect(autoChunksize(7, 2)).toBe(1);
    expect(autoChunksize(1, 16)).toBe(1);
    expect(autoChunksize(8, 2)).toBe(1);
    expect(autoChunksize(9, 2)).toBe(2);
    expect(autoChunksize(0, 4)).toBe(0);
  });
  it('matches the divmod rule for every n up to 10,000 and 1–16 workers', () => {
    for (let w = 1; w <= 16; w += 1)
      for (let n = 0; n <= 10_000; n += 1)
        if (autoChunksize(n, w) !== cpythonChunksize(n, w)) throw new Error(`${n}, ${w}`);
    expect(Array.from({ length: 10 }, (_, i) => autoChunksize(i * 997, 3))).toEqual(
      Array.from({ length: 10 }, (_, i) => Math.ceil((i * 997) / 12)),
    );
  });
});

describe('chunks', () => {
  it('cuts consecutive chunks, the last one shorter, covering every task once', () => {
    expect(chunks(10, 4)).toEqual([
      { index: 0, first: 0, count: 4 },
      { index: 1, first: 4, count: 4 },
      { index: 2, first: 8, count: 2 },
    ]);
    expect(chunks(3, 1).map((c) => c.first)).toEqual([0, 1, 2]);
    expect(chunks(0, 5)).toEqual([]);
    expect(chunks(5, 0)).toHaveLength(5);
    for (const [n, c] of [
      [10_000, 1250],
      [10_000, 3],
      [1234, 99],
    ] as const) {
      const list = chunks(n, c);
      expect(list).toHaveLength(messageCount(n, c));
      expect(list.reduce((s, x) => s + x.count, 0)).toBe(n);
      list.forEach((x, i) => expect(x.first).toBe(i * c));
    }
  });
  it('counts one message per chunk', () => {
    expect(messageCount(10_000, 1)).toBe(10_000);
    expect(messageCount(10_000, 1250)).toBe(8);
    expect(messageCount(10_000, 3)).toBe(3334);
    expect(messageCount(0, 10)).toBe(0);
  });
});

describe('sweepChunksizes', () => {
  it('runs the steps below one chunk per worker, auto and one chunk per worker, ascending', () => {
    expect(sweepChunksizes(10_000, 2)).toEqual([1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 1250, 2500, 5000]);
    expect(sweepChunksizes(1000, 4)).toEqual([1, 2, 5, 10, 25, 50, 63, 100, 250]);
    expect(sweepChunksizes(1000, 1)).toEqual([1, 2, 5, 10, 25, 50, 100, 250, 500, 1000]);
  });
  it('has no duplicates when auto is one of the steps', () => {
    // 10,000 / (4 × 10) = 250 exactly.
    const list = sweepChunksizes(10_000, 10);
    expect(list).toEqual([1, 2, 5, 10, 25, 50, 100, 250, 500, 1000]);
    expect(new Set(list).size).toBe(list.length);
  });
});

describe('labels and plan', () => {
  it('names the strategies as the table does', () => {
    expect(runPlan(1000, 2, 25).map(strategyLabel)).toEqual([
      'Sequential',
      'Pool, chunksize 1',
      'Pool, chunksize auto (= 125)',
      'Pool, chunksize 25',
    ]);
  });
});

const result = (over: Partial<StrategyResult> & Pick<StrategyResult, 'spec'>): StrategyResult => ({
  workers: 2,
  plannedTasks: 10_000,
  tasksDone: 10_000,
  wallMs: 1000,
  computeMs: 1000,
  messages: 1,
  messageGapUs: null,
  stopped: false,
  ...over,
});

describe('dispatch arithmetic', () => {
  it('is the Worker time not spent on tasks, per task, in µs', () => {
    // 2 workers × 1,450 ms − 1,000 ms of tasks = 1,900 ms over 10,000 tasks = 190 µs each.
    expect(dispatchPerTaskUs({ workers: 2, wallMs: 1450, computeMs: 1000, tasksDone: 10_000 })).toBeCloseTo(190);
    // One Worker, one message: 1,010 ms for 1,000 ms of tasks = 1 µs per task.
    expect(dispatchPerTaskUs({ workers: 1, wallMs: 1010, computeMs: 1000, tasksDone: 10_000 })).toBeCloseTo(1);
    expect(dispatchPerTaskUs({ workers: 1, wallMs: 10, computeMs: 12, tasksDone: 10 })).toBe(0);
    expect(dispatchPerTaskUs({ workers: 2, wallMs: 10, computeMs: 1, tasksDone: 0 })).toBe(0);
  });
  it('speedup is sequential ÷ wall', () => {
    expect(speedup(1000, 500)).toBe(2);
    expect(speedup(1000, 2000)).toBe(0.5);
    expect(speedup(null, 500)).toBeNull();
    expect(speedup(1000, 0)).toBeNull();
  });
  it('measures the gaps between consecutive chunks on each Worker', () => {
    const gaps = messageGaps([
      { worker: 1, startMs: 10, endMs: 20 },
      { worker: 2, startMs: 0, endMs: 5 },
      { worker: 1, startMs: 0, endMs: 9.95 },
      { worker: 2, startMs: 5.1, endMs: 8 },
      { worker: 1, startMs: 20.2, endMs: 30 },
    ]);
    expect(gaps.map((g) => Number(g.toFixed(3)))).toEqual([0.05, 0.2, 0.1]);
    expect(messageGaps([{ worker: 1, startMs: 0, endMs: 1 }])).toEqual([]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('names the chunksize-1 run’s gap as the cost of a message', () => {
    const auto = result({ spec: { key: 'pool-auto', chunksize: 1250, auto: true }, messageGapUs: 80 });
    const one = result({ spec: { key: 'pool-1', chunksize: 1, auto: false }, messageGapUs: 45 });
    expect(perMessageUs([auto, one])).toBe(45);
    expect(perMessageUs([auto])).toBe(80);
    expect(perMessageUs([])).toBeNull();
  });
});

describe('whatHappened', () => {
  const opts = { tasks: 10_000, taskMs: 0.1, workers: 2 };
  const seq = result({ spec: { key: 'sequential', chunksize: null, auto: false }, workers: 1, wallMs: 1050 });
  const one = result({
    spec: { key: 'pool-1', chunksize: 1, auto: false },
    wallMs: 1890,
    messages: 10_000,
    messageGapUs: 280,
  });
  const auto = result({ spec: { key: 'pool-auto', chunksize: 1250, auto: true }, wallMs: 552, messages: 8 });
  const chosen = result({ spec: { key: 'pool-chosen', chunksize: 25, auto: false }, wallMs: 1030, messages: 400 });

  it('is null before a run', () => {
    expect(whatHappened([], opts)).toBeNull();
  });
  it('says what each strategy sent and took against the loop, and what a message cost', () => {
    expect(whatHappened([seq, one, auto, chosen], opts)).toBe(
      'One Worker ran the 10,000 tasks of 100 µs one after another, from a single message, in 1,050 ms. ' +
        'With chunksize 1 the pool sent 10,000 messages; each cost a Worker ≈ 280 µs, more than the 50 µs of work each task brings when 2 workers share it: it took 1,890 ms, 1.8× slower than the loop. ' +
        'With chunksize auto (1,250) it sent 8 messages and took 552 ms, 1.9× faster than the loop. ' +
        'With chunksize 25 it sent 400 messages and took 1,030 ms, about as fast as the loop. ' +
        'At ≈ 280 µs a message, sending 10,000 tasks one by one costs 2,800 ms of Worker time; a chunk pays it once for all its tasks.',
    );
  });
  it('follows the numbers: a cheap message is less than the work', () => {
    const cheap = { ...one, messageGapUs: 20, wallMs: 700 };
    const text = whatHappened([seq, cheap], { ...opts, taskMs: 1 }) ?? '';
    expect(text).toContain('tasks of 1 ms');
    expect(text).toContain('≈ 20 µs, less than the 500 µs of work');
    expect(text).toContain('1.5× faster than the loop');
  });
  it('says what was stopped, and compares nothing with a stopped loop', () => {
    const stoppedSeq = { ...seq, stopped: true, tasksDone: 4000, wallMs: 420 };
    const text = whatHappened([stoppedSeq, auto], opts) ?? '';
    expect(text).toContain('The loop was stopped after 4,000 of 10,000 tasks (420 ms).');
    expect(text).toContain('With chunksize auto (1,250) it sent 8 messages and took 552 ms.');
    const stoppedPool = whatHappened([seq, { ...one, stopped: true, tasksDone: 12, messages: 14 }], opts) ?? '';
    expect(stoppedPool).toContain('With chunksize 1 the pool was stopped after 12 tasks and 14 messages.');
  });
});
