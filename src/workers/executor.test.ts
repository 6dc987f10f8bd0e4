import { expose } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isWorkerCrash, type TaskData, type TaskSpec } from '../engine/types';
import { WorkerExecutor } from './executor';
import { SILENCE_LIMIT_MS } from './heartbeat';
import { decodeKernel, decodeRun, encodeEnded, encodeStarted, type KernelMessage, type RunMessage } from './protocol';

/**
 * A stand-in for a Web Worker in Node: the page side is this EventTarget, the "inside" is a second
 * EventTarget that comlink's `expose` and a task handler listen on. Messages cross asynchronously
 * (a microtask), the way postMessage does; after terminate() nothing crosses any more.
 */
class FakeWorker extends EventTarget {
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

const task: TaskSpec = { index: 0, kind: 'sleep', durationS: 1 };
const fakeKernel = () => ({}) as WebAssembly.Module;

function setup(behaviour: 'answers' | 'silent', startTimeoutMs = 100, now: () => number = () => Date.now()) {
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

afterEach(() => {
  vi.useRealTimers();
});

describe('WorkerExecutor: a Worker that cannot start', () => {
  it('rejects within the start timeout when the Worker never answers, and terminates it', async () => {
    const { executor, workers } = setup('silent', 80);
    const t0 = Date.now();
    const error = await executor.ensureWarm().then(
      () => null,
      (e: unknown) => e,
    );
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^the Web Worker could not start \(no answer in 0 s\)\. Reload the page/);
    expect((error as Error).message).toMatch(/try another browser/);
    expect(workers[0]?.terminated).toBe(true);
    expect(executor.liveWorkers).toBe(0);
  });

  it('rejects at once when the script fails to load (an error event before any answer)', async () => {
    const { executor, workers } = setup('silent', 60_000);
    const warm = executor.ensureWarm();
    workers[0]?.fail();
    await expect(warm).rejects.toThrow(/could not start \(its script could not be loaded\)/);
    expect(executor.liveWorkers).toBe(0);
  });

  it('tries again with a new Worker on the next call', async () => {
    const { executor, workers } = setup('silent', 50);
    await expect(executor.ensureWarm()).rejects.toThrow(/could not start/);
    await expect(executor.ensureWarm()).rejects.toThrow(/could not start/);
    expect(workers).toHaveLength(2);
  });

  it('starts a Worker that answers, and hands it the CPU kernel first', async () => {
    const { executor, workers } = setup('answers');
    await executor.ensureWarm();
    expect(workers[0]?.kernelReceived).toBe(true);
    expect(executor.liveWorkers).toBe(1);
  });
});

describe('WorkerExecutor: a Worker that dies during a call', () => {
  it('rejects a running task with a crash, and a pending calibration too (nothing waits forever)', async () => {
    const { executor, workers } = setup('answers');
    await executor.ensureWarm();
    const signal = new AbortController().signal;
    const running = executor.warm().run(task, () => undefined, signal);
    const calibrating = executor.calibrate();
    await new Promise((r) => setTimeout(r, 5));
    workers[0]?.fail('out of memory');
    const error = await running.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isWorkerCrash(error)).toBe(true);
    expect((error as Error).message).toBe('Worker crashed: out of memory');
    await expect(calibrating).rejects.toThrow('Worker crashed: out of memory');
    expect(executor.liveWorkers).toBe(0);
  });

  it("resolves a task from its reports, and rejects a spawned Worker's ready() when it dies first", async () => {
    const { executor, workers } = setup('answers');
    await executor.ensureWarm();
    const signal = new AbortController().signal;
    const starts: number[] = [];
    const running = executor.warm().run(task, (t) => starts.push(t), signal);
    await new Promise((r) => setTimeout(r, 5));
    const w = workers[0];
    const [callId] = w?.runs[0] ?? [NaN];
    expect(decodeRun(w?.runs[0] as RunMessage).task).toEqual(task);
    w?.toPage(encodeStarted(callId, 10, 5));
    w?.toPage(encodeEnded(callId, { startMs: 10, endMs: 1010, readyMs: 5, arrivedMs: 9 }));
    await expect(running).resolves.toMatchObject({ startMs: 10, endMs: 1010, readyMs: 5 });
    expect(starts).toEqual([10]);

    const spawned = executor.spawn();
    const ready = spawned.ready(signal);
    workers[1]?.fail();
    await expect(ready).rejects.toThrow(/Worker crashed/);
  });
});

describe('WorkerExecutor: heartbeat', () => {
  it('counts silence from when a Worker is given work, not from its last message while idle', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    const { executor, workers } = setup('answers');
    await executor.ensureWarm();
    // Idle for 20 s (other strategies ran on other Workers), then a task, whose Worker answers
    // pings but sends nothing else for 3 s: alive.
    await vi.advanceTimersByTimeAsync(20_000);
    const running = executor.warm().run({ ...task, durationS: 3 }, () => undefined, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(3000);
    expect(executor.liveWorkers).toBe(1);
    expect(workers[0]?.terminated).toBe(false);
    const [callId] = workers[0]?.runs[0] ?? [NaN];
    workers[0]?.toPage(encodeEnded(callId, { startMs: 0, endMs: 3000, readyMs: 0, arrivedMs: 0 }));
    await expect(running).resolves.toMatchObject({ endMs: 3000 });
  });

  it('declares a Worker that fell silent during a task crashed, but not one that keeps reporting', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    const { executor, workers } = setup('answers');
    await executor.ensureWarm();
    const signal = new AbortController().signal;
    const running = executor.warm().run({ ...task, durationS: 60 }, () => undefined, signal);
    const outcome = running.then(
      () => 'resolved',
      (e: unknown) => (e as Error).message,
    );
    // Reports every 250 ms for 20 s: alive.
    const w = workers[0];
    for (let t = 0; t < 20_000; t += 250) {
      w?.toPage([3]);
      await vi.advanceTimersByTimeAsync(250);
    }
    expect(executor.liveWorkers).toBe(1);
    // Make it hang: it stops answering anything, pings included.
    Object.defineProperty(w, 'toPage', { value: () => undefined });
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS + 2000);
    expect(await outcome).toBe(`Worker crashed: it did not answer for ${SILENCE_LIMIT_MS / 1000} s`);
    expect(executor.liveWorkers).toBe(0);
  });
});

describe('WorkerExecutor: payloads and results', () => {
  /** A Worker that has the task, and a page clock the test moves by hand. */
  async function given(payloadTask: TaskSpec) {
    let t = 0;
    const { executor, workers } = setup('answers', 100, () => t);
    await executor.ensureWarm();
    t = 100;
    const running = executor.warm().run(payloadTask, () => undefined, new AbortController().signal);
    await new Promise((r) => setTimeout(r, 5));
    const w = workers[0] as FakeWorker;
    const message = w.runs[0] as RunMessage;
    const setNow = (ms: number): void => {
      t = ms;
    };
    return { running, w, message, setNow, callId: message[0] };
  }

  it("moves a payload's buffers to the Worker, brings the result's back, and measures the channel each way", async () => {
    const pixels = new Float64Array([1, 2, 3]);
    const payloadTask: TaskSpec = { ...task, payload: { pixels, n: 3 } };
    const { running, w, message, setNow, callId } = await given(payloadTask);
    expect(decodeRun(message).task.payload).toEqual({ pixels: new Float64Array([1, 2, 3]), n: 3 });
    expect(w.transfers.at(-1)).toEqual([pixels.buffer]);
    expect(pixels.length).toBe(0); // transferred: the page's copy is gone, nothing was copied

    const result = new Uint8Array([9, 8]);
    setNow(200.5);
    w.toPage(encodeEnded(callId, { startMs: 101, endMs: 200, readyMs: 5, arrivedMs: 100.75, result }), [result.buffer]);
    expect(result.length).toBe(0);
    await expect(running).resolves.toEqual({
      startMs: 101,
      endMs: 200,
      readyMs: 5,
      result: new Uint8Array([9, 8]),
      sendMs: 0.75,
      returnMs: 0.5,
    });
  });

  it("copies the payload when the task says send: 'copy', and shares a SharedArrayBuffer either way", async () => {
    const samples = new Int32Array([4, 5]);
    const shared = new SharedArrayBuffer(8);
    const { w, message } = await given({ ...task, send: 'copy', payload: [samples, shared] });
    expect(w.transfers.at(-1)).toEqual([]);
    expect([...samples]).toEqual([4, 5]);
    const [copied, sharedThere] = decodeRun(message).task.payload as [Int32Array, SharedArrayBuffer];
    expect([...copied]).toEqual([4, 5]);
    new Int32Array(sharedThere)[0] = 7;
    expect(new Int32Array(shared)[0]).toBe(7);
  });

  it('rejects a task whose payload cannot be sent, and the Worker keeps running other tasks', async () => {
    // Structured clone refuses functions (as it refuses a detached buffer in a browser).
    const unsendable = { callback: () => 1 } as unknown as TaskData;
    const { executor, workers } = setup('answers');
    await executor.ensureWarm();
    const signal = new AbortController().signal;
    await expect(executor.warm().run({ ...task, payload: unsendable }, () => undefined, signal)).rejects.toThrow(
      /could not be cloned/,
    );
    const next = executor.warm().run(task, () => undefined, signal);
    await new Promise((r) => setTimeout(r, 5));
    const w = workers[0] as FakeWorker;
    expect(w.runs).toHaveLength(1);
    w.toPage(encodeEnded(w.runs[0]?.[0] ?? NaN, { startMs: 1, endMs: 2, readyMs: 0, arrivedMs: 1 }));
    await expect(next).resolves.toMatchObject({ startMs: 1, endMs: 2 });
    expect(executor.liveWorkers).toBe(1);
  });
});
