import { describe, expect, it } from 'vitest';
import { resultRows } from './selectors';
import { lines, setup, sleep } from './testing/strategyRun';

describe('strategies on virtual time', () => {
  it('sequential: task(1); task(2) prints the chapter and takes 2.00 s', async () => {
    const t = setup(sleep([1, 1], ['sequential']));
    await t.run();
    expect(lines(t.store)).toEqual([
      '[sequential] Task 1 started',
      '[sequential] Task 1 completed',
      '[sequential] Task 2 started',
      '[sequential] Task 2 completed',
      '[sequential] Execution Time: 2.00 seconds',
    ]);
    expect(t.executor.spawned).toBe(0);
  });

  it('processes: both start before either completes; spawn cost is inside the time', async () => {
    const t = setup(sleep([1, 1], ['processes']), { spawnMs: 40 });
    await t.run();
    expect(lines(t.store)).toEqual([
      '[processes] Task 1 started',
      '[processes] Task 2 started',
      '[processes] Task 1 completed',
      '[processes] Task 2 completed',
      '[processes] Execution Time: 1.04 seconds',
    ]);
    expect(t.executor.spawned).toBe(2);
    expect(t.executor.terminated).toBe(2);
    const [row] = resultRows(t.store.getState());
    expect(row).toMatchObject({ label: 'Processes', idealS: 1 });
    expect(row?.overheadMs).toBeCloseTo(40, 6);
    expect(row?.speedup).toBeCloseTo(2 / 1.04, 6);
  });

  it('processes: five in a loop all start, then all complete, in about 1 s', async () => {
    const t = setup(sleep([1, 1, 1, 1, 1], ['processes']), { spawnMs: 10 });
    await t.run();
    const l = lines(t.store);
    expect(l.slice(0, 5).every((x) => x.endsWith('started'))).toBe(true);
    expect(l.slice(5, 10).every((x) => x.endsWith('completed'))).toBe(true);
    expect(l[10]).toBe('[processes] Execution Time: 1.01 seconds');
    const bars = t.store.getState().strategies[0]?.bars ?? [];
    expect(new Set(bars.map((b) => b.worker)).size).toBe(5);
  });

  it('pool 3,2,1 with 3 workers: completion order 1 s, 2 s, 3 s, total 3.00 s', async () => {
    const t = setup(sleep([3, 2, 1], ['pool'], 3));
    await t.run();
    expect(lines(t.store)).toEqual([
      '[pool] Task 1 started',
      '[pool] Task 2 started',
      '[pool] Task 3 started',
      '[pool] Task 3 completed',
      '[pool] Task 2 completed',
      '[pool] Task 1 completed',
      '[pool] Execution Time: 3.00 seconds',
    ]);
    expect(t.executor.terminated).toBe(3);
  });

  it('pool 3,2,1 with 2 workers: the 1 s task waits for a free worker', async () => {
    const t = setup(sleep([3, 2, 1], ['pool'], 2));
    await t.run();
    const bars = t.store.getState().strategies[0]?.bars ?? [];
    const task3 = bars.find((b) => b.task === 2);
    expect(task3).toMatchObject({ worker: 2, startS: 2, endS: 3 });
    expect(lines(t.store).indexOf('[pool] Task 2 completed')).toBeLessThan(
      lines(t.store).indexOf('[pool] Task 3 started'),
    );
  });

  it('pool: the first Worker to be ready takes task 1, so tasks start in submission order', async () => {
    const t = setup(sleep([3, 2, 1], ['pool'], 3), { spawnMsEach: [30, 10, 20] });
    await t.run();
    const l = lines(t.store);
    expect(l.slice(0, 3)).toEqual(['[pool] Task 1 started', '[pool] Task 2 started', '[pool] Task 3 started']);
    const bars = t.store.getState().strategies[0]?.bars ?? [];
    expect(bars.map((b) => [b.task + 1, b.worker])).toEqual([
      [1, 2],
      [2, 3],
      [3, 1],
    ]);
  });

  it('pool never runs more than N tasks at once and no worker runs two at once', async () => {
    const t = setup(sleep([0.3, 1, 0.2, 0.7, 0.5, 0.1, 0.9], ['pool'], 3), { dispatchMs: 1 });
    await t.run();
    const bars = t.store.getState().strategies[0]?.bars ?? [];
    expect(bars).toHaveLength(7);
    for (const at of bars.map((b) => b.startS)) {
      const running = bars.filter((b) => b.startS <= at && (b.endS ?? Infinity) > at);
      expect(running.length).toBeLessThanOrEqual(3);
      expect(new Set(running.map((b) => b.worker)).size).toBe(running.length);
    }
  });

  it('threads: sleeps overlap on one worker; CPU work takes turns', async () => {
    const s = setup(sleep([1, 1], ['threads']));
    await s.run();
    expect(s.store.getState().strategies[0]?.wallS).toBe(1);
    const c = setup({ kind: 'cpu', durationsS: [1, 1], strategies: ['sequential', 'pool', 'threads'], workers: 2 });
    await c.run();
    const rows = resultRows(c.store.getState());
    expect(rows.map((r) => [r.label, r.wallS, r.idealS])).toEqual([
      ['Sequential', 2, 2],
      ['Pool', 1, 1],
      ['Threads', 2, 2],
    ]);
  });

  it('with zero overhead, measured equals the ideal model', async () => {
    const t = setup(sleep([0.5, 1.5, 1, 0.25], ['sequential', 'processes', 'pool', 'threads'], 2));
    await t.run();
    for (const row of resultRows(t.store.getState())) expect(row.overheadMs).toBeCloseTo(0, 6);
  });

  it('runs strategies in canonical order, each bracketed by start and end', async () => {
    const t = setup(sleep([0.1], ['sequential', 'processes', 'pool', 'threads']));
    await t.run();
    const brackets = t.events.filter((e) => e.type === 'strategy-start' || e.type === 'strategy-end');
    expect(brackets.map((e) => `${e.type}:${e.strategy}`)).toEqual([
      'strategy-start:sequential',
      'strategy-end:sequential',
      'strategy-start:processes',
      'strategy-end:processes',
      'strategy-start:pool',
      'strategy-end:pool',
      'strategy-start:threads',
      'strategy-end:threads',
    ]);
  });

  it('Stop keeps what was measured, marks it stopped and terminates every spawned worker', async () => {
    const t = setup(sleep([5, 5, 5], ['pool', 'threads'], 2));
    t.time.at(1500, () => t.controller.abort());
    await t.run();
    const state = t.store.getState();
    expect(state.phase).toBe('stopped');
    expect(state.strategies.map((s) => s.name)).toEqual(['pool']);
    expect(resultRows(state)[0]?.label).toBe('Pool (stopped)');
    expect(state.strategies[0]?.bars.map((b) => [b.status, b.endS])).toEqual([
      ['stopped', 1.5],
      ['stopped', 1.5],
    ]);
    expect(lines(t.store).at(-1)).toBe('[pool] Stopped after 1.50 seconds');
    expect(t.executor.terminated).toBe(t.executor.spawned);
  });

  it('order=submitted: executor.map hands results back in submission order', async () => {
    const t = setup({ ...sleep([3, 2, 1], ['pool'], 3), order: 'submitted' });
    await t.run();
    expect(lines(t.store).filter((l) => /completed|received/.test(l))).toEqual([
      '[pool] Task 3 completed',
      '[pool] Task 2 completed',
      '[pool] Task 1 completed',
      '[pool] Result of task 1 received',
      '[pool] Result of task 2 received',
      '[pool] Result of task 3 received',
    ]);
    expect(t.store.getState().strategies[0]?.results.map((r) => [r.task, r.atS])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    // as_completed (the default) prints no extra lines: the chapter's output stays as it is.
    const c = setup(sleep([3, 2, 1], ['pool'], 3));
    await c.run();
    expect(lines(c.store).some((l) => l.includes('received'))).toBe(false);
  });

  it('repeat=3 runs each strategy three times; Results give min, median and max', async () => {
    const t = setup({ ...sleep([1], ['sequential', 'processes']), repeat: 3 }, { spawnMsEach: [30, 10, 20] });
    await t.run();
    const state = t.store.getState();
    expect(state.strategies.map((s) => `${s.name}#${s.rep}`)).toEqual([
      'sequential#0',
      'sequential#1',
      'sequential#2',
      'processes#0',
      'processes#1',
      'processes#2',
    ]);
    const processes = resultRows(state).find((r) => r.name === 'processes');
    expect(processes).toMatchObject({ runs: 3, minS: 1.01, maxS: 1.03, wallS: 1.02, label: 'Processes' });
    expect(processes?.run.rep).toBe(2);
    expect(lines(t.store).filter((l) => l.includes('Run '))).toEqual([
      '[sequential] Run 1 of 3',
      '[sequential] Run 2 of 3',
      '[sequential] Run 3 of 3',
      '[processes] Run 1 of 3',
      '[processes] Run 2 of 3',
      '[processes] Run 3 of 3',
    ]);
  });

  describe('start=forkserver: Workers pre-started before the timed block and handed out', () => {
    it('processes: the same prints, without the start-up in the time', async () => {
      const t = setup({ ...sleep([1, 1], ['processes']), start: 'forkserver' }, { spawnMs: 40 });
      await t.run();
      expect(lines(t.store)).toEqual([
        '[processes] Task 1 started',
        '[processes] Task 2 started',
        '[processes] Task 1 completed',
        '[processes] Task 2 completed',
        '[processes] Execution Time: 1.00 seconds',
      ]);
      expect(t.executor.spawned).toBe(2);
      expect(t.executor.terminated).toBe(2);
      // Each Worker was ready before its strategy began (drawn as no start-up inside the time).
      const run = t.store.getState().strategies[0];
      expect(run?.bars.every((b) => (b.readyS ?? 0) <= 0)).toBe(true);
      expect(run?.spawns.map((sp) => sp.worker)).toEqual([1, 2]);
      expect(resultRows(t.store.getState())[0]?.overheadMs).toBeCloseTo(0, 6);
    });

    it('pool 3,2,1: 3.00 s instead of 3.04 s, same completion order', async () => {
      const spawn = setup(sleep([3, 2, 1], ['pool'], 3), { spawnMs: 40 });
      const fork = setup({ ...sleep([3, 2, 1], ['pool'], 3), start: 'forkserver' }, { spawnMs: 40 });
      await spawn.run();
      await fork.run();
      expect(lines(spawn.store).at(-1)).toBe('[pool] Execution Time: 3.04 seconds');
      expect(lines(fork.store).at(-1)).toBe('[pool] Execution Time: 3.00 seconds');
      const completed = (l: string[]) => l.filter((x) => x.endsWith('completed'));
      expect(completed(lines(fork.store))).toEqual(completed(lines(spawn.store)));
      expect(fork.executor.terminated).toBe(3);
    });

    it('sequential and threads are unchanged: they use the warm Worker', async () => {
      const t = setup({ ...sleep([1, 1], ['sequential', 'threads']), start: 'forkserver' }, { spawnMs: 40 });
      await t.run();
      expect(t.executor.spawned).toBe(0);
    });

    it('a Stop terminates the pre-started Workers not handed out yet', async () => {
      const t = setup({ ...sleep([5, 5, 5], ['pool']), start: 'forkserver' }, { spawnMs: 40 });
      t.time.at(1000, () => t.controller.abort());
      await t.run();
      expect(t.store.getState().phase).toBe('stopped');
      expect(t.executor.terminated).toBe(t.executor.spawned);
    });
  });
});
