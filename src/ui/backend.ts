import type { Clock, Executor } from '../engine/types';

/** What the UI needs from the machine: built in main.tsx from the Worker executor. */
export interface Backend {
  readonly executor: Executor;
  readonly clock: Clock;
  /** `navigator.hardwareConcurrency`: the cores the browser says it may use. */
  readonly cores: number;
  /** Starts the warm worker and calibrates CPU work, once per page load (again after a failure). */
  prepare(): Promise<{ readonly unitsPerMs: number }>;
  /** Measures the CPU rate again on the warm worker (on demand, or when stale); never during a run. */
  calibrate(): Promise<{ readonly unitsPerMs: number }>;
  /** Makes sure a warm worker is up (a Stop may have terminated it), outside any timing. */
  ensureWarm(): Promise<void>;
  /** Kills one busy Worker, as if its process crashed (a demo); false when none is busy. */
  crashOne(): boolean;
}
