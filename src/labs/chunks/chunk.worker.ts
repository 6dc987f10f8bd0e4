/// <reference lib="webworker" />
// A Worker of the chunks lab: runs chunks of tiny CPU tasks and reports each task's start and end.
import { instantiateKernel, type Spin } from '../../workers/kernel';
import { REPORT_EVERY_MS, type FromChunkWorker, type ToChunkWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let spin: Spin | null = null;
/** Carries each result into the next call, so no step's result is ever unused. */
let sink = 0;
const now = (): number => performance.timeOrigin + performance.now();

function post(message: FromChunkWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** Hash steps per ms: the fastest of 5 runs of ≈ 10 ms, after growing the run until it lasts 5 ms. */
function calibrate(kernel: Spin): number {
  let steps = 1000;
  for (;;) {
    const t0 = performance.now();
    sink = kernel(sink, steps);
    const took = performance.now() - t0;
    if (took >= 5 || steps > 2 ** 28) break;
    steps *= 2;
  }
  const rates: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    sink = kernel(sink, steps * 2);
    rates.push((steps * 2) / Math.max(1e-3, performance.now() - t0));
  }
  // The fastest run: a busy machine only ever slows a run down, so the fastest is the Worker's own speed.
  return Math.max(1, ...rates);
}

function runChunk(kernel: Spin, id: number, first: number, count: number, steps: number): void {
  let from = 0;
  let starts = new Float64Array(count);
  let ends = new Float64Array(count);
  let lastReport = now();
  for (let i = 0; i < count; i += 1) {
    const s = now();
    sink = kernel(sink, steps);
    const e = now();
    starts[i - from] = s;
    ends[i - from] = e;
    if (e - lastReport >= REPORT_EVERY_MS && i < count - 1) {
      const done = i + 1 - from;
      post({
        type: 'results',
        id,
        first: first + from,
        starts: starts.slice(0, done),
        ends: ends.slice(0, done),
        last: false,
        sink,
      });
      from = i + 1;
      starts = new Float64Array(count - from);
      ends = new Float64Array(count - from);
      lastReport = e;
    }
  }
  post({ type: 'results', id, first: first + from, starts, ends, last: true, sink }, [starts.buffer, ends.buffer]);
}

self.onmessage = (event: MessageEvent<ToChunkWorker>) => {
  const m = event.data;
  try {
    if (m.type === 'init') {
      spin = instantiateKernel(m.module);
      post({ type: 'ready' });
      return;
    }
    if (!spin) throw new Error('the CPU kernel was not loaded in this Worker');
    if (m.type === 'calibrate') post({ type: 'calibrated', stepsPerMs: calibrate(spin) });
    else runChunk(spin, m.id, m.first, m.count, m.steps);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
