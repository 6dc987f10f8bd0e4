import { workerCrashError, type Clock, type Executor, type SpawnedRunner, type TaskRunner } from '../engine/types';
import { browserClock } from './clock';
import { compileKernel } from './kernel';
import { runTask, startWorker, whileAlive, type LiveWorker } from './liveWorker';
import type { Calibration } from './task.worker';

export type { Calibration };

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
      await Promise.race([whileAlive(live, (remote) => remote.ping()), timeout]);
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
    const result = await whileAlive(live, (remote) => remote.calibrate());
    this.unitsPerMs = result.unitsPerMs;
    return result;
  }

  warm(): TaskRunner {
    const live = this.warmLive();
    return { run: (task, onStart, signal) => runTask(live, this.clock, task, this.unitsPerMs, onStart, signal) };
  }

  spawn(): SpawnedRunner {
    const live = this.start();
    return {
      ready: (signal) => whileAlive(live, (remote) => remote.ping().then(() => undefined), signal),
      run: (task, onStart, signal) => runTask(live, this.clock, task, this.unitsPerMs, onStart, signal),
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
    const live = startWorker(this.create(), this.clock, this.compiledKernel(), (dead) => this.live.delete(dead));
    if (!live.deathReason) this.live.add(live);
    return live;
  }
}
