import { idealSchedule, type IdealSchedule } from './ideal';
import { printed, type ConsoleLine, type Print } from './consoleLines';
import {
  copyEndMeasures,
  type RunConfig,
  type RunEvent,
  type StrategyName,
  type StrategyStatus,
  type TaskData,
} from './types';

export type { ConsoleKind, ConsoleLine } from './consoleLines';

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
  /**
   * The result's trip back to the page, ms (see `TaskTiming.returnMs`); the trip there is
   * `startS − submittedS`.
   */
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

function lastIndex(state: RunState, name: StrategyName): number {
  return state.strategies.findLastIndex((run) => run.name === name);
}

/** The latest run of `name` (the one in progress, if any). */
export function latestRun(state: RunState, name: StrategyName): StrategyRun | undefined {
  return state.strategies[lastIndex(state, name)];
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
      const says = `Run ${rep + 1} of ${repeat}`;
      return {
        ...state,
        strategies: [...state.strategies, run],
        console:
          repeat > 1
            ? printed(state.console, { strategy: event.strategy, kind: 'run-of', tMs: event.tMs, says })
            : state.console,
      };
    }
    case 'task-result': {
      const run = latestRun(state, event.strategy);
      if (!run) return state;
      const atS = (event.tMs - run.t0Ms) / 1000;
      const { strategy, task, tMs } = event;
      return {
        ...state,
        strategies: updateStrategy(state, strategy, (r) => ({ ...r, results: [...r.results, { task, atS }] })),
        console: printed(state.console, {
          strategy,
          kind: 'result',
          task,
          tMs,
          says: `Result of task ${task + 1} received`,
        }),
      };
    }
    case 'worker-spawn': {
      const run = latestRun(state, event.strategy);
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
      const run = latestRun(state, event.strategy);
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
      const { strategy, task, tMs } = event;
      return {
        ...state,
        strategies: updateStrategy(state, strategy, (r) => ({
          ...r,
          bars: [...r.bars, bar],
          lanes: Math.max(r.lanes, event.worker),
        })),
        console: printed(state.console, { strategy, kind: 'started', task, tMs, says: `Task ${task + 1} started` }),
      };
    }
    case 'task-end':
    case 'task-error': {
      const run = latestRun(state, event.strategy);
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
        const ended: Bar = failed
          ? { ...bar, endS, status: 'error', message: event.message ?? 'Error' }
          : { ...bar, endS, status: 'done' };
        copyEndMeasures(event, ended);
        return bars.with(i, ended);
      };
      const { strategy, task, tMs } = event;
      const print: Print = failed
        ? { strategy, kind: 'raised', task, tMs, says: `Task ${task + 1} raised ${event.message ?? 'Error'}` }
        : { strategy, kind: 'completed', task, tMs, says: `Task ${task + 1} completed` };
      return {
        ...state,
        strategies: updateStrategy(state, strategy, (r) => ({ ...r, bars: finish(r.bars) })),
        console: printed(state.console, print),
      };
    }
    case 'strategy-end': {
      const run = latestRun(state, event.strategy);
      if (!run) return state;
      const wallS = (event.tMs - run.t0Ms) / 1000;
      const stopped = event.status === 'stopped';
      const { strategy, tMs } = event;
      const print: Print = stopped
        ? { strategy, kind: 'stopped', tMs, says: `Stopped after ${secondsText(wallS)} seconds` }
        : { strategy, kind: 'time', tMs, says: `Execution Time: ${secondsText(wallS)} seconds` };
      return {
        ...state,
        strategies: updateStrategy(state, strategy, (r) => ({
          ...r,
          status: event.status,
          wallS,
          bars: r.bars.map((bar) => (bar.endS === null ? { ...bar, endS: wallS, status: 'stopped' } : bar)),
        })),
        console: printed(state.console, print),
      };
    }
  }
}
