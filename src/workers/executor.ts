import { releaseProxy, wrap, type Remote } from 'comlink';
import {
  abortError,
  TaskRaised,
  workerCrashError,
  type Clock,
  type Executor,
  type OnTaskStart,
  type SpawnedRunner,
  type TaskRunner,
  type TaskSpec,
  type TaskTiming,
} from '../engine/types';
import { browserClock } from './clock';
import { Heartbeat, HEARTBEAT_MS, SILENCE_LIMIT_MS } from './heartbeat';
import { compileKernel } from './kernel';
import { decodeReport, encodeKernel, encodeRun, transferables, type ReportMessage, type TaskOutcome } from './protocol';
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
  /** Its last sign of life (any message). */
  readonly heartbeat: Heartbeat;
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
  /** `receivedMs`: when the page had the report (the end of the result's trip). */
  readonly onEnd: (outcome: TaskOutcome, receivedMs: number) => void;
  readonly onDeath: (reason: Error) => void;
}

/** The warm Worker must answer within this long, or the page says it could not start. */
export const START_TIMEOUT_MS = 6000;

function createTaskWorker(): Worker {
  return new Worker(new URL('./task.worker.ts', import.meta.url), { type: 'module', name: 'task' });
}

export interface ExecutorOptions {
  /** Makes a Worker (tests pass a fake). */
  readonly create?: () => Worker;
  readonly clock?: Clock;
  /** How long the warm Worker may take to answer its first call. */
  readonly startTimeoutMs?: number;
  /** The compiled CPU kernel (default: compiled here, once). */
  readonly kernel?: () => WebAssembly.Module;
}

/** The sentence a user sees when the warm Worker cannot start, and what to try. */
export function workerStartError(detail: string): Error {
  return workerCrashError(
    `the Web Worker could not start (${detail}). Reload the page; if it keeps failing, check that nothing blocks ` +
      'scripts from this site (an extension, a proxy, a firewall or a Content-Security-Policy), or try another browser',
  );
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
  private readonly create: () => Worker;
  private readonly clock: Clock;
  private readonly startTimeoutMs: number;
  private readonly compile: () => WebAssembly.Module;
  private kernel: WebAssembly.Module | Error | null = null;

  constructor(options: ExecutorOptions = {}) {
    this.create = options.create ?? createTaskWorker;
    this.clock = options.clock ?? browserClock;
    this.startTimeoutMs = options.startTimeoutMs ?? START_TIMEOUT_MS;
    this.compile = options.kernel ?? compileKernel;
  }

  /** Workers alive right now (read-only view of the registry). */
  get liveWorkers(): number {
    return this.live.size;
  }

  /**
   * Starts the warm worker (if needed) and waits for its first reply; outside any timing. A Worker
   * that does not answer within {@link START_TIMEOUT_MS} (its script blocked or never loaded) is
   * terminated and this rejects with a sentence saying what to try; nothing waits forever.
   */
  async ensureWarm(): Promise<void> {
    const live = this.warmLive();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = workerStartError(`no answer in ${Math.round(this.startTimeoutMs / 1000)} s`);
        live.kill(error);
        reject(error);
      }, this.startTimeoutMs);
    });
    try {
      await Promise.race([this.whileAlive(live, () => live.remote.ping()), timeout]);
    } catch (error) {
      // A Worker that died before ever answering could not start: say so, with what to try.
      if (!live.heartbeat.started && !(error instanceof DOMException)) {
        const reason = error instanceof Error ? error.message.replace(/^Worker crashed: /, '') : String(error);
        throw reason.startsWith('the Web Worker could not start') ? error : workerStartError(reason);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Measures the kernel's steps per ms on the warm worker; CPU tasks use it from then on. Call it
   * again to recalibrate (never during a run).
   */
  async calibrate(): Promise<Calibration> {
    const kernel = this.compiledKernel();
    if (kernel instanceof Error) throw kernel;
    const live = this.warmLive();
    const result = await this.whileAlive(live, () => live.remote.calibrate());
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
      ready: (signal) => this.whileAlive(live, () => live.remote.ping().then(() => undefined), signal),
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

  /** The CPU kernel, compiled on first use; an Error if this page forbids WebAssembly. */
  private compiledKernel(): WebAssembly.Module | Error {
    if (this.kernel) return this.kernel;
    try {
      this.kernel = this.compile();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.kernel = new Error(
        `CPU tasks need WebAssembly, and this page could not compile it (${detail}); ` +
          "if you host the app yourself, allow 'wasm-unsafe-eval' in the Content-Security-Policy's script-src",
      );
    }
    return this.kernel;
  }

  private start(): LiveWorker {
    const worker = this.create();
    const onError = (event: ErrorEvent): void => {
      event.preventDefault();
      const detail =
        event.message || (live.heartbeat.started ? 'it threw an uncaught error' : 'its script could not be loaded');
      live.kill(workerCrashError(`Worker crashed: ${detail}`));
    };
    const live: LiveWorker = {
      worker,
      remote: wrap<TaskWorkerApi>(worker),
      mourners: new Set(),
      deathReason: null,
      watched: false,
      heartbeat: new Heartbeat(),
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
    // Every message, comlink's replies included, is a sign of life (heartbeat.ts).
    const onReport = (event: MessageEvent<unknown>): void => {
      const receivedMs = this.clock.now();
      live.heartbeat.heard(receivedMs);
      if (!Array.isArray(event.data)) return;
      const report = decodeReport(event.data as unknown as ReportMessage);
      if (report.type === 'alive') return;
      const call = live.calls.get(report.callId);
      if (!call) return;
      if (report.type === 'started') {
        call.onStart(report.startMs, report.readyMs);
      } else {
        live.calls.delete(report.callId);
        call.onEnd(report.outcome, receivedMs);
      }
    };
    worker.addEventListener('message', onReport);
    this.live.add(live);
    // First message: the CPU kernel, so every Worker computes with the same compiled code.
    const kernel = this.compiledKernel();
    try {
      if (!(kernel instanceof Error)) worker.postMessage(encodeKernel(kernel));
    } catch (error) {
      live.kill(workerCrashError(`Worker crashed: the CPU kernel could not be sent to it (${String(error)})`));
    }
    return live;
  }

  /**
   * Sends one task over the task channel. This is the hot path (suite "dispatch" of the bench):
   * one Map entry per task, and Stop is watched once per Worker and run, not once per task. A
   * payload's `ArrayBuffer`s are transferred unless the task says `send: 'copy'`; the channel's
   * cost each way is measured: `sendMs` from here to the Worker having the message, `returnMs` from
   * the task's end to the page having its report.
   */
  private runOn(live: LiveWorker, task: TaskSpec, onStart: OnTaskStart, signal: AbortSignal): Promise<TaskTiming> {
    if (signal.aborted) return Promise.reject(abortError());
    if (!this.live.has(live))
      return Promise.reject(live.deathReason ?? workerCrashError('Worker crashed before the call'));
    const stop = this.stopOn(live, signal);
    if (!live.watched) this.watch(live);
    const callId = this.nextCallId++;
    return new Promise<TaskTiming>((resolve, reject) => {
      let sentMs = 0;
      const onEnd = ({ raised, arrivedMs, ...measured }: TaskOutcome, receivedMs: number): void => {
        stop.uses -= 1;
        const timing = { ...measured, sendMs: arrivedMs - sentMs, returnMs: receivedMs - measured.endMs };
        if (raised) reject(new TaskRaised(raised.name, raised.message, timing));
        else resolve(timing);
      };
      live.calls.set(callId, { onStart, onEnd, onDeath: reject });
      const message = encodeRun(callId, task, this.unitsPerMs);
      sentMs = this.clock.now();
      try {
        if (task.payload === undefined) live.worker.postMessage(message);
        else live.worker.postMessage(message, task.send === 'copy' ? [] : transferables(task.payload));
      } catch (error) {
        // The payload could not be sent (a detached buffer, something structured clone refuses).
        live.calls.delete(callId);
        stop.uses -= 1;
        reject(error instanceof Error ? error : new Error(String(error)));
      }
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

  /**
   * While a Worker has tasks, watches its heartbeat (heartbeat.ts): any message counts, a busy
   * Worker reports by itself, a sleeping one answers a ping. One that spoke and then fell silent
   * for {@link SILENCE_LIMIT_MS} is hung, and is treated as crashed.
   */
  private watch(live: LiveWorker): void {
    live.watched = true;
    // Silence counts from when it was given work: an idle warm Worker has had nothing to say.
    if (live.heartbeat.started) live.heartbeat.heard(this.clock.now());
    const timer = setInterval(() => {
      if (!this.live.has(live) || live.calls.size === 0) {
        clearInterval(timer);
        live.watched = false;
        return;
      }
      if (live.heartbeat.verdict(this.clock.now()) === 'hung') {
        clearInterval(timer);
        live.kill(workerCrashError(`Worker crashed: it did not answer for ${SILENCE_LIMIT_MS / 1000} s`));
        return;
      }
      if (live.heartbeat.silentForMs(this.clock.now()) >= HEARTBEAT_MS) live.remote.ping().catch(() => undefined);
    }, HEARTBEAT_MS);
  }

  /**
   * A call other than a task (start, heartbeat, calibration) that ends with the Worker: it rejects
   * when the Worker dies (comlink's own promise would wait forever on a terminated Worker) and,
   * given a signal, on Stop.
   */
  private whileAlive<T>(live: LiveWorker, call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    if (!this.live.has(live))
      return Promise.reject(live.deathReason ?? workerCrashError('Worker crashed before the call'));
    const stop = signal ? this.stopOn(live, signal) : null;
    return new Promise<T>((resolve, reject) => {
      live.mourners.add(reject);
      call()
        .then(resolve, reject)
        .finally(() => {
          if (stop) stop.uses -= 1;
          live.mourners.delete(reject);
        });
    });
  }
}
