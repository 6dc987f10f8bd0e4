// Property tests (fast-check) of the pool strategy on virtual time: its worker limit, BrokenProcessPool,
// and the two orders results come back in. (Other run invariants: runInvariants.properties.test.ts.)

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { simulateRun, segments, taskEvents, startedTaskEvents, failingOf } from './testing/runScenarios';
import { poolOnly, RUNS, SLOW } from './testing/scenarios';

describe('the pool on virtual time (random durations, pool sizes, latencies, failures)', () => {
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
});
