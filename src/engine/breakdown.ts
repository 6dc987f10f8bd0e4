import type { Bar, StrategyRun } from './store';
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

/**
 * One paragraph, generated from the measurements, saying what happened in a finished strategy,
 * e.g. "Pool with 2 workers ran 4 tasks in 2 waves: 2.03 s, ideal 2.00 s; 21 ms went to starting workers."
 */
export function whatHappened(run: StrategyRun, kind: 'sleep' | 'cpu', cores: number, workers: number): string {
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
  else if (b.restMs <= -0.5) costs.push(`and the tasks themselves ran ${ms(-b.restMs)} under the model (timer or calibration difference)`);
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
  const parallel = run.name === 'processes' ? n : run.name === 'pool' ? Math.min(workers, n) : 1;
  if (kind === 'cpu' && run.status !== 'stopped') {
    if (run.name === 'threads' && n > 1) {
      text += ' CPU work on one event loop takes turns, like Python threads under the GIL: no faster than sequential.';
    } else if (parallel > cores) {
      text += ` ${parallel} workers shared ${plural(cores, 'core')}: the system time-slices them, so each task took about ${(parallel / cores).toFixed(1)}× as long and the bars stretch.`;
    }
  }
  return text;
}
