import { createRunStore, initialRunState, resultRows, type RunStore } from './store';
import { runAll, type RunContext } from './strategies';
import type { RunConfig } from './types';

/** Amdahl's law: the speedup on `n` workers of a job whose serial fraction is `f`. */
export function amdahl(f: number, n: number): number {
  return 1 / (f + (1 - f) / n);
}

export interface SpeedupPoint {
  readonly workers: number;
  readonly speedup: number;
}

/** Least-squares fit of Amdahl's serial fraction to measured speedups (f in [0, 1]). */
export function fitAmdahl(points: readonly SpeedupPoint[]): { readonly serialFraction: number; readonly rmse: number } {
  const sse = (f: number): number => points.reduce((sum, p) => sum + (p.speedup - amdahl(f, p.workers)) ** 2, 0);
  let best = 0;
  let bestErr = sse(0);
  // A coarse scan, then two finer ones around the best value: robust and plenty precise.
  for (const [from, to, step] of [
    [0, 1, 1e-3],
    [-1e-3, 1e-3, 1e-5],
    [-1e-5, 1e-5, 1e-7],
  ] as const) {
    const centre = from === 0 ? 0 : best;
    for (let f = centre + from; f <= centre + to + 1e-15; f += step) {
      const c = Math.min(1, Math.max(0, f));
      const err = sse(c);
      if (err < bestErr) {
        bestErr = err;
        best = c;
      }
    }
  }
  return { serialFraction: best, rmse: Math.sqrt(bestErr / Math.max(1, points.length)) };
}

/** Pool sizes a sweep tries: 1, 2, … up to max(2 × cores, 8). */
export function sweepCounts(cores: number): number[] {
  const top = Math.max(2 * cores, 8);
  return Array.from({ length: top }, (_, i) => i + 1);
}

export interface SweepPoint {
  readonly workers: number;
  readonly wallS: number;
  readonly idealS: number;
  /** Measured T(1 worker) / T(n workers). */
  readonly speedup: number;
  /** The model's T(1) / T(n). */
  readonly idealSpeedup: number;
}

/**
 * Runs the pool on the same tasks with each pool size in turn. `onRun` gets each run's store as it
 * starts (to draw it live) and `onPoint` each measured point; a Stop ends the sweep.
 */
export async function runSweep(
  ctx: Omit<RunContext, 'emit' | 'config'>,
  config: RunConfig,
  cores: number,
  counts: readonly number[],
  onRun: (store: RunStore) => void,
  onPoint: (points: readonly SweepPoint[]) => void,
): Promise<SweepPoint[]> {
  const points: SweepPoint[] = [];
  for (const workers of counts) {
    if (ctx.signal.aborted) break;
    const runConfig: RunConfig = { ...config, strategies: ['pool'], workers, repeat: 1 };
    const store = createRunStore(initialRunState(runConfig, cores));
    onRun(store);
    await runAll({ ...ctx, config: runConfig, emit: store.dispatch });
    store.dispatch({ type: 'run-end', stopped: ctx.signal.aborted });
    const row = resultRows(store.getState())[0];
    if (!row || row.status === 'stopped') break;
    const first = points[0] ?? { wallS: row.wallS, idealS: row.idealS };
    points.push({
      workers,
      wallS: row.wallS,
      idealS: row.idealS,
      speedup: first.wallS / row.wallS,
      idealSpeedup: first.idealS / row.idealS,
    });
    onPoint([...points]);
  }
  return points;
}
