import { releaseProxy, wrap, type Remote } from 'comlink';
import { abortError, TaskRaised, workerCrashError, type Executor, type OnTaskStart, type SpawnedRunner, type TaskRunner, type TaskSpec, type TaskTiming } from '../engine/types';
import { browserClock } from './clock';
import { decodeReport, encodeRun, type ReportMessage, type TaskOutcome } from './protocol';
import type { Calibration, TaskWorkerApi } from './task.worker';

export type { Calibration };

interface LiveWorker {
  readonly worker: Worker;
  readonly remote: Remote<TaskWorkerApi>;
  /** Other calls waiting on this Worker (start, heartbeat): each is told, once, if it dies. */
  readonly mourners: Set<(reason: Error) => void>;
  /** Why it died, for calls made after its death. */
  deathReason: Error | null;
  /** Whether its heartbeat watch is on (one per Worker). */
  watched: boolean;
  /** Its running tasks, by call id: whom to tell when each starts and ends, or if it dies. */
  readonly calls: Map<number, PendingCall>;
  /** The Stop signals it obeys: one listener per run, not one per task. */
  readonly stopSignals: Map<AbortSignal, StopWatch>;
  kill(reason: Error): void;
}

interface StopWatch {
  /** Removes the listener. */
  readonly forget: () => void;
  /** Calls under this signal not settled yet. */
  uses: number;
}

interface PendingCall {
  readonly onStart: OnTaskStart;
  readonly onEnd: (outcome: TaskOutcome) => void;
  readonly onDeath: (reason: Error) => void;
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
    const busy = [...this.live].filter((l) => l.calls.size > 0);
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
      watched: false,
      calls: new Map(),
      stopSignals: new Map(),
      kill: (reason) => {
        if (!this.live.delete(live)) return;
        live.deathReason = reason;
        // Release comlink's proxy (its FinalizationRegistry would otherwise keep the Worker alive)
        // and drop every reference the Worker holds back to us, so a terminated Worker is freed.
        live.remote[releaseProxy]();
        worker.removeEventListener('error', onError);
        worker.removeEventListener('message', onReport);
        worker.terminate();
        for (const watch of live.stopSignals.values()) watch.forget();
        live.stopSignals.clear();
        const calls = [...live.calls.values()];
        live.calls.clear();
        for (const call of calls) call.onDeath(reason);
        for (const mourn of [...live.mourners]) mourn(reason);
        live.mourners.clear();
      },
    };
    worker.addEventListener('error', onError);
    // Task reports (protocol.ts): flat arrays on the Worker's own channel; comlink ignores them.
    const onReport = (event: MessageEvent<unknown>): void => {
      if (!Array.isArray(event.data)) return;
      const report = decodeReport(event.data as unknown as ReportMessage);
      const call = live.calls.get(report.callId);
      if (!call) return;
      if (report.type === 'started') {
        call.onStart(report.startMs, report.readyMs);
      } else {
        live.calls.delete(report.callId);
        call.onEnd(report.outcome);
      }
    };
    worker.addEventListener('message', onReport);
    this.live.add(live);
    return live;
  }

  /**
   * Sends one task over the task channel. This is the hot path (suite "dispatch" of the bench):
   * one Map entry per task, and Stop is watched once per Worker and run, not once per task.
   */
  private runOn(live: LiveWorker, task: TaskSpec, onStart: OnTaskStart, signal: AbortSignal): Promise<TaskTiming> {
    if (signal.aborted) return Promise.reject(abortError());
    if (!this.live.has(live)) return Promise.reject(live.deathReason ?? workerCrashError('Worker crashed before the call'));
    const stop = this.stopOn(live, signal);
    if (!live.watched) this.watch(live);
    const callId = this.nextCallId++;
    return new Promise<TaskTiming>((resolve, reject) => {
      const onEnd = ({ raised, ...timing }: TaskOutcome): void => {
        stop.uses -= 1;
        if (raised) reject(new TaskRaised(raised.name, raised.message, timing));
        else resolve(timing);
      };
      live.calls.set(callId, { onStart, onEnd, onDeath: reject });
      live.worker.postMessage(encodeRun(callId, task, this.unitsPerMs));
    });
  }

  /**
   * Stop terminates the Worker (a running task cannot be interrupted politely); its calls then
   * reject with AbortError. One listener per Worker and signal; a Worker that lives on (the warm
   * one) lets go of a finished run's signal when the next run comes, and all of them when it dies.
   */
  private stopOn(live: LiveWorker, signal: AbortSignal): StopWatch {
    let watch = live.stopSignals.get(signal);
    if (!watch) {
      for (const [old, done] of live.stopSignals) {
        if (done.uses > 0) continue;
        done.forget();
        live.stopSignals.delete(old);
      }
      const onAbort = (): void => live.kill(abortError());
      signal.addEventListener('abort', onAbort, { once: true });
      watch = { forget: () => signal.removeEventListener('abort', onAbort), uses: 0 };
      live.stopSignals.set(signal, watch);
    }
    watch.uses += 1;
    return watch;
  }

  /** While a Worker is busy, pings it; one that stops answering (a hang) is treated as crashed. */
  private watch(live: LiveWorker): void {
    live.watched = true;
    let lastAnswer = browserClock.now();
    const timer = setInterval(() => {
      if (!this.live.has(live) || live.calls.size === 0) {
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

  /** A call other than a task (start, heartbeat) that ends with the Worker: on its death or on Stop. */
  private untilAbort<T>(live: LiveWorker, signal: AbortSignal, call: () => Promise<T>): Promise<T> {
    if (signal.aborted) return Promise.reject(abortError());
    if (!this.live.has(live)) return Promise.reject(live.deathReason ?? workerCrashError('Worker crashed before the call'));
    const stop = this.stopOn(live, signal);
    return new Promise<T>((resolve, reject) => {
      live.mourners.add(reject);
      call()
        .then(resolve, reject)
        .finally(() => {
          stop.uses -= 1;
          live.mourners.delete(reject);
        });
    });
  }
}
