import type { RunConfig } from '../types';

/** The pool example's config (sleep tasks 3,2,1 on 3 workers) with `over` changed: a test fixture. */
export function runConfig(over: Partial<RunConfig> = {}): RunConfig {
  return { kind: 'sleep', durationsS: [3, 2, 1], strategies: ['pool'], workers: 3, ...over };
}
