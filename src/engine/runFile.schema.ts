// The Run JSON file (docs/run-file.md): one definition gives the TypeScript types, the validator
// Import run uses (its errors name the exact field) and docs/run.schema.json (toJSONSchema).
import * as z from 'zod/mini';
import { TASK_KINDS } from './taskKinds';
import { START_METHODS, STRATEGY_NAMES } from './types';

export const RUN_FILE_FORMAT = 'parallel-playground-run';
export const RUN_FILE_VERSION = 1;

const ms = z.number().check(z.minimum(0));
/** Task and worker numbers count from 1, as the page and the chapter's prints do. */
const ordinal = z.int().check(z.minimum(1));
const strategy = z.enum(STRATEGY_NAMES);

const strategyStart = z.strictObject({ type: z.literal('strategy-start'), strategy, tMs: ms });
const workerSpawn = z.strictObject({ type: z.literal('worker-spawn'), strategy, worker: ordinal, tMs: ms });
const taskStart = z.strictObject({
  type: z.literal('task-start'),
  strategy,
  task: ordinal,
  worker: ordinal,
  tMs: ms,
  /** When the program handed the task over (ms since the run began). */
  submittedMs: z.exactOptional(z.number()),
  /** When the Worker (process) that ran it had finished starting; before the run began for a warm one. */
  readyMs: z.exactOptional(z.number()),
});
const taskEnd = z.strictObject({
  type: z.literal('task-end'),
  strategy,
  task: ordinal,
  worker: ordinal,
  tMs: ms,
  /** cpu tasks: ms spent computing, measured where the task ran. */
  cpuMs: z.exactOptional(ms),
  /** The result's trip back to the program, ms. */
  returnMs: z.exactOptional(ms),
});
const taskError = z.strictObject({
  type: z.literal('task-error'),
  strategy,
  task: ordinal,
  worker: ordinal,
  tMs: ms,
  message: z.string(),
});
const taskResult = z.strictObject({ type: z.literal('task-result'), strategy, task: ordinal, tMs: ms });
const strategyEnd = z.strictObject({
  type: z.literal('strategy-end'),
  strategy,
  tMs: ms,
  status: z.enum(['done', 'stopped', 'failed']),
});

export const runFileEvent = z.discriminatedUnion('type', [
  strategyStart,
  workerSpawn,
  taskStart,
  taskEnd,
  taskError,
  taskResult,
  strategyEnd,
]);

export const runFileSchema = z.strictObject({
  format: z.literal(RUN_FILE_FORMAT),
  version: z.literal(RUN_FILE_VERSION),
  source: z.strictObject({
    /** Who measured: this app in a browser, or `python/trace_chapter.py` with real CPython. */
    kind: z.enum(['browser', 'cpython']),
    /** Short name drawn before each strategy, e.g. `Chromium 156` or `CPython 3.11`. */
    label: z.string().check(z.minLength(1), z.maxLength(60)),
    /** ISO 8601 time the run was made. */
    createdAt: z.string(),
    /** The program that wrote the file, e.g. `Parallel Playground` or `trace_chapter.py`. */
    tool: z.exactOptional(z.string()),
  }),
  config: z.strictObject({
    kind: z.enum(TASK_KINDS),
    /** Task durations in seconds, in the order given (task n is item n). */
    tasks: z.array(z.number().check(z.positive())).check(z.minLength(1)),
    strategies: z.array(strategy).check(z.minLength(1)),
    workers: ordinal,
    order: z.exactOptional(z.enum(['completed', 'submitted'])),
    repeat: z.exactOptional(ordinal),
    /** Task numbers (from 1) that raise. */
    fail: z.exactOptional(z.array(ordinal)),
    /** The class's predicted wall-clock per strategy, seconds. */
    predict: z.exactOptional(z.partialRecord(strategy, z.number().check(z.minimum(0)))),
    /** `spawn` (default) or `forkserver`: Workers started before the timed block and handed out. */
    start: z.exactOptional(z.enum(START_METHODS)),
  }),
  environment: z.strictObject({
    cores: ordinal,
    /** Browser runs. */
    userAgent: z.exactOptional(z.string()),
    crossOriginIsolated: z.exactOptional(z.boolean()),
    /** cpu tasks: calibrated work units per millisecond. */
    unitsPerMs: z.exactOptional(z.number().check(z.positive())),
    /** CPython runs: `platform.python_version()`, `sys.platform`, the start method used. */
    python: z.exactOptional(
      z.strictObject({ version: z.string(), platform: z.string(), startMethod: z.exactOptional(z.string()) }),
    ),
  }),
  /** How the whole run ended. */
  status: z.enum(['done', 'stopped']),
  /**
   * Everything that happened, in the order it happened; `tMs` in milliseconds since the run began
   * (the first strategy's start).
   */
  events: z.array(runFileEvent),
});

export type RunFile = z.infer<typeof runFileSchema>;
export type RunFileEvent = z.infer<typeof runFileEvent>;
