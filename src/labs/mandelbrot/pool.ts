// Lab `mandelbrot`: one strategy's run. A pool of Workers is started (and warmed) before the timed
// block; then the tiles, cut into chunks in order, go out like Python's Pool: each free worker takes
// the next chunk. Sequential = 1 worker, one chunk of every tile; static = ⌈tiles / workers⌉ per
// chunk (one block each, up front); dynamic = the chosen chunksize, taken from a shared counter
// when the page may share memory (else handed out by the page, chunk by chunk).
import type { View } from './mandel';
import type { TileRecord } from './measure';
import type { FromWorker, ToWorker } from './protocol';
import { chunkRanges, type Tile } from './tiles';

/** What the pool needs of a Worker (a fake in tests). */
export interface PoolWorker {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface Plan {
  readonly tiles: readonly Tile[];
  readonly view: View;
  readonly maxIter: number;
  readonly workers: number;
  readonly chunkSize: number;
  /**
   * Free workers take the next chunk themselves from a shared counter (SharedArrayBuffer +
   * Atomics), as Pool's workers read its task queue; false: the page hands each chunk to the worker
   * that just finished one (a round trip through the page per chunk).
   */
  readonly sharedQueue: boolean;
}

export interface Timed {
  /** Clock when the first chunk was handed out. */
  readonly startMs: number;
  /** Clock when the last tile arrived, or when Stop ended the run. */
  readonly endMs: number;
  readonly stopped: boolean;
}

export interface Hooks {
  /** Every Worker has started and compiled the workload: the timed block begins now. */
  readonly onStarted?: (startMs: number) => void;
  readonly onTile: (record: TileRecord, counts: Uint32Array) => void;
}

/** Runs the plan; Stop (the signal) terminates every Worker at once and resolves with what finished. */
export function runPool(
  plan: Plan,
  makeWorker: () => PoolWorker,
  hooks: Hooks,
  signal: AbortSignal,
  now: () => number,
): Promise<Timed> {
  return new Promise<Timed>((resolve, reject) => {
    const workers: PoolWorker[] = [];
    const chunks = chunkRanges(plan.tiles.length, plan.chunkSize);
    let nextChunk = 0;
    let ready = 0;
    let done = 0;
    let startMs = Number.NaN;
    let settled = false;

    const end = (outcome: { timed: Timed } | { error: Error }): void => {
      if (settled) return;
      settled = true;
      for (const w of workers) w.terminate();
      signal.removeEventListener('abort', onAbort);
      if ('timed' in outcome) resolve(outcome.timed);
      else reject(outcome.error);
    };
    const onAbort = (): void => {
      const t = now();
      end({ timed: { startMs: Number.isNaN(startMs) ? t : startMs, endMs: t, stopped: true } });
    };
    const handOut = (w: PoolWorker): void => {
      const range = chunks[nextChunk];
      if (!range) return;
      nextChunk += 1;
      w.postMessage({
        kind: 'chunk',
        tiles: plan.tiles.slice(range.first, range.end),
        view: plan.view,
        maxIter: plan.maxIter,
      });
    };

    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort);
    for (let lane = 0; lane < plan.workers; lane += 1) {
      const w = makeWorker();
      workers.push(w);
      w.onerror = (event) => end({ error: new Error(`Worker ${lane + 1} failed: ${event.message || 'no message'}`) });
      w.onmessage = ({ data }) => {
        if (settled) return;
        if (data.kind === 'ready') {
          ready += 1;
          if (ready < plan.workers) return;
          // Every Worker is up: the timed block starts with the first hand-out.
          startMs = now();
          hooks.onStarted?.(startMs);
          if (plan.sharedQueue) {
            const next = new Int32Array(new SharedArrayBuffer(4));
            const { tiles, view, maxIter, chunkSize } = plan;
            for (const each of workers) each.postMessage({ kind: 'queue', tiles, view, maxIter, chunkSize, next });
          } else for (const each of workers) handOut(each);
          return;
        }
        hooks.onTile(
          { index: data.index, worker: lane, startMs: data.startMs, endMs: data.endMs, iterations: data.iterations },
          data.counts,
        );
        done += 1;
        if (done === plan.tiles.length) end({ timed: { startMs, endMs: now(), stopped: false } });
        else if (data.last && !plan.sharedQueue) handOut(w);
      };
      w.postMessage({ kind: 'warm', view: plan.view, maxIter: plan.maxIter });
    }
  });
}
