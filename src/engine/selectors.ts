import { latestRun, type RunState, type StrategyRun } from './reducer';
import { STRATEGY_LABELS, type ResultOrder, type StrategyName, type StrategyStatus } from './types';

/** Finished runs of one strategy. */
export function finishedRuns(state: RunState, name: StrategyName): StrategyRun[] {
  return state.strategies.filter((run) => run.name === name && run.wallS !== null);
}

/** The median of finished runs by wall-clock (the lower middle for an even count). */
export function medianRun(runs: readonly StrategyRun[]): StrategyRun | undefined {
  const sorted = [...runs].sort((a, b) => (a.wallS ?? 0) - (b.wallS ?? 0));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The run a timeline shows: the one in progress, else the median of the finished ones. */
export function shownRun(state: RunState, name: StrategyName): StrategyRun | undefined {
  const last = latestRun(state, name);
  if (!last || last.status === 'running') return last;
  return medianRun(finishedRuns(state, name)) ?? last;
}

/** One row of the Results table, derived from a finished strategy. */
export interface ResultRow {
  readonly name: StrategyName;
  /** First cell: `Pool`, or `Pool (stopped)` / `Pool (failed)`. */
  readonly label: string;
  readonly status: StrategyStatus;
  readonly wallS: number;
  readonly idealS: number;
  /** Measured minus ideal, in ms. */
  readonly overheadMs: number;
  /** Sequential sum of task durations divided by the measured wall-clock. */
  readonly speedup: number;
  /** Over repeated runs: how many finished, and the fastest and slowest wall-clock. */
  readonly runs: number;
  readonly minS: number;
  readonly maxS: number;
  /** The run whose numbers these are (the median one). */
  readonly run: StrategyRun;
}

export function resultRows(state: RunState): ResultRow[] {
  const sumS = state.config.durationsS.reduce((a, b) => a + b, 0);
  const rows: ResultRow[] = [];
  const names = [...new Set(state.strategies.map((r) => r.name))];
  for (const name of names) {
    const runs = finishedRuns(state, name);
    const run = medianRun(runs);
    if (!run || run.wallS === null) continue;
    // The worst thing that happened to any repetition is what the row says.
    const statuses = runs.map((r) => r.status);
    const status: StrategyStatus = statuses.includes('stopped')
      ? 'stopped'
      : statuses.includes('failed')
        ? 'failed'
        : 'done';
    const suffix = status === 'done' ? '' : ` (${status})`;
    const walls = runs.map((r) => r.wallS ?? 0);
    rows.push({
      name,
      label: `${STRATEGY_LABELS[name]}${suffix}`,
      status,
      wallS: run.wallS,
      idealS: run.ideal.totalS,
      overheadMs: (run.wallS - run.ideal.totalS) * 1000,
      speedup: run.wallS > 0 ? sumS / run.wallS : 0,
      runs: runs.length,
      minS: Math.min(...walls),
      maxS: Math.max(...walls),
      run,
    });
  }
  return rows;
}

/**
 * When the program got each result: with `as_completed` as each task ends (errors included), with
 * `executor.map` in submission order, each waiting for the ones before it.
 */
export function arrivals(run: StrategyRun, order: ResultOrder): { readonly task: number; readonly atS: number }[] {
  if (order === 'submitted') return [...run.results];
  return run.bars
    .filter((b) => b.endS !== null && b.status !== 'stopped')
    .map((b) => ({ task: b.task, atS: b.endS ?? 0 }))
    .sort((a, b) => a.atS - b.atS);
}
