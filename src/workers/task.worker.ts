/// <reference lib="webworker" />
import { expose, releaseProxy, type Remote } from 'comlink';
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const api = {
  /** Answers at once: the first reply marks the Worker as started. */
  ping(): number {
    return now();
  },

  /** Measures how much work one millisecond holds here, with the same slicing the tasks use. */
  async calibrate(targetMs = 300): Promise<Calibration> {
    // Warm up the JIT, then find a slice that lasts a few ms.
    let units = 1000;
    for (;;) {
      const t = now();
      work(units);
      if (now() - t >= 2 || units > 1e9) break;
      units *= 2;
    }
    let done = 0;
    const t0 = now();
    while (now() - t0 < targetMs) {
      work(units);
      done += units;
      await yieldToLoop();
    }
    const measuredMs = now() - t0;
    return { unitsPerMs: done / measuredMs, measuredMs };
  },

  /**
   * Runs one task like the chapter's `task()`: reports "started", sleeps or computes, returns the
   * measured start and end. `fail` makes it throw at the end, the way a raising task does.
   */
  async run(task: TaskSpec, unitsPerMs: number, onStart: (startMs: number) => void): Promise<TaskTiming> {
    const startMs = now();
    // A comlink proxy of the page's callback. Not awaited: the task does not wait to be heard.
    const report = onStart as unknown as Remote<(startMs: number) => void>;
    void report(startMs).finally(() => report[releaseProxy]());
    const ms = task.durationS * 1000;
    if (task.kind === 'sleep') await sleep(ms);
    else await computeSliced(ms * unitsPerMs, unitsPerMs);
    return { startMs, endMs: now() };
  },
};

export type TaskWorkerApi = typeof api;

expose(api);
