import { expose } from 'comlink';
import type { TaskSpec } from '../../engine/types';
import { WorkerExecutor } from '../executor';
import { decodeKernel, type KernelMessage, type RunMessage } from '../protocol';

/**
 * A stand-in for a Web Worker in Node: the page side is this EventTarget, the "inside" is a second
 * EventTarget that comlink's `expose` and a task handler listen on. Messages cross asynchronously
 * (a microtask), the way postMessage does; after terminate() nothing crosses any more.
 */
export class FakeWorker extends EventTarget {
  terminated = false;
  readonly inside = new EventTarget();
  /** Task messages received inside, for the test to answer. */
  readonly runs: RunMessage[] = [];
  /** The transfer list of every message posted to this Worker. */
  readonly transfers: Transferable[][] = [];
  kernelReceived = false;

  constructor(behaviour: 'answers' | 'silent') {
    super();
    if (behaviour === 'answers') {
      const endpoint = {
        postMessage: (data: unknown) => this.toPage(data),
        addEventListener: this.inside.addEventListener.bind(this.inside),
        removeEventListener: this.inside.removeEventListener.bind(this.inside),
      };
      expose({ ping: () => 1, calibrate: () => new Promise(() => undefined) }, endpoint as never);
    }
    this.inside.addEventListener('message', (event) => {
      const data = (event as MessageEvent<unknown>).data;
      if (!Array.isArray(data)) return;
      if (decodeKernel(data as unknown as KernelMessage)) this.kernelReceived = true;
      else this.runs.push(data as unknown as RunMessage);
    });
  }

  /** Like a real Worker's: cloned at once (so transferred buffers are detached, and what cannot be sent throws). */
  postMessage(data: unknown, transfer: Transferable[] = []): void {
    if (this.terminated) return;
    const cloned: unknown = structuredClone(data, { transfer });
    this.transfers.push(transfer);
    queueMicrotask(() => {
      if (!this.terminated) this.inside.dispatchEvent(new MessageEvent('message', { data: cloned }));
    });
  }

  /** The Worker sends something to the page. */
  toPage(data: unknown, transfer: Transferable[] = []): void {
    if (this.terminated) return;
    const cloned: unknown = structuredClone(data, { transfer });
    queueMicrotask(() => {
      if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: cloned }));
    });
  }

  /** The script failed to load, or threw: what a browser fires at the Worker object. */
  fail(message?: string): void {
    const event = new Event('error', { cancelable: true });
    if (message) Object.defineProperty(event, 'message', { value: message });
    this.dispatchEvent(event);
  }

  terminate(): void {
    this.terminated = true;
  }
}

export const task: TaskSpec = { index: 0, kind: 'sleep', durationS: 1 };
const fakeKernel = () => ({}) as WebAssembly.Module;

export function setup(behaviour: 'answers' | 'silent', startTimeoutMs = 100, now: () => number = () => Date.now()) {
  const workers: FakeWorker[] = [];
  const executor = new WorkerExecutor({
    create: () => {
      const w = new FakeWorker(behaviour);
      workers.push(w);
      return w as unknown as Worker;
    },
    clock: { now },
    startTimeoutMs,
    kernel: fakeKernel,
  });
  return { executor, workers };
}
