import { idealSchedule, type IdealSchedule } from './ideal';
import {
  STRATEGY_LABELS,
  type ResultOrder,
  type RunConfig,
  type RunEvent,
  type StrategyName,
  type StrategyStatus,
  type TaskData,
} from './types';

export type BarStatus = 'running' | 'done' | 'error' | 'stopped';

/** One task's bar in a timeline; times in seconds since its strategy started. */
export interface Bar {
  /** 0-based task index. */
  readonly task: number;
  readonly worker: number;
  readonly startS: number;
  /** `null` while the task runs. */
  readonly endS: number | null;
  readonly status: BarStatus;
  readonly message?: string;
  /** When the page handed the task over (seconds since the strategy started). */
  readonly submittedS?: number;
  /** When its Worker had finished starting (seconds since the strategy started; negative = before). */
  readonly readyS?: number;
  /** cpu tasks: ms spent computing, measured in the Worker (see `TaskTiming.cpuMs`). */
  readonly cpuMs?: number;
  /** What the task gave back, if anything (see `TaskTiming.result`). */
  readonly result?: TaskData;
  /** The task channel's measured cost each way, ms (see `TaskTiming.sendMs`). */
  readonly sendMs?: number;
  readonly returnMs?: number;
}

export interface StrategyRun {
  readonly name: StrategyName;
  /** Which repetition this is (0-based), when a strategy runs several times. */
  readonly rep: number;
  /** When the program received each result, in that order (only for `executor.map` order). */
  readonly results: readonly { readonly task: number; readonly atS: number }[];
  /** Clock ms when the strategy's timing began. */
  readonly t0Ms: number;
  readonly status: 'running' | StrategyStatus;
  readonly bars: readonly Bar[];
  /** Worker creations (seconds since start), for strategies that spawn Workers. */
  readonly spawns: readonly { readonly worker: number; readonly atS: number }[];
  /** Number of lanes to draw. */
  readonly lanes: number;
  /** Measured wall-clock seconds, once ended. */
  readonly wallS: number | null;
  readonly ideal: IdealSchedule;
}

export interface ConsoleLine {
  readonly id: number;
  readonly text: string;
}

export type RunPhase = 'running' | 'done' | 'stopped';

export interface RunState {
  readonly config: RunConfig;
  readonly cores: number;
  readonly phase: RunPhase;
  /** Every strategy run, in the order started (several per strategy when repeated). */
  readonly strategies: readonly StrategyRun[];
  readonly console: readonly ConsoleLine[];
}

/** Events the store understands: everything a strategy emits, plus the end of the whole run. */
export type StoreEvent = RunEvent | { readonly type: 'run-end'; readonly stopped: boolean };

export function initialRunState(config: RunConfig, cores: number): RunState {
  return { config, cores, phase: 'running', strategies: [], console: [] };
}

function secondsText(s: number): string {
  return s.toFixed(2);
}

function log(state: RunState, strategy: StrategyName, text: string): readonly ConsoleLine[] {
  return [...state.console, { id: state.console.length, text: `[${strategy}] ${text}` }];
}

function lastIndex(state: RunState, name: StrategyName): number {
  return state.strategies.findLastIndex((run) => run.name === name);
}

/** Updates the latest run of `name`: events always concern the repetition in progress. */
function updateStrategy(
  state: RunState,
  name: StrategyName,
  update: (run: StrategyRun) => StrategyRun,
): readonly StrategyRun[] {
  const i = lastIndex(state, name);
  return state.strategies.map((run, j) => (j === i ? update(run) : run));
}

function find(state: RunState, name: StrategyName): StrategyRun | undefined {
  return state.strategies[lastIndex(state, name)];
}

/** Finished runs of one strategy. */
export function finishedRuns(state: RunState, name: StrategyName): StrategyRun[] {
  return state.strategies.filter((run) => run.name === name && run.wallS !== null);
}

/** The median of finished runs by wall-clock (the lower middle for an even count). */
export function medianRun(runs: readonly StrategyRun[]): StrategyRun | undefined {
  const sorted = [...runs].sort((a, b) => (a.wallS ?? 0) - (b.wallS ?? 0));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The run a timeline shows: the one in progress, else the median of the finished ones. */
export function shownRun(state: RunState, name: StrategyName): StrategyRun | undefined {
  const last = find(state, name);
  if (!last || last.status === 'running') return last;
  return medianRun(finishedRuns(state, name)) ?? last;
}

/** Folds one event into the run state (pure). */
export function reduce(state: RunState, event: StoreEvent): RunState {
  switch (event.type) {
    case 'run-end':
      return { ...state, phase: event.stopped ? 'stopped' : 'done' };
    case 'strategy-start': {
      const ideal = idealSchedule(event.strategy, state.config, state.cores);
      const rep = state.strategies.filter((r) => r.name === event.strategy).length;
      const repeat = state.config.repeat ?? 1;
      const run: StrategyRun = {
        name: event.strategy,
        rep,
        results: [],
        t0Ms: event.tMs,
        status: 'running',
        bars: [],
        spawns: [],
        lanes: ideal.lanes,
        wallS: null,
        ideal,
      };
      return {
        ...state,
        strategies: [...state.strategies, run],
        console: repeat > 1 ? log(state, event.strategy, `Run ${rep + 1} of ${repeat}`) : state.console,
      };
    }
    case 'task-result': {
      const run = find(state, event.strategy);
      if (!run) return state;
      const atS = (event.tMs - run.t0Ms) / 1000;
      return {
        ...state,
        strategies: updateStrategy(state, event.strategy, (r) => ({
          ...r,
          results: [...r.results, { task: event.task, atS }],
        })),
        console: log(state, event.strategy, `Result of task ${event.task + 1} received`),
      };
    }
    case 'worker-spawn': {
      const run = find(state, event.strategy);
      if (!run) return state;
      const atS = (event.tMs - run.t0Ms) / 1000;
      return {
        ...state,
        strategies: updateStrategy(state, event.strategy, (r) => ({
          ...r,
          spawns: [...r.spawns, { worker: event.worker, atS }],
          lanes: Math.max(r.lanes, event.worker),
        })),
      };
    }
    case 'task-start': {
      const run = find(state, event.strategy);
      if (!run) return state;
      const rel = (ms: number): number => (ms - run.t0Ms) / 1000;
      const bar: Bar = {
        task: event.task,
        worker: event.worker,
        startS: rel(event.tMs),
        endS: null,
        status: 'running',
        ...(event.submittedMs === undefined ? {} : { submittedS: rel(event.submittedMs) }),
        ...(event.readyMs === undefined ? {} : { readyS: rel(event.readyMs) }),
      };
      return {
        ...state,
        strategies: updateStrategy(state, event.strategy, (r) => ({
          ...r,
          bars: [...r.bars, bar],
          lanes: Math.max(r.lanes, event.worker),
        })),
        console: log(state, event.strategy, `Task ${event.task + 1} started`),
      };
    }
    case 'task-end':
    case 'task-error': {
      const run = find(state, event.strategy);
      if (!run) return state;
      const endS = (event.tMs - run.t0Ms) / 1000;
      const failed = event.type === 'task-error';
      const finish = (bars: readonly Bar[]): readonly Bar[] => {
        // The bar that ends is almost always one of the last ones: search from the end and copy
        // the array natively (`with`), instead of a map that called a function per bar and
        // allocated on every event (bench suite "dispatch", "our pool + RunStore").
        const i = bars.findLastIndex((bar) => bar.task === event.task && bar.endS === null);
        const bar = bars[i];
        if (!bar) return bars;
        return bars.with(i, {
          ...bar,
          endS,
          status: failed ? 'error' : 'done',
          ...(failed ? { message: event.message ?? 'Error' } : {}),
          ...(event.cpuMs === undefined ? {} : { cpuMs: event.cpuMs }),
          ...(event.result === undefined ? {} : { result: event.result }),
          ...(event.sendMs === undefined ? {} : { sendMs: event.sendMs }),
          ...(event.returnMs === undefined ? {} : { returnMs: event.returnMs }),
        });
      };
      const text = failed
        ? `Task ${event.task + 1} raised ${event.message ?? 'Error'}`
        : `Task ${event.task + 1} completed`;
      return {
        ...state,
        strategies: updateStrategy(state, event.strategy, (r) => ({ ...r, bars: finish(r.bars) })),
        console: log(state, event.strategy, text),
      };
    }
    case 'strategy-end': {
      const run = find(state, event.strategy);
      if (!run) return state;
      const wallS = (event.tMs - run.t0Ms) / 1000;
      const stopped = event.status === 'stopped';
      const text = stopped
        ? `Stopped after ${secondsText(wallS)} seconds`
        : `Execution Time: ${secondsText(wallS)} seconds`;
      return {
        ...state,
        strategies: updateStrategy(state, event.strategy, (r) => ({
          ...r,
          status: event.status,
          wallS,
          bars: r.bars.map((bar) => (bar.endS === null ? { ...bar, endS: wallS, status: 'stopped' } : bar)),
        })),
        console: log(state, event.strategy, text),
      };
    }
  }
}

/** One row of the Results table, derived from a finished strategy. */
export interface ResultRow {
  readonly name: StrategyName;
  /** First cell: `Pool`, or `Pool (stopped)` / `Pool (failed)`. */
  readonly label: string;
  readonly status: StrategyStatus;
  readonly wallS: number;
  readonly idealS: number;
  /** Measured minus ideal, in ms. */
  readonly overheadMs: number;
  /** Sequential sum of task durations divided by the measured wall-clock. */
  readonly speedup: number;
  /** Over repeated runs: how many finished, and the fastest and slowest wall-clock. */
  readonly runs: number;
  readonly minS: number;
  readonly maxS: number;
  /** The run whose numbers these are (the median one). */
  readonly run: StrategyRun;
}

export function resultRows(state: RunState): ResultRow[] {
  const sumS = state.config.durationsS.reduce((a, b) => a + b, 0);
  const rows: ResultRow[] = [];
  const names = [...new Set(state.strategies.map((r) => r.name))];
  for (const name of names) {
    const runs = finishedRuns(state, name);
    const run = medianRun(runs);
    if (!run || run.wallS === null) continue;
    // The worst thing that happened to any repetition is what the row says.
    const statuses = runs.map((r) => r.status);
    const status: StrategyStatus = statuses.includes('stopped')
      ? 'stopped'
      : statuses.includes('failed')
        ? 'failed'
        : 'done';
    const suffix = status === 'done' ? '' : ` (${status})`;
    const walls = runs.map((r) => r.wallS ?? 0);
    rows.push({
      name,
      label: `${STRATEGY_LABELS[name]}${suffix}`,
      status,
      wallS: run.wallS,
      idealS: run.ideal.totalS,
      overheadMs: (run.wallS - run.ideal.totalS) * 1000,
      speedup: run.wallS > 0 ? sumS / run.wallS : 0,
      runs: runs.length,
      minS: Math.min(...walls),
      maxS: Math.max(...walls),
      run,
    });
  }
  return rows;
}

export type Listener = () => void;

/** A tiny framework-free store (zustand-style): state, dispatch, subscribe. */
export interface RunStore {
  getState(): RunState;
  dispatch(event: StoreEvent): void;
  subscribe(listener: Listener): () => void;
}

export function createRunStore(initial: RunState): RunStore {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    getState: () => state,
    dispatch(event) {
      state = reduce(state, event);
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * When the program got each result: with `as_completed` as each task ends (errors included), with
 * `executor.map` in submission order, each waiting for the ones before it.
 */
export function arrivals(run: StrategyRun, order: ResultOrder): { readonly task: number; readonly atS: number }[] {
  if (order === 'submitted') return [...run.results];
  return run.bars
    .filter((b) => b.endS !== null && b.status !== 'stopped')
    .map((b) => ({ task: b.task, atS: b.endS ?? 0 }))
    .sort((a, b) => a.atS - b.atS);
}
