// Property tests (fast-check) of the engine on virtual time: whatever the durations, pool size,
// latencies, failures or the instant of Stop, the invariants a teacher relies on hold.
// (parseConfig's properties: parseConfig.properties.test.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeExecutor, FakeTime, runOnVirtualTime, type FakeExecutorOptions } from './testing/virtualTime';
import { idealSchedule } from './ideal';
import { TASK_KINDS } from './taskKinds';
import type { RunState } from './store';
import {
  STRATEGY_NAMES,
  type Executor,
  type RunConfig,
  type ResultOrder,
  type RunEvent,
  type SpawnedRunner,
  type StrategyName,
  type StrategyStatus,
  type TaskEvent,
  type TaskRunner,
} from './types';

// ------------------------------------------------------------------ harness

/** When a task's run really settled on the fake machine (independent of the events). */
interface Settled {
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

interface Scenario {
  readonly config: RunConfig;
  readonly cores: number;
  readonly options: FakeExecutorOptions;
  readonly jitterMs: readonly number[];
  /** Virtual ms at which Stop is pressed, if at all. */
  readonly stopAtMs?: number;
}

interface Outcome {
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
async function withImmediateZeroTimeouts<T>(body: () => Promise<T>): Promise<T> {
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

async function simulateRun(s: Scenario): Promise<Outcome> {
  return withImmediateZeroTimeouts(() => simulateRunSlow(s));
}

async function simulateRunSlow(s: Scenario): Promise<Outcome> {
  const time = new FakeTime();
  const executor = new JitterExecutor(time, s.options, s.jitterMs);
  const controller = new AbortController();
  if (s.stopAtMs !== undefined) time.at(s.stopAtMs, () => controller.abort());
  const { events, store } = await runOnVirtualTime(time, executor, s.config, s.cores, controller);
  return { events, state: store.getState(), executor, endMs: time.now() };
}

const isTaskEvent = (e: RunEvent): e is TaskEvent =>
  e.type === 'task-start' || e.type === 'task-end' || e.type === 'task-error';

// ------------------------------------------------------------------ generators

const MAX_TASKS = 12;

/** 0.01–5 s; half the time on a 0.1 s grid so that ties (equal starts/ends) are common. */
const durationS = fc.oneof(
  fc.double({ min: 0.01, max: 5, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 1, max: 50 }).map((x) => x / 10),
);
const durations = fc.array(durationS, { minLength: 1, maxLength: MAX_TASKS });
const kind = fc.constantFrom(...TASK_KINDS);
const strategySubset = fc
  .subarray([...STRATEGY_NAMES], { minLength: 1 })
  .map((picked) => STRATEGY_NAMES.filter((s) => picked.includes(s)));
const latencyMs = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 300 }),
  fc.double({ min: 0, max: 50, noNaN: true }),
);

interface ScenarioOptions {
  readonly order?: fc.Arbitrary<ResultOrder | undefined>;
  /** Let Workers die (crash) at the end of some task; a dead pool Worker breaks the pool. */
  readonly crashes?: 'sometimes' | 'always';
}

const scenario = (
  strategies: fc.Arbitrary<readonly StrategyName[]>,
  opts: ScenarioOptions = {},
): fc.Arbitrary<Scenario> =>
  fc
    .record({
      durationsS: durations,
      kind,
      strategies,
      workers: fc.integer({ min: 1, max: 8 }),
      cores: fc.integer({ min: 1, max: 8 }),
      order: opts.order ?? fc.constantFrom(undefined, 'completed', 'submitted'),
      repeat: fc.constantFrom(undefined, 1, 2, 3),
      spawnMs: latencyMs,
      // Often empty, so that every Worker starts equally fast.
      spawnMsEach: fc.oneof(fc.constant([]), fc.array(latencyMs, { maxLength: MAX_TASKS })),
      dispatchMs: latencyMs,
      // Often no jitter at all, so that ties and the work-conserving check come up.
      jitterMs: fc.oneof(fc.constant([]), fc.array(latencyMs, { minLength: MAX_TASKS, maxLength: MAX_TASKS })),
      // Failures both ways: the run's own `fail=` list and the executor's.
      failing: fc.array(fc.integer({ min: 0, max: MAX_TASKS - 1 }), { maxLength: 3 }),
      executorFailing: fc.array(fc.integer({ min: 0, max: MAX_TASKS - 1 }), { maxLength: 2 }),
      crashing:
        opts.crashes === undefined
          ? fc.constant([])
          : fc.oneof(
              { weight: opts.crashes === 'always' ? 0 : 3, arbitrary: fc.constant([]) },
              {
                weight: 1,
                arbitrary: fc.array(fc.integer({ min: 0, max: MAX_TASKS - 1 }), { minLength: 1, maxLength: 2 }),
              },
            ),
    })
    .map((r) => ({
      config: {
        kind: r.kind,
        durationsS: r.durationsS,
        strategies: r.strategies,
        workers: r.workers,
        failing: r.failing.filter((i) => i < r.durationsS.length),
        ...(r.order === undefined ? {} : { order: r.order }),
        ...(r.repeat === undefined ? {} : { repeat: r.repeat }),
      },
      cores: r.cores,
      options: {
        spawnMs: r.spawnMs,
        spawnMsEach: r.spawnMsEach,
        dispatchMs: r.dispatchMs,
        failing: r.executorFailing,
        crashing: r.crashing,
      },
      jitterMs: r.jitterMs,
    }));

const ALL: readonly StrategyName[] = STRATEGY_NAMES;
const allFour = scenario(fc.constant(ALL), { crashes: 'sometimes' });
const poolOnly = (opts: ScenarioOptions = {}): fc.Arbitrary<Scenario> => scenario(fc.constant(['pool'] as const), opts);

/** Runs per property; reported in the issue. */
const RUNS = {
  pairs: 1000,
  exclusive: 1000,
  poolLimit: 1000,
  brokenPool: 500,
  asCompleted: 1000,
  submitted: 500,
  ideal: 1000,
  stop: 1000,
} as const;

const SLOW = 120_000;

/** One timed run of one strategy: the events between its strategy-start and strategy-end. */
interface Segment {
  readonly strategy: StrategyName;
  readonly events: RunEvent[];
  status: StrategyStatus | null;
}

/** Splits a run's events by strategy run, checking the brackets never overlap or dangle. */
function segments(events: readonly RunEvent[]): Segment[] {
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

const taskEvents = (seg: Segment): TaskEvent[] => seg.events.filter(isTaskEvent);

/** Task events of tasks that started (drops a broken pool's errors for tasks still queued). */
function startedTaskEvents(seg: Segment): TaskEvent[] {
  const started = new Set(
    taskEvents(seg)
      .filter((e) => e.type === 'task-start')
      .map((e) => e.task),
  );
  return taskEvents(seg).filter((e) => started.has(e.task));
}
const failingOf = (s: Scenario): Set<number> => new Set([...(s.config.failing ?? []), ...(s.options.failing ?? [])]);

// ------------------------------------------------------------------ run invariants

describe('run invariants on virtual time (random durations, pool sizes, latencies, failures, repeats)', () => {
  it(
    `every task-start has exactly one task-end or task-error after it, before its strategy ends (${RUNS.pairs} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(allFour, async (s) => {
          const { events } = await simulateRun(s);
          const segs = segments(events);
          const repeat = s.config.repeat ?? 1;
          expect(
            segs.map((x) => x.strategy),
            'each strategy, `repeat` times, in canonical order',
          ).toEqual(ALL.flatMap((name) => Array<StrategyName>(repeat).fill(name)));
          const n = s.config.durationsS.length;
          const failing = failingOf(s);
          // A task listed both ways raises its error before its Worker would die (FakeExecutor's order).
          const crashing = new Set((s.options.crashing ?? []).filter((i) => !failing.has(i)));
          for (const seg of segs) {
            const open = new Map<number, 'running' | 'ended'>();
            const neverStarted: number[] = [];
            const queued: number[] = [];
            const poolBroke = seg.strategy === 'pool' && [...crashing].some((i) => i < n);
            for (const e of taskEvents(seg)) {
              const what = `${seg.strategy} task ${e.task + 1}`;
              if (e.type === 'task-start') {
                expect(open.has(e.task), `${what} started twice`).toBe(false);
                open.set(e.task, 'running');
                continue;
              }
              if (
                !open.has(e.task) &&
                poolBroke &&
                e.type === 'task-error' &&
                (e.worker === 0 || (e.message ?? '').startsWith('BrokenProcessPool'))
              ) {
                // BrokenProcessPool: a task still queued, or still being handed over, when a pool Worker
                // died fails without starting (no start line is made up for it).
                expect(neverStarted, `${what} reported twice`).not.toContain(e.task);
                neverStarted.push(e.task);
                if (e.worker === 0) queued.push(e.task);
                continue;
              }
              expect(open.get(e.task), `${e.type} of ${what} without a running start`).toBe('running');
              if (failing.has(e.task) || crashing.has(e.task)) expect(e.type, `${what} raises`).toBe('task-error');
              else if (!poolBroke) expect(e.type, `${what} completes`).toBe('task-end');
              open.set(e.task, 'ended');
            }
            const unfinished = [...open].filter(([, v]) => v === 'running').map(([task]) => task + 1);
            expect(unfinished, `${seg.strategy} ended with tasks still running`).toEqual([]);
            // Which tasks started: all of them, except that sequential stops at the first failure
            // and a broken pool starts no more (tasks are taken in order, so a prefix).
            const started = [...open.keys()].sort((a, b) => a - b);
            const firstBad = Math.min(...[...failing, ...crashing].filter((i) => i < n));
            if (seg.strategy === 'sequential' && Number.isFinite(firstBad)) {
              expect(started, 'sequential stops at the first failure').toEqual(
                Array.from({ length: firstBad + 1 }, (_, i) => i),
              );
            } else if (seg.strategy === 'pool' && poolBroke) {
              // Tasks are handed out in order, but one still on its way to a Worker when the pool broke
              // never starts: the started ones are in the queue's order, possibly with gaps.
              const q = [...queued].sort((a, b) => a - b);
              expect(q, 'the tasks a broken pool never handed out are the end of the queue').toEqual(
                Array.from({ length: q.length }, (_, i) => n - q.length + i),
              );
              expect(
                [...started, ...neverStarted].sort((a, b) => a - b),
                'every future of a broken pool is settled',
              ).toEqual(Array.from({ length: n }, (_, i) => i));
            } else {
              expect(started, `${seg.strategy} starts every task`).toEqual(Array.from({ length: n }, (_, i) => i));
            }
            const anyError = taskEvents(seg).some((e) => e.type === 'task-error');
            expect(seg.status, `${seg.strategy} status`).toBe(anyError ? 'failed' : 'done');
          }
        }),
        { numRuns: RUNS.pairs },
      );
    },
    SLOW,
  );

  it(
    `no worker runs two tasks at once, except in threads (${RUNS.exclusive} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(allFour, async (s) => {
          const { events } = await simulateRun(s);
          for (const seg of segments(events)) {
            if (seg.strategy === 'threads') continue;
            // Event order: on one worker, a start is always followed by its end before the next start.
            const busy = new Map<number, number>();
            const spans = new Map<number, { start: number; end: number }[]>();
            const starts = new Map<number, number>();
            for (const e of startedTaskEvents(seg)) {
              const lane = `${seg.strategy} worker ${e.worker}`;
              if (e.type === 'task-start') {
                expect(busy.get(e.worker), `${lane} starts task ${e.task + 1} while running another`).toBeUndefined();
                busy.set(e.worker, e.task);
                starts.set(e.worker, e.tMs);
              } else {
                expect(busy.get(e.worker), `${lane} ends task ${e.task + 1}`).toBe(e.task);
                busy.delete(e.worker);
                spans.set(e.worker, [
                  ...(spans.get(e.worker) ?? []),
                  { start: starts.get(e.worker) ?? NaN, end: e.tMs },
                ]);
              }
            }
            // Measured times: the intervals on one worker do not overlap.
            for (const [worker, list] of spans) {
              const sorted = [...list].sort((a, b) => a.start - b.start);
              for (let i = 1; i < sorted.length; i += 1) {
                const prev = sorted[i - 1];
                const cur = sorted[i];
                if (!prev || !cur) continue;
                expect(
                  cur.start,
                  `${seg.strategy} worker ${worker}: a task starts before the previous one ended`,
                ).toBeGreaterThanOrEqual(prev.end);
              }
            }
            const workers = new Set(startedTaskEvents(seg).map((e) => e.worker));
            if (seg.strategy === 'sequential') expect([...workers]).toEqual([1]);
            if (seg.strategy === 'processes')
              expect(workers.size, 'one Worker per task').toBe(s.config.durationsS.length);
          }
        }),
        { numRuns: RUNS.exclusive },
      );
    },
    SLOW,
  );

  it(
    `the pool never has more than \`workers\` tasks running at once (${RUNS.poolLimit} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(poolOnly({ crashes: 'sometimes' }), async (s) => {
          const { events, executor } = await simulateRun(s);
          const limit = s.config.workers;
          for (const seg of segments(events)) {
            let running = 0;
            let peak = 0;
            const spans: { start: number; end: number; worker: number }[] = [];
            const starts = new Map<number, number>();
            for (const e of startedTaskEvents(seg)) {
              if (e.type === 'task-start') {
                running += 1;
                starts.set(e.task, e.tMs);
              } else {
                running -= 1;
                spans.push({ start: starts.get(e.task) ?? NaN, end: e.tMs, worker: e.worker });
              }
              peak = Math.max(peak, running);
            }
            expect(peak, 'tasks running at once (event order)').toBeLessThanOrEqual(limit);
            for (const { start } of spans) {
              const at = spans.filter((x) => x.start <= start && x.end > start);
              expect(at.length, `tasks running at ${start} ms`).toBeLessThanOrEqual(limit);
            }
            expect(Math.max(...spans.map((x) => x.worker)), 'worker ids within the pool').toBeLessThanOrEqual(limit);
            // Work-conserving: when every Worker starts equally fast and nothing adds jitter, the first
            // `workers` tasks all run together.
            if (s.jitterMs.every((j) => j === 0) && (s.options.spawnMsEach ?? []).length === 0) {
              expect(peak, 'tasks running together at the start').toBe(Math.min(limit, s.config.durationsS.length));
            }
          }
          // The pool's own Workers: `workers` spawned per run, all of them terminated.
          expect(executor.inner.spawned).toBe(limit * (s.config.repeat ?? 1));
          expect(executor.inner.terminated).toBe(executor.inner.spawned);
        }),
        { numRuns: RUNS.poolLimit },
      );
    },
    SLOW,
  );

  it(
    `pool: once a Worker dies (BrokenProcessPool), no task starts or completes (${RUNS.brokenPool} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(poolOnly({ crashes: 'always' }), async (s) => {
          const { events } = await simulateRun(s);
          const n = s.config.durationsS.length;
          const failing = failingOf(s);
          const crashing = new Set((s.options.crashing ?? []).filter((i) => i < n && !failing.has(i)));
          if (crashing.size === 0) return;
          for (const seg of segments(events)) {
            const list = taskEvents(seg);
            const crash = list.findIndex((e) => e.type === 'task-error' && crashing.has(e.task));
            expect(crash, 'the crash is reported').toBeGreaterThanOrEqual(0);
            // Python prints "Task n started" from inside the task: a task that never began prints nothing.
            const after = list.slice(crash + 1).filter((e) => e.type !== 'task-error');
            expect(after, 'task events after the pool broke (only errors may follow)').toEqual([]);
            expect(list.filter((e) => e.type === 'task-error').length, 'every unfinished task fails').toBe(
              n - list.filter((e) => e.type === 'task-end').length,
            );
            expect(seg.status).toBe('failed');
          }
        }),
        { numRuns: RUNS.brokenPool },
      );
    },
    SLOW,
  );

  it(
    `pool: the Console's completed order is the order of end times (as_completed) (${RUNS.asCompleted} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(poolOnly(), async (s) => {
          const { state, executor, events } = await simulateRun(s);
          const n = s.config.durationsS.length;
          const printed = state.console
            .map((line) => /^\[pool\] Task (\d+) (?:completed|raised )/.exec(line.text))
            .filter((m): m is RegExpExecArray => m !== null)
            .map((m) => Number(m[1]) - 1);
          // The Console prints completions in exactly the order the tasks really finished on the machine...
          expect(printed).toEqual(executor.settled.map((x) => x.task));
          for (const seg of segments(events)) {
            const ends = taskEvents(seg).filter((e) => e.type !== 'task-start');
            // ...every task once per run...
            expect(ends.map((e) => e.task).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
            // ...ordered by measured end time (ties in either order).
            for (let i = 1; i < ends.length; i += 1) {
              const prev = ends[i - 1];
              const cur = ends[i];
              if (!prev || !cur) continue;
              expect(
                cur.tMs,
                `task ${cur.task + 1} reported after task ${prev.task + 1}, which ended later`,
              ).toBeGreaterThanOrEqual(prev.tMs);
            }
          }
        }),
        { numRuns: RUNS.asCompleted },
      );
    },
    SLOW,
  );

  it(
    `pool with executor.map order: results are received in submission order, each as soon as it and all earlier ones ended (${RUNS.submitted} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(poolOnly({ order: fc.constant('submitted') }), async (s) => {
          const { state, events } = await simulateRun(s);
          const n = s.config.durationsS.length;
          for (const seg of segments(events)) {
            const results = seg.events.filter((e) => e.type === 'task-result');
            expect(results.map((e) => e.task)).toEqual(Array.from({ length: n }, (_, i) => i));
            const endOf = new Map(
              taskEvents(seg)
                .filter((e) => e.type !== 'task-start')
                .map((e) => [e.task, e.tMs]),
            );
            let latest = -Infinity;
            for (const r of results) {
              latest = Math.max(latest, endOf.get(r.task) ?? NaN);
              expect(
                Math.abs(r.tMs - latest),
                `result of task ${r.task + 1} received when it and every earlier task had ended`,
              ).toBeLessThanOrEqual(1e-9);
            }
          }
          const received = state.console
            .map((l) => /^\[pool\] Result of task (\d+) received$/.exec(l.text)?.[1])
            .filter((x) => x !== undefined);
          const once = Array.from({ length: n }, (_, i) => String(i + 1));
          expect(received).toEqual(Array.from({ length: s.config.repeat ?? 1 }, () => once).flat());
        }),
        { numRuns: RUNS.submitted },
      );
    },
    SLOW,
  );

  it(
    `zero overhead: measured wall-clock equals the ideal schedule for sleep (all) and cpu (sequential, threads) (${RUNS.ideal} runs)`,
    async () => {
      const zero = fc.record({
        durationsS: durations,
        kind,
        workers: fc.integer({ min: 1, max: 8 }),
        cores: fc.integer({ min: 1, max: 8 }),
        repeat: fc.integer({ min: 1, max: 2 }),
      });
      await fc.assert(
        fc.asyncProperty(zero, async (r) => {
          const strategies: readonly StrategyName[] = r.kind === 'sleep' ? ALL : ['sequential', 'threads'];
          const config: RunConfig = {
            kind: r.kind,
            durationsS: r.durationsS,
            strategies,
            workers: r.workers,
            repeat: r.repeat,
          };
          const { state } = await simulateRun({
            config,
            cores: r.cores,
            options: { spawnMs: 0, dispatchMs: 0 },
            jitterMs: [],
          });
          expect(state.phase).toBe('done');
          expect(state.strategies).toHaveLength(strategies.length * r.repeat);
          for (const run of state.strategies) {
            const ideal = idealSchedule(run.name, config, r.cores).totalS;
            expect(run.status).toBe('done');
            const wallS = run.wallS ?? NaN;
            expect(Math.abs(wallS - ideal), `${run.name}: measured ${wallS} s vs ideal ${ideal} s`).toBeLessThanOrEqual(
              1e-9,
            );
            expect(Math.abs(run.ideal.totalS - ideal), `${run.name}: the ideal the store shows`).toBeLessThanOrEqual(
              1e-12,
            );
          }
        }),
        { numRuns: RUNS.ideal },
      );
    },
    SLOW,
  );

  it(
    `Stop at a random instant: phase stopped, every spawned Worker terminated, no bar left running (${RUNS.stop} runs)`,
    async () => {
      const stopCase = fc.record({
        s: scenario(strategySubset, { crashes: 'sometimes' }),
        fraction: fc.double({ min: 0, max: 0.999, noNaN: true }),
      });
      await fc.assert(
        fc.asyncProperty(stopCase, async ({ s, fraction }) => {
          // The same deterministic run without Stop tells how long it lasts; stop strictly before its end.
          const full = await simulateRun(s);
          const stopAtMs = fraction * full.endMs;
          const { state, executor, events } = await simulateRun({ ...s, stopAtMs });
          expect(state.phase).toBe('stopped');
          expect(executor.inner.terminated, 'every spawned Worker terminated').toBe(executor.inner.spawned);
          for (const run of state.strategies) {
            expect(run.status, `${run.name} status`).not.toBe('running');
            expect(run.wallS, `${run.name} wall-clock kept`).not.toBeNull();
            for (const bar of run.bars) {
              expect(bar.status, `${run.name} task ${bar.task + 1}`).not.toBe('running');
              expect(bar.endS, `${run.name} task ${bar.task + 1} end`).not.toBeNull();
            }
          }
          // Exactly one strategy run is marked stopped: the one running at that instant; none starts after it.
          expect(state.strategies.filter((r) => r.status === 'stopped')).toHaveLength(1);
          expect(state.strategies.at(-1)?.status).toBe('stopped');
          expect(state.console.at(-1)?.text).toMatch(/^\[\w+\] Stopped after \d+\.\d\d seconds$/);
          // It stopped at once: nothing happens after the Stop instant but that strategy's end.
          expect(events.filter((e) => e.tMs > stopAtMs && e.type !== 'strategy-end')).toEqual([]);
          expect(events.at(-1)?.tMs).toBe(stopAtMs);
        }),
        { numRuns: RUNS.stop },
      );
    },
    SLOW,
  );
});
