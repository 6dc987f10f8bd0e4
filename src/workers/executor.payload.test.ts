import { describe, expect, it } from 'vitest';
import type { TaskData, TaskSpec } from '../engine/types';
import { decodeRun, encodeEnded, type RunMessage } from './protocol';
import { setup, task, type FakeWorker } from './testing/fakeWorker';

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

  it("moves a payload's buffers to the Worker, brings the result's back, and measures the result's trip", async () => {
    const pixels = new Float64Array([1, 2, 3]);
    const payloadTask: TaskSpec = { ...task, payload: { pixels, n: 3 } };
    const { running, w, message, setNow, callId } = await given(payloadTask);
    expect(decodeRun(message).task.payload).toEqual({ pixels: new Float64Array([1, 2, 3]), n: 3 });
    expect(w.transfers.at(-1)).toEqual([pixels.buffer]);
    expect(pixels.length).toBe(0); // transferred: the page's copy is gone, nothing was copied

    const result = new Uint8Array([9, 8]);
    setNow(200.5);
    w.toPage(encodeEnded(callId, { startMs: 101, endMs: 200, readyMs: 5, result }), [result.buffer]);
    expect(result.length).toBe(0);
    await expect(running).resolves.toEqual({
      startMs: 101,
      endMs: 200,
      readyMs: 5,
      result: new Uint8Array([9, 8]),
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

  /** Sends a task the channel refuses; it must fail alone, and the Worker must run the next one. */
  async function refusedAlone(refused: TaskSpec, why: RegExp | string): Promise<void> {
    const { executor, workers } = setup('answers');
    await executor.ensureWarm();
    const signal = new AbortController().signal;
    await expect(executor.warm().run(refused, () => undefined, signal)).rejects.toThrow(why);
    const next = executor.warm().run(task, () => undefined, signal);
    await new Promise((r) => setTimeout(r, 5));
    const w = workers[0] as FakeWorker;
    expect(w.runs).toHaveLength(1);
    w.toPage(encodeEnded(w.runs[0]?.[0] ?? NaN, { startMs: 1, endMs: 2, readyMs: 0 }));
    await expect(next).resolves.toMatchObject({ startMs: 1, endMs: 2 });
    expect(executor.liveWorkers).toBe(1);
  }

  it('rejects a task whose payload cannot be sent, and the Worker keeps running other tasks', async () => {
    // Structured clone refuses functions (as it refuses a detached buffer in a browser).
    const unsendable = { callback: () => 1 } as unknown as TaskData;
    await refusedAlone({ ...task, payload: unsendable }, /could not be cloned/);
  });

  it('rejects a task of a kind the channel does not know, and the Worker keeps running other tasks', async () => {
    await refusedAlone({ ...task, kind: 'gpu' } as unknown as TaskSpec, '"gpu" is not a task kind');
  });
});
