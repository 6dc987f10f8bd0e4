import { afterEach, describe, expect, it, vi } from 'vitest';
import { isWorkerCrash } from '../engine/types';
import { SILENCE_LIMIT_MS } from './heartbeat';
import { decodeRun, encodeEnded, encodeStarted, type RunMessage } from './protocol';
import { setup, task } from './testing/fakeWorker';

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
    w?.toPage(encodeEnded(callId, { startMs: 10, endMs: 1010, readyMs: 5 }));
    await expect(running).resolves.toEqual({ startMs: 10, endMs: 1010, readyMs: 5, returnMs: expect.any(Number) });
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
    workers[0]?.toPage(encodeEnded(callId, { startMs: 0, endMs: 3000, readyMs: 0 }));
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
