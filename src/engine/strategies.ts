import { resultsInQueueOrder, startsInQueueOrder } from './queueOrder';
import { errorMessage, runTask, type Outcome, type RunContext } from './runTask';
import { BROKEN_POOL_MESSAGE, isAbortError, type SpawnedRunner, type StrategyName, type StrategyStatus } from './types';

export type { RunContext };

/** Waits for every promise, then rethrows the first rejection (so Stop never leaves work behind). */
async function joinAll<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const rejected = settled.find((s) => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

function brokenPoolError(): Error {
  const error = new Error(BROKEN_POOL_MESSAGE);
  error.name = 'BrokenProcessPool';
  return error;
}

function spawnNumbered(ctx: RunContext, strategy: StrategyName, count: number): SpawnedRunner[] {
  const runners: SpawnedRunner[] = [];
  for (let i = 0; i < count; i += 1) {
    runners.push(ctx.executor.spawn());
    ctx.emit({ type: 'worker-spawn', strategy, worker: i + 1, tMs: ctx.clock.now() });
  }
  return runners;
}

/** `task(1); task(2)`: one task after another on the warm worker; stops at the first failure. */
async function sequential(ctx: RunContext): Promise<Outcome[]> {
  const runner = ctx.executor.warm();
  const outcomes: Outcome[] = [];
  for (let i = 0; i < ctx.config.durationsS.length; i += 1) {
    const outcome = await runTask(ctx, 'sequential', runner, i, 1);
    outcomes.push(outcome);
    if (outcome !== 'ok') break;
  }
  return outcomes;
}

/** `Process(target=task).start()` for each task in a loop, then `join()` them all. */
async function processes(outer: RunContext): Promise<Outcome[]> {
  // "started" lines in the order the loop called start(), as the chapter prints them.
  const ordered = startsInQueueOrder(outer.emit);
  const ctx: RunContext = { ...outer, emit: ordered.emit };
  const runners: SpawnedRunner[] = [];
  const running: Promise<Outcome>[] = [];
  try {
    for (let i = 0; i < ctx.config.durationsS.length; i += 1) {
      const runner = ctx.executor.spawn();
      runners.push(runner);
      ctx.emit({ type: 'worker-spawn', strategy: 'processes', worker: i + 1, tMs: ctx.clock.now() });
      // A process exits when its task returns: terminate its Worker right then.
      running.push(runTask(ctx, 'processes', runner, i, i + 1).finally(() => runner.terminate()));
    }
    return await joinAll(running);
  } finally {
    ordered.flush();
    for (const runner of runners) runner.terminate();
  }
}

/** `ProcessPoolExecutor(max_workers=N)`: tasks queued in order, each free worker takes the next. */
async function pool(outer: RunContext): Promise<Outcome[]> {
  const ordered = startsInQueueOrder(outer.emit);
  const ctx: RunContext = { ...outer, emit: ordered.emit };
  const n = ctx.config.durationsS.length;
  const runners = spawnNumbered(ctx, 'pool', ctx.config.workers);
  const outcomes: Outcome[] = [];
  let next = 0;
  // executor.map hands results back in submission order: a result waits for all earlier ones.
  const collect =
    ctx.config.order === 'submitted'
      ? resultsInQueueOrder((task) => ctx.emit({ type: 'task-result', strategy: 'pool', task, tMs: ctx.clock.now() }))
      : (): void => undefined;
  // When one Worker dies the pool is broken, as in Python: every running and pending task fails.
  let broken = false;
  const breakPool = (): void => {
    if (broken) return;
    broken = true;
    for (const runner of runners) runner.terminate(brokenPoolError());
  };
  const lane = async (runner: SpawnedRunner, worker: number): Promise<void> => {
    // Like a pool process, a Worker takes work from the queue only once it has started, so the
    // first Worker up takes task 1.
    try {
      await runner.ready(ctx.signal);
    } catch (error) {
      if (isAbortError(error) || ctx.signal.aborted) throw error;
      breakPool();
      return;
    }
    while (next < n && !ctx.signal.aborted && !broken) {
      const index = next;
      next += 1;
      const outcome = await runTask(ctx, 'pool', runner, index, worker);
      outcomes.push(outcome);
      if (outcome === 'crash') breakPool();
      collect(index);
    }
  };
  try {
    await joinAll(runners.map((runner, i) => lane(runner, i + 1)));
    if (broken && next < n) {
      // Tasks still queued when the pool broke never start; their futures fail too.
      const t = ctx.clock.now();
      for (; next < n; next += 1) {
        ctx.emit({
          type: 'task-error',
          strategy: 'pool',
          task: next,
          worker: 0,
          tMs: t,
          message: errorMessage(brokenPoolError()),
        });
        outcomes.push('crash');
      }
    }
    return outcomes;
  } finally {
    ordered.flush();
    for (const runner of runners) runner.terminate();
  }
}

/** Threads under the GIL: every task started at once on ONE worker's event loop. */
async function threads(ctx: RunContext): Promise<Outcome[]> {
  const runner = ctx.executor.warm();
  return joinAll(ctx.config.durationsS.map((_, i) => runTask(ctx, 'threads', runner, i, 1)));
}

/** How many Workers a strategy spawns: one per task, or the pool's. */
function spawnCount(name: StrategyName, ctx: RunContext): number {
  if (name === 'processes') return ctx.config.durationsS.length;
  if (name === 'pool') return ctx.config.workers;
  return 0;
}

/**
 * With `start=forkserver`, `processes` and `pool` get Workers started (and answered) before their
 * timed block, the way Python's forkserver start method has a server process ready to fork from:
 * `spawn()` inside the block hands out the next pre-started Worker. `release` terminates any not
 * handed out (a stop, a broken pool). With `spawn`, the context is the same and release does nothing.
 */
async function forkserverContext(
  name: StrategyName,
  ctx: RunContext,
): Promise<RunContext & { readonly release: () => void }> {
  const count = ctx.config.start === 'forkserver' ? spawnCount(name, ctx) : 0;
  if (count === 0) return { ...ctx, release: () => undefined };
  const waiting: SpawnedRunner[] = Array.from({ length: count }, () => ctx.executor.spawn());
  // A Worker that cannot start fails where it is used, inside the block, as with spawn.
  await Promise.allSettled(waiting.map((runner) => runner.ready(ctx.signal)));
  const { executor } = ctx;
  return {
    ...ctx,
    executor: { warm: () => executor.warm(), spawn: () => waiting.shift() ?? executor.spawn() },
    release: () => {
      for (const runner of waiting.splice(0)) runner.terminate();
    },
  };
}

const BODIES: Record<StrategyName, (ctx: RunContext) => Promise<Outcome[]>> = {
  sequential,
  processes,
  pool,
  threads,
};

/**
 * Runs one strategy inside a `time.time()`-style bracket: `strategy-start` before any Worker is
 * created, `strategy-end` after every task has been joined (or the run was stopped).
 */
export async function runStrategy(name: StrategyName, outer: RunContext): Promise<StrategyStatus> {
  // forkserver: the Workers start before the timed block and are handed out inside it.
  const ctx = await forkserverContext(name, outer);
  ctx.emit({ type: 'strategy-start', strategy: name, tMs: ctx.clock.now() });
  let status: StrategyStatus;
  try {
    const outcomes = await BODIES[name](ctx);
    status = outcomes.every((o) => o === 'ok') ? 'done' : 'failed';
  } catch (error) {
    if (!isAbortError(error) && !ctx.signal.aborted) {
      ctx.release();
      throw error;
    }
    status = 'stopped';
  }
  ctx.emit({ type: 'strategy-end', strategy: name, tMs: ctx.clock.now(), status });
  ctx.release();
  return status;
}

/**
 * Runs the chosen strategies in canonical order, each `repeat` times in a row; stops starting new
 * ones once the signal aborts.
 */
export async function runAll(ctx: RunContext): Promise<void> {
  for (const name of ctx.config.strategies) {
    for (let rep = 0; rep < (ctx.config.repeat ?? 1); rep += 1) {
      if (ctx.signal.aborted) return;
      await runStrategy(name, ctx);
    }
  }
}
