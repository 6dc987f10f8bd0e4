import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { countAtomics, countLocked, countNoLock, countOwn, lock, SHARED_BYTES, SLOT, unlock } from './counting';

type Variant = 'nolock' | 'atomics' | 'lock';

/**
 * Runs `variant` in `n` real threads (Node's worker_threads: the same V8, SharedArrayBuffer and
 * Atomics as the browser's Workers), each counting `m` times on one shared counter, released
 * together by a start barrier. Resolves with the shared counter at the end.
 */
async function countInThreads(variant: Variant, n: number, m: number): Promise<number> {
  const shared = new SharedArrayBuffer(SHARED_BYTES);
  const view = new Int32Array(shared);
  // The functions under test, shipped as their own source: they use no module-level names.
  const source = `
    const { workerData, parentPort } = require('node:worker_threads');
    const countNoLock = ${countNoLock.toString()};
    const countAtomics = ${countAtomics.toString()};
    const countLocked = ${countLocked.toString()};
    const lock = ${lock.toString()};
    const unlock = ${unlock.toString()};
    const { shared, variant, m, slot } = workerData;
    const view = new Int32Array(shared);
    parentPort.postMessage('ready');
    Atomics.wait(view, slot.go, 0);
    if (variant === 'nolock') countNoLock(view, m);
    else if (variant === 'atomics') countAtomics(view, m);
    else countLocked(view, slot.lock, m, lock, unlock);
    parentPort.postMessage('done');
  `;
  const threads = Array.from(
    { length: n },
    () => new Worker(source, { eval: true, workerData: { shared, variant, m, slot: SLOT } }),
  );
  try {
    const said = (what: string) =>
      Promise.all(
        threads.map(
          (t) =>
            new Promise<void>((resolve, reject) => {
              const onMessage = (msg: unknown) => {
                if (msg === what) {
                  t.off('message', onMessage);
                  resolve();
                }
              };
              t.on('message', onMessage);
              t.once('error', reject);
            }),
        ),
      );
    const ready = said('ready');
    await ready;
    const done = said('done');
    Atomics.store(view, SLOT.go, 1);
    Atomics.notify(view, SLOT.go);
    await done;
    expect(Atomics.load(view, SLOT.lock), 'the mutex is free at the end').toBe(0);
    return Atomics.load(view, SLOT.counter);
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}

describe('counting loops in one thread', () => {
  it('separate memory: the copy counts from the value it was given; the original is untouched', () => {
    const page = { counter: 0 };
    expect(countOwn(page.counter, 1234)).toBe(1234);
    expect(countOwn(5, 10)).toBe(15);
    expect(page.counter).toBe(0);
  });

  it('each shared loop adds m when it runs alone', () => {
    for (const run of [
      (v: Int32Array) => countNoLock(v, 1000),
      (v: Int32Array) => countAtomics(v, 1000),
      (v: Int32Array) => countLocked(v, SLOT.lock, 1000, lock, unlock),
    ]) {
      const view = new Int32Array(new SharedArrayBuffer(SHARED_BYTES));
      run(view);
      expect(view[SLOT.counter]).toBe(1000);
      expect(view[SLOT.lock]).toBe(0);
    }
  });

  it('the mutex: taken is 1, a second taker marks it contended (2), unlock frees it', () => {
    const view = new Int32Array(new SharedArrayBuffer(SHARED_BYTES));
    lock(view, SLOT.lock);
    expect(view[SLOT.lock]).toBe(1);
    unlock(view, SLOT.lock);
    expect(view[SLOT.lock]).toBe(0);
    // A contended state (as a waiter leaves it): unlock stores 0 and notifies.
    view[SLOT.lock] = 2;
    unlock(view, SLOT.lock);
    expect(view[SLOT.lock]).toBe(0);
  });
});

describe('counting loops in real threads', () => {
  // Without this, the exact totals below could come from threads that never overlapped.
  it('the threads really run at once: without a lock, 4 × 200,000 loses updates (3 tries at most)', async () => {
    let best = Infinity;
    for (let attempt = 0; attempt < 3 && best >= 800_000; attempt += 1) {
      best = Math.min(best, await countInThreads('nolock', 4, 200_000));
    }
    expect(best).toBeLessThan(800_000);
  });

  it('2 threads × 200,000 with Atomics.add: exactly 400,000', async () => {
    expect(await countInThreads('atomics', 2, 200_000)).toBe(400_000);
  });

  it('2 threads × 1,000,000 with the lock: exactly 2,000,000, the lock free at the end', async () => {
    expect(await countInThreads('lock', 2, 1_000_000)).toBe(2_000_000);
  });

  it('4 threads × 200,000 with the lock (waiters sleep and are woken): exactly 800,000', async () => {
    expect(await countInThreads('lock', 4, 200_000)).toBe(800_000);
  });
});
