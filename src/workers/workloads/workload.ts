import type { TaskData, TaskSpec } from '../../engine/types';

/** What a workload gets, inside the Worker, to run one task. */
export interface WorkloadContext {
  readonly task: TaskSpec;
  /** Kernel steps per ms measured by calibration (0 before the page calibrated). */
  readonly unitsPerMs: number;
  /**
   * Reports "started" to the page. Call it when the task first gives its event loop a turn (a
   * task that ends before that needs not call it: its start travels with its end).
   */
  readonly started: () => void;
  /** Call after every slice of computation: a busy Worker tells the page it is alive. */
  readonly afterSlice: () => void;
}

/** What a workload reports: time spent computing, if it computes, and what it gives back. */
export interface WorkloadOutcome {
  readonly cpuMs?: number;
  readonly result?: TaskData;
}

/** What one task kind does inside a Worker. Registered in ./index.ts, one file per kind. */
export type Workload = (context: WorkloadContext) => Promise<WorkloadOutcome>;
