import { describe, expect, it } from 'vitest';
import {
  axisTicks,
  axisUnit,
  barBox,
  formatAxisTime,
  laneSizing,
  laneStats,
  paintBars,
  planDraw,
  tickStepMs,
  xOf,
  type GanttBar,
} from './ganttLayout';

describe('tickStepMs', () => {
  it('picks a 1-2-5 step giving at most 8 steps', () => {
    expect(tickStepMs(1000)).toBe(200);
    expect(tickStepMs(800)).toBe(100);
    expect(tickStepMs(1230)).toBe(200);
    expect(tickStepMs(3)).toBe(0.5);
    expect(tickStepMs(45_000)).toBe(10_000);
    for (const axis of [0.7, 9, 99, 101, 777, 1999, 2001, 12_345, 600_000]) {
      const step = tickStepMs(axis);
      expect(axis / step).toBeLessThanOrEqual(8 + 1e-9);
      expect(axis / step).toBeGreaterThan(8 / 5 - 1e-9);
      const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
      expect([1, 2, 5]).toContain(Number(mantissa.toFixed(6)));
    }
  });
  it('survives an empty axis', () => {
    expect(tickStepMs(0)).toBe(1);
    expect(axisTicks(0)).toEqual([{ ms: 0, text: '0 ms' }]);
  });
});

describe('axis ticks', () => {
  it('speaks ms below 2 s and seconds from there', () => {
    expect(axisUnit(1999)).toBe('ms');
    expect(axisUnit(2000)).toBe('s');
    expect(axisTicks(1000).map((t) => t.text)).toEqual(['0 ms', '200 ms', '400 ms', '600 ms', '800 ms', '1000 ms']);
    expect(axisTicks(5000).map((t) => t.text)).toEqual(['0 s', '1 s', '2 s', '3 s', '4 s', '5 s']);
    expect(axisTicks(2500).map((t) => t.text)).toEqual(['0 s', '0.5 s', '1 s', '1.5 s', '2 s', '2.5 s']);
  });
  it('ends at or before the axis end, without float noise', () => {
    const ticks = axisTicks(0.3);
    expect(ticks.at(-1)?.ms).toBeLessThanOrEqual(0.3 + 1e-12);
    expect(ticks.map((t) => t.text)).toEqual(['0 ms', '0.05 ms', '0.1 ms', '0.15 ms', '0.2 ms', '0.25 ms', '0.3 ms']);
    expect(formatAxisTime(0.1 + 0.2, 'ms')).toBe('0.3 ms');
  });
});

describe('xOf and barBox', () => {
  const g = { x0: 100, widthPx: 1000, lanePx: 30, padPx: 4, axisMs: 500 };
  it('maps ms to px on the track, clamped', () => {
    expect(xOf(0, 500, 1000, 100)).toBe(100);
    expect(xOf(250, 500, 1000, 100)).toBe(600);
    expect(xOf(900, 500, 1000, 100)).toBe(1100);
    expect(xOf(-5, 500, 1000, 100)).toBe(100);
    expect(xOf(10, 0, 1000, 100)).toBe(100);
  });
  it('puts a bar in its lane, a 1 px gap after a wide bar, at least 1 px wide', () => {
    expect(barBox({ lane: 1, startMs: 50, endMs: 100 }, g)).toEqual({ x: 200, y: 34, w: 99, h: 22 });
    // 0.1 ms on this axis is 0.2 px: still drawn, 1 px wide.
    expect(barBox({ lane: 0, startMs: 10, endMs: 10.1 }, g).w).toBe(1);
    // 2 px: no gap (it would halve the bar).
    expect(barBox({ lane: 0, startMs: 10, endMs: 11 }, g).w).toBeCloseTo(2);
    // An end before the start is a zero-length bar.
    expect(barBox({ lane: 0, startMs: 10, endMs: 5 }, g).w).toBe(1);
  });
});

describe('laneSizing', () => {
  it('shares the height between lanes within the per-lane bounds', () => {
    expect(laneSizing(2)).toEqual({ lanePx: 56, lanesPx: 112 });
    expect(laneSizing(8)).toEqual({ lanePx: 40, lanesPx: 320 });
    expect(laneSizing(16)).toEqual({ lanePx: 20, lanesPx: 320 });
    expect(laneSizing(40).lanePx).toBe(18);
    expect(laneSizing(40).lanesPx).toBe(720);
    expect(laneSizing(0).lanesPx).toBe(56);
  });
});

describe('planDraw', () => {
  const bars: GanttBar[] = Array.from({ length: 10 }, (_, i) => ({ lane: i % 2, startMs: i, endMs: i + 1 }));
  it('draws everything the first time', () => {
    expect(planDraw({ drawn: 0, bars: null, key: '' }, bars, 'k')).toEqual({ full: true, from: 0, to: 10 });
  });
  it('draws only the new bars when the array grew (same bars first)', () => {
    const more = [...bars, { lane: 0, startMs: 10, endMs: 11 }];
    expect(planDraw({ drawn: 10, bars, key: 'k' }, more, 'k')).toEqual({ full: false, from: 10, to: 11 });
    expect(planDraw({ drawn: 10, bars, key: 'k' }, bars, 'k')).toEqual({ full: false, from: 10, to: 10 });
  });
  it('draws everything again when the key changed, or the array is another run', () => {
    expect(planDraw({ drawn: 10, bars, key: 'k' }, [...bars], 'other').full).toBe(true);
    const another = bars.map((b) => ({ ...b }));
    expect(planDraw({ drawn: 10, bars, key: 'k' }, another, 'k').full).toBe(true);
    expect(planDraw({ drawn: 10, bars, key: 'k' }, bars.slice(0, 3), 'k')).toEqual({ full: true, from: 0, to: 3 });
  });
  it('spreads a large redraw over frames', () => {
    const first = planDraw({ drawn: 0, bars: null, key: '' }, bars, 'k', 4);
    expect(first).toEqual({ full: true, from: 0, to: 4 });
    expect(planDraw({ drawn: 4, bars, key: 'k' }, bars, 'k', 4)).toEqual({ full: false, from: 4, to: 8 });
    expect(planDraw({ drawn: 8, bars, key: 'k' }, bars, 'k', 4)).toEqual({ full: false, from: 8, to: 10 });
  });
});

describe('paintBars', () => {
  const g = { x0: 0, widthPx: 1000, lanePx: 30, padPx: 4, axisMs: 1000 };
  it('merges touching thin bars of one tone in one lane, pixel for pixel', () => {
    // 10,000 bars of 0.1 ms back to back on two lanes, chunks of 1,250 alternating tone.
    const bars: GanttBar[] = Array.from({ length: 10_000 }, (_, i) => ({
      lane: i % 2,
      startMs: Math.floor(i / 2) * 0.2,
      endMs: Math.floor(i / 2) * 0.2 + 0.1,
      tone: Math.floor(i / 1250) % 2,
      mark: i % 1250 === 0,
    }));
    const paint = paintBars(bars, 0, bars.length, g, 10);
    expect(paint.rects).toBe(16); // 8 chunks, each split over 2 lanes
    expect(paint.byTone[0]).toHaveLength(8 * 4);
    expect(paint.byTone[1]).toHaveLength(8 * 4);
    expect(paint.byTone.slice(2).every((l) => l.length === 0)).toBe(true);
    // The first chunk's tasks on lane 0 run 0 … 124.9 ms; its last bar is 1 px wide (124.8 + 1 px).
    expect(paint.byTone[0]?.slice(0, 4)).toEqual([0, 4, expect.closeTo(125.8, 6), 22]);
    expect(paint.marks).toHaveLength(8 * 2);
    expect(paint.outlines).toEqual([]);
  });
  it('keeps wide bars apart, with a gap and an outline each', () => {
    const bars: GanttBar[] = [
      { lane: 0, startMs: 0, endMs: 10 },
      { lane: 0, startMs: 10, endMs: 20 },
    ];
    const paint = paintBars(bars, 0, 2, g, 10);
    expect(paint.byTone[0]).toEqual([0, 4, 9, 22, 10, 4, 9, 22]);
    expect(paint.outlines).toHaveLength(8);
    expect(paint.rects).toBe(2);
  });
  it('does not merge across a gap, another tone or another lane, and paints only the range', () => {
    const bars: GanttBar[] = [
      { lane: 0, startMs: 0, endMs: 1 },
      { lane: 0, startMs: 5, endMs: 6 },
      { lane: 0, startMs: 6, endMs: 7, tone: 1 },
      { lane: 0, startMs: 7, endMs: 8 },
      { lane: 1, startMs: 8, endMs: 9 },
    ];
    expect(paintBars(bars, 0, 5, g, 10).rects).toBe(5);
    expect(paintBars(bars, 1, 3, g, 10).rects).toBe(2);
    expect(paintBars(bars, 0, 5, g, 1).rects).toBe(3); // one tone: 5–8 ms is one run on lane 0
  });
});

describe('laneStats', () => {
  it('counts tasks, busy time (overlaps once), idle time and groups per lane', () => {
    const bars: GanttBar[] = [
      { lane: 0, startMs: 0, endMs: 10, mark: true },
      { lane: 0, startMs: 10, endMs: 20 },
      { lane: 1, startMs: 5, endMs: 15, mark: true },
      { lane: 1, startMs: 12, endMs: 18 },
      { lane: 1, startMs: 30, endMs: 40, mark: true },
    ];
    expect(laneStats(bars, 3)).toEqual([
      { lane: 0, tasks: 2, busyMs: 20, idleMs: 20, groups: 1 },
      { lane: 1, tasks: 3, busyMs: 23, idleMs: 17, groups: 2 },
      { lane: 2, tasks: 0, busyMs: 0, idleMs: 40, groups: 0 },
    ]);
    expect(laneStats(bars, 1, 100)[0]?.idleMs).toBe(80);
    expect(laneStats([], 2)).toEqual([
      { lane: 0, tasks: 0, busyMs: 0, idleMs: 0, groups: 0 },
      { lane: 1, tasks: 0, busyMs: 0, idleMs: 0, groups: 0 },
    ]);
  });
});
