import { describe, expect, it } from 'vitest';
import { cpuRates, maxOverlap, RATE_TOLERANCE, taskRate } from './selfCheck';
import { createRunStore, initialRunState, type Bar } from './store';
import type { RunConfig, RunEvent, StrategyName } from './types';

const config = (over: Partial<RunConfig> = {}): RunConfig => ({
  kind: 'cpu',
  durationsS: [1, 1],
  strategies: ['sequential', 'pool', 'threads'],
  workers: 2,
  ...over,
});

/** A finished run where each task of each strategy spent `cpuMs[strategy][task]` computing. */
function runWith(cfg: RunConfig, cores: number, cpuMs: Partial<Record<StrategyName, readonly number[]>>) {
  const store = createRunStore(initialRunState(cfg, cores));
  let t = 0;
  for (const strategy of cfg.strategies) {
    const emit = (e: RunEvent): void => store.dispatch(e);
    emit({ type: 'strategy-start', strategy, tMs: t });
    cfg.durationsS.forEach((d, task) => {
      emit({ type: 'task-start', strategy, task, worker: 1, tMs: t });
      const spent = cpuMs[strategy]?.[task];
      emit({
        type: 'task-end',
        strategy,
        task,
        worker: 1,
        tMs: t + d * 1000,
        ...(spent === undefined ? {} : { cpuMs: spent }),
      });
    });
    t += 3000;
    emit({ type: 'strategy-end', strategy, tMs: t, status: 'done' });
  }
  store.dispatch({ type: 'run-end', stopped: false });
  return store.getState();
}

describe('CPU self-check', () => {
  it("reads each task's achieved rate from the time it spent computing", () => {
    const bar: Bar = { task: 0, worker: 1, startS: 0, endS: 1.25, status: 'done', cpuMs: 1250 };
    expect(taskRate(bar, [1])).toBeCloseTo(0.8);
    const sleepBar: Bar = { task: 0, worker: 1, startS: 0, endS: 1, status: 'done' };
    expect(taskRate(sleepBar, [1])).toBeNull(); // a sleep task
    expect(taskRate({ ...bar, status: 'stopped' }, [1])).toBeNull();
  });

  it('is quiet when every strategy computed at the calibrated rate', () => {
    const state = runWith(config(), 2, { sequential: [1000, 990], pool: [1020, 1010], threads: [1000, 1005] });
    const rates = cpuRates(state);
    expect(rates.map((r) => r.strategy)).toEqual(['sequential', 'pool', 'threads']);
    expect(rates.every((r) => !r.off)).toBe(true);
    expect(rates[0]?.rate).toBeCloseTo(2000 / 1990);
    expect(rates[0]?.minRate).toBeCloseTo(1000 / 1000);
  });

  it(`flags a strategy that strays more than ${RATE_TOLERANCE * 100} % with the cores it needed`, () => {
    // A fresh Worker computing at half speed: what a JIT-dependent kernel did on some machines.
    const state = runWith(config(), 2, { sequential: [1000, 1000], pool: [2000, 1900], threads: [1000, 1000] });
    const pool = cpuRates(state).find((r) => r.strategy === 'pool');
    expect(pool?.off).toBe(true);
    expect(pool?.rate).toBeCloseTo(2000 / 3900);
    // Faster than calibrated is just as wrong: the calibration no longer describes the machine.
    const fast = runWith(config(), 2, { sequential: [700, 700] });
    expect(cpuRates(fast).find((r) => r.strategy === 'sequential')?.off).toBe(true);
  });

  it('expects a lower rate when more tasks compute at once than there are cores', () => {
    const cfg = config({ durationsS: [1, 1, 1, 1], strategies: ['pool', 'processes'], workers: 4 });
    const state = runWith(cfg, 2, { pool: [2000, 2000, 2000, 2000], processes: [2100, 2000, 2000, 2000] });
    for (const r of cpuRates(state)) {
      expect(r.sharesCores).toBe(true);
      expect(r.off).toBe(false);
    }
  });

  it('counts the tasks that really computed at once, from the bars', () => {
    const bars = (spans: readonly (readonly [number, number])[]): Bar[] =>
      spans.map(([startS, endS], task) => ({ task, worker: task + 1, startS, endS, status: 'done' }));
    expect(
      maxOverlap(
        bars([
          [0, 5],
          [0, 0.1],
          [0, 0.1],
        ]),
      ),
    ).toBe(3);
    expect(
      maxOverlap(
        bars([
          [0, 1],
          [1, 2],
          [2, 3],
        ]),
      ),
    ).toBe(1); // one ends as the next starts
    expect(
      maxOverlap(
        bars([
          [0, 2],
          [1, 3],
          [2.5, 4],
        ]),
      ),
    ).toBe(2);
    expect(maxOverlap([])).toBe(0);
  });

  it('says nothing about sleep runs', () => {
    expect(cpuRates(runWith(config({ kind: 'sleep' }), 2, {}))).toEqual([]);
  });
});
