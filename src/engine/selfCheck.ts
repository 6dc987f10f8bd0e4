import { finishedRuns, type Bar, type RunState } from './store';
import { taskKind } from './taskKinds';
import { STRATEGY_LABELS, STRATEGY_NAMES, type RunConfig, type StrategyName } from './types';

/**
 * The CPU self-check. Every cpu task reports how long it really spent computing (`cpuMs`,
 * measured in its Worker); a task of d s was sized to compute for d·1000 ms at the calibrated
 * rate, so `d·1000 / cpuMs` is the share of the calibrated rate it achieved. When a strategy's
 * tasks stray more than {@link RATE_TOLERANCE} from it — another program using the cores, thermal
 * limits, a tab in the background, or a calibration gone stale — the measured times are still
 * real, but they no longer say what the lesson says, and the app tells the class.
 */

/** How far (as a fraction) a run's rate may stray from the calibration before the app says so. */
export const RATE_TOLERANCE = 0.15;

/** A task's achieved rate as a fraction of the calibrated one, if it computed and finished. */
export function taskRate(bar: Bar, durationsS: readonly number[]): number | null {
  const d = durationsS[bar.task];
  if (bar.cpuMs === undefined || bar.cpuMs <= 0 || d === undefined || bar.status !== 'done') return null;
  return (d * 1000) / bar.cpuMs;
}

export interface StrategyRate {
  readonly strategy: StrategyName;
  readonly label: string;
  /** Tasks measured (all repetitions). */
  readonly tasks: number;
  /** Total planned compute ÷ total measured compute: the strategy's achieved share of the calibrated rate. */
  readonly rate: number;
  readonly minRate: number;
  readonly maxRate: number;
  /**
   * More tasks computed at once than the machine has cores: each Worker gets only part of a core,
   * so a lower rate is expected (the stretched bars are the lesson, not a fault).
   */
  readonly sharesCores: boolean;
  /** Most tasks computing at the same time. */
  readonly concurrent: number;
  /** Strays more than {@link RATE_TOLERANCE} from the calibration although it had the cores it needed. */
  readonly off: boolean;
}

/** How many cpu tasks a strategy computes at the same time, at most. */
export function concurrentTasks(strategy: StrategyName, config: RunConfig): number {
  const n = config.durationsS.length;
  switch (strategy) {
    case 'sequential':
    case 'threads': // one event loop: one slice at a time
      return 1;
    case 'processes':
      return n;
    case 'pool':
      return Math.min(n, config.workers);
  }
}

/** The most bars that overlap in time (how many tasks really computed at once). */
export function maxOverlap(bars: readonly Bar[]): number {
  const edges = bars
    .filter((b) => b.endS !== null)
    .flatMap(
      (b) =>
        [
          [b.startS, 1],
          [b.endS ?? b.startS, -1],
        ] as const,
    )
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]); // an end before a start at the same instant
  let now = 0;
  let most = 0;
  for (const [, step] of edges) {
    now += step;
    most = Math.max(most, now);
  }
  return most;
}

/** Each finished strategy's achieved CPU rate, for a cpu run (empty for sleep runs). */
export function cpuRates(state: RunState): StrategyRate[] {
  const { config, cores } = state;
  if (!taskKind(config.kind).calibrated) return [];
  return STRATEGY_NAMES.flatMap((strategy): StrategyRate[] => {
    let planned = 0;
    let spent = 0;
    const rates: number[] = [];
    let overlap = 0;
    for (const run of finishedRuns(state, strategy)) {
      overlap = Math.max(overlap, maxOverlap(run.bars));
      for (const bar of run.bars) {
        const rate = taskRate(bar, config.durationsS);
        if (rate === null || bar.cpuMs === undefined) continue;
        rates.push(rate);
        planned += (config.durationsS[bar.task] ?? 0) * 1000;
        spent += bar.cpuMs;
      }
    }
    if (rates.length === 0) return [];
    const rate = planned / spent;
    // Measured from the bars (a long task may have computed alone), never above the strategy's limit.
    const concurrent = Math.min(concurrentTasks(strategy, config), Math.max(1, overlap));
    const sharesCores = concurrent > cores;
    return [
      {
        strategy,
        label: STRATEGY_LABELS[strategy],
        tasks: rates.length,
        rate,
        minRate: Math.min(...rates),
        maxRate: Math.max(...rates),
        sharesCores,
        concurrent,
        off: !sharesCores && Math.abs(rate - 1) > RATE_TOLERANCE,
      },
    ];
  });
}
