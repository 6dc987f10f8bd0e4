// Random scenarios for the engine's property tests (fast-check): durations, kinds, strategies,
// pool sizes, latencies, failures, crashes, repeats and the instant of Stop. Only tests import it.
import fc from 'fast-check';
import { TASK_KINDS } from '../taskKinds';
import { STRATEGY_NAMES, type RunConfig, type ResultOrder, type StrategyName } from '../types';
import type { FakeExecutorOptions } from './virtualTime';

export interface Scenario {
  readonly config: RunConfig;
  readonly cores: number;
  readonly options: FakeExecutorOptions;
  readonly jitterMs: readonly number[];
  /** Virtual ms at which Stop is pressed, if at all. */
  readonly stopAtMs?: number;
}

// ------------------------------------------------------------------ generators

export const MAX_TASKS = 12;

/** 0.01–5 s; half the time on a 0.1 s grid so that ties (equal starts/ends) are common. */
export const durationS = fc.oneof(
  fc.double({ min: 0.01, max: 5, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 1, max: 50 }).map((x) => x / 10),
);
export const durations = fc.array(durationS, { minLength: 1, maxLength: MAX_TASKS });
export const kind = fc.constantFrom(...TASK_KINDS);
export const strategySubset = fc
  .subarray([...STRATEGY_NAMES], { minLength: 1 })
  .map((picked) => STRATEGY_NAMES.filter((s) => picked.includes(s)));
export const latencyMs = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 300 }),
  fc.double({ min: 0, max: 50, noNaN: true }),
);

export interface ScenarioOptions {
  readonly order?: fc.Arbitrary<ResultOrder | undefined>;
  /** Let Workers die (crash) at the end of some task; a dead pool Worker breaks the pool. */
  readonly crashes?: 'sometimes' | 'always';
}

export const scenario = (
  strategies: fc.Arbitrary<readonly StrategyName[]>,
  opts: ScenarioOptions = {},
): fc.Arbitrary<Scenario> =>
  fc
    .record({
      durationsS: durations,
      kind,
      strategies,
      workers: fc.integer({ min: 1, max: 8 }),
      cores: fc.integer({ min: 1, max: 8 }),
      order: opts.order ?? fc.constantFrom(undefined, 'completed', 'submitted'),
      repeat: fc.constantFrom(undefined, 1, 2, 3),
      spawnMs: latencyMs,
      // Often empty, so that every Worker starts equally fast.
      spawnMsEach: fc.oneof(fc.constant([]), fc.array(latencyMs, { maxLength: MAX_TASKS })),
      dispatchMs: latencyMs,
      // Often no jitter at all, so that ties and the work-conserving check come up.
      jitterMs: fc.oneof(fc.constant([]), fc.array(latencyMs, { minLength: MAX_TASKS, maxLength: MAX_TASKS })),
      // Failures both ways: the run's own `fail=` list and the executor's.
      failing: fc.array(fc.integer({ min: 0, max: MAX_TASKS - 1 }), { maxLength: 3 }),
      executorFailing: fc.array(fc.integer({ min: 0, max: MAX_TASKS - 1 }), { maxLength: 2 }),
      crashing:
        opts.crashes === undefined
          ? fc.constant([])
          : fc.oneof(
              { weight: opts.crashes === 'always' ? 0 : 3, arbitrary: fc.constant([]) },
              {
                weight: 1,
                arbitrary: fc.array(fc.integer({ min: 0, max: MAX_TASKS - 1 }), { minLength: 1, maxLength: 2 }),
              },
            ),
    })
    .map((r) => ({
      config: {
        kind: r.kind,
        durationsS: r.durationsS,
        strategies: r.strategies,
        workers: r.workers,
        failing: r.failing.filter((i) => i < r.durationsS.length),
        ...(r.order === undefined ? {} : { order: r.order }),
        ...(r.repeat === undefined ? {} : { repeat: r.repeat }),
      },
      cores: r.cores,
      options: {
        spawnMs: r.spawnMs,
        spawnMsEach: r.spawnMsEach,
        dispatchMs: r.dispatchMs,
        failing: r.executorFailing,
        crashing: r.crashing,
      },
      jitterMs: r.jitterMs,
    }));

export const ALL: readonly StrategyName[] = STRATEGY_NAMES;
export const allFour = scenario(fc.constant(ALL), { crashes: 'sometimes' });
export const poolOnly = (opts: ScenarioOptions = {}): fc.Arbitrary<Scenario> =>
  scenario(fc.constant(['pool'] as const), opts);

/** Runs per property; reported in the issue. */
export const RUNS = {
  pairs: 1000,
  exclusive: 1000,
  poolLimit: 1000,
  brokenPool: 500,
  asCompleted: 1000,
  submitted: 500,
  ideal: 1000,
  stop: 1000,
} as const;

export const SLOW = 120_000;

/** One timed run of one strategy: the events between its strategy-start and strategy-end. */
