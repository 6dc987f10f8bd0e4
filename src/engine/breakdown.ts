import type { Bar, ResultRow, StrategyRun } from './store';
import { taskKind, type TaskKind } from './taskKinds';
import { STRATEGY_LABELS } from './types';

/**
 * Where the time above the ideal went, along the critical path (the worker that finished last):
 * - `startupMs`: from the strategy's start until that Worker had started (0 for a warm Worker);
 * - `dispatchMs`: gaps between a task being possible (its worker started and free, and for the
 *   first task, handed over) and it really starting — the messages' round trips;
 * - `restMs`: everything else (timers firing late, CPU shared with others, collecting results).
 * The three add up to `totalMs` = measured − ideal, by construction.
 */
export interface Breakdown {
  readonly startupMs: number;
  readonly dispatchMs: number;
  readonly restMs: number;
  readonly totalMs: number;
}

const EPS = 1e-9;

/** The bars on the critical worker that ran before the last-finishing task, plus that task. */
export function criticalChain(bars: readonly Bar[]): Bar[] {
  const ended = bars.filter((b) => b.endS !== null);
  if (ended.length === 0) return [];
  const last = ended.reduce((a, b) => ((b.endS ?? 0) > (a.endS ?? 0) ? b : a));
  return ended
    .filter((b) => b.worker === last.worker && (b === last || (b.endS ?? 0) <= last.startS + EPS))
    .sort((a, b) => a.startS - b.startS);
}

export function breakdown(run: StrategyRun): Breakdown | null {
  if (run.wallS === null) return null;
  const totalMs = (run.wallS - run.ideal.totalS) * 1000;
  const chain = criticalChain(run.bars);
  const first = chain[0];
  if (!first) return { startupMs: 0, dispatchMs: 0, restMs: totalMs, totalMs };
  const readyS = Math.max(0, first.readyS ?? 0);
  let dispatchS = 0;
  let freeAtS = readyS;
  for (const [i, bar] of chain.entries()) {
    // Later tasks wait in the queue: once the worker is free, any gap is the round trip.
    const possibleS = i === 0 ? Math.max(freeAtS, bar.submittedS ?? 0) : freeAtS;
    dispatchS += Math.max(0, bar.startS - possibleS);
    freeAtS = bar.endS ?? bar.startS;
  }
  const startupMs = readyS * 1000;
  const dispatchMs = dispatchS * 1000;
  return { startupMs, dispatchMs, restMs: totalMs - startupMs - dispatchMs, totalMs };
}

function ms(x: number): string {
  return `${Math.round(x)} ms`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The parts of a Results row that speedup against the measured sequential run needs. */
export type SpeedupRow = Pick<ResultRow, 'name' | 'status' | 'wallS'>;

/**
 * Speedup against the sequential run measured in the same Run: `speedup` = that run's wall-clock
 * ÷ this row's (medians when repeated), or `null` with a sentence saying why there is none.
 */
export type VsSequential =
  | { readonly speedup: number; readonly sequentialS: number; readonly reason: '' }
  | { readonly speedup: null; readonly sequentialS: number | null; readonly reason: string };

/**
 * The measured sequential wall-clock of a Run (its Results row's, the median when repeated), or
 * `null` when the Run has no sequential row that finished whole (not chosen, still running,
 * stopped or failed).
 */
export function measuredSequentialS(rows: readonly SpeedupRow[]): number | null {
  const seq = rows.find((r) => r.name === 'sequential');
  return seq && seq.status === 'done' && seq.wallS > 0 ? seq.wallS : null;
}

/**
 * Speedup of one Results row against the sequential run measured in the same Run, the number that
 * cannot lie: it compares two real measurements of the same tasks (unlike the contract's
 * `Speedup`, which divides the sum of the task durations by the wall-clock). The sequential row
 * itself gets 1. No number when either side did not do all the work.
 */
export function vsMeasuredSequential(row: SpeedupRow, rows: readonly SpeedupRow[]): VsSequential {
  const seq = rows.find((r) => r.name === 'sequential');
  const sequentialS = measuredSequentialS(rows);
  const label = STRATEGY_LABELS[row.name];
  if (row.status !== 'done') {
    return {
      speedup: null,
      sequentialS,
      reason: `${label} was ${row.status}: it did not do all the work, so there is nothing to compare.`,
    };
  }
  if (!seq) {
    return {
      speedup: null,
      sequentialS,
      reason: 'No sequential run was measured in this Run: tick Sequential to compare with one.',
    };
  }
  if (sequentialS === null) {
    return {
      speedup: null,
      sequentialS,
      reason: `Sequential was ${seq.status}, so there is no whole sequential time to compare with.`,
    };
  }
  if (!(row.wallS > 0)) return { speedup: null, sequentialS, reason: `${label} has no measured time.` };
  return { speedup: row.name === 'sequential' ? 1 : sequentialS / row.wallS, sequentialS, reason: '' };
}

/**
 * One sentence comparing a finished strategy with the sequential run measured beside it, or, when
 * the Run has none, with `sumS` (the sum of the task durations) and saying so. Empty for the
 * sequential strategy itself and for a run that did not finish whole.
 */
export function speedupSentence(run: StrategyRun, sequentialS: number | null, sumS: number): string {
  if (run.name === 'sequential' || run.status !== 'done' || run.wallS === null || !(run.wallS > 0)) return '';
  if (sequentialS !== null && sequentialS > 0) {
    const x = sequentialS / run.wallS;
    const seq = `the measured sequential run (${sequentialS.toFixed(2)} s)`;
    if (x.toFixed(2) === '1.00') return `That is about as fast as ${seq}: 1.00×.`;
    if (x > 1) return `That is ${x.toFixed(2)}× faster than ${seq}.`;
    return `That is slower than ${seq}: ${x.toFixed(2)}× its speed.`;
  }
  // No sequential run to compare with: the model's figure, labelled as such.
  return `Against the tasks’ total of ${sumS.toFixed(2)} s that is a speedup of ${(sumS / run.wallS).toFixed(2)}× (no sequential run was measured to compare with).`;
}

/**
 * One paragraph, generated from the measurements, saying what happened in a finished strategy,
 * e.g. "Pool with 2 workers ran 4 tasks in 2 waves: 2.03 s, ideal 2.00 s; 21 ms went to starting workers.
 * That is 1.98× faster than the measured sequential run (4.02 s)."
 * With `compare`, a finished parallel strategy gets a sentence of speedup: against the Run's measured
 * sequential wall-clock ({@link measuredSequentialS}) when it has one, else against `sumS`, the sum
 * of the task durations, said so.
 */
export function whatHappened(
  run: StrategyRun,
  kind: TaskKind,
  cores: number,
  workers: number,
  compare?: { readonly sequentialS: number | null; readonly sumS: number },
): string {
  const b = breakdown(run);
  if (run.wallS === null || !b) return '';
  const n = run.ideal.tasks.length;
  const label = STRATEGY_LABELS[run.name];
  const perLane = new Map<number, number>();
  for (const bar of run.bars) perLane.set(bar.worker, (perLane.get(bar.worker) ?? 0) + 1);
  const waves = Math.max(0, ...perLane.values());
  const times = `${run.wallS.toFixed(2)} s, ideal ${run.ideal.totalS.toFixed(2)} s`;
  let who: string;
  switch (run.name) {
    case 'sequential':
      who = `${label} ran ${plural(n, 'task')} one after another on one warm Worker: ${times}`;
      break;
    case 'processes':
      who = `${label} started ${plural(n, 'new Worker')}, one per task: ${times}`;
      break;
    case 'pool':
      who = `${label} with ${plural(workers, 'worker')} ran ${plural(n, 'task')} in ${plural(waves, 'wave')}: ${times}`;
      break;
    case 'threads':
      who = `${label} ran ${plural(n, 'task')} together on one event loop: ${times}`;
      break;
  }
  const parts = [who];
  const costs: string[] = [];
  if (b.startupMs >= 0.5) costs.push(`${ms(b.startupMs)} went to starting workers`);
  if (b.dispatchMs >= 0.5) costs.push(`${ms(b.dispatchMs)} to handing tasks over`);
  if (b.restMs >= 0.5) costs.push(`${ms(b.restMs)} elsewhere (timers, shared cores, collecting results)`);
  else if (b.restMs <= -0.5)
    costs.push(`and the tasks themselves ran ${ms(-b.restMs)} under the model (timer or calibration difference)`);
  let text = costs.length > 0 ? `${parts[0]}; ${costs.join(', ')}.` : `${parts[0]}.`;
  if (run.status === 'stopped') text = `${label} was stopped after ${run.wallS.toFixed(2)} s.`;
  if (run.status === 'failed') {
    const errors = run.bars.filter((bar) => bar.status === 'error');
    const first = errors[0];
    const crashed = errors.some((bar) => bar.message?.startsWith('BrokenProcessPool'));
    text = `${label} failed after ${run.wallS.toFixed(2)} s: ${errors.length} of ${plural(n, 'task')} raised${
      first ? `, first task ${first.task + 1} (${first.message ?? 'an error'})` : ''
    }.${crashed ? ' One Worker died, so the whole pool broke, as Python’s BrokenProcessPool does.' : ''}`;
    return text;
  }
  if (compare) {
    const vs = speedupSentence(run, compare.sequentialS, compare.sumS);
    if (vs) text += ` ${vs}`;
  }
  const parallel = run.name === 'processes' ? n : run.name === 'pool' ? Math.min(workers, n) : 1;
  if (taskKind(kind).needsCore && run.status !== 'stopped') {
    if (run.name === 'threads' && n > 1) {
      text += ' CPU work on one event loop takes turns, like Python threads under the GIL: no faster than sequential.';
    } else if (parallel > cores) {
      text += ` ${parallel} workers shared ${plural(cores, 'core')}: the system time-slices them, so each task took about ${(parallel / cores).toFixed(1)}× as long and the bars stretch.`;
    }
  }
  return text;
}
