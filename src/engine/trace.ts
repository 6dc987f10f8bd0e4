// Export "Trace (JSON) for Perfetto": a run as the Chrome Trace Event Format (JSON object form),
// which ui.perfetto.dev, chrome://tracing and speedscope open. Made from the Run JSON file, so a
// trace says exactly what the file says: one process per strategy run, one thread per Worker, a
// complete event ("X") per task and per Worker start-up, times in µs since the run began.
import type { RunFile, RunFileEvent } from './runFile.schema';
import { STRATEGY_LABELS, type StrategyName } from './types';

/** One event of the Chrome Trace Event Format (only the phases written here). */
export type TraceEvent =
  | {
      readonly ph: 'M';
      readonly name: 'process_name' | 'process_sort_index' | 'thread_name' | 'thread_sort_index';
      readonly pid: number;
      readonly tid: number;
      readonly ts: 0;
      readonly args: { readonly name: string } | { readonly sort_index: number };
    }
  | {
      readonly ph: 'X';
      readonly name: string;
      readonly cat: string;
      readonly pid: number;
      readonly tid: number;
      /** µs since the run began. */
      readonly ts: number;
      readonly dur: number;
      readonly args: Readonly<Record<string, string | number>>;
    };

export interface TraceFile {
  readonly traceEvents: readonly TraceEvent[];
  readonly displayTimeUnit: 'ms';
  /** Where the trace came from (trace viewers show it as metadata). */
  readonly otherData: Readonly<Record<string, string>>;
}

/** A run drawn beside the current one: its label (`CPython 3.11`) and its file. */
export interface TraceCompared {
  readonly label: string;
  readonly file: RunFile;
}

/** The thread of a strategy run's timed block (its whole wall-clock). */
export const PROGRAM_TID = 0;

/** One strategy run of a file: the events from its `strategy-start` to its `strategy-end`. */
interface Block {
  readonly strategy: StrategyName;
  /** 1-based repetition of this strategy. */
  readonly rep: number;
  readonly events: RunFileEvent[];
}

/** The file's strategy runs in the order they started (events belong to their strategy's latest run). */
function blocksOf(file: RunFile): Block[] {
  const blocks: Block[] = [];
  const open = new Map<StrategyName, Block>();
  for (const event of file.events) {
    if (event.type === 'strategy-start') {
      const rep = blocks.filter((b) => b.strategy === event.strategy).length + 1;
      const block: Block = { strategy: event.strategy, rep, events: [event] };
      blocks.push(block);
      open.set(event.strategy, block);
    } else {
      open.get(event.strategy)?.events.push(event);
    }
  }
  return blocks;
}

/** `Pool (3 workers)`, `Processes (3 new Workers)`; a compared run's starts with its label. */
function processBase(strategy: StrategyName, file: RunFile, label: string | undefined): string {
  const { workers, tasks } = file.config;
  const n = tasks.length;
  const detail =
    strategy === 'pool'
      ? ` (${workers} worker${workers === 1 ? '' : 's'})`
      : strategy === 'processes'
        ? ` (${n} new Worker${n === 1 ? '' : 's'})`
        : strategy === 'threads'
          ? ' (one event loop)'
          : ' (one warm Worker)';
  return `${label === undefined ? STRATEGY_LABELS[strategy] : `${label} ${strategy}`}${detail}`;
}

/** A span on some thread, before it gets its tid. */
interface Span {
  readonly name: string;
  readonly worker: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly args: Record<string, string | number>;
}

/** Task spans and Worker start-up spans of one strategy run. */
function spansOf(block: Block, file: RunFile): { tasks: Span[]; startups: Span[]; endMs: number; status: string } {
  const end = block.events.find((e) => e.type === 'strategy-end');
  const endMs = end?.tMs ?? Math.max(...block.events.map((e) => e.tMs));
  const tasks: Span[] = [];
  const open = new Map<number, { event: Extract<RunFileEvent, { type: 'task-start' }>; index: number }>();
  for (const event of block.events) {
    if (event.type === 'task-start') {
      open.set(event.task, { event, index: tasks.length });
      const args: Record<string, string | number> = {
        task: event.task,
        worker: event.worker,
        durationS: file.config.tasks[event.task - 1] ?? 0,
        status: 'stopped',
      };
      if (event.submittedMs !== undefined) args.submittedMs = event.submittedMs;
      if (event.readyMs !== undefined) args.readyMs = event.readyMs;
      // Ends at the strategy's end unless its end comes (a stopped task runs until Stop).
      tasks.push({ name: `Task ${event.task}`, worker: event.worker, startMs: event.tMs, endMs, args });
    } else if (event.type === 'task-end' || event.type === 'task-error') {
      const started = open.get(event.task);
      if (!started) continue; // a task that never started (a broken pool fails its pending ones)
      open.delete(event.task);
      const span = tasks[started.index];
      if (!span) continue;
      const args: Record<string, string | number> = {
        ...span.args,
        status: event.type === 'task-end' ? 'done' : 'error',
      };
      if (event.type === 'task-error') args.message = event.message;
      if (event.type === 'task-end' && event.cpuMs !== undefined) args.cpuMs = event.cpuMs;
      if (event.type === 'task-end' && event.returnMs !== undefined) args.returnMs = event.returnMs;
      tasks[started.index] = { ...span, endMs: event.tMs, args };
    }
  }
  // Worker start-up: new Worker → it had started (its first task's readyMs), else → its first task.
  const startups: Span[] = [];
  for (const spawn of block.events) {
    if (spawn.type !== 'worker-spawn') continue;
    const first = block.events.find(
      (e): e is Extract<RunFileEvent, { type: 'task-start' }> =>
        e.type === 'task-start' && e.worker === spawn.worker && e.tMs >= spawn.tMs,
    );
    if (!first) continue; // a Worker that never got a task: no known end of its start-up
    const ready = first.readyMs !== undefined && first.readyMs >= spawn.tMs && first.readyMs <= first.tMs;
    const endMs = ready ? (first.readyMs ?? first.tMs) : first.tMs;
    startups.push({
      name: 'Worker start-up',
      worker: spawn.worker,
      startMs: spawn.tMs,
      endMs,
      args: { worker: spawn.worker, until: ready ? 'the Worker was ready' : 'its first task started' },
    });
  }
  return { tasks, startups, endMs, status: end?.status ?? 'stopped' };
}

/**
 * Packs spans into tracks so that no two on one track overlap (a span may start where another
 * ends): each span goes to the lowest track free at its start. Returns each span's track (0-based),
 * in the order given.
 */
export function packTracks(spans: readonly { readonly startMs: number; readonly endMs: number }[]): number[] {
  const order = spans.map((_, i) => i).sort((a, b) => (spans[a]?.startMs ?? 0) - (spans[b]?.startMs ?? 0) || a - b);
  const freeAt: number[] = [];
  const track: number[] = new Array<number>(spans.length).fill(0);
  for (const i of order) {
    const span = spans[i];
    if (!span) continue;
    let k = freeAt.findIndex((t) => t <= span.startMs);
    if (k === -1) k = freeAt.length;
    freeAt[k] = span.endMs;
    track[i] = k;
  }
  return track;
}

/** µs, rounded to the nanosecond (keeps the file's every digit without float noise). */
const us = (ms: number): number => Math.round(ms * 1e6) / 1e3;
/** From `ts` to the end's `ts`, so that a span ending where the next starts never overlaps it. */
const durUs = (startMs: number, endMs: number): number =>
  Math.max(0, Math.round((us(endMs) - us(startMs)) * 1e3) / 1e3);

/**
 * The Chrome Trace Event Format of a run (and the runs drawn beside it, each its own processes):
 * - per strategy run, a process (`process_name` e.g. `Pool (3 workers)`, `Pool (3 workers), run 2 of 3`,
 *   `CPython 3.11 pool (3 workers)`; `process_sort_index` keeps the page's order);
 * - thread 0 `timed block`, one complete event over the strategy's wall-clock;
 * - one thread per Worker (`worker 1`, …; tid = worker number) with a complete event per task
 *   (`Task 3`, `cat` = the task kind) and per Worker start-up;
 * - the threads strategy runs every task on one event loop, at once: each task gets a track of its
 *   own (`event loop (task slot k)`, tid k), packed so no two on one track overlap, since Perfetto
 *   moves overlapping slices of one thread to an overflow track.
 * Metadata events have `ts: 0`; `ts`/`dur` are µs since that run began.
 */
export function toTrace(file: RunFile, compared: readonly TraceCompared[] = []): TraceFile {
  const events: TraceEvent[] = [];
  let pid = 0;
  const runs = [{ label: undefined as string | undefined, file }, ...compared];
  for (const run of runs) {
    const blocks = blocksOf(run.file);
    const repeat = run.file.config.repeat ?? 1;
    const cat = run.file.config.kind;
    for (const block of blocks) {
      pid++;
      const base = processBase(block.strategy, run.file, run.label);
      const name = repeat > 1 ? `${base}, run ${block.rep} of ${repeat}` : base;
      const meta = (
        kind: 'process_name' | 'process_sort_index' | 'thread_name' | 'thread_sort_index',
        tid: number,
        args: { name: string } | { sort_index: number },
      ): void => {
        events.push({ ph: 'M', name: kind, pid, tid, ts: 0, args });
      };
      meta('process_name', 0, { name });
      meta('process_sort_index', 0, { sort_index: pid });
      const { tasks, startups, endMs, status } = spansOf(block, run.file);
      const startMs = block.events[0]?.tMs ?? 0;
      meta('thread_name', PROGRAM_TID, { name: 'timed block' });
      meta('thread_sort_index', PROGRAM_TID, { sort_index: 0 });
      events.push({
        ph: 'X',
        name: `${STRATEGY_LABELS[block.strategy]}: timed block`,
        cat,
        pid,
        tid: PROGRAM_TID,
        ts: us(startMs),
        dur: durUs(startMs, endMs),
        args: { status, wallS: (endMs - startMs) / 1000 },
      });
      const spans = [...startups, ...tasks];
      const tids = new Map<Span, number>();
      const names = new Map<number, string>();
      if (block.strategy === 'threads') {
        // One event loop, tasks overlapping: a track per task slot.
        const slots = packTracks(spans);
        spans.forEach((span, i) => {
          const slot = (slots[i] ?? 0) + 1;
          tids.set(span, slot);
          names.set(slot, `event loop (task slot ${slot})`);
        });
      } else {
        // A Worker runs one task at a time; should a file say otherwise, the overlap gets its own track.
        const workers = [...new Set(spans.map((s) => s.worker))].sort((a, b) => a - b);
        const top = Math.max(0, ...workers);
        for (const worker of workers) {
          const mine = spans.filter((s) => s.worker === worker);
          const tracks = packTracks(mine);
          mine.forEach((span, i) => {
            const k = tracks[i] ?? 0;
            const tid = k === 0 ? worker : worker + k * (top + 1);
            tids.set(span, tid);
            names.set(tid, k === 0 ? `worker ${worker}` : `worker ${worker} (overlapping ${k})`);
          });
        }
      }
      for (const [tid, threadName] of [...names].sort((a, b) => a[0] - b[0])) {
        meta('thread_name', tid, { name: threadName });
        meta('thread_sort_index', tid, { sort_index: tid });
      }
      for (const span of spans) {
        events.push({
          ph: 'X',
          name: span.name,
          cat: span.name === 'Worker start-up' ? 'startup' : cat,
          pid,
          tid: tids.get(span) ?? span.worker,
          ts: us(span.startMs),
          dur: durUs(span.startMs, span.endMs),
          args: span.args,
        });
      }
    }
  }
  return {
    traceEvents: events,
    displayTimeUnit: 'ms',
    otherData: {
      format: 'Chrome Trace Event Format, from a Parallel Playground Run JSON (docs/run-file.md)',
      source: file.source.label,
      createdAt: file.source.createdAt,
      ...(compared.length > 0 ? { compared: compared.map((c) => c.label).join(', ') } : {}),
    },
  };
}
