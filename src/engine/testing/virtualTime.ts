import { initialRunState } from '../reducer';
import { createRunStore, type RunStore } from '../store';
import { runAll } from '../strategies';
import { taskKind } from '../taskKinds';
import {
  abortError,
  TaskRaised,
  workerCrashError,
  type Clock,
  type Executor,
  type SpawnedRunner,
  type TaskRunner,
  type RunConfig,
  type RunEvent,
  type TaskSpec,
  type TaskTiming,
} from '../types';

/** After pending promise reactions: setImmediate where there is one (Node), else a 0 ms timeout. */
const nextTurn: (fn: () => void) => void =
  (globalThis as { setImmediate?: (fn: () => void) => void }).setImmediate ?? ((fn) => setTimeout(fn, 0));

/**
 * Virtual time for deterministic tests: timers fire in time order when `runUntilSettled` advances
 * the clock; nothing waits for real.
 */
export class FakeTime implements Clock {
  private t = 0;
  private seq = 0;
  private timers: { at: number; seq: number; fire: () => void }[] = [];

  now(): number {
    return this.t;
  }

  /** Resolves after `ms` of virtual time, or rejects with AbortError when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      const onAbort = (): void => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(abortError());
      };
      const timer = {
        at: this.t + ms,
        seq: this.seq++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.timers.push(timer);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Schedules `fn` at virtual time `atMs`. */
  at(atMs: number, fn: () => void): void {
    this.timers.push({ at: atMs, seq: this.seq++, fire: fn });
  }

  /** Advances virtual time, timer by timer, until `promise` settles. */
  async runUntilSettled<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      await new Promise<void>((r) => nextTurn(() => r()));
      if (settled) return promise;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const timer = this.timers.shift();
      if (!timer) throw new Error('FakeTime: nothing left to run but the promise is still pending');
      this.t = Math.max(this.t, timer.at);
      timer.fire();
    }
  }
}

export interface FakeExecutorOptions {
  /** Virtual ms from spawn() until a new worker can start its first task. */
  readonly spawnMs?: number;
  /** Per-spawn start-up times (the n-th spawn takes the n-th value), overriding `spawnMs`. */
  readonly spawnMsEach?: readonly number[];
  /** Virtual ms of message latency before a task starts on a ready worker. */
  readonly dispatchMs?: number;
  /** Task indexes that throw instead of completing. */
  readonly failing?: readonly number[];
  /** Task indexes whose worker dies at the end of the task. */
  readonly crashing?: readonly number[];
  /** What each task gives back, and its trip back (virtual ms), as a Worker reports it. */
  readonly result?: (task: TaskSpec) => Pick<TaskTiming, 'result' | 'returnMs'>;
}

/**
 * An in-process executor on virtual time. Each runner is one event loop: sleeps overlap,
 * while CPU tasks on the same runner take turns (modelled as running one after another).
 */
export class FakeExecutor implements Executor {
  spawned = 0;
  terminated = 0;
  private readonly warmRunner: TaskRunner;

  constructor(
    private readonly time: FakeTime,
    private readonly options: FakeExecutorOptions = {},
  ) {
    this.warmRunner = this.makeRunner(0);
  }

  warm(): TaskRunner {
    return this.warmRunner;
  }

  spawn(): SpawnedRunner {
    this.spawned += 1;
    let alive = true;
    const spawnMs = (this.options.spawnMsEach ?? [])[this.spawned - 1] ?? this.options.spawnMs ?? 0;
    const readyAt = this.time.now() + spawnMs;
    const runner = this.makeRunner(spawnMs);
    // Terminating a worker fails whatever still runs on it, as a real Worker's death does.
    let die: (reason: Error) => void = () => undefined;
    let deathReason: Error = new Error('worker terminated');
    const dead = new Promise<never>((_, reject) => {
      die = reject;
    });
    dead.catch(() => undefined);
    return {
      ready: (signal) => Promise.race([this.time.sleep(Math.max(0, readyAt - this.time.now()), signal), dead]),
      run: (task, onStart, signal) => {
        if (!alive) return Promise.reject(deathReason);
        return Promise.race([runner.run(task, onStart, signal), dead]);
      },
      terminate: (reason) => {
        if (!alive) return;
        this.terminated += 1;
        alive = false;
        deathReason = reason ?? deathReason;
        die(deathReason);
      },
    };
  }

  private makeRunner(startupMs: number): TaskRunner {
    const readyAt = this.time.now() + startupMs;
    let cpuFreeAt = 0;
    return {
      run: async (task: TaskSpec, onStart, signal): Promise<TaskTiming> => {
        const wait = Math.max(0, readyAt - this.time.now()) + (this.options.dispatchMs ?? 0);
        await this.time.sleep(wait, signal);
        let startMs = this.time.now();
        const ms = task.durationS * 1000;
        if (taskKind(task.kind).needsCore) {
          // One event loop: CPU tasks cannot overlap on the same runner.
          startMs = Math.max(startMs, cpuFreeAt);
          cpuFreeAt = startMs + ms;
          await this.time.sleep(startMs - this.time.now(), signal);
        }
        onStart(startMs, readyAt);
        await this.time.sleep(ms, signal);
        if (task.fail || this.options.failing?.includes(task.index)) {
          throw new TaskRaised('Error', `task ${task.index + 1} failed`, {
            startMs,
            endMs: this.time.now(),
            readyMs: readyAt,
          });
        }
        if (this.options.crashing?.includes(task.index))
          throw workerCrashError(`Worker crashed running task ${task.index + 1}`);
        return { startMs, endMs: this.time.now(), readyMs: readyAt, ...this.options.result?.(task) };
      },
    };
  }
}

/**
 * Runs a config on virtual time through the real strategies and the real store, the way the page
 * does (events, then `run-end`). `controller` lets a test Stop at a chosen instant.
 */
export async function runOnVirtualTime(
  time: FakeTime,
  executor: Executor,
  config: RunConfig,
  cores: number,
  controller: AbortController = new AbortController(),
): Promise<{ readonly events: RunEvent[]; readonly store: RunStore }> {
  const events: RunEvent[] = [];
  const store = createRunStore(initialRunState(config, cores));
  let stopped = false;
  await time.runUntilSettled(
    runAll({
      config,
      executor,
      clock: time,
      signal: controller.signal,
      emit: (e) => {
        events.push(e);
        store.dispatch(e);
      },
    }).finally(() => {
      stopped = controller.signal.aborted;
    }),
  );
  store.dispatch({ type: 'run-end', stopped });
  return { events, store };
}
