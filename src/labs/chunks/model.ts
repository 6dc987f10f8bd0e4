// Lab `chunks` (issue 13, point 4): the arithmetic of many tiny tasks — CPython's chunksize rule,
// the chunks a pool hands out, the sweep's chunksizes, what dispatch costs per task and per
// message, and the "What happened" paragraph. Pure: no Workers, no DOM.

export const TASKS_MIN = 1000;
export const TASKS_MAX = 10_000;
export const TASK_MS_MIN = 0.1;
export const TASK_MS_MAX = 1;
export const WORKERS_MIN = 1;
export const WORKERS_MAX = 16;

/**
 * CPython's `Pool.map` when `chunksize` is None (Lib/multiprocessing/pool.py, `_map_async`):
 * `chunksize, extra = divmod(len(iterable), len(self._pool) * 4); if extra: chunksize += 1`,
 * and `if len(iterable) == 0: chunksize = 0`. That is ceil(n / (4 × workers)), 1 when n < 4 × workers.
 */
export function autoChunksize(tasks: number, workers: number): number {
  if (tasks <= 0) return 0;
  const div = workers * 4;
  let chunksize = Math.floor(tasks / div);
  const extra = tasks % div;
  if (extra) chunksize += 1;
  return chunksize;
}

/** A chunk: tasks `first` … `first + count − 1` (0-based), as `Pool.map` cuts its iterable. */
export interface Chunk {
  readonly index: number;
  readonly first: number;
  readonly count: number;
}

/** Consecutive chunks of `chunksize` tasks, the last one shorter (like `Pool._get_tasks`). */
export function chunks(tasks: number, chunksize: number): Chunk[] {
  const size = Math.max(1, Math.floor(chunksize));
  const out: Chunk[] = [];
  for (let first = 0, index = 0; first < tasks; first += size, index += 1)
    out.push({ index, first, count: Math.min(size, tasks - first) });
  return out;
}

/** Messages a pool sends for `tasks` tasks at `chunksize`: one per chunk. */
export const messageCount = (tasks: number, chunksize: number): number =>
  tasks <= 0 ? 0 : Math.ceil(tasks / Math.max(1, Math.floor(chunksize)));

/** The sweep's steps before `auto` and one chunk per worker are added. */
export const SWEEP_STEPS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500] as const;

/**
 * The chunksizes `Sweep chunksize` runs, ascending and distinct: the steps up to one chunk per
 * worker (a larger chunksize leaves workers without work), `auto`, and ceil(n / workers) itself.
 */
export function sweepChunksizes(tasks: number, workers: number): number[] {
  const perWorker = Math.max(1, Math.ceil(tasks / Math.max(1, workers)));
  const set = new Set<number>(SWEEP_STEPS.filter((c) => c < perWorker));
  set.add(autoChunksize(tasks, workers) || 1);
  set.add(perWorker);
  return [...set].sort((a, b) => a - b);
}

/** The strategies of a Run, in the order they run. */
export type StrategyKey = 'sequential' | 'pool-1' | 'pool-auto' | 'pool-chosen';

export interface StrategySpec {
  readonly key: StrategyKey;
  /** null: sequential (one message with every task, one Worker). */
  readonly chunksize: number | null;
  readonly auto: boolean;
}

export function runPlan(tasks: number, workers: number, chosen: number): StrategySpec[] {
  return [
    { key: 'sequential', chunksize: null, auto: false },
    { key: 'pool-1', chunksize: 1, auto: false },
    { key: 'pool-auto', chunksize: autoChunksize(tasks, workers) || 1, auto: true },
    { key: 'pool-chosen', chunksize: chosen, auto: false },
  ];
}

/** `Sequential`, `Pool, chunksize 1`, `Pool, chunksize auto (= 125)`, `Pool, chunksize 25`. */
export function strategyLabel(spec: Pick<StrategySpec, 'chunksize' | 'auto'>): string {
  if (spec.chunksize === null) return 'Sequential';
  return spec.auto ? `Pool, chunksize auto (= ${spec.chunksize})` : `Pool, chunksize ${spec.chunksize}`;
}

/** What one strategy measured. Times in ms. */
export interface StrategyResult {
  readonly spec: StrategySpec;
  /** Workers it had: 1 for sequential, the pool's size otherwise. */
  readonly workers: number;
  readonly plannedTasks: number;
  /** Tasks that finished and reported. */
  readonly tasksDone: number;
  /** First dispatch to last result, on the page's clock. */
  readonly wallMs: number;
  /** Sum of the tasks' own durations, measured in the Workers. */
  readonly computeMs: number;
  /** Chunks sent to Workers (each answered by its results). */
  readonly messages: number;
  /** Median Worker idle gap between one chunk's last task and its next chunk's first task, µs (null: no gap seen). */
  readonly messageGapUs: number | null;
  readonly stopped: boolean;
}

/**
 * Dispatch per task, µs: the Worker time not spent on the tasks, `workers × wall − compute`, shared
 * among the tasks done. With chunksize 1 on w workers it is each message's round trip; it also
 * holds any Worker left idle at the end waiting for the slowest chunk.
 */
export function dispatchPerTaskUs(r: Pick<StrategyResult, 'workers' | 'wallMs' | 'computeMs' | 'tasksDone'>): number {
  if (r.tasksDone <= 0) return 0;
  return (Math.max(0, r.workers * r.wallMs - r.computeMs) / r.tasksDone) * 1000;
}

/** Sequential wall-clock ÷ this wall-clock (null without both). */
export function speedup(sequentialMs: number | null, wallMs: number): number | null {
  if (sequentialMs === null || !(sequentialMs > 0) || !(wallMs > 0)) return null;
  return sequentialMs / wallMs;
}

/** One chunk as a Worker ran it: when its first task started and its last ended. */
export interface ChunkSpan {
  readonly worker: number;
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * The idle gaps between consecutive chunks on each Worker, ms — what one message costs a Worker:
 * its result going to the page, the page handing out the next chunk, that chunk arriving.
 */
export function messageGaps(spans: readonly ChunkSpan[]): number[] {
  const byWorker = new Map<number, ChunkSpan[]>();
  for (const s of spans) {
    const list = byWorker.get(s.worker) ?? [];
    list.push(s);
    byWorker.set(s.worker, list);
  }
  const gaps: number[] = [];
  for (const list of byWorker.values()) {
    list.sort((a, b) => a.startMs - b.startMs);
    for (let i = 1; i < list.length; i += 1) {
      const prev = list[i - 1];
      const cur = list[i];
      if (prev && cur) gaps.push(Math.max(0, cur.startMs - prev.endMs));
    }
  }
  return gaps;
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The per-message cost to name: the chunksize-1 run's median gap, else any pool run's. */
export function perMessageUs(results: readonly StrategyResult[]): number | null {
  const one = results.find((r) => r.spec.chunksize === 1 && r.messageGapUs !== null);
  return (one ?? results.find((r) => r.messageGapUs !== null))?.messageGapUs ?? null;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => `${int(n)} ms`;
const times = (x: number): string => `${x.toFixed(1)}×`;
const taskLen = (taskMs: number): string =>
  taskMs < 1 ? `${Number((taskMs * 1000).toPrecision(3))} µs` : `${Number(taskMs.toPrecision(3))} ms`;

/** "1.8× slower than the loop" / "1.9× faster" / "as fast as the loop". */
function versus(seqMs: number, wallMs: number): string {
  const ratio = seqMs / wallMs;
  if (ratio >= 1.05) return `${times(ratio)} faster than the loop`;
  if (ratio <= 1 / 1.05) return `${times(1 / ratio)} slower than the loop`;
  return 'about as fast as the loop';
}

/**
 * The paragraph under the picture, from the measurements only: what the loop took, what each pool
 * run sent and took against the loop, what one message cost against the work it carried.
 */
export function whatHappened(
  results: readonly StrategyResult[],
  { tasks, taskMs, workers }: { readonly tasks: number; readonly taskMs: number; readonly workers: number },
): string | null {
  if (results.length === 0) return null;
  const parts: string[] = [];
  const seq = results.find((r) => r.spec.chunksize === null);
  const seqMs = seq && !seq.stopped && seq.tasksDone > 0 ? seq.wallMs : null;
  if (seq)
    parts.push(
      seq.stopped
        ? `The loop was stopped after ${int(seq.tasksDone)} of ${int(seq.plannedTasks)} tasks (${ms(seq.wallMs)}).`
        : `One Worker ran the ${int(seq.tasksDone)} tasks of ${taskLen(taskMs)} one after another, from a single message, in ${ms(seq.wallMs)}.`,
    );
  const perMsg = perMessageUs(results);
  for (const r of results) {
    if (r.spec.chunksize === null) continue;
    const name = r.spec.auto ? `chunksize auto (${int(r.spec.chunksize)})` : `chunksize ${int(r.spec.chunksize)}`;
    if (r.stopped) {
      parts.push(`With ${name} the pool was stopped after ${int(r.tasksDone)} tasks and ${int(r.messages)} messages.`);
      continue;
    }
    const msgs = `${int(r.messages)} message${r.messages === 1 ? '' : 's'}`;
    const cmp = seqMs === null ? `took ${ms(r.wallMs)}` : `took ${ms(r.wallMs)}, ${versus(seqMs, r.wallMs)}`;
    if (r.spec.chunksize === 1 && perMsg !== null) {
      const share = (taskMs * 1000) / workers;
      const against =
        perMsg > share
          ? `more than the ${int(share)} µs of work each task brings when ${int(workers)} workers share it`
          : `less than the ${int(share)} µs of work each task brings when ${int(workers)} workers share it`;
      parts.push(`With ${name} the pool sent ${msgs}; each cost a Worker ≈ ${int(perMsg)} µs, ${against}: it ${cmp}.`);
    } else parts.push(`With ${name} it sent ${msgs} and ${cmp}.`);
  }
  if (perMsg !== null && tasks > 0)
    parts.push(
      `At ≈ ${int(perMsg)} µs a message, sending ${int(tasks)} tasks one by one costs ${ms((perMsg * tasks) / 1000)} of Worker time; a chunk pays it once for all its tasks.`,
    );
  return parts.join(' ');
}
