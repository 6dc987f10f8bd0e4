import { idealSchedule } from './ideal';
import type { RunConfig, StrategyName } from './types';

/** What a `run=1` link may start by itself (CONTRACT.md, `run`); anything heavier waits for a click. */
export const AUTO_RUN_LIMITS = {
  /** Ideal total time of the whole Run: every chosen strategy's ideal time, times `repeat`. */
  maxIdealS: 60,
  /** Workers the Run starts at once (processes: one per task; pool: `workers`). */
  maxWorkersAtOnce: 64,
} as const;

/** Why a `run=1` link may or may not start by itself, with the figures behind it. */
export interface AutoRunDecision {
  /** True when the link may start the run as soon as the page is ready. */
  readonly ok: boolean;
  /** Sum over the chosen strategies of their ideal time, times `repeat`, in seconds. */
  readonly idealS: number;
  /** The most new Workers one strategy starts at once (0 for sequential/threads: the warm Worker). */
  readonly workersAtOnce: number;
  /** Empty when `ok`; otherwise one sentence for the user, ending with what to do. */
  readonly reason: string;
}

/** New Workers a strategy starts at once: processes one per task, the pool `workers`, others none. */
export function workersStartedAtOnce(
  strategy: StrategyName,
  config: Pick<RunConfig, 'durationsS' | 'workers'>,
): number {
  switch (strategy) {
    case 'processes':
      return config.durationsS.length;
    case 'pool':
      return config.workers;
    case 'sequential':
    case 'threads':
      return 0;
  }
}

/** "about 200 s": whole seconds when the limit is exceeded (so never below 61). */
function aboutS(x: number): string {
  return x >= 10 ? `${Math.round(x)} s` : `${x.toFixed(1)} s`;
}

/**
 * The `run=1` rule: a link starts by itself only a run whose ideal total time (the engine's
 * ideal time of every chosen strategy, added, times `repeat`) is ≤ 60 s and which starts ≤ 64
 * Workers at once. A heavier link is loaded and waits for a click on Run; `reason` says why,
 * e.g. "This link would run for about 200 s of ideal time (limit 60 s) — press Run to start it."
 */
export function autoRunDecision(config: RunConfig, cores: number): AutoRunDecision {
  const repeat = Math.max(1, config.repeat ?? 1);
  const perRunS = config.strategies.reduce((sum, name) => sum + idealSchedule(name, config, cores).totalS, 0);
  const idealS = perRunS * repeat;
  const workersAtOnce = Math.max(0, ...config.strategies.map((name) => workersStartedAtOnce(name, config)));
  const tooLong = idealS > AUTO_RUN_LIMITS.maxIdealS + 1e-9;
  const tooMany = workersAtOnce > AUTO_RUN_LIMITS.maxWorkersAtOnce;
  const clauses: string[] = [];
  if (tooLong) {
    const times = repeat > 1 ? `${repeat} runs of each strategy; ` : '';
    clauses.push(`run for about ${aboutS(idealS)} of ideal time (${times}limit ${AUTO_RUN_LIMITS.maxIdealS} s)`);
  }
  if (tooMany) clauses.push(`start ${workersAtOnce} Workers at once (limit ${AUTO_RUN_LIMITS.maxWorkersAtOnce})`);
  const ok = clauses.length === 0;
  const reason = ok ? '' : `This link would ${clauses.join(' and ')} — press Run to start it.`;
  return { ok, idealS, workersAtOnce, reason };
}
