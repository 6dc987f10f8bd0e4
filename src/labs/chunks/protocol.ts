// Messages between the chunks lab and its Workers (chunk.worker.ts).

export type ToChunkWorker =
  /** The page's compiled CPU kernel (src/workers/kernel.ts); answered by `ready`. */
  | { readonly type: 'init'; readonly module: WebAssembly.Module }
  /** Measure the kernel's hash steps per ms here; answered by `calibrated`. */
  | { readonly type: 'calibrate' }
  /** Run tasks `first`… one after another, each `steps` hash steps; answered by `results`. */
  | {
      readonly type: 'chunk';
      readonly id: number;
      readonly first: number;
      readonly count: number;
      readonly steps: number;
    };

export type FromChunkWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'calibrated'; readonly stepsPerMs: number }
  /**
   * Start and end of tasks `first`… (performance.timeOrigin + now(), ms), one message per chunk —
   * and, inside a chunk longer than {@link REPORT_EVERY_MS}, one every that many ms (`last` false),
   * so Stop keeps what was measured.
   */
  | {
      readonly type: 'results';
      readonly id: number;
      readonly first: number;
      readonly starts: Float64Array;
      readonly ends: Float64Array;
      readonly last: boolean;
      readonly sink: number;
    }
  | { readonly type: 'error'; readonly message: string };

/** A long chunk reports what it has done at least this often, ms. */
export const REPORT_EVERY_MS = 100;
