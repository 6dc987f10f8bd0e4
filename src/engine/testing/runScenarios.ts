// The harness of the engine's property tests (virtual time): the fake machine a random scenario
// (./scenarios.ts) runs on, and readers of its events. Only tests import it.
import { expect } from 'vitest';
import { FakeExecutor, FakeTime, runOnVirtualTime, type FakeExecutorOptions } from './virtualTime';
import type { RunState } from '../store';
import {
  type Executor,
  type RunEvent,
  type SpawnedRunner,
  type StrategyName,
  type StrategyStatus,
  type TaskEvent,
  type TaskRunner,
} from '../types';
import type { Scenario } from './scenarios';

export type { Scenario };

// ------------------------------------------------------------------ harness

/** When a task's run really settled on the fake machine (independent of the events). */
export interface Settled {
  readonly task: number;
  readonly atMs: number;
}

/**
 * FakeExecutor plus a random extra latency per task (message jitter before it starts), and a
 * record of when each run settled. Spawn/terminate counting stays in the wrapped FakeExecutor.
 */
class JitterExecutor implements Executor {
  readonly inner: FakeExecutor;
  readonly settled: Settled[] = [];

  constructor(
    private readonly time: FakeTime,
    options: FakeExecutorOptions,
    private readonly jitterMs: readonly number[],
  ) {
    this.inner = new FakeExecutor(time, options);
  }

  warm(): TaskRunner {
    return this.wrap(this.inner.warm());
  }

  spawn(): SpawnedRunner {
    const runner = this.inner.spawn();
    return {
      ...this.wrap(runner),
      ready: (signal) => runner.ready(signal),
      terminate: (...args: Parameters<SpawnedRunner['terminate']>) => runner.terminate(...args),
    };
  }

  private wrap(runner: TaskRunner): TaskRunner {
    return {
      run: async (task, onStart, signal) => {
        await this.time.sleep(this.jitterMs[task.index] ?? 0, signal);
        try {
          const timing = await runner.run(task, onStart, signal);
          this.settled.push({ task: task.index, atMs: this.time.now() });
          return timing;
        } catch (error) {
          this.settled.push({ task: task.index, atMs: this.time.now() });
          throw error;
        }
      },
    };
  }
}

export interface Outcome {
  readonly events: readonly RunEvent[];
  readonly state: RunState;
  readonly executor: JitterExecutor;
  readonly endMs: number;
}

/**
 * FakeTime.runUntilSettled yields with `setTimeout(0)` between virtual timers, which Node clamps
 * to 1 ms: ~150 real ms per simulated run and minutes per property. While a simulation runs,
 * zero-delay timeouts become `setImmediate` (also after every pending microtask, which is all
 * runUntilSettled needs); timeouts with a delay still go to the real `setTimeout`.
 */
export async function withImmediateZeroTimeouts<T>(body: () => Promise<T>): Promise<T> {
  const real = globalThis.setTimeout;
  const fast = (handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): unknown =>
    ms ? real(handler, ms, ...args) : setImmediate(handler, ...args);
  globalThis.setTimeout = fast as unknown as typeof setTimeout;
  try {
    return await body();
  } finally {
    globalThis.setTimeout = real;
  }
}

export async function simulateRun(s: Scenario): Promise<Outcome> {
  return withImmediateZeroTimeouts(() => simulateRunSlow(s));
}

export async function simulateRunSlow(s: Scenario): Promise<Outcome> {
  const time = new FakeTime();
  const executor = new JitterExecutor(time, s.options, s.jitterMs);
  const controller = new AbortController();
  if (s.stopAtMs !== undefined) time.at(s.stopAtMs, () => controller.abort());
  const { events, store } = await runOnVirtualTime(time, executor, s.config, s.cores, controller);
  return { events, state: store.getState(), executor, endMs: time.now() };
}

export const isTaskEvent = (e: RunEvent): e is TaskEvent =>
  e.type === 'task-start' || e.type === 'task-end' || e.type === 'task-error';

export interface Segment {
  readonly strategy: StrategyName;
  readonly events: RunEvent[];
  status: StrategyStatus | null;
}

/** Splits a run's events by strategy run, checking the brackets never overlap or dangle. */
export function segments(events: readonly RunEvent[]): Segment[] {
  const out: Segment[] = [];
  let current: Segment | null = null;
  for (const e of events) {
    if (e.type === 'strategy-start') {
      expect(current?.strategy, `${e.strategy} starts while another strategy runs`).toBeUndefined();
      current = { strategy: e.strategy, events: [], status: null };
      out.push(current);
      continue;
    }
    if (current === null) throw new Error(`${e.type} of ${e.strategy} outside any strategy's bracket`);
    expect(e.strategy, `${e.type} tagged with the running strategy`).toBe(current.strategy);
    if (e.type === 'strategy-end') {
      current.status = e.status;
      current = null;
    } else {
      current.events.push(e);
    }
  }
  expect(current, 'the last strategy ended').toBeNull();
  return out;
}

export const taskEvents = (seg: Segment): TaskEvent[] => seg.events.filter(isTaskEvent);

/** Task events of tasks that started (drops a broken pool's errors for tasks still queued). */
export function startedTaskEvents(seg: Segment): TaskEvent[] {
  const started = new Set(
    taskEvents(seg)
      .filter((e) => e.type === 'task-start')
      .map((e) => e.task),
  );
  return taskEvents(seg).filter((e) => started.has(e.task));
}
export const failingOf = (s: Scenario): Set<number> =>
  new Set([...(s.config.failing ?? []), ...(s.options.failing ?? [])]);

// ------------------------------------------------------------------ run invariants
