// What a timeline says in words: its subtitle, status, lane labels and bar labels (CONTRACT).
import type { IdealSchedule } from '../engine/ideal';
import type { Bar, StrategyRun } from '../engine/reducer';
import type { StartMethod, StrategyName } from '../engine/types';
import { sec } from './format';

export function laneLabel(name: StrategyName, worker: number): string {
  if (name === 'sequential') return 'Warm worker';
  if (name === 'threads') return 'One event loop';
  return `Worker ${worker}`;
}

export function subtitle(name: StrategyName, workers: number, tasks: number, start: StartMethod = 'spawn'): string {
  const timed = start === 'forkserver' ? 'pre-started (forkserver), handed out' : 'start-up timed';
  switch (name) {
    case 'sequential':
      return 'one task after another on a warm Worker';
    case 'processes':
      return `${tasks} new Worker${tasks === 1 ? '' : 's'}, one per task, ${timed}`;
    case 'pool':
      return `a pool of ${workers} Worker${workers === 1 ? '' : 's'}, ${timed}`;
    case 'threads':
      return 'all tasks on one Worker’s event loop';
  }
}

/** `waiting · ideal 3.00 s`, `running · 1.20 s`, `3.04 s measured · 3.00 s ideal · failed`. */
export function timelineStatus(run: StrategyRun | undefined, ideal: IdealSchedule, nowS: number | null): string {
  if (!run) return `waiting · ideal ${sec(ideal.totalS)} s`;
  if (run.status === 'running') return `running · ${sec(nowS ?? 0)} s`;
  const how = run.status === 'done' ? '' : ` · ${run.status}`;
  return `${sec(run.wallS ?? 0)} s measured · ${sec(ideal.totalS)} s ideal${how}`;
}

/** A bar's accessible name: `Task 1 on worker 2: 0.04–3.05 s`, and how it ended if not done. */
export function barLabel(bar: Bar, nowS: number | null): string {
  const end = bar.endS ?? nowS ?? bar.startS;
  const base = `Task ${bar.task + 1} on worker ${bar.worker}: ${sec(bar.startS)}–${sec(end)} s`;
  switch (bar.status) {
    case 'done':
      return base;
    case 'running':
      return `${base} (running)`;
    case 'stopped':
      return `${base} (stopped)`;
    case 'error':
      return `${base} (raised ${bar.message ?? 'an error'})`;
  }
}

/** A compared run's subtitle: CPython's own words for a CPython run, the page's for a browser's. */
export function comparedSubtitle(
  source: 'browser' | 'cpython',
  name: StrategyName,
  workers: number,
  tasks: number,
  start?: StartMethod,
) {
  if (source === 'browser') return subtitle(name, workers, tasks, start);
  switch (name) {
    case 'sequential':
      return 'task(1); task(2) in the main process';
    case 'processes':
      return `${tasks} multiprocessing.Process${tasks === 1 ? '' : 'es'}, started then joined`;
    case 'pool':
      return `ProcessPoolExecutor(max_workers=${workers}) + as_completed`;
    case 'threads':
      return 'one threading.Thread per task, one interpreter lock';
  }
}
