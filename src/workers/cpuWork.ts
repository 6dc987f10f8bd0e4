import { browserClock } from './clock';
import { instantiateKernel, type Spin } from './kernel';

/** The kernel, once this Worker has been handed the compiled module (see kernel.ts). */
let spin: Spin | null = null;
/** Carries each result into the next call, so no step's result is ever unused. */
let sink = 0;

/** Instantiates the CPU kernel the page compiled and posted here. */
export function loadKernel(module: WebAssembly.Module): void {
  spin = instantiateKernel(module);
}

/** Real CPU work: `steps` hash steps, all inside one WebAssembly call (see kernel.ts). */
export function work(steps: number): number {
  if (!spin) throw new Error('The CPU kernel was not loaded in this Worker before a cpu task.');
  sink = spin(sink, steps);
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

export interface SliceHooks {
  /** Runs once, just before the first turn is given away (a computation of one slice never yields). */
  readonly beforeFirstYield?: () => void;
  /** Runs after every slice: the Worker uses it to tell the page it is alive. */
  readonly afterSlice?: () => void;
}

/**
 * Computes `steps` in slices of {@link SLICE_MS} at `stepsPerMs`, yielding between them so other
 * tasks on this loop take turns. Resolves with the milliseconds spent computing (inside the
 * kernel, yields excluded): `steps / cpuMs` is the rate this task really achieved. (An object, so
 * the cpu workload returns this very promise: no extra promise per task on the hot path.)
 */
export async function computeSliced(
  steps: number,
  stepsPerMs: number,
  hooks: SliceHooks = {},
): Promise<{ readonly cpuMs: number }> {
  const slice = Math.max(1, Math.round(stepsPerMs * SLICE_MS));
  let left = Math.round(steps);
  let yielded = false;
  let cpuMs = 0;
  while (left > 0) {
    const n = Math.min(left, slice);
    const t0 = browserClock.now();
    work(n);
    cpuMs += browserClock.now() - t0;
    left -= n;
    hooks.afterSlice?.();
    if (left <= 0) break;
    if (!yielded) {
      yielded = true;
      hooks.beforeFirstYield?.();
    }
    await yieldToLoop();
  }
  return { cpuMs };
}
