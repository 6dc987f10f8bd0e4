import { describe, expect, it } from 'vitest';
import { runConfig as config } from '../engine/testing/runConfig';
import { idealSchedule } from '../engine/ideal';
import { initialRunState, reduce, type StoreEvent, type StrategyRun } from '../engine/reducer';
import type { RunConfig } from '../engine/types';
import {
  axisTicks,
  barBox,
  chipOffsets,
  gridSize,
  laneLayout,
  pct,
  rowLayout,
  rowOf,
  tooltipAt,
  type LanesInput,
} from './timelineLayout';

/** The pool's run after `events` (strategy-start at 0 ms included). */
function poolRun(c: RunConfig, events: readonly StoreEvent[]): StrategyRun {
  const state = [{ type: 'strategy-start', strategy: 'pool', tMs: 0 } as const, ...events].reduce(
    reduce,
    initialRunState(c, 2),
  );
  const run = state.strategies[0];
  if (!run) throw new Error('no run');
  return run;
}

const spawn = (worker: number, tMs: number): StoreEvent => ({ type: 'worker-spawn', strategy: 'pool', worker, tMs });
const start = (task: number, worker: number, tMs: number): StoreEvent => ({
  type: 'task-start',
  strategy: 'pool',
  task,
  worker,
  tMs,
});
const end = (task: number, worker: number, tMs: number): StoreEvent => ({
  type: 'task-end',
  strategy: 'pool',
  task,
  worker,
  tMs,
});

const input = (c: RunConfig, run: StrategyRun | undefined, cores = 2): LanesInput => ({
  name: 'pool',
  run,
  ideal: idealSchedule('pool', c, cores),
  kind: c.kind,
  cores,
});

describe('axis', () => {
  it('ticks every step from 0 to the axis end', () => {
    expect(axisTicks(3)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    expect(axisTicks(20)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    const tenths = axisTicks(1);
    expect(tenths).toHaveLength(11);
    expect(tenths.at(-1)).toBeCloseTo(1, 9);
  });

  it('a zero-length axis has one tick at 0; an end between ticks stops at the last whole one', () => {
    expect(axisTicks(0)).toEqual([0]);
    expect(axisTicks(2.7)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
  });

  it('draws a gridline per tick through the background', () => {
    expect(gridSize(3)).toBe(`${(0.5 / 3) * 100}% 100%`);
    expect(gridSize(20)).toBe('10% 100%');
  });

  it('places times as a share of the axis, clamping negative ones to 0', () => {
    expect(pct(1.5, 3)).toBe('50%');
    expect(pct(-0.2, 3)).toBe('0%');
    expect(pct(3, 3)).toBe('100%');
  });
});

describe('rows', () => {
  it('class-sized runs get full 34 px rows with labels and task numbers', () => {
    expect(rowLayout('pool', 3, 3)).toEqual({
      perLane: 1,
      rowPx: 34,
      laneHeightPx: 40,
      showText: true,
      labelled: true,
    });
  });

  it('threads give each task its own row in their one lane', () => {
    expect(rowLayout('threads', 100, 1)).toEqual({
      perLane: 100,
      rowPx: 3,
      laneHeightPx: 306,
      showText: false,
      labelled: true,
    });
    expect(rowOf('threads', 7)).toBe(7);
    expect(rowOf('pool', 7)).toBe(0);
  });

  it('many lanes shrink rows: numbers go first (under 18 px), then labels (under 14 px), never under 2 px', () => {
    expect(rowLayout('pool', 20, 20)).toMatchObject({ rowPx: 16, showText: false, labelled: true });
    expect(rowLayout('pool', 30, 30)).toMatchObject({ rowPx: 10, showText: false, labelled: false });
    expect(rowLayout('processes', 1000, 1000)).toMatchObject({ rowPx: 2, laneHeightPx: 8, labelled: false });
  });

  it('boxes a bar in its row, at least 1 px tall', () => {
    expect(barBox(0.5, 1.5, 2, 10, 4)).toEqual({ left: '12.5%', width: '25%', top: '23px', height: '8px' });
    expect(barBox(0, 1, 0, 2, 4).height).toBe('1px');
  });

  it('puts a tooltip under its bar, moved left when the bar starts late on the axis', () => {
    const bar = { task: 0, worker: 1, startS: 1, endS: 2, status: 'done' } as const;
    expect(tooltipAt(bar, 0, 34, 4)).toEqual({ left: '25%', top: '38px' });
    expect(tooltipAt({ ...bar, startS: 9 }, 1, 10, 10)).toEqual({ left: pct(6, 10), top: '24px' });
  });
});

describe('lanes', () => {
  it('before the run: the ideal lanes, each with its ideal task and nothing measured', () => {
    const c = config();
    const { lanes, ghostly } = laneLayout(input(c, undefined));
    expect(ghostly).toBe(true);
    expect(lanes.map((l) => [l.worker, l.ghosts.map((g) => [g.task, g.startS, g.endS]), l.bars.length])).toEqual([
      [1, [[0, 0, 3]], 0],
      [2, [[1, 0, 2]], 0],
      [3, [[2, 0, 1]], 0],
    ]);
    expect(lanes.every((l) => !l.beyond && !l.idle && l.spawn === undefined)).toBe(true);
  });

  it('spans each Worker’s start-up to its first task, marks a Worker with no task idle once over', () => {
    const c = config({ workers: 4 });
    const events = [spawn(1, 0), spawn(2, 10), spawn(3, 20), spawn(4, 30), start(0, 1, 100), start(1, 2, 150)];
    const running = laneLayout(input(c, poolRun(c, [...events, start(2, 3, 20)])));
    expect(running.lanes.map((l) => l.spawn)).toEqual([
      { startS: 0, endS: 0.1 },
      { startS: 0.01, endS: 0.15 },
      undefined,
      undefined,
    ]);
    // Lane 3's task started the instant its Worker was created: no span; lane 4 is not idle while running.
    expect(running.lanes.map((l) => l.idle)).toEqual([false, false, false, false]);
    const over = poolRun(c, [
      ...events,
      start(2, 1, 3100),
      { type: 'strategy-end', strategy: 'pool', tMs: 4000, status: 'done' },
    ]);
    expect(laneLayout(input(c, over)).lanes.map((l) => l.idle)).toEqual([false, false, true, true]);
  });

  it('draws an ideal outline in the lane where its task really ran', () => {
    const c = config({ workers: 2 });
    const run = poolRun(c, [start(0, 2, 5), start(1, 1, 6), end(1, 1, 2006), start(2, 1, 2007)]);
    const { lanes } = laneLayout(input(c, run));
    expect(lanes.map((l) => l.ghosts.map((g) => g.task))).toEqual([[1, 2], [0]]);
    expect(lanes.map((l) => l.bars.map((b) => b.task))).toEqual([[1, 2], [0]]);
  });

  it('widens to the lanes really used and marks those beyond the cores for tasks that need one', () => {
    const c = config({ kind: 'cpu', workers: 2 });
    const run = poolRun(c, [spawn(1, 0), spawn(2, 0), spawn(3, 0)]);
    const cpu = laneLayout(input(c, run, 2));
    expect(cpu.lanes.map((l) => l.beyond)).toEqual([false, false, true]);
    const sleeping = laneLayout(input({ ...c, kind: 'sleep' }, run, 2));
    expect(sleeping.lanes.map((l) => l.beyond)).toEqual([false, false, false]);
  });

  it('a large run (over 200 tasks) has no outlines, only the ideal end line', () => {
    const c = config({ durationsS: Array<number>(250).fill(0.1), workers: 8 });
    const { lanes, ghostly } = laneLayout(input(c, undefined, 8));
    expect(ghostly).toBe(false);
    expect(lanes).toHaveLength(8);
    expect(lanes.every((l) => l.ghosts.length === 0)).toBe(true);
    const small = laneLayout(input(config({ durationsS: Array<number>(200).fill(0.1), workers: 8 }), undefined, 8));
    expect(small.ghostly).toBe(true);
    expect(small.lanes.reduce((n, l) => n + l.ghosts.length, 0)).toBe(200);
  });
});

describe('result chips', () => {
  it('shifts each chip right by the chips that arrived just before it (within 3 % of the axis)', () => {
    const at = (...s: number[]) => s.map((atS) => ({ atS }));
    expect(chipOffsets(at(1, 1.01, 1.02, 2, 2.05, 3), 4)).toEqual([0, 1, 2, 0, 1, 0]);
    expect(chipOffsets(at(1, 2, 3), 3)).toEqual([0, 0, 0]);
    expect(chipOffsets([], 3)).toEqual([]);
  });

  it('all at once: a staircase', () => {
    expect(
      chipOffsets(
        Array.from({ length: 5 }, () => ({ atS: 1 })),
        3,
      ),
    ).toEqual([0, 1, 2, 3, 4]);
  });
});
