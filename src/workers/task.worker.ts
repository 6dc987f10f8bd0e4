/// <reference lib="webworker" />
import { expose, type Remote } from 'comlink';
import type { TaskSpec, TaskTiming } from '../engine/types';
import { browserClock } from './clock';
import { computeSliced, work, yieldToLoop } from './cpuWork';

export interface Calibration {
  /** Work units this Worker computes per millisecond, alone on a core. */
  readonly unitsPerMs: number;
  /** How long the measurement took, ms. */
  readonly measuredMs: number;
}

const now = (): number => browserClock.now();

/** When this Worker's script had been evaluated: the end of its start-up. */
const readyMs = now();

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The page's callback for "task started" reports, set once per Worker (a comlink proxy). */
type Reporter = (callId: number, startMs: number, readyMs: number) => void;
let reporter: Remote<Reporter> | null = null;

const api = {
  /** Registers where "task started" reports go: one channel for all of this Worker's tasks. */
  listen(report: Reporter): void {
    reporter = report as unknown as Remote<Reporter>;
  },

  /** Answers at once: the first reply marks the Worker as started. */
  ping(): number {
    return now();
  },

  /**
   * Measures how much work one millisecond holds here, with the same slicing the tasks use.
   * Page load keeps the other core busy for a while, so it measures several windows and keeps
   * the fastest: "one task of d seconds computes for about d seconds alone".
   */
  async calibrate(windowMs = 50, maxMs = 4000): Promise<Calibration> {
    const slice = 50_000;
    const t0 = now();
    const rates: number[] = [];
    // The JIT needs a while (and a free core) to optimise; wait until the rate stops rising.
    for (;;) {
      let done = 0;
      const start = now();
      while (now() - start < windowMs) {
        work(slice);
        done += slice;
        if (done % (slice * 8) === 0) await yieldToLoop();
      }
      rates.push(done / (now() - start));
      await yieldToLoop();
      const best = Math.max(...rates);
      const last = rates.slice(-4);
      const stable = rates.length >= 8 && last.every((r) => r > best * 0.97);
      if (stable || now() - t0 > maxMs) return { unitsPerMs: best, measuredMs: now() - t0 };
    }
  },

  /**
   * Runs one task like the chapter's `task()`: reports "started", sleeps or computes, returns the
   * measured start and end. `fail` makes it throw at the end, the way a raising task does.
   */
  async run(task: TaskSpec, unitsPerMs: number, callId: number): Promise<TaskOutcome> {
    const startMs = now();
    // "Started" goes out at once, not awaited: the task does not wait to be heard. (Sent a turn
    // later it would save a message for tiny tasks, but starts on different Workers could then
    // reach the Console out of their real order.)
    void reporter?.(callId, startMs, readyMs);
    const ms = task.durationS * 1000;
    try {
      if (task.kind === 'sleep') await sleep(ms);
      else await computeSliced(ms * unitsPerMs, unitsPerMs);
      if (task.fail) throw new Error(`task ${task.index + 1} failed on purpose (a demo of a raising task)`);
      return { startMs, endMs: now(), readyMs };
    } catch (error) {
      // Sent back as data, with the task's times: the page re-raises it, as f.result() does.
      const e = error instanceof Error ? error : new Error(String(error));
      return { startMs, endMs: now(), readyMs, raised: { name: e.name, message: e.message } };
    }
  },
};

export type TaskWorkerApi = typeof api;

/** What a task run sends back: its times, and the exception if it raised. */
export interface TaskOutcome extends TaskTiming {
  readonly raised?: { readonly name: string; readonly message: string };
}

expose(api);
