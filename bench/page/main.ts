// The bench page (bench/page/index.html, built by bench/vite.config.ts, never part of the app's
// build): measurements that need a page without the React UI. It exposes `window.__bench`
// (bench/page/api.ts) for `bench/run.mjs`, which drives it with Playwright. It imports the app's
// engine and Worker executor unchanged, to measure them.
import { wrap } from 'comlink';
import { parseConfig } from '../../src/engine/config';
import { runStrategy } from '../../src/engine/strategies';
import { createRunStore, initialRunState } from '../../src/engine/store';
import type {
  Executor,
  RunConfig,
  RunEvent,
  SendMode,
  SpawnedRunner,
  StrategyStatus,
  TaskRunner,
  TaskSpec,
} from '../../src/engine/types';
import { browserClock } from '../../src/workers/clock';
import { WorkerExecutor } from '../../src/workers/executor';
import { encodeRun, type ReportMessage } from '../../src/workers/protocol';
import type { TaskWorkerApi } from '../../src/workers/task.worker';
import workerpoolScript from 'workerpool/dist/workerpool.min.js?url';
import type {
  BenchApi,
  DispatchImpl,
  DispatchResult,
  EngineCpuResult,
  EngineCpuRun,
  EngineCpuStrategy,
  EngineLoadResult,
  PayloadResult,
  TaskRate,
  WorkerStartResult,
} from './api';
import workerpoolWorkerUrl from './workerpool.worker.ts?worker&url';

/** A CPU task on an uncalibrated executor computes 0 units: the full task path, no work. */
const NOOP_DURATION_S = 0.000001;

const cores = navigator.hardwareConcurrency || 1;

/**
 * A pool-only RunConfig built by the app's own validator (so it has every field the app's configs
 * have), then given `tasks` durations of `durationS` (the app allows at most 1,000 tasks; the
 * engine itself has no limit).
 */
function poolConfig(kind: 'sleep' | 'cpu', tasks: number, durationS: number, workers: number): RunConfig {
  const parsed = parseConfig({ kind, tasks: String(durationS), strategies: 'pool', workers: String(workers) }, cores);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  return { ...parsed.config, durationsS: Array.from({ length: tasks }, () => durationS) };
}

function taskWorker(): Worker {
  // The same script and options as WorkerExecutor's own Workers.
  return new Worker(new URL('../../src/workers/task.worker.ts', import.meta.url), { type: 'module', name: 'task' });
}

function echoWorker(): Worker {
  return new Worker(new URL('./echo.worker.ts', import.meta.url), { type: 'module', name: 'echo' });
}

const never = new AbortController().signal;

/** Starts `count` task Workers together and times `new Worker` → first comlink reply (`ping`). */
async function workerStart(count: number): Promise<WorkerStartResult> {
  const t0 = performance.now();
  const workers = Array.from({ length: count }, () => taskWorker());
  try {
    const eachMs = await Promise.all(
      workers.map((w) =>
        wrap<TaskWorkerApi>(w)
          .ping()
          .then(() => performance.now() - t0),
      ),
    );
    return { allMs: Math.max(...eachMs), firstMs: Math.min(...eachMs), eachMs };
  } finally {
    for (const w of workers) w.terminate();
  }
}

/**
 * Hands out Workers that were started (and answered one no-op task) before the timing began, so
 * the engine's `pool` strategy can be timed for dispatch alone, the way workerpool is timed with
 * its Workers already up.
 */
class PrestartedExecutor implements Executor {
  constructor(
    private readonly inner: WorkerExecutor,
    private readonly runners: SpawnedRunner[],
  ) {}

  warm(): TaskRunner {
    return this.inner.warm();
  }

  spawn(): SpawnedRunner {
    const runner = this.runners.shift();
    if (!runner) throw new Error('PrestartedExecutor: asked for more Workers than were started');
    // Terminated by the bench after the timing, not by the strategy.
    return { ...runner, terminate: () => undefined };
  }
}

function noopTask(index: number): TaskSpec {
  return { index, kind: 'cpu', durationS: NOOP_DURATION_S };
}

/** Our pool: the engine's `pool` strategy through WorkerExecutor and its task channel (protocol.ts), Workers pre-started. */
async function dispatchOurs(tasks: number, workers: number, withStore: boolean): Promise<DispatchResult> {
  const executor = new WorkerExecutor();
  try {
    const runners = Array.from({ length: workers }, () => executor.spawn());
    await Promise.all(runners.map((r, i) => r.run(noopTask(i), () => undefined, never)));
    const config = poolConfig('cpu', tasks, NOOP_DURATION_S, workers);
    let completed = 0;
    const store = withStore ? createRunStore(initialRunState(config, cores)) : null;
    const emit = (event: RunEvent): void => {
      if (event.type === 'task-end') completed += 1;
      store?.dispatch(event);
    };
    const t0 = performance.now();
    const status: StrategyStatus = await runStrategy('pool', {
      config,
      executor: new PrestartedExecutor(executor, runners),
      clock: browserClock,
      signal: never,
      emit,
    });
    const totalMs = performance.now() - t0;
    if (status !== 'done') throw new Error(`our pool ended ${status}`);
    return {
      impl: withStore ? 'ours+store' : 'ours',
      tasks,
      workers,
      totalMs,
      perTaskUs: (totalMs * 1000) / tasks,
      completed,
    };
  } finally {
    executor.dispose();
  }
}

/** The part of workerpool's browser API used here (its UMD build sets `globalThis.workerpool`). */
interface WorkerpoolPool {
  exec(method: string, params: unknown[]): Promise<unknown>;
  terminate(force?: boolean): Promise<unknown>;
}
interface WorkerpoolGlobal {
  pool(script: string, options: Record<string, unknown>): WorkerpoolPool;
}

let workerpoolLoaded: Promise<WorkerpoolGlobal> | null = null;

/** Loads workerpool's own browser build (dist/workerpool.min.js), as its README does with a script tag. */
function loadWorkerpool(): Promise<WorkerpoolGlobal> {
  workerpoolLoaded ??= import(/* @vite-ignore */ workerpoolScript).then(
    () => (globalThis as unknown as { workerpool: WorkerpoolGlobal }).workerpool,
  );
  return workerpoolLoaded;
}

/** workerpool with the same number of Web Workers, all started and warmed before the timing. */
async function dispatchWorkerpool(tasks: number, workers: number): Promise<DispatchResult> {
  const workerpool = await loadWorkerpool();
  const pool = workerpool.pool(workerpoolWorkerUrl, {
    maxWorkers: workers,
    minWorkers: workers,
    workerType: 'web',
    workerOpts: { type: 'module' },
  });
  try {
    await Promise.all(Array.from({ length: workers }, () => pool.exec('noop', [])));
    let completed = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: tasks }, () =>
        pool.exec('noop', []).then(() => {
          completed += 1;
        }),
      ),
    );
    const totalMs = performance.now() - t0;
    return { impl: 'workerpool', tasks, workers, totalMs, perTaskUs: (totalMs * 1000) / tasks, completed };
  } finally {
    await pool.terminate(true);
  }
}

/** Raw postMessage: a queue on the page, one message in flight per Worker (like both pools). */
async function dispatchRaw(tasks: number, workers: number): Promise<DispatchResult> {
  const ws = Array.from({ length: workers }, () => echoWorker());
  try {
    await Promise.all(
      ws.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.onmessage = () => resolve();
            w.postMessage(-1);
          }),
      ),
    );
    let next = 0;
    let completed = 0;
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      for (const w of ws) {
        w.onmessage = () => {
          completed += 1;
          if (next < tasks) w.postMessage(next++);
          else if (completed === tasks) resolve();
        };
      }
      for (const w of ws) if (next < tasks) w.postMessage(next++);
    });
    const totalMs = performance.now() - t0;
    return { impl: 'raw', tasks, workers, totalMs, perTaskUs: (totalMs * 1000) / tasks, completed };
  } finally {
    for (const w of ws) w.terminate();
  }
}

/**
 * For diagnosis: the same queue as `raw`, on the app's task Worker, without the executor and the
 * engine: each task one plain comlink call (`ping`), or (`channel`) one no-op task sent the way
 * WorkerExecutor sends it (protocol.ts: run →, ← ended with its start inside).
 */
async function dispatchDiagnosis(tasks: number, workers: number, impl: 'comlink' | 'channel'): Promise<DispatchResult> {
  const ws = Array.from({ length: workers }, () => taskWorker());
  try {
    const remotes = ws.map((w) => wrap<TaskWorkerApi>(w));
    await Promise.all(remotes.map((r) => r.ping()));
    const overChannel = (worker: Worker, callId: number): Promise<void> =>
      new Promise((resolve) => {
        worker.onmessage = (event: MessageEvent<unknown>) => {
          if (Array.isArray(event.data) && (event.data as unknown as ReportMessage)[0] !== 0) resolve();
        };
        worker.postMessage(encodeRun(callId, noopTask(callId), 0));
      });
    let next = 0;
    let completed = 0;
    const lane = async (i: number): Promise<void> => {
      while (next < tasks) {
        const index = next;
        next += 1;
        if (impl === 'channel') await overChannel(ws[i] as Worker, index);
        else await (remotes[i] as (typeof remotes)[number]).ping();
        completed += 1;
      }
    };
    const t0 = performance.now();
    await Promise.all(remotes.map((_, i) => lane(i)));
    const totalMs = performance.now() - t0;
    return { impl, tasks, workers, totalMs, perTaskUs: (totalMs * 1000) / tasks, completed };
  } finally {
    for (const w of ws) w.terminate();
  }
}

function dispatch(impl: DispatchImpl, tasks: number, workers: number): Promise<DispatchResult> {
  switch (impl) {
    case 'ours':
      return dispatchOurs(tasks, workers, false);
    case 'ours+store':
      return dispatchOurs(tasks, workers, true);
    case 'workerpool':
      return dispatchWorkerpool(tasks, workers);
    case 'raw':
      return dispatchRaw(tasks, workers);
    case 'comlink':
    case 'channel':
      return dispatchDiagnosis(tasks, workers, impl);
  }
}

/**
 * The app's engine and run store without React: `tasks` sleep tasks of `durationS` on the pool
 * strategy with real Workers, every event folded into a RunStore like the app does.
 */
async function engineLoad(tasks: number, workers: number, durationS: number): Promise<EngineLoadResult> {
  const executor = new WorkerExecutor();
  try {
    await executor.ensureWarm();
    const config = poolConfig('sleep', tasks, durationS, workers);
    const store = createRunStore(initialRunState(config, cores));
    const t0 = browserClock.now();
    const status = await runStrategy('pool', {
      config,
      executor,
      clock: browserClock,
      signal: never,
      emit: store.dispatch,
    });
    const wallMs = browserClock.now() - t0;
    const state = store.getState();
    const run = state.strategies.find((r) => r.name === 'pool');
    return { tasks, workers, status, wallMs, consoleLines: state.console.length, bars: run?.bars.length ?? 0 };
  } finally {
    executor.dispose();
  }
}

const CPU_STRATEGIES: readonly EngineCpuStrategy[] = ['sequential', 'processes', 'pool'];

/**
 * For diagnosis of the CPU speedup and of the kernel's rate: the app's engine and WorkerExecutor,
 * calibrated like the app does, without React. `reps` runs, in one page, of sequential (the warm
 * Worker), processes (one fresh Worker per task) and pool (`workers` fresh Workers), `tasks` CPU
 * tasks of `durationS` each; every task's achieved rate (`cpuMs` on its task-end event) is kept,
 * so the warm and the fresh Workers, and the first and the later runs, can be compared.
 */
async function engineCpu(tasks: number, workers: number, durationS: number, reps: number): Promise<EngineCpuResult> {
  const executor = new WorkerExecutor();
  try {
    await executor.ensureWarm();
    const calibration = await executor.calibrate();
    const parsed = parseConfig(
      {
        kind: 'cpu',
        tasks: Array.from({ length: tasks }, () => String(durationS)).join(','),
        strategies: CPU_STRATEGIES.join(','),
        workers: String(workers),
      },
      cores,
    );
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
    const config = parsed.config;
    const runs: EngineCpuRun[] = [];
    for (let rep = 0; rep < reps; rep += 1) {
      const wall: Partial<Record<EngineCpuStrategy, number>> = {};
      const rates: Record<EngineCpuStrategy, TaskRate[]> = { sequential: [], processes: [], pool: [] };
      for (const name of CPU_STRATEGIES) {
        let startMs = 0;
        const emit = (event: RunEvent): void => {
          if (event.type === 'strategy-start') startMs = event.tMs;
          if (event.type === 'strategy-end') wall[name] = event.tMs - startMs;
          if (event.type === 'task-end' && event.cpuMs !== undefined && event.cpuMs > 0) {
            const planned = (config.durationsS[event.task] ?? 0) * 1000;
            rates[name].push({
              task: event.task,
              worker: event.worker,
              cpuMs: event.cpuMs,
              rate: planned / event.cpuMs,
            });
          }
        };
        const status = await runStrategy(name, { config, executor, clock: browserClock, signal: never, emit });
        if (status !== 'done') throw new Error(`engine CPU ${name} ended ${status}`);
      }
      runs.push({
        sequentialMs: wall.sequential ?? NaN,
        processesMs: wall.processes ?? NaN,
        poolMs: wall.pool ?? NaN,
        rates,
      });
    }
    const recalibration = await executor.calibrate();
    return { calibration, recalibration, runs };
  } finally {
    executor.dispose();
  }
}

/**
 * A `megabytes` Float64Array through WorkerExecutor's warm Worker and back: a sleep task of 0 s
 * hands its payload back (src/workers/workloads/sleep.ts). `send` moves or copies it there; the
 * result always moves back. Each trip is checked (same numbers back; the page's array emptied by a
 * transfer, kept by a copy) and timed: there = the task's start − the hand-over, back = `returnMs`.
 */
async function payload(megabytes: number, send: SendMode, reps: number): Promise<PayloadResult> {
  const executor = new WorkerExecutor();
  try {
    await executor.ensureWarm();
    const runner = executor.warm();
    const signal = new AbortController().signal;
    const n = Math.round((megabytes * 1024 * 1024) / Float64Array.BYTES_PER_ELEMENT);
    const thereMs: number[] = [];
    const backMs: number[] = [];
    // One warm-up trip, then `reps` measured ones.
    for (let rep = -1; rep < reps; rep += 1) {
      const data = new Float64Array(n);
      for (let i = 0; i < n; i += 1) data[i] = i;
      const what = `${megabytes} MB by ${send}`;
      const handedMs = browserClock.now();
      const timing = await runner.run(
        { index: 0, kind: 'sleep', durationS: 0, payload: data, send },
        () => undefined,
        signal,
      );
      const back = timing.result;
      if (!(back instanceof Float64Array) || back.length !== n || back[n - 1] !== n - 1 || back[n >> 1] !== n >> 1)
        throw new Error(`payload ${what}: the task did not hand back the array it was given`);
      if (data.length !== (send === 'transfer' ? 0 : n))
        throw new Error(`payload ${what}: the page's array has ${data.length} numbers after the trip`);
      if (timing.returnMs === undefined) throw new Error(`payload ${what}: the result's trip was not measured`);
      if (rep >= 0) {
        thereMs.push(timing.startMs - handedMs);
        backMs.push(timing.returnMs);
      }
    }
    return { megabytes, send, thereMs, backMs };
  } finally {
    executor.dispose();
  }
}

const api: BenchApi = Object.freeze({ workerStart, dispatch, payload, engineLoad, engineCpu, cores });

Object.defineProperty(window, '__bench', { value: api });

const status = document.getElementById('status');
if (status)
  status.textContent = `Ready · ${api.cores} cores · crossOriginIsolated: ${String(window.crossOriginIsolated)}`;
