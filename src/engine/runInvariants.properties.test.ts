// Property tests (fast-check) of the engine on virtual time: whatever the durations, pool size,
// latencies, failures or the instant of Stop, the invariants a teacher relies on hold.
// (parseConfig's properties: parseConfig.properties.test.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idealSchedule } from './ideal';
import type { RunConfig, StrategyName } from './types';
import { simulateRun, segments, taskEvents, startedTaskEvents, failingOf } from './testing/runScenarios';
import { durations, kind, strategySubset, scenario, ALL, allFour, RUNS, SLOW } from './testing/scenarios';

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
