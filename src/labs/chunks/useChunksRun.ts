import { useCallback, useEffect, useRef, useState } from 'react';
import type { GanttBar } from '../shared/ganttLayout';
import {
  autoChunksize,
  runPlan,
  strategyLabel,
  sweepChunksizes,
  type StrategyResult,
  type StrategySpec,
} from './model';
import { ChunksRunner, liveGapUs, newLiveRun, StoppedError, type LiveRun } from './runner';

export interface Settings {
  readonly tasks: number;
  readonly taskMs: number;
  readonly workers: number;
  readonly chunksize: number;
}

/** How often a running strategy's bars and numbers reach the page, ms. */
const PUBLISH_EVERY_MS = 250;

/** One strategy as drawn: its bars so far and, once it has started, what it measured. */
export interface RunView {
  readonly key: string;
  readonly label: string;
  readonly workers: number;
  readonly bars: readonly GanttBar[];
  readonly running: boolean;
  /** Wall-clock so far (live) or measured, ms; null before it starts. */
  readonly elapsedMs: number | null;
  readonly result: StrategyResult | null;
}

export interface SweepPoint {
  readonly chunksize: number;
  readonly auto: boolean;
  readonly result: StrategyResult;
}

export interface SweepView {
  readonly chunksizes: readonly number[];
  readonly sequential: StrategyResult | null;
  readonly points: readonly SweepPoint[];
  readonly settings: Settings;
}

export type Status =
  | { readonly kind: 'preparing' }
  | { readonly kind: 'idle'; readonly stepsPerMs: number }
  | { readonly kind: 'running'; readonly what: string }
  | { readonly kind: 'done'; readonly what: string }
  | { readonly kind: 'stopped'; readonly what: string }
  | { readonly kind: 'failed'; readonly message: string };

export function resultOf(run: LiveRun): StrategyResult {
  return {
    spec: run.spec,
    workers: run.workers,
    plannedTasks: run.plannedTasks,
    tasksDone: run.tasksDone,
    wallMs: run.t0 === null ? 0 : (run.t1 ?? performance.timeOrigin + performance.now()) - run.t0,
    computeMs: run.computeMs,
    messages: run.messages,
    messageGapUs: liveGapUs(run),
    stopped: run.stopped,
  };
}

function viewOf(run: LiveRun, previous: RunView | undefined): RunView {
  const running = run.t0 !== null && run.t1 === null;
  const done = run.t1 !== null;
  // Only a strategy that got new bars gets a new array (the Gantt then draws just those).
  const bars = previous && previous.bars.length === run.bars.length ? previous.bars : run.bars.slice();
  return {
    key: run.spec.key,
    label: strategyLabel(run.spec),
    workers: run.workers,
    bars,
    running,
    elapsedMs: run.t0 === null ? null : (run.t1 ?? performance.timeOrigin + performance.now()) - run.t0,
    // A finished strategy's numbers do not change: computed once.
    result: done ? (previous?.result ?? resultOf(run)) : null,
  };
}

/** The lab's runs: Run (four strategies), Sweep chunksize, Stop; state published once per frame. */
export function useChunksRun() {
  const runnerRef = useRef<ChunksRunner | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'preparing' });
  const [views, setViews] = useState<readonly RunView[]>([]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sweep, setSweep] = useState<SweepView | null>(null);
  const liveRef = useRef<LiveRun[]>([]);
  const frameRef = useRef<number | null>(null);
  const busyRef = useRef(false);

  const getRunner = () => (runnerRef.current ??= new ChunksRunner());

  useEffect(() => {
    const runner = getRunner();
    let alive = true;
    runner
      .prepare()
      .then((stepsPerMs) => alive && setStatus({ kind: 'idle', stepsPerMs }))
      .catch((e: unknown) => alive && setStatus({ kind: 'failed', message: messageOf(e) }));
    return () => {
      alive = false;
      runner.dispose();
      runnerRef.current = null;
      if (frameRef.current !== null) clearTimeout(frameRef.current);
    };
  }, []);

  const publish = useCallback(() => {
    frameRef.current = null;
    setViews((old) => liveRef.current.map((run, i) => viewOf(run, old[i]?.key === run.spec.key ? old[i] : undefined)));
  }, []);
  // While a strategy is timed, the page is also its dispatcher: it draws at most 4 times a second,
  // so drawing takes little from handing out chunks (a frame per result would triple chunksize 1's time).
  const lastRef = useRef(0);
  const schedule = useCallback(() => {
    if (frameRef.current !== null) return;
    const wait = Math.max(0, lastRef.current + PUBLISH_EVERY_MS - performance.now());
    frameRef.current = window.setTimeout(() => {
      lastRef.current = performance.now();
      publish();
    }, wait);
  }, [publish]);

  /** Runs one strategy, publishing as its results arrive. */
  const runOne = async (runner: ChunksRunner, run: LiveRun, taskMs: number) => {
    const ticker = setInterval(schedule, PUBLISH_EVERY_MS);
    try {
      await runner.run(run, taskMs, schedule);
    } finally {
      clearInterval(ticker);
      schedule();
    }
  };

  const guarded = async (work: (runner: ChunksRunner) => Promise<string>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    const runner = getRunner();
    try {
      const what = await work(runner);
      setStatus({ kind: 'done', what });
    } catch (e) {
      if (e instanceof StoppedError)
        setStatus({ kind: 'stopped', what: 'Stopped: every Worker terminated; what was measured is kept.' });
      else setStatus({ kind: 'failed', message: messageOf(e) });
    } finally {
      runner.closePool();
      busyRef.current = false;
      schedule();
    }
  };

  const run = (s: Settings) =>
    guarded(async (runner) => {
      setSettings(s);
      const plan = runPlan(s.tasks, s.workers, s.chunksize);
      liveRef.current = plan.map((spec) => newLiveRun(spec, spec.chunksize === null ? 1 : s.workers, s.tasks));
      setViews([]);
      schedule();
      setStatus({ kind: 'running', what: 'Starting the loop’s Worker…' });
      await runner.prepare();
      for (const live of liveRef.current) {
        if (live.spec.chunksize !== null && live.spec.key === 'pool-1') {
          setStatus({ kind: 'running', what: `Starting ${s.workers} pool Workers (before the timed block)…` });
          await runner.startPool(s.workers);
        }
        setStatus({ kind: 'running', what: `Running ${strategyLabel(live.spec)}…` });
        await runOne(runner, live, s.taskMs);
      }
      return `Done: ${s.tasks.toLocaleString('en-US')} tasks, four ways.`;
    });

  const runSweep = (s: Settings) =>
    guarded(async (runner) => {
      const list = sweepChunksizes(s.tasks, s.workers);
      const auto = autoChunksize(s.tasks, s.workers);
      let view: SweepView = { chunksizes: list, sequential: null, points: [], settings: s };
      setSweep(view);
      setStatus({ kind: 'running', what: 'Sweep: the loop (reference)…' });
      await runner.prepare();
      const seq = newLiveRun({ key: 'sequential', chunksize: null, auto: false }, 1, s.tasks);
      try {
        await runner.run(seq, s.taskMs, () => undefined);
      } finally {
        view = { ...view, sequential: resultOf(seq) };
        setSweep(view);
      }
      setStatus({ kind: 'running', what: `Sweep: starting ${s.workers} pool Workers (before the timed blocks)…` });
      await runner.startPool(s.workers);
      for (const [i, chunksize] of list.entries()) {
        setStatus({ kind: 'running', what: `Sweep: chunksize ${chunksize} (${i + 1} of ${list.length})…` });
        const spec: StrategySpec = { key: 'pool-chosen', chunksize, auto: chunksize === auto };
        const live = newLiveRun(spec, s.workers, s.tasks);
        try {
          await runner.run(live, s.taskMs, () => undefined);
        } finally {
          view = { ...view, points: [...view.points, { chunksize, auto: spec.auto, result: resultOf(live) }] };
          setSweep(view);
        }
      }
      return `Sweep done: ${list.length} chunksizes.`;
    });

  const stop = () => {
    getRunner().stop();
  };

  return { status, views, settings, sweep, run, runSweep, stop };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
