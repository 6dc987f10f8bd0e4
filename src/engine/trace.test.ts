import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunState } from './reducer';
import { toRunFile, type RunFile, type RunSource } from './runFile';
import { allFour } from './testing/scenarios';
import { simulateRun } from './testing/runScenarios';
import { setup, sleep } from './testing/strategyRun';
import { packTracks, toTrace, type TraceEvent, type TraceFile } from './trace';

const SOURCE: RunSource = { kind: 'browser', label: 'Chromium 156', createdAt: '2026-11-27T10:42:00.000Z' };

type X = Extract<TraceEvent, { ph: 'X' }>;
type M = Extract<TraceEvent, { ph: 'M' }>;
const xs = (trace: TraceFile): X[] => trace.traceEvents.filter((e): e is X => e.ph === 'X');
const ms = (trace: TraceFile): M[] => trace.traceEvents.filter((e): e is M => e.ph === 'M');
const nameOf = (args: M['args']): string | undefined => ('name' in args ? args.name : undefined);

/** The name a metadata event gives a process (tid ignored) or a thread. */
function metaName(trace: TraceFile, kind: 'process_name' | 'thread_name', pid: number, tid = 0): string | undefined {
  const found = ms(trace).find((e) => e.name === kind && e.pid === pid && (kind === 'process_name' || e.tid === tid));
  return found && nameOf(found.args);
}

/** No two complete events on one thread overlap, unless one holds the other (1 ns of float slack). */
function expectNoOverlaps(trace: TraceFile): void {
  const byThread = new Map<string, X[]>();
  for (const e of xs(trace)) {
    const key = `${e.pid}:${e.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  for (const [key, list] of byThread) {
    const sorted = [...list].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    for (const [i, a] of sorted.entries()) {
      for (const b of sorted.slice(i + 1)) {
        if (b.ts >= a.ts + a.dur - 1e-3) break;
        const nested = b.ts + b.dur <= a.ts + a.dur + 1e-3;
        expect(nested, `${key}: ${a.name} [${a.ts}, +${a.dur}] and ${b.name} [${b.ts}, +${b.dur}] overlap`).toBe(true);
      }
    }
  }
}

/**
 * Every bar the page draws (the run state's, all repetitions) is one task event of the trace, in the
 * process of its strategy run, within 1 µs; and there are no others.
 */
function expectBarsAreEvents(state: RunState, trace: TraceFile): void {
  const runStart = state.strategies[0]?.t0Ms ?? 0;
  const tasks = xs(trace).filter((e) => e.name.startsWith('Task '));
  expect(tasks.length, 'one task event per bar').toBe(state.strategies.reduce((n, r) => n + r.bars.length, 0));
  state.strategies.forEach((run, i) => {
    const pid = i + 1;
    for (const bar of run.bars) {
      const event = tasks.find((e) => e.pid === pid && e.name === `Task ${bar.task + 1}`);
      expect(event, `${run.name} run ${i}: Task ${bar.task + 1}`).toBeDefined();
      if (!event) continue;
      const startUs = (run.t0Ms - runStart + bar.startS * 1000) * 1000;
      const endUs = (run.t0Ms - runStart + (bar.endS ?? run.wallS ?? 0) * 1000) * 1000;
      expect(Math.abs(event.ts - startUs), `start of ${event.name}`).toBeLessThan(1);
      expect(Math.abs(event.ts + event.dur - endUs), `end of ${event.name}`).toBeLessThan(1);
      expect(event.args.status).toBe(bar.status);
      expect(event.cat).toBe(state.config.kind);
      expect(event.args.durationS).toBe(state.config.durationsS[bar.task]);
      if (run.name !== 'threads') expect(event.tid, 'a Worker’s tasks are on its thread').toBe(bar.worker);
      if (bar.status === 'error') expect(event.args.message).toBe(bar.message);
    }
  });
}

/** Metadata: at ts 0, a name for every process and every thread that has events. */
function expectMetadata(trace: TraceFile): void {
  for (const e of ms(trace)) expect(e.ts).toBe(0);
  for (const e of xs(trace)) {
    expect(metaName(trace, 'process_name', e.pid), `process ${e.pid} named`).toBeTruthy();
    expect(metaName(trace, 'thread_name', e.pid, e.tid), `thread ${e.pid}:${e.tid} named`).toBeTruthy();
    expect(e.dur).toBeGreaterThanOrEqual(0);
  }
  const sortIndexes = ms(trace).filter((e) => e.name === 'process_sort_index');
  expect(sortIndexes.map((e) => e.pid)).toEqual([...new Set(xs(trace).map((e) => e.pid))]);
}

describe('Trace (JSON) for Perfetto', () => {
  it('for any run (stops, failures, crashes, repeats): a task event per bar at its times, no overlaps on a track', async () => {
    await fc.assert(
      fc.asyncProperty(allFour, async (s) => {
        const { state } = await simulateRun(s);
        const trace = toTrace(toRunFile(state, SOURCE));
        expectBarsAreEvents(state, trace);
        expectNoOverlaps(trace);
        expectMetadata(trace);
        // Threads: every task on a track of its own slot, never the overflow Perfetto would make.
        state.strategies.forEach((run, i) => {
          if (run.name !== 'threads') return;
          for (const e of xs(trace).filter((x) => x.pid === i + 1 && x.tid !== 0)) {
            expect(metaName(trace, 'thread_name', e.pid, e.tid)).toBe(`event loop (task slot ${e.tid})`);
          }
        });
        // The timed block of each strategy run spans its wall-clock.
        state.strategies.forEach((run, i) => {
          const block = xs(trace).find((e) => e.pid === i + 1 && e.tid === 0);
          if (run.wallS !== null) expect(Math.abs((block?.dur ?? 0) - run.wallS * 1e6)).toBeLessThan(1);
        });
      }),
      { numRuns: 120 },
    );
  });

  it('a pool run: its process, one thread per Worker, start-up from new Worker to ready', async () => {
    const run = setup(sleep([3, 2, 1], ['pool'], 3), { spawnMs: 40 });
    await run.run();
    const file = toRunFile(run.store.getState(), SOURCE);
    const trace = toTrace(file);
    expect(trace.displayTimeUnit).toBe('ms');
    expect(metaName(trace, 'process_name', 1)).toBe('Pool (3 workers)');
    expect([1, 2, 3].map((w) => metaName(trace, 'thread_name', 1, w))).toEqual(['worker 1', 'worker 2', 'worker 3']);
    const startups = xs(trace).filter((e) => e.name === 'Worker start-up');
    expect(startups.map((e) => e.tid).sort()).toEqual([1, 2, 3]);
    for (const e of startups) {
      const spawn = file.events.find((x) => x.type === 'worker-spawn' && x.worker === e.tid);
      const start = file.events.find((x) => x.type === 'task-start' && x.worker === e.tid);
      const readyMs = start?.type === 'task-start' ? start.readyMs : undefined;
      expect(readyMs).toBeDefined();
      expect(e.ts).toBeCloseTo((spawn?.tMs ?? NaN) * 1000, 3);
      expect(e.ts + e.dur).toBeCloseTo((readyMs ?? NaN) * 1000, 3);
      expect(e.dur).toBeGreaterThanOrEqual(40_000 - 1);
    }
    const task3 = xs(trace).find((e) => e.name === 'Task 3');
    expect(task3?.dur).toBeCloseTo(1e6, -1);
    expect(task3?.args).toMatchObject({ task: 3, durationS: 1, status: 'done' });
  });

  it('threads: overlapping tasks get a track each; repeats and compared runs get named processes', async () => {
    const run = setup({ ...sleep([1, 1, 1], ['sequential', 'threads'], 2), repeat: 2 });
    await run.run();
    const file = toRunFile(run.store.getState(), SOURCE);
    const cpython: RunFile = { ...file, source: { ...file.source, kind: 'cpython', label: 'CPython 3.11' } };
    const trace = toTrace(file, [{ label: 'CPython 3.11', file: cpython }]);
    const names = [1, 2, 3, 4, 5, 6, 7, 8].map((pid) => metaName(trace, 'process_name', pid));
    expect(names).toEqual([
      'Sequential (one warm Worker), run 1 of 2',
      'Sequential (one warm Worker), run 2 of 2',
      'Threads (one event loop), run 1 of 2',
      'Threads (one event loop), run 2 of 2',
      'CPython 3.11 sequential (one warm Worker), run 1 of 2',
      'CPython 3.11 sequential (one warm Worker), run 2 of 2',
      'CPython 3.11 threads (one event loop), run 1 of 2',
      'CPython 3.11 threads (one event loop), run 2 of 2',
    ]);
    const threadTasks = xs(trace).filter((e) => e.pid === 3 && e.name.startsWith('Task '));
    expect(threadTasks.map((e) => e.tid).sort()).toEqual([1, 2, 3]);
    expect([1, 2, 3].map((t) => metaName(trace, 'thread_name', 3, t))).toEqual([
      'event loop (task slot 1)',
      'event loop (task slot 2)',
      'event loop (task slot 3)',
    ]);
    expectNoOverlaps(trace);
    expect(trace.otherData).toMatchObject({ source: 'Chromium 156', compared: 'CPython 3.11' });
  });

  it('a stopped task ends at its strategy’s end', async () => {
    const run = setup(sleep([3, 1], ['pool'], 2));
    run.time.at(1500, () => run.controller.abort());
    await run.run();
    const state = run.store.getState();
    expect(state.phase).toBe('stopped');
    const trace = toTrace(toRunFile(state, SOURCE));
    const task1 = xs(trace).find((e) => e.name === 'Task 1');
    const block = xs(trace).find((e) => e.tid === 0);
    expect(task1?.args.status).toBe('stopped');
    expect((task1?.ts ?? 0) + (task1?.dur ?? 0)).toBeCloseTo((block?.ts ?? 0) + (block?.dur ?? 0), 3);
    expect(block?.args.status).toBe('stopped');
  });

  it('packs spans into the fewest tracks, touching spans sharing one', () => {
    expect(
      packTracks([
        { startMs: 0, endMs: 10 },
        { startMs: 0, endMs: 5 },
        { startMs: 5, endMs: 8 },
        { startMs: 10, endMs: 12 },
        { startMs: 1, endMs: 20 },
      ]),
    ).toEqual([0, 1, 1, 0, 2]);
  });
});
