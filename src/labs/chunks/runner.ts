// The chunks lab's Workers: one warm Worker for the loop, a pool started before the timed block,
// chunks handed out dynamically (each free Worker gets the next chunk, like Pool.map's task
// queue), every task's start and end recorded as bars. Stop terminates every Worker at once.
import { compileKernel } from '../../workers/kernel';
import type { GanttBar } from '../shared/ganttLayout';
import { chunks, median, messageGaps, type Chunk, type ChunkSpan, type StrategySpec } from './model';
import type { FromChunkWorker, ToChunkWorker } from './protocol';

const now = (): number => performance.timeOrigin + performance.now();

/** A Worker has this long to say it is ready. */
const READY_TIMEOUT_MS = 10_000;

/** One strategy as it runs and after: what the picture and the table read. */
export interface LiveRun {
  readonly spec: StrategySpec;
  readonly workers: number;
  readonly plannedTasks: number;
  /** Every task that reported, in the order reports arrived. Appended to, never rewritten. */
  readonly bars: GanttBar[];
  /** Page clock when the first chunk was sent (absolute ms); null before. */
  t0: number | null;
  /** Page clock when the last result arrived (or Stop). */
  t1: number | null;
  computeMs: number;
  tasksDone: number;
  messages: number;
  readonly spans: Map<number, { worker: number; startMs: number; endMs: number }>;
  stopped: boolean;
}

export function newLiveRun(spec: StrategySpec, workers: number, plannedTasks: number): LiveRun {
  return {
    spec,
    workers,
    plannedTasks,
    bars: [],
    t0: null,
    t1: null,
    computeMs: 0,
    tasksDone: 0,
    messages: 0,
    spans: new Map(),
    stopped: false,
  };
}

/** The median idle gap between consecutive chunks on a Worker, µs. */
export function liveGapUs(run: LiveRun): number | null {
  const spans: ChunkSpan[] = [...run.spans.values()];
  const m = median(messageGaps(spans));
  return m === null ? null : m * 1000;
}

export class StoppedError extends Error {
  constructor() {
    super('stopped');
  }
}

/** A Worker of this lab, its messages turned into promises and callbacks. */
class LabWorker {
  readonly worker: Worker;
  private onMessage: ((m: FromChunkWorker) => void) | null = null;
  private onFail: ((e: Error) => void) | null = null;
  dead = false;

  constructor() {
    this.worker = new Worker(new URL('./chunk.worker.ts', import.meta.url), { type: 'module', name: 'chunks' });
    this.worker.onmessage = (e: MessageEvent<FromChunkWorker>) => {
      if (e.data.type === 'error') this.onFail?.(new Error(`a Worker failed: ${e.data.message}`));
      else this.onMessage?.(e.data);
    };
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.onFail?.(
        new Error('the Worker could not start (script blocked or out of memory); reload the page and try again'),
      );
    };
  }

  listen(onMessage: (m: FromChunkWorker) => void, onFail: (e: Error) => void): void {
    this.onMessage = onMessage;
    this.onFail = onFail;
  }

  send(m: ToChunkWorker): void {
    this.worker.postMessage(m);
  }

  /** Sends `m` and waits for the first reply of `type`. */
  ask<T extends FromChunkWorker['type']>(
    m: ToChunkWorker,
    type: T,
    timeoutMs = READY_TIMEOUT_MS,
  ): Promise<Extract<FromChunkWorker, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('a Worker did not answer within 10 s; reload the page and try again')),
        timeoutMs,
      );
      this.listen(
        (reply) => {
          if (reply.type !== type) return;
          clearTimeout(timer);
          resolve(reply as Extract<FromChunkWorker, { type: T }>);
        },
        (e) => {
          clearTimeout(timer);
          reject(e);
        },
      );
      this.send(m);
    });
  }

  terminate(): void {
    this.dead = true;
    this.worker.terminate();
    this.onFail?.(new StoppedError());
  }
}

/** The lab's Workers and the kernel they share. */
export class ChunksRunner {
  private module: WebAssembly.Module | null = null;
  private warm: LabWorker | null = null;
  private pool: LabWorker[] = [];
  stepsPerMs: number | null = null;
  /** Set by Stop until the next run. */
  private stopped = false;

  /** Compiles the kernel, starts the warm Worker and measures its hash steps per ms (once). */
  async prepare(): Promise<number> {
    this.module ??= compileKernel();
    if (!this.warm || this.warm.dead) {
      const w = new LabWorker();
      this.warm = w;
      await w.ask({ type: 'init', module: this.module }, 'ready');
    }
    if (this.stepsPerMs === null) {
      const { stepsPerMs } = await this.warm.ask({ type: 'calibrate' }, 'calibrated', 30_000);
      this.stepsPerMs = stepsPerMs;
    }
    return this.stepsPerMs;
  }

  /** Starts `n` pool Workers, each ready and warmed by one task, before any timed block. */
  async startPool(n: number): Promise<void> {
    this.stopped = false;
    this.closePool();
    const module = this.module ?? compileKernel();
    this.module = module;
    const pool = Array.from({ length: n }, () => new LabWorker());
    this.pool = pool;
    await Promise.all(pool.map((w) => w.ask({ type: 'init', module }, 'ready')));
    await Promise.all(
      pool.map((w) => w.ask({ type: 'chunk', id: -1, first: 0, count: 1, steps: this.stepsPerMs ?? 1000 }, 'results')),
    );
    if (this.stopped) throw new StoppedError();
  }

  closePool(): void {
    for (const w of this.pool) if (!w.dead) w.terminate();
    this.pool = [];
  }

  /** Stop: every Worker terminated now; the run in progress keeps what it measured. */
  stop(): void {
    this.stopped = true;
    this.closePool();
    if (this.warm && !this.warm.dead) this.warm.terminate();
    this.warm = null;
  }

  /** Runs `run`'s tasks: the loop on the warm Worker (one message), a pool map on the pool. */
  async run(run: LiveRun, taskMs: number, onProgress: () => void): Promise<void> {
    this.stopped = false;
    const steps = Math.max(1, Math.round((this.stepsPerMs ?? 1000) * taskMs));
    if (run.spec.chunksize === null) {
      await this.prepare();
      const warm = this.warm;
      if (!warm) throw new Error('the loop’s Worker is not running');
      await handOut([warm], chunks(run.plannedTasks, run.plannedTasks), steps, run, onProgress);
    } else {
      if (this.pool.length === 0) throw new Error('the pool is not started');
      await handOut(this.pool, chunks(run.plannedTasks, run.spec.chunksize), steps, run, onProgress);
    }
  }

  dispose(): void {
    this.stop();
  }
}

/**
 * The timed block: each Worker gets a chunk, and each time one reports a chunk done it gets the
 * next, until none is left; resolves when every chunk has reported. Rejects with StoppedError on
 * Stop (the run keeps every bar that arrived, `stopped` set, `t1` the moment of Stop).
 */
function handOut(
  workers: readonly LabWorker[],
  list: readonly Chunk[],
  steps: number,
  run: LiveRun,
  onProgress: () => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      run.t1 = now();
      if (e instanceof StoppedError) run.stopped = true;
      onProgress();
      reject(e);
    };
    const give = (w: LabWorker) => {
      const c = list[next];
      if (!c) return;
      next += 1;
      run.messages += 1;
      w.send({ type: 'chunk', id: c.index, first: c.first, count: c.count, steps });
    };
    workers.forEach((w, lane) => {
      w.listen((m) => {
        if (settled || m.type !== 'results' || m.id < 0) return;
        const t0 = run.t0 ?? 0;
        const chunk = list[m.id];
        const span = run.spans.get(m.id);
        for (let i = 0; i < m.starts.length; i += 1) {
          const startMs = (m.starts[i] ?? 0) - t0;
          const endMs = (m.ends[i] ?? 0) - t0;
          run.bars.push({ lane, startMs, endMs, tone: m.id % 2, mark: chunk?.first === m.first + i });
          run.computeMs += endMs - startMs;
        }
        run.tasksDone += m.starts.length;
        const firstStart = (m.starts[0] ?? t0) - t0;
        const lastEnd = (m.ends[m.ends.length - 1] ?? t0) - t0;
        if (span) span.endMs = lastEnd;
        else run.spans.set(m.id, { worker: lane, startMs: firstStart, endMs: lastEnd });
        if (m.last) {
          finished += 1;
          if (finished === list.length) {
            settled = true;
            run.t1 = now();
            onProgress();
            resolve();
            return;
          }
          give(w);
        }
        onProgress();
      }, fail);
    });
    if (list.length === 0) {
      run.t0 = now();
      run.t1 = run.t0;
      resolve();
      return;
    }
    run.t0 = now();
    for (const w of workers) give(w);
  });
}
