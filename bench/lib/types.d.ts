// The shapes the bench's driver passes around and writes to bench/results/*.json, for the JSDoc
// of run.mjs, lib/ and suites/ (checked by bench/tsconfig.json). The bench page's own API is in
// bench/page/api.ts.
import type { BrowserContext } from '@playwright/test';
import type { DispatchImpl, EngineCpuStrategy, TaskRate } from '../page/api';
import type { StrategyFigures } from '../../e2e/pageModel.mjs';
import type { SendMode } from '../../src/engine/types';

export type { StrategyFigures };

export type Suite =
  'bundle' | 'cpython' | 'start' | 'startmethods' | 'dispatch' | 'payload' | 'fidelity' | 'cpu' | 'ui' | 'labs';

export interface Options {
  quick: boolean;
  check: boolean;
  build: boolean;
  readme: boolean;
  render: boolean;
  port: number;
  /** null: every suite. */
  only: Set<string> | null;
}

/** Repetitions per suite. */
export interface Reps {
  fidelity: number;
  python: number;
  start: number;
  dispatch: number;
  payload: number;
  cpu: number;
  ui: number;
}

/** What every browser suite works with. */
export interface Session {
  readonly context: BrowserContext;
  /** The preview server's origin, e.g. http://localhost:4180. */
  readonly base: string;
  /** Uncaught errors of every page (each fails the bench). */
  readonly errors: string[];
  readonly quick: boolean;
  readonly reps: Reps;
}

export interface Summary {
  n: number;
  min: number;
  median: number;
  max: number;
}

export interface RateSummary extends Summary {
  /** The largest distance from 1 (the calibrated rate). */
  worstOff: number;
}

/** A 1-minute load average reading before a suite (lib/budgets.mjs, waitQuiet). */
export interface LoadGate {
  suite: Suite;
  loadFirst: number;
  load: number;
  waitedS: number;
  busy: boolean;
}

export interface Budgets {
  sleep: {
    sequentialMaxOverIdealMs: number;
    parallelMaxOverheadVsCPython: number;
    cpythonStartMethod: 'default' | 'spawn';
    parallelMaxOverheadMsWithoutPython: number;
  };
  cpu: { speedupOn2WorkersMin: number; threadsMinVsSequential: number; rateTolerance: number };
  dispatch: { maxRatioVsWorkerpool: number };
  ui: {
    run1000: { maxLongTaskMs: number; minFps: number };
    run10000: { maxProbeMs: number; maxLongTaskMs: number };
  };
  labs: { chunksMaxLongTaskMs: number };
  load: { max1m: number; waitS: number; pollS: number };
  bundle: { initialJsMaxGzipKB: number };
}

export interface BudgetResult {
  id: string;
  what: string;
  limit: string;
  measured: string;
  /** null: not judged (the machine was busy). */
  ok: boolean | null;
  note: string;
}

// ------------------------------------------------------------------ suites

export interface AssetSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleResult {
  page: string;
  gzipLevel: number;
  initialJs: { files: AssetSize[]; bytes: number; gzipBytes: number };
  initialCss: { files: AssetSize[]; bytes: number; gzipBytes: number };
  otherAssets: AssetSize[];
}

export interface CPythonExample {
  idealS: number;
  wallS: number[];
  wall: Summary;
  overheadMs: number;
  completionOrder: unknown;
}

export interface CPythonResult {
  skipped?: undefined;
  version: string;
  startMethod: string;
  cpuCount: number;
  examples: Record<string, CPythonExample>;
  spawn: { startMethod: string; examples: Record<string, CPythonExample> };
  cpu: {
    taskS: number;
    tasks: number;
    wallS: { sequential: number[]; processes: number[]; threads: number[] };
    sequential: Summary;
    processes: Summary;
    threads: Summary;
    processesSpeedup: number;
    threadsVsSequential: number;
  };
}

export type CPythonSuiteResult = CPythonResult | { skipped: string };

export interface WorkerStartEntry {
  workers: number;
  freshMs: number;
  warm: Summary;
  warmFirstReply: Summary;
}

export interface DispatchSuiteResult {
  tasks: number;
  workers: number;
  perTaskUs: Record<DispatchImpl, Summary & { values: number[] }>;
  oursVsWorkerpool: number;
  rawVsWorkerpool: number;
}

export interface PayloadSuiteResult {
  rows: { megabytes: number; send: SendMode; thereMs: Summary; backMs: Summary }[];
}

/** One lab's bench row (suites/labs.mjs). */
export interface LabRow {
  lab: 'memory' | 'transfer' | 'mandelbrot' | 'chunks';
  /** measured; not built (the lab page says so); skipped (--quick, with why); failed (with the error). */
  status: 'measured' | 'not built' | 'skipped' | 'failed';
  /** Why skipped or failed; what was set up when measured. */
  note: string;
  seconds: number;
  memory?: LabMemory;
  transfer?: LabTransfer;
  mandelbrot?: LabMandelbrot;
  chunks?: LabChunks;
}

export interface LabMemory {
  workers: number;
  increments: number;
  /** `Run 10 times`: lost updates of Shared, no lock in each run. */
  lost: number[];
  lostSummary: Summary;
  /** `Run` of every variant (1 in --quick, 3 in a full run): the first Run's Counter results row, the median Time, and that Time ÷ (workers × increments) in ns. */
  variants: {
    name: string;
    expected: number;
    final: number;
    lost: number;
    timeMs: number;
    nsPerIncrement: number;
    /** Time of each Run. */
    timesMs?: number[];
  }[];
}

export interface LabTransfer {
  megabytes: number;
  rows: { method: string; sizeMb: number; totalMs: number; mbPerS: number; sender: string }[];
  transferVsClone: number;
}

export interface LabMandelbrot {
  width: number;
  height: number;
  iterations: number;
  workers: number;
  /** Runs of the three strategies; rows hold the medians. */
  runs: number;
  rows: { strategy: string; wallMs: number; speedup: number; checksum: string }[];
  checksumsEqual: boolean;
  /** Static chunks wall-clock ÷ dynamic wall-clock (> 1: dynamic hand-out is faster). */
  dynamicVsStatic: number;
}

export interface LabChunks {
  tasks: number;
  taskMs: number;
  workers: number;
  /** One Run: the loop, then the pool at chunksize 1, auto and the chosen one (Chunks results). */
  rows: { label: string; chunksize: number | null; wallMs: number; computeMs: number; dispatchPerTaskUs: number }[];
  /** Sweep chunksize (full runs only): every chunksize's wall-clock and the fastest. */
  sweep: {
    points: { chunksize: number; auto: boolean; wallMs: number }[];
    best: { chunksize: number; auto: boolean; wallMs: number };
  } | null;
  /** The longest main-thread long task from the Run click to 1.5 s after Done (0: none). */
  longestLongTaskMs: number;
  longTasksMs: number[];
}

export interface LabsResult {
  rows: LabRow[];
}

/** One run of example 3 (five Processes of 1 s) with one start method (suites/startMethods.mjs). */
export interface StartMethodRun {
  wallS: number;
  /** wall-clock − 1 s. */
  overheadMs: number;
  /** Processes (or Workers) with a worker-spawn and a task start in the run. */
  processes: number;
  /** Mean over the processes of worker-spawn → ready (readyMs), never below 0. */
  startupMeanMs: number;
  startupMs: number[];
  /** Mean over the processes of worker-spawn → its task's start (start-up plus hand-over). */
  toTaskStartMeanMs: number;
  /** Browser: the Results row's `Worker start-up (ms)` (the critical Worker's, from the strategy's start); CPython: null. */
  appStartupMs: number | null;
}

export interface StartMethodEntry {
  side: 'cpython' | 'browser';
  method: string;
  runs: StartMethodRun[];
  wall: Summary;
  overheadMs: Summary;
  startupMeanMs: Summary;
  toTaskStartMeanMs: Summary;
  appStartupMs: Summary | null;
}

/** The CPython half of the start-methods suite, run before the browser opens. */
export type StartMethodsPython =
  { version: string; entries: StartMethodEntry[]; unavailable: Record<string, string> } | { skipped: string };

export interface StartMethodsResult {
  tasks: number;
  taskS: number;
  idealS: number;
  reps: number;
  python: string | null;
  /** Why there are no CPython columns (null: there are). */
  cpythonSkipped: string | null;
  /** Start methods this OS lacks, with trace_chapter.py's message. */
  cpythonUnavailable: Record<string, string>;
  entries: StartMethodEntry[];
}

export interface Breakdown {
  startup: number;
  dispatch: number;
  other: number;
}

export interface FidelityEntry {
  id: string;
  title: string;
  url: string;
  strategy: string;
  idealS: number;
  wallS: number[];
  wall: Summary;
  overheadMs: Summary;
  breakdownMedianMs: Breakdown;
  cpython: { wall: Summary; overheadMs: number } | null;
  cpythonSpawn: { wall: Summary; overheadMs: number } | null;
  ratio: number | null;
}

/** One strategy's share of the calibrated rate as the app's CPU self-check shows it. */
export interface AppRate {
  rate: number;
  min: number;
  max: number;
}

export interface CpuPoolEntry {
  workers: number;
  limit: number;
  wall: Summary;
  sequential: Summary;
  speedup: number;
  speedups: number[];
  breakdownMedianMs: Breakdown;
  appRates: {
    calibrationKStepsPerMs: (number | null)[];
    sequential: (AppRate | null)[];
    pool: (AppRate | null)[];
  };
}

export interface EngineCpuEntry {
  workers: number;
  sequential: Summary;
  processes: Summary;
  pool: Summary;
  speedup: number;
  speedups: number[];
  calibration: { unitsPerMs: number; measuredMs: number };
  recalibration: { unitsPerMs: number; measuredMs: number };
  runs: {
    run: number;
    sequentialMs: number;
    processesMs: number;
    poolMs: number;
    rates: Readonly<Record<EngineCpuStrategy, readonly TaskRate[]>>;
  }[];
  rates: { warm: RateSummary; fresh: RateSummary; firstRun: RateSummary; laterRuns: RateSummary; all: RateSummary };
}

export interface CpuResult {
  taskS: number;
  tasks: number;
  sequential: Summary;
  pools: CpuPoolEntry[];
  threads: { wall: Summary; vsSequential: number; ratios: number[] } | null;
  engine: EngineCpuEntry;
  cpython: CPythonResult['cpu'] | null;
}

export interface Heap {
  before: number | null;
  after: number | null;
  afterGc: number | null;
}

export interface UiAppRun {
  tasks: number;
  status: string;
  wallS: number;
  clickToDoneMs: number;
  firstBarMs: number;
  longestLongTaskMs: number;
  longTasks: number;
  longTasksAfterRun: number[];
  fps: number;
  maxProbeMs: number;
  heapMB: Heap;
  domElements: number;
}

export interface UiAppRejects {
  tasks: number;
  alert: string;
  runDisabled: boolean;
  probeMs: number;
}

export interface UiEngineRun {
  tasks: number;
  workers: number;
  status: string;
  completed: boolean;
  wallS: number;
  longestLongTaskMs: number;
  longTasks: number;
  totalLongTaskMs: number;
  fps: number;
  maxProbeMs: number;
  heapMB: Heap;
}

export interface UiResult {
  app1000: UiAppRun[];
  engine1000?: UiEngineRun;
  app10000?: UiAppRejects;
  engine10000?: UiEngineRun;
}

export interface Meta {
  date?: string;
  browser?: string;
  userAgent?: string;
  browserCores?: number;
  crossOriginIsolated?: boolean;
  machineCores?: number;
  cpuModel?: string;
  memoryGB?: number;
  os?: string;
  node?: string;
  python?: string | null;
  commit?: string | null;
  workerpool?: string | null;
  loadAverage1m?: { atStart: number; max: number; samples: number[] };
}

/** Everything one run measured: bench/results/latest.json. */
export interface Results {
  mode: 'quick' | 'full';
  loadGate?: LoadGate[];
  loadMax1m?: number;
  meta?: Meta;
  bundle?: BundleResult | undefined;
  cpython?: CPythonSuiteResult | undefined;
  workerStart?: WorkerStartEntry[] | undefined;
  dispatch?: DispatchSuiteResult | undefined;
  payload?: PayloadSuiteResult | undefined;
  startMethods?: StartMethodsResult | undefined;
  labs?: LabsResult | undefined;
  fidelity?: FidelityEntry[] | undefined;
  cpu?: CpuResult | undefined;
  ui?: UiResult | undefined;
  pageErrors?: string[];
  failures?: string[];
  budgets?: BudgetResult[];
  durationS?: number;
  markdown?: string;
}

/** In-page instrumentation (lib/instrument.mjs) every bench page carries as `window.__perf`. */
export interface Perf {
  /** Every main-thread long task as [start, duration]; null where the browser has no 'longtask' entries. */
  longtasks: [number, number][] | null;
  frames: number[] | null;
  raf: number;
  firstBarAt: number | null;
  runClickAt: number | null;
  startFrames(): void;
  stopFrames(): number[];
  armFirstBar(): void;
  waitStatus(source: string, timeoutMs: number): Promise<StatusSeen>;
  nextRunEnd(timeoutMs: number): Promise<StatusSeen>;
}

/** The Run status text and when (performance.now()) it was seen. */
export interface StatusSeen {
  text: string;
  at: number;
}

declare global {
  interface Window {
    readonly __perf: Perf;
  }
  interface Performance {
    /** Chromium only (with --enable-precise-memory-info: exact). */
    readonly memory?: { usedJSHeapSize: number };
  }
}
