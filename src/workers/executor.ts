import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import { abortError, TaskRaised, workerCrashError, type Executor, type OnTaskStart, type SpawnedRunner, type TaskRunner, type TaskSpec, type TaskTiming } from '../engine/types';
import { browserClock } from './clock';
import type { Calibration, TaskWorkerApi } from './task.worker';

export type { Calibration };

interface LiveWorker {
  readonly worker: Worker;
  readonly remote: Remote<TaskWorkerApi>;
  /** Calls waiting on this Worker: each is told, once, if the Worker dies. */
  readonly mourners: Set<(reason: Error) => void>;
  /** Why it died, for calls made after its death. */
  deathReason: Error | null;
  /** Tasks running on it now. */
  busy: number;
  /** Whether its heartbeat watch is on (one per Worker). */
  watched: boolean;
  /** "Started" callbacks of its running tasks, by call id. */
  readonly starts: Map<number, OnTaskStart>;
  kill(reason: Error): void;
}

/** A busy Worker is pinged this often… */
const HEARTBEAT_MS = 1000;
/** …and declared dead when it has not answered for this long (tasks yield every 5 ms). */
const SILENCE_LIMIT_MS = 4000;

function createTaskWorker(): Worker {
  return new Worker(new URL('./task.worker.ts', import.meta.url), { type: 'module', name: 'task' });
}

/**
 * Runs tasks on real Web Workers. The only code that creates or terminates them; every Worker it
 * creates is tracked in one registry until terminated.
 */
export class WorkerExecutor implements Executor {
  private readonly live = new Set<LiveWorker>();
  private warmWorker: LiveWorker | null = null;
  private unitsPerMs = 0;
  private nextCallId = 0;

  constructor(private readonly create: () => Worker = createTaskWorker) {}

  /** Workers alive right now (read-only view of the registry). */
  get liveWorkers(): number {
    return this.live.size;
  }

  /** Starts the warm worker (if needed) and waits for its first reply; outside any timing. */
  async ensureWarm(): Promise<void> {
    await this.warmLive().remote.ping();
  }

  /** Measures CPU work per ms on the warm worker; CPU tasks use it from then on. */
  async calibrate(): Promise<Calibration> {
    const result = await this.warmLive().remote.calibrate();
    this.unitsPerMs = result.unitsPerMs;
    return result;
  }

  warm(): TaskRunner {
    const live = this.warmLive();
    return { run: (task, onStart, signal) => this.runOn(live, task, onStart, signal) };
  }

  spawn(): SpawnedRunner {
    const live = this.start();
    return {
      ready: (signal) => this.untilAbort(live, signal, () => live.remote.ping().then(() => undefined)),
      run: (task, onStart, signal) => this.runOn(live, task, onStart, signal),
      terminate: (reason) => live.kill(reason ?? new Error('Worker terminated')),
    };
  }

  /**
   * The "Crash a worker" demo: kills one Worker that is running a task (a spawned one if any), the
   * way a process dies of a segfault. Returns false when no Worker is busy.
   */
  crashOne(): boolean {
    const busy = [...this.live].filter((l) => l.busy > 0);
    const victim = busy.find((l) => l !== this.warmWorker) ?? busy[0];
    if (!victim) return false;
    victim.kill(workerCrashError('Worker crashed: killed on purpose with the "Crash a worker" button'));
    return true;
  }

  /** Terminates every Worker, the warm one included. */
  dispose(): void {
    for (const live of [...this.live]) live.kill(new Error('Worker terminated'));
    this.warmWorker = null;
  }

  private warmLive(): LiveWorker {
    if (!this.warmWorker || !this.live.has(this.warmWorker)) this.warmWorker = this.start();
    return this.warmWorker;
  }

  private start(): LiveWorker {
    const worker = this.create();
    const onError = (event: ErrorEvent): void => {
      event.preventDefault();
      live.kill(workerCrashError(`Worker crashed: ${event.message || 'it could not start or threw an uncaught error'}`));
    };
    const live: LiveWorker = {
      worker,
      remote: wrap<TaskWorkerApi>(worker),
      mourners: new Set(),
      deathReason: null,
      busy: 0,
      watched: false,
      starts: new Map(),
      kill: (reason) => {
        if (!this.live.delete(live)) return;
        live.deathReason = reason;
        // Release comlink's proxy (its FinalizationRegistry would otherwise keep the Worker alive)
        // and drop every reference the Worker holds back to us, so a terminated Worker is freed.
        live.remote[releaseProxy]();
        worker.removeEventListener('error', onError);
        worker.terminate();
        live.starts.clear();
        for (const mourn of [...live.mourners]) mourn(reason);
        live.mourners.clear();
      },
    };
    worker.addEventListener('error', onError);
    // One channel per Worker for "task started" reports (not one per task).
    void live.remote.listen(
      proxy((callId: number, startMs: number, readyMs: number) => {
        live.starts.get(callId)?.(startMs, readyMs);
      }),
    );
    this.live.add(live);
    return live;
  }

  private runOn(live: LiveWorker, task: TaskSpec, onStart: OnTaskStart, signal: AbortSignal): Promise<TaskTiming> {
    live.busy += 1;
    if (!live.watched) this.watch(live);
    const callId = this.nextCallId++;
    live.starts.set(callId, onStart);
    const run = async (): Promise<TaskTiming> => {
      const { raised, ...timing } = await live.remote.run(task, this.unitsPerMs, callId);
      if (raised) throw new TaskRaised(raised.name, raised.message, timing);
      return timing;
    };
    return this.untilAbort(live, signal, run).finally(() => {
      live.busy -= 1;
      live.starts.delete(callId);
    });
  }

  /** While a Worker is busy, pings it; one that stops answering (a hang) is treated as crashed. */
  private watch(live: LiveWorker): void {
    live.watched = true;
    let lastAnswer = browserClock.now();
    const timer = setInterval(() => {
      if (!this.live.has(live) || live.busy === 0) {
        clearInterval(timer);
        live.watched = false;
        return;
      }
      if (browserClock.now() - lastAnswer > SILENCE_LIMIT_MS) {
        clearInterval(timer);
        live.kill(workerCrashError(`Worker crashed: it did not answer for ${SILENCE_LIMIT_MS / 1000} s`));
        return;
      }
      live.remote.ping().then(
        () => {
          lastAnswer = browserClock.now();
        },
        () => undefined,
      );
    }, HEARTBEAT_MS);
  }

  /**
   * A call to a Worker that ends with it: rejects if the Worker dies, and on Stop terminates the
   * Worker (a running task cannot be interrupted politely) and rejects with AbortError.
   */
  private untilAbort<T>(live: LiveWorker, signal: AbortSignal, call: () => Promise<T>): Promise<T> {
    if (signal.aborted) return Promise.reject(abortError());
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        live.kill(abortError());
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      // Settled by the call, or by the Worker's death, whichever comes first.
      const onDeath = (reason: Error): void => reject(reason);
      if (!this.live.has(live)) {
        reject(live.deathReason ?? workerCrashError('Worker crashed before the call'));
        return;
      }
      live.mourners.add(onDeath);
      call()
        .then(resolve, reject)
        .finally(() => {
          signal.removeEventListener('abort', onAbort);
          live.mourners.delete(onDeath);
        });
    });
  }
}
