// One task run on a Worker as the page sees it: the events it emits (start, then end or error,
// with what was measured where it ran) and how it ended. The strategies in strategies.ts are
// built from it.
import {
  isAbortError,
  isWorkerCrash,
  copyEndMeasures,
  TaskRaised,
  type Clock,
  type Executor,
  type RunConfig,
  type RunEvent,
  type StrategyName,
  type TaskEndMeasures,
  type TaskEvent,
  type TaskRunner,
  type TaskSpec,
} from './types';

/** What a strategy needs: the config, where to run, a clock, a Stop signal and an event sink. */
export interface RunContext {
  readonly config: RunConfig;
  readonly executor: Executor;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly emit: (event: RunEvent) => void;
}

/** How a task ended: completed, raised, or lost its Worker. */
export type Outcome = 'ok' | 'error' | 'crash';

function taskSpec(config: RunConfig, index: number): TaskSpec {
  const spec = { index, kind: config.kind, durationS: config.durationsS[index] ?? 0 };
  return config.failing?.includes(index) ? { ...spec, fail: true } : spec;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Runs one task on `runner` as worker `worker`, emitting start and end (or error) events. */
export async function runTask(
  ctx: RunContext,
  strategy: StrategyName,
  runner: TaskRunner,
  index: number,
  worker: number,
): Promise<Outcome> {
  let started = false;
  let settled = false;
  const submittedMs = ctx.clock.now();
  const emitStart = (tMs: number, readyMs?: number): void => {
    // A start report travels on its own channel: it may come after the result, or never.
    if (started || settled) return;
    started = true;
    ctx.emit({
      type: 'task-start',
      strategy,
      task: index,
      worker,
      tMs,
      submittedMs,
      ...(readyMs === undefined ? {} : { readyMs }),
    });
  };
  try {
    const timing = await runner.run(taskSpec(ctx.config, index), emitStart, ctx.signal);
    // The start report travels on its own channel and may arrive after the result.
    emitStart(timing.startMs, timing.readyMs);
    settled = true;
    const end: TaskEndMeasures & TaskEvent = { type: 'task-end', strategy, task: index, worker, tMs: timing.endMs };
    copyEndMeasures(timing, end);
    ctx.emit(end);
    return 'ok';
  } catch (error) {
    if (isAbortError(error) || ctx.signal.aborted) throw error;
    // A task that raised says when it ran; a task whose Worker died may never have started, and
    // then it gets no start line (nothing is made up).
    const timing = error instanceof TaskRaised ? error.timing : undefined;
    if (timing) emitStart(timing.startMs, timing.readyMs);
    settled = true;
    const tMs = timing?.endMs ?? ctx.clock.now();
    ctx.emit({ type: 'task-error', strategy, task: index, worker, tMs, message: errorMessage(error) });
    return isWorkerCrash(error) ? 'crash' : 'error';
  }
}
