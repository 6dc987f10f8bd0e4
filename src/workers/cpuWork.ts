/** Sink that keeps the optimiser from deleting the work. */
let sink = 0;

/** Steps per call of the inner kernel: small, so the JIT sees many calls and optimises it early. */
const CHUNK = 4096;

function kernel(seed: number, steps: number): number {
  let x = seed | 0;
  for (let i = 0; i < steps; i += 1) {
    x = (Math.imul(x ^ i, 0x5bd1e995) + 0x6b43a9b5) | 0;
    x ^= x >>> 15;
  }
  return x;
}

/** Real CPU work: `units` steps of integer arithmetic (a hash mix), computed, not skipped. */
export function work(units: number): number {
  let x = sink;
  let left = units;
  while (left > 0) {
    const n = left < CHUNK ? left : CHUNK;
    x = kernel(x, n);
    left -= n;
  }
  sink = x;
  return sink;
}

/** One channel reused for yielding to the event loop without setTimeout's 4 ms clamp. */
const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
const waiting: (() => void)[] = [];
if (channel) {
  channel.port1.onmessage = () => waiting.shift()?.();
}

/** Lets other messages and tasks on this event loop run (~0.02 ms). */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (!channel) {
      setTimeout(resolve, 0);
      return;
    }
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

/** Length of one slice of CPU work between yields, like CPython's 5 ms switch interval. */
export const SLICE_MS = 5;

/**
 * Computes `units` in slices, yielding between them so other tasks on this loop take turns.
 * `beforeFirstYield` runs once, just before the first turn is given away; a computation of one
 * slice or less never yields, so it never calls it.
 */
export async function computeSliced(units: number, unitsPerMs: number, beforeFirstYield?: () => void): Promise<void> {
  const slice = Math.max(1, Math.round(unitsPerMs * SLICE_MS));
  let left = Math.round(units);
  let yielded = false;
  while (left > 0) {
    const n = Math.min(left, slice);
    work(n);
    left -= n;
    if (left <= 0) return;
    if (!yielded) {
      yielded = true;
      beforeFirstYield?.();
    }
    await yieldToLoop();
  }
}
