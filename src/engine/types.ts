import type { TaskKind } from './taskKinds';

export type { TaskKind };

/** The four ways to run the same tasks, in their canonical order. */
export const STRATEGY_NAMES = ['sequential', 'processes', 'pool', 'threads'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** Human label of each strategy, as used in checkboxes, Results and timelines. */
export const STRATEGY_LABELS: Record<StrategyName, string> = {
  sequential: 'Sequential',
  processes: 'Processes',
  pool: 'Pool',
  threads: 'Threads',
};

/** A validated run configuration (see CONTRACT.md for the limits). */
export interface RunConfig {
  readonly kind: TaskKind;
  /** Task durations in seconds, in the order given (task n is index n-1). */
  readonly durationsS: readonly number[];
  /** Chosen strategies, always in canonical order. */
  readonly strategies: readonly StrategyName[];
  /** Pool size for the `pool` strategy. */
  readonly workers: number;
  /** How the pool hands results back: as they complete (default) or in submission order. */
  readonly order?: ResultOrder;
  /** Runs per strategy (default 1). */
  readonly repeat?: number;
  /** 0-based indexes of tasks that raise instead of completing. */
  readonly failing?: readonly number[];
  /** The class's predicted wall-clock per strategy, seconds (not used to run, shown beside the result). */
  readonly predictionsS?: Partial<Record<StrategyName, number>>;
  /**
   * How `processes` and `pool` get their Workers: `spawn` (absent; a new Worker each, its start-up
   * inside the timing) or `forkserver` (started before the timed block and handed out, as Python's
   * forkserver pre-starts a server to fork from).
   */
  readonly start?: StartMethod;
}

export const START_METHODS = ['spawn', 'forkserver'] as const;
export type StartMethod = (typeof START_METHODS)[number];

/** `completed` = `as_completed(futures)`; `submitted` = `executor.map(...)`. */
export type ResultOrder = 'completed' | 'submitted';

/** The one time source: milliseconds on a basis shared by page and workers. */
export interface Clock {
  now(): number;
}

/**
 * What a task takes in or gives back: anything structured clone carries, typed arrays and
 * (shared) buffers included.
 */
export type TaskData =
  | number
  | string
  | boolean
  | null
  | ArrayBuffer
  | SharedArrayBuffer
  | ArrayBufferView
  | readonly TaskData[]
  | { readonly [key: string]: TaskData };

/**
 * How a payload's buffers reach the Worker: `transfer` (default) moves every `ArrayBuffer` in it
 * (the sender's copy becomes empty, nothing is copied), `copy` clones them (the sender keeps its
 * own). A `SharedArrayBuffer` is never moved or copied: both sides see the same memory.
 */
export type SendMode = 'transfer' | 'copy';

/** One task as handed to an executor. */
export interface TaskSpec {
  /** 0-based index in the order given. */
  readonly index: number;
  readonly kind: TaskKind;
  readonly durationS: number;
  /** Raise an error at the end instead of completing (a demo of a failing task). */
  readonly fail?: boolean;
  /** The task's input, handed to its workload in the Worker. */
  readonly payload?: TaskData;
  /** How the payload's buffers travel (default `transfer`). */
  readonly send?: SendMode;
}

/** When a task really ran, measured where it ran (same clock basis as {@link Clock}). */
export interface TaskTiming {
  readonly startMs: number;
  readonly endMs: number;
  /** When the Worker that ran it had finished starting (its script evaluated). */
  readonly readyMs?: number;
  /**
   * cpu tasks: milliseconds spent computing, measured in the Worker (its turns yielded to other
   * tasks excluded). A task of d s planned d·1000 ms at the calibrated rate, so
   * `d·1000 / cpuMs` is the share of the calibrated rate it achieved.
   */
  readonly cpuMs?: number;
  /** What the task gave back (its buffers transferred to the page, not copied). */
  readonly result?: TaskData;
  /**
   * Milliseconds from the task's end in its Worker until the page had its result (the result's
   * trip, plus any wait for the page's own event loop). The trip the other way, task and payload,
   * is `startMs` minus when the caller handed the task over (a Worker starts a task the moment it
   * reads it, so this is an upper bound that also holds any wait for a busy Worker); the engine
   * records the hand-over as `submittedMs`.
   */
  readonly returnMs?: number;
}

/** What a task's end carries besides its times, each only when measured. */
export type TaskEndMeasures = Pick<TaskTiming, 'cpuMs' | 'result' | 'returnMs'>;

/**
 * Copies the measures `from` has onto `to`, leaving absent ones absent (no `undefined` fields).
 * The hot path of every task end (bench suite "dispatch"): assignments, no object per field.
 */
export function copyEndMeasures(
  from: TaskEndMeasures,
  to: { -readonly [K in keyof TaskEndMeasures]?: TaskEndMeasures[K] },
): void {
  if (from.cpuMs !== undefined) to.cpuMs = from.cpuMs;
  if (from.result !== undefined) to.result = from.result;
  if (from.returnMs !== undefined) to.returnMs = from.returnMs;
}

/** Called by a runner as soon as a task starts, with the Worker's own ready time if known. */
export type OnTaskStart = (startMs: number, readyMs?: number) => void;

/** A place where tasks run: the warm worker, or a freshly spawned one. */
export interface TaskRunner {
  /**
   * Runs one task. `onStart` is called with the task's measured start time as soon as the
   * runner reports it (like the chapter's `print("Task 1 started")`).
   * Rejects with an `AbortError` when `signal` aborts.
   */
  run(task: TaskSpec, onStart: OnTaskStart, signal: AbortSignal): Promise<TaskTiming>;
}

/** A runner with its own lifetime: whoever spawned it terminates it. */
export interface SpawnedRunner extends TaskRunner {
  /** Resolves once the new Worker has started and answered (rejects with AbortError on abort). */
  ready(signal: AbortSignal): Promise<void>;
  /** Ends the Worker; a task still running on it rejects with `reason` (default: terminated). */
  terminate(reason?: Error): void;
}

/** Where strategies get their workers from. Implemented with Web Workers in `src/workers`. */
export interface Executor {
  /** The already-running worker used by `sequential` and `threads`. */
  warm(): TaskRunner;
  /** Starts a new worker now (its start-up cost counts in the caller's timing). */
  spawn(): SpawnedRunner;
}

/** Everything that happens during a run, in the order it happened. Times are clock ms. */
export type RunEvent =
  | { readonly type: 'strategy-start'; readonly strategy: StrategyName; readonly tMs: number }
  | {
      readonly type: 'worker-spawn';
      readonly strategy: StrategyName;
      readonly worker: number;
      readonly tMs: number;
    }
  | TaskEvent
  | {
      /** The program receives a task's result (only emitted for `executor.map` order). */
      readonly type: 'task-result';
      readonly strategy: StrategyName;
      readonly task: number;
      readonly tMs: number;
    }
  | {
      readonly type: 'strategy-end';
      readonly strategy: StrategyName;
      readonly tMs: number;
      readonly status: StrategyStatus;
    };

/** A task started, ended or raised on a worker (worker ids count from 1 within a strategy). */
export interface TaskEvent {
  readonly type: 'task-start' | 'task-end' | 'task-error';
  readonly strategy: StrategyName;
  /** 0-based index of the task in the order given. */
  readonly task: number;
  readonly worker: number;
  readonly tMs: number;
  readonly message?: string;
  /** task-start only: when the page handed the task to the worker. */
  readonly submittedMs?: number;
  /** task-start only: when that Worker had finished starting. */
  readonly readyMs?: number;
  /** task-end of a cpu task: milliseconds it spent computing (see {@link TaskTiming.cpuMs}). */
  readonly cpuMs?: number;
  /** task-end: what the task gave back, if anything. */
  readonly result?: TaskData;
  /** task-end: the result's trip back to the page, ms (see {@link TaskTiming.returnMs}). */
  readonly returnMs?: number;
}

export type StrategyStatus = 'done' | 'stopped' | 'failed';

/** Thrown (rejected) when a run is stopped through its AbortSignal. */
export function abortError(): DOMException {
  return new DOMException('The run was stopped.', 'AbortError');
}

/** A task's own exception (like `f.result()` re-raising it), with when the task ran. */
export class TaskRaised extends Error {
  constructor(
    name: string,
    message: string,
    readonly timing: TaskTiming,
  ) {
    super(message);
    this.name = name;
  }
}

/** The name of errors that mean a Worker died (crashed, or stopped answering), not that a task raised. */
export const WORKER_CRASH = 'WorkerCrashError';

export function workerCrashError(message: string): Error {
  const error = new Error(message);
  error.name = WORKER_CRASH;
  return error;
}

export function isWorkerCrash(error: unknown): boolean {
  return error instanceof Error && error.name === WORKER_CRASH;
}

/** What Python says when a pool process dies: every pending future fails with it. */
export const BROKEN_POOL_MESSAGE =
  'A process in the process pool was terminated abruptly while the future was running or pending.';

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
