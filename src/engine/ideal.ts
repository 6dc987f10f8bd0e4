import { concurrencyCap, type TaskKind } from './taskKinds';
import type { RunConfig, StrategyName } from './types';

/** One task in the ideal schedule: what a perfect machine with no overhead would do. */
export interface IdealTask {
  /** 0-based task index. */
  readonly task: number;
  /** 1-based lane (worker) it runs on. */
  readonly worker: number;
  readonly startS: number;
  readonly endS: number;
}

export interface IdealSchedule {
  readonly tasks: readonly IdealTask[];
  /** Ideal wall-clock time in seconds. */
  readonly totalS: number;
  /** Lanes (workers) the strategy uses. */
  readonly lanes: number;
}

/**
 * Simulates tasks taken in order by `lanes` workers, where at most `capacity` tasks compute at
 * full speed at once (CPU cores); with more active tasks, they share the capacity equally
 * (time-slicing). `capacity = Infinity` models sleeping tasks, which need no CPU.
 */
export function simulate(durationsS: readonly number[], lanes: number, capacity: number): IdealSchedule {
  const n = durationsS.length;
  const free: number[] = Array.from({ length: Math.max(1, Math.min(lanes, n)) }, (_, i) => i + 1);
  const active: { task: number; worker: number; startS: number; left: number }[] = [];
  const done: IdealTask[] = [];
  let next = 0;
  let t = 0;
  const EPS = 1e-9;
  while (done.length < n) {
    while (free.length > 0 && next < n) {
      free.sort((a, b) => a - b);
      const worker = free.shift() as number;
      active.push({ task: next, worker, startS: t, left: durationsS[next] ?? 0 });
      next += 1;
    }
    const rate = Math.min(1, capacity / active.length);
    const step = Math.min(...active.map((a) => a.left)) / rate;
    t += step;
    for (let i = active.length - 1; i >= 0; i -= 1) {
      const a = active[i];
      if (a === undefined) continue;
      a.left -= step * rate;
      if (a.left <= EPS) {
        done.push({ task: a.task, worker: a.worker, startS: a.startS, endS: t });
        free.push(a.worker);
        active.splice(i, 1);
      }
    }
  }
  done.sort((a, b) => a.task - b.task);
  return { tasks: done, totalS: t, lanes: Math.max(1, Math.min(lanes, n)) };
}

/**
 * The ideal schedule of one strategy:
 * - sequential: one lane, total = sum of durations;
 * - processes: one lane per task; sleeps all overlap, work that needs a core shares the cores;
 * - pool: tasks in order on `workers` lanes (list scheduling), capped by the cores for work that needs one;
 * - threads: one event loop; sleeps overlap (max), work that needs a core takes turns (sum).
 * Whether a kind needs a core comes from the registry (taskKinds.ts).
 */
export function idealSchedule(
  strategy: StrategyName,
  config: Pick<RunConfig, 'durationsS' | 'workers'> & { readonly kind: TaskKind },
  cores: number,
): IdealSchedule {
  const d = config.durationsS;
  const cpuCap = (c: number): number => concurrencyCap(config.kind, c);
  switch (strategy) {
    case 'sequential':
      return simulate(d, 1, Infinity);
    case 'processes':
      return simulate(d, d.length, cpuCap(cores));
    case 'pool':
      return simulate(d, config.workers, cpuCap(cores));
    case 'threads': {
      const s = simulate(d, d.length, cpuCap(1));
      return { ...s, lanes: 1, tasks: s.tasks.map((t) => ({ ...t, worker: 1 })) };
    }
  }
}
