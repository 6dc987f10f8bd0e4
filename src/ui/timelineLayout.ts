// Where everything in a timeline goes: lanes, rows, ticks, ideal outlines, Worker start-up spans
// and result chips, as plain numbers and CSS lengths. No React: the views in Timeline*.tsx draw it.
import type { IdealSchedule, IdealTask } from '../engine/ideal';
import type { Bar, StrategyRun } from '../engine/reducer';
import { taskKind, type TaskKind } from '../engine/taskKinds';
import type { StrategyName } from '../engine/types';
import { tickStep } from './format';
import { LARGE_RUN_TASKS } from './redraw';

/** The most height a timeline's lanes take together, px. */
export const TRACK_MAX_PX = 320;
/** Space above and below the rows of a lane, px. */
export const LANE_PAD_PX = 3;
/** Above this many tasks, a strip of result chips would say nothing: it is left out. */
export const ARRIVAL_CHIPS_MAX = 60;
/** Up to this many bars are in the Tab order; more would make the page a trap for the keyboard. */
export const FOCUSABLE_BARS_MAX = 60;

/** A time as a share of the axis, for `left`/`width` (negative times clamp to 0). */
export const pct = (s: number, axisS: number): string => `${(Math.max(0, s) / axisS) * 100}%`;

/** The ticks' times: 0, one step, … up to the axis end. */
export function axisTicks(axisS: number): number[] {
  const step = tickStep(axisS);
  return Array.from({ length: Math.floor(axisS / step + 1e-9) + 1 }, (_, i) => i * step);
}

/** The lanes' background size: one gridline per tick, drawn by the background. */
export function gridSize(axisS: number): string {
  return `${(tickStep(axisS) / axisS) * 100}% 100%`;
}

/** How tall rows are, and what fits in them. */
export interface Rows {
  /** Rows in one lane: one per task for threads (they run at once on one lane), else one. */
  readonly perLane: number;
  readonly rowPx: number;
  /** The height of one lane's track, px. */
  readonly laneHeightPx: number;
  /** Bars tall enough for their task number. */
  readonly showText: boolean;
  /** Lanes tall enough for their label. */
  readonly labelled: boolean;
}

export function rowLayout(name: StrategyName, tasks: number, lanes: number): Rows {
  const perLane = name === 'threads' ? tasks : 1;
  const rowPx = Math.max(2, Math.min(34, Math.floor(TRACK_MAX_PX / (lanes * perLane))));
  return {
    perLane,
    rowPx,
    laneHeightPx: rowPx * perLane + 2 * LANE_PAD_PX,
    showText: rowPx >= 18,
    labelled: rowPx * perLane >= 14,
  };
}

/** The row of a task within its lane. */
export function rowOf(name: StrategyName, task: number): number {
  return name === 'threads' ? task : 0;
}

/** Where a bar (measured or ideal) goes: CSS lengths. */
export interface Box {
  readonly left: string;
  readonly width: string;
  readonly top: string;
  readonly height: string;
}

export function barBox(startS: number, endS: number, row: number, rowPx: number, axisS: number): Box {
  return {
    left: pct(startS, axisS),
    width: pct(endS - startS, axisS),
    top: `${row * rowPx + LANE_PAD_PX}px`,
    height: `${Math.max(1, rowPx - 2)}px`,
  };
}

/** A bar's tooltip: under its row, never so far right that it leaves the track. */
export function tooltipAt(bar: Bar, row: number, rowPx: number, axisS: number): { left: string; top: string } {
  return { left: pct(Math.min(bar.startS, axisS * 0.6), axisS), top: `${row * rowPx + rowPx + 4}px` };
}

/** One lane (a Worker) and what is drawn in it. */
export interface Lane {
  /** 1-based. */
  readonly worker: number;
  /** A lane beyond the machine's cores, for tasks that need one. */
  readonly beyond: boolean;
  /** Worker start-up: from its creation until its first task, when both are known and in order. */
  readonly spawn: { readonly startS: number; readonly endS: number } | undefined;
  /** A Worker created that never got a task (once the strategy is over). */
  readonly idle: boolean;
  /** The ideal schedule's tasks, in the lane where each task really ran. */
  readonly ghosts: readonly IdealTask[];
  readonly bars: readonly Bar[];
}

export interface LanesInput {
  readonly name: StrategyName;
  readonly run: StrategyRun | undefined;
  readonly ideal: IdealSchedule;
  readonly kind: TaskKind;
  readonly cores: number;
}

export interface LanesLayout {
  readonly lanes: readonly Lane[];
  /** Ideal outlines per task; a large run draws only the ideal end line instead. */
  readonly ghostly: boolean;
}

function groupByWorker<T>(items: readonly T[], workerOf: (item: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const w = workerOf(item);
    const list = map.get(w);
    if (list) list.push(item);
    else map.set(w, [item]);
  }
  return map;
}

/** The earliest start of each worker's tasks. */
function firstStarts(bars: readonly Bar[]): Map<number, number> {
  const first = new Map<number, number>();
  for (const bar of bars) {
    const seen = first.get(bar.worker);
    if (seen === undefined || bar.startS < seen) first.set(bar.worker, bar.startS);
  }
  return first;
}

export function laneLayout({ name, run, ideal, kind, cores }: LanesInput): LanesLayout {
  const count = Math.max(ideal.lanes, run?.lanes ?? 0);
  const bars = run?.bars ?? [];
  const spawnedAt = new Map((run?.spawns ?? []).map((s) => [s.worker, s.atS]));
  const firstStart = firstStarts(bars);
  const barsByWorker = groupByWorker(bars, (b) => b.worker);
  // Draw each ideal bar in the lane where its task really ran, so measured and ideal line up.
  const measuredLane = new Map(bars.map((b) => [b.task, b.worker]));
  // A large run draws the ideal as one end line, not a ghost per task (thousands of outlines say less).
  const ghostly = ideal.tasks.length <= LARGE_RUN_TASKS;
  const ghostsByWorker = ghostly
    ? groupByWorker(ideal.tasks, (t) => measuredLane.get(t.task) ?? t.worker)
    : new Map<number, IdealTask[]>();
  const overCores = taskKind(kind).needsCore && (name === 'processes' || name === 'pool');
  const lanes = Array.from({ length: count }, (_, i): Lane => {
    const worker = i + 1;
    const startS = spawnedAt.get(worker);
    // Start-up is drawn up to the lane's first task; a Worker that never got one is marked idle.
    const endS = firstStart.get(worker);
    return {
      worker,
      beyond: overCores && worker > cores,
      spawn: startS !== undefined && endS !== undefined && endS > startS ? { startS, endS } : undefined,
      idle: startS !== undefined && endS === undefined && run?.status !== 'running',
      ghosts: ghostsByWorker.get(worker) ?? [],
      bars: barsByWorker.get(worker) ?? [],
    };
  });
  return { lanes, ghostly };
}

/**
 * How far (in chip widths) each result chip moves right: arrival times only grow, so each chip's
 * offset is how many chips just before it came together (within 3 % of the axis).
 */
export function chipOffsets(items: readonly { readonly atS: number }[], axisS: number): number[] {
  const offsets: number[] = [];
  items.forEach((item, i) => {
    const prev = items[i - 1];
    offsets.push(prev && item.atS - prev.atS < axisS * 0.03 ? (offsets[i - 1] ?? 0) + 1 : 0);
  });
  return offsets;
}
