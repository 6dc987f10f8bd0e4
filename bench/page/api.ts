// What the bench page (main.ts) offers its driver (bench/run.mjs) as `window.__bench`: the one
// description of it both sides are type-checked against (bench/page/tsconfig.json for the page,
// bench/tsconfig.json for the driver).
import type { SendMode, StrategyStatus } from '../../src/engine/types';

export interface WorkerStartResult {
  /** ms from the first `new Worker` until every Worker has answered its first comlink call. */
  readonly allMs: number;
  /** ms until the first one answered. */
  readonly firstMs: number;
  /** Each Worker's first reply, ms since the first `new Worker`. */
  readonly eachMs: readonly number[];
}

export type DispatchImpl = 'ours' | 'ours+store' | 'workerpool' | 'raw' | 'comlink' | 'channel';

export interface DispatchResult {
  readonly impl: DispatchImpl;
  readonly tasks: number;
  readonly workers: number;
  readonly totalMs: number;
  readonly perTaskUs: number;
  /** Tasks that were reported done (must equal `tasks`). */
  readonly completed: number;
}

/** Round trips of one Float64Array payload (see `payload` in main.ts), ms per trip. */
export interface PayloadResult {
  readonly megabytes: number;
  readonly send: SendMode;
  /** The task's start in the Worker − when the page handed it over: serialise, post, read. */
  readonly thereMs: readonly number[];
  /** The result's trip back (`returnMs`): from the task's end to the page having it. */
  readonly backMs: readonly number[];
}

export interface EngineLoadResult {
  readonly tasks: number;
  readonly workers: number;
  readonly status: StrategyStatus;
  /** Wall-clock of the pool strategy as the engine measures it (Worker start included), ms. */
  readonly wallMs: number;
  /** Console lines the store holds at the end (2 per task + 1). */
  readonly consoleLines: number;
  readonly bars: number;
}

/** One cpu task's achieved rate: planned ms ÷ the ms it spent computing (1 = the calibrated rate). */
export interface TaskRate {
  readonly task: number;
  /** Worker id within its strategy (1-based; sequential runs everything on the warm Worker, 1). */
  readonly worker: number;
  readonly cpuMs: number;
  readonly rate: number;
}

export type EngineCpuStrategy = 'sequential' | 'processes' | 'pool';

export interface EngineCpuRun {
  /** Wall-clock of each strategy in this run, ms (the engine's strategy-start → strategy-end). */
  readonly sequentialMs: number;
  readonly processesMs: number;
  readonly poolMs: number;
  /**
   * Each task's achieved share of the calibrated rate: `sequential` on the warm Worker (the one
   * that was calibrated), `processes` and `pool` each on a Worker started for this run.
   */
  readonly rates: Readonly<Record<EngineCpuStrategy, readonly TaskRate[]>>;
}

export interface EngineCpuResult {
  /** The calibration the runs used (kernel steps per ms on the warm Worker) and how long it took. */
  readonly calibration: { readonly unitsPerMs: number; readonly measuredMs: number };
  /** The warm Worker calibrated again after the last run: did the rate itself move? */
  readonly recalibration: { readonly unitsPerMs: number; readonly measuredMs: number };
  readonly runs: readonly EngineCpuRun[];
}

export interface BenchApi {
  /** Starts `count` task Workers together and times `new Worker` → first comlink reply (`ping`). */
  workerStart(count: number): Promise<WorkerStartResult>;
  /** `tasks` no-op tasks through `impl` on `workers` Workers started and warmed before the timing. */
  dispatch(impl: DispatchImpl, tasks: number, workers: number): Promise<DispatchResult>;
  /**
   * A `megabytes` Float64Array to the warm Worker and back as a task's payload and result, `reps`
   * times after one warm-up, each trip checked (throws if what came back is wrong).
   */
  payload(megabytes: number, send: SendMode, reps: number): Promise<PayloadResult>;
  /** The engine and run store without React: `tasks` sleep tasks of `durationS` on the pool. */
  engineLoad(tasks: number, workers: number, durationS: number): Promise<EngineLoadResult>;
  /** The engine alone, calibrated like the app: `reps` runs of `tasks` CPU tasks, every task's rate. */
  engineCpu(tasks: number, workers: number, durationS: number, reps: number): Promise<EngineCpuResult>;
  /** navigator.hardwareConcurrency (1 when the browser does not say). */
  readonly cores: number;
}

declare global {
  interface Window {
    /** Set by the bench page once it has loaded. */
    readonly __bench: BenchApi;
  }
}
