/// <reference lib="webworker" />
import { expose } from 'comlink';
import type { TaskSpec } from '../engine/types';
import { browserClock } from './clock';
import { loadKernel, work, yieldToLoop } from './cpuWork';
import { ALIVE_EVERY_MS } from './heartbeat';
import {
  ALIVE,
  decodeKernel,
  decodeRun,
  encodeStarted,
  sendOutcome,
  unreadableRun,
  type KernelMessage,
  type ReportMessage,
  type RunMessage,
  type TaskOutcome,
} from './protocol';
import { WORKLOADS, type WorkloadOutcome } from './workloads';

export interface Calibration {
  /** Work units this Worker computes per millisecond, alone on a core. */
  readonly unitsPerMs: number;
  /** How long the measurement took, ms. */
  readonly measuredMs: number;
}

const now = (): number => browserClock.now();

/** When this Worker's script had been evaluated: the end of its start-up. */
const readyMs = now();

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** When this Worker last sent the page anything: every message is a sign of life. */
let lastPostMs = readyMs;
function post(message: ReportMessage, transfer?: Transferable[]): void {
  lastPostMs = now();
  // Without a transfer list when there is nothing to move: the common case stays the plain call.
  if (transfer) scope.postMessage(message, transfer);
  else scope.postMessage(message);
}

/** Called after every CPU slice: a Worker busy computing says it is alive, at most every few hundred ms. */
function keepAlive(): void {
  if (now() - lastPostMs >= ALIVE_EVERY_MS) post(ALIVE);
}

// Tasks (protocol.ts): arrays on this Worker's own channel. Registered before comlink's `expose`,
// so it runs first and keeps comlink from answering messages that are not for it.
scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!Array.isArray(event.data)) return;
  event.stopImmediatePropagation();
  const message = event.data as unknown as KernelMessage | RunMessage;
  const kernel = decodeKernel(message);
  if (kernel) {
    loadKernel(kernel);
    return;
  }
  let decoded: ReturnType<typeof decodeRun>;
  try {
    decoded = decodeRun(message as RunMessage);
  } catch (error) {
    post(unreadableRun(message as RunMessage, error, now(), readyMs));
    return;
  }
  const { callId, task, unitsPerMs } = decoded;
  void run(task, unitsPerMs, (startMs) => post(encodeStarted(callId, startMs, readyMs))).then((outcome) =>
    sendOutcome(post, callId, outcome),
  );
});

const api = {
  /** Answers at once: the first reply marks the Worker as started. */
  ping(): number {
    return now();
  },

  /**
   * Measures how many kernel steps one millisecond holds here, in calls the size of a task's
   * slice. Page load keeps the other core busy for a while, so it measures several 50 ms windows
   * and keeps the fastest once the last few agree: "one task of d seconds computes for about d
   * seconds alone". The kernel is WebAssembly (kernel.ts), so the rate does not depend on how far
   * the JIT has got, and it holds in every Worker.
   */
  async calibrate(windowMs = 50, maxMs = 4000): Promise<Calibration> {
    const slice = 20_000;
    const t0 = now();
    const rates: number[] = [];
    for (;;) {
      let done = 0;
      const start = now();
      while (now() - start < windowMs) {
        work(slice);
        done += slice;
      }
      rates.push(done / (now() - start));
      await yieldToLoop();
      const best = Math.max(...rates);
      const last = rates.slice(-4);
      const stable = rates.length >= 6 && last.every((r) => r > best * 0.97);
      if (stable || now() - t0 > maxMs) return { unitsPerMs: best, measuredMs: now() - t0 };
    }
  },
};

/**
 * Runs one task like the chapter's `task()`: reports "started", runs its kind's workload (sleeps,
 * computes…: src/workers/workloads/), returns the measured start and end and what the task gave
 * back. `fail` makes it throw at the end, the way a raising task does.
 *
 * "Started" is sent when the task first gives its event loop a turn: a sleep at once, a CPU task
 * after its first 5 ms slice. A task that ends before that (one slice or less) sends no separate
 * report: its start travels with its end, which carries `startMs` anyway. Nothing visible is lost
 * (the bar is drawn from the measured `startMs`) and tiny tasks cost two messages, not three.
 */
async function run(
  task: TaskSpec,
  unitsPerMs: number,
  reportStarted: (startMs: number) => void,
): Promise<TaskOutcome & { readonly readyMs: number }> {
  const startMs = now();
  const started = (): void => reportStarted(startMs);
  let outcome: WorkloadOutcome = {};
  try {
    outcome = await WORKLOADS[task.kind]({ task, unitsPerMs, started, afterSlice: keepAlive });
    if (task.fail) throw new Error(`task ${task.index + 1} failed on purpose (a demo of a raising task)`);
    return { startMs, endMs: now(), readyMs, ...outcome };
  } catch (error) {
    // Sent back as data, with the task's times: the page re-raises it, as f.result() does.
    const e = error instanceof Error ? error : new Error(String(error));
    const cpu = outcome.cpuMs === undefined ? {} : { cpuMs: outcome.cpuMs };
    return { startMs, endMs: now(), readyMs, ...cpu, raised: { name: e.name, message: e.message } };
  }
}

export type TaskWorkerApi = typeof api;

expose(api);
