// How tasks end besides completing: raising, their Worker crashing, and what they give back.
import { describe, expect, it } from 'vitest';
import { resultRows } from './selectors';
import { lines, setup, sleep } from './testing/strategyRun';

describe('tasks that raise or lose their Worker', () => {
  it('a failing task: sequential stops there, the pool finishes the others; both marked failed', async () => {
    const t = setup(sleep([1, 1, 1], ['sequential', 'pool'], 2), { failing: [1] });
    await t.run();
    const l = lines(t.store);
    expect(l.slice(0, 5)).toEqual([
      '[sequential] Task 1 started',
      '[sequential] Task 1 completed',
      '[sequential] Task 2 started',
      '[sequential] Task 2 raised Error: task 2 failed',
      '[sequential] Execution Time: 2.00 seconds',
    ]);
    expect(l.filter((x) => x.startsWith('[pool]') && x.endsWith('completed'))).toHaveLength(2);
    expect(resultRows(t.store.getState()).map((r) => r.label)).toEqual(['Sequential (failed)', 'Pool (failed)']);
    expect(t.store.getState().strategies[1]?.bars.find((b) => b.task === 1)?.status).toBe('error');
  });

  it('a config with failing tasks makes exactly those tasks raise', async () => {
    const t = setup({ ...sleep([1, 1, 1], ['pool'], 3), failing: [0, 2] });
    await t.run();
    expect(lines(t.store).filter((l) => l.includes('raised'))).toEqual([
      '[pool] Task 1 raised Error: task 1 failed',
      '[pool] Task 3 raised Error: task 3 failed',
    ]);
  });

  it('a crashed pool worker breaks the pool like BrokenProcessPool; nothing hangs, every worker is ended', async () => {
    const t = setup(sleep([1, 3, 1, 1], ['pool'], 2), { crashing: [0] });
    await t.run();
    const l = lines(t.store);
    expect(l).toContain('[pool] Task 1 raised WorkerCrashError: Worker crashed running task 1');
    expect(l).toContain(
      '[pool] Task 2 raised BrokenProcessPool: A process in the process pool was terminated abruptly while the future was running or pending.',
    );
    expect(l.filter((x) => x.includes('raised BrokenProcessPool'))).toHaveLength(3);
    expect(l.some((x) => x.endsWith('completed'))).toBe(false);
    expect(l.at(-1)).toBe('[pool] Execution Time: 1.00 seconds');
    expect(resultRows(t.store.getState())[0]?.label).toBe('Pool (failed)');
    expect(t.executor.terminated).toBe(t.executor.spawned);
  });

  it('a crashed process fails only its own task', async () => {
    const t = setup(sleep([1, 1], ['processes']), { crashing: [1] });
    await t.run();
    expect(lines(t.store).filter((x) => x.endsWith('completed'))).toEqual(['[processes] Task 1 completed']);
    expect(resultRows(t.store.getState())[0]?.label).toBe('Processes (failed)');
  });
});

describe('results on the task channel', () => {
  it('carries what each task gave back, and the time it took to come back, from the runner to its bar', async () => {
    const returned = new Float64Array([1.5, 2.5]);
    const s = setup(sleep([1, 2], ['sequential', 'pool']), {
      result: (task) => ({
        result: task.index === 0 ? { sum: 42 } : returned,
        returnMs: 0.5 + task.index,
      }),
    });
    await s.run();
    const ends = s.events.filter((e) => e.type === 'task-end');
    expect(ends).toHaveLength(4);
    for (const run of s.store.getState().strategies) {
      const [first, second] = run.bars;
      expect(first?.result).toEqual({ sum: 42 });
      expect(second?.result).toBe(returned);
      expect([first?.returnMs, second?.returnMs]).toEqual([0.5, 1.5]);
    }
  });

  it('gives a bar no result when its task returned nothing', async () => {
    const s = setup(sleep([1], ['sequential']));
    await s.run();
    const bar = s.store.getState().strategies[0]?.bars[0];
    expect(bar?.status).toBe('done');
    expect(bar && 'result' in bar).toBe(false);
  });
});
