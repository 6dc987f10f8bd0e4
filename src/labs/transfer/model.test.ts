import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatMs,
  formatRate,
  formatTick,
  groupBySize,
  layoutBar,
  mbPerSecond,
  median,
  niceAxis,
  progressText,
  senderLabel,
  summarize,
  tripParts,
  whatHappened,
  type Method,
  type TransferRow,
  type Trip,
} from './model';

/** A trip from its parts, starting at `at` ms. */
function trip(thereMs: number, workMs: number, backMs: number, senderBytesAfterSend = 0, at = 1000): Trip {
  return {
    sentMs: at,
    receivedMs: at + thereMs,
    repliedMs: at + thereMs + workMs,
    backMs: at + thereMs + workMs + backMs,
    senderBytesAfterSend,
  };
}

function row(
  method: Method,
  sizeMb: number,
  thereMs: number,
  workMs: number,
  backMs: number,
  sender: number,
): TransferRow {
  return {
    method,
    sizeMb,
    parts: { thereMs, workMs, backMs, totalMs: thereMs + workMs + backMs },
    trips: 5,
    senderBytes: [sender, sender, sender, sender, sender],
  };
}

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('tripParts', () => {
  it('splits a trip into there, work and back that add up to the total', () => {
    const p = tripParts(trip(24, 0.5, 26));
    expect(p.thereMs).toBeCloseTo(24);
    expect(p.workMs).toBeCloseTo(0.5);
    expect(p.backMs).toBeCloseTo(26);
    expect(p.totalMs).toBeCloseTo(50.5);
    expect(p.thereMs + p.workMs + p.backMs).toBeCloseTo(p.totalMs);
  });
});

describe('summarize', () => {
  it('drops the warm-up trip and keeps the trip with the median total', () => {
    const trips = [
      trip(500, 1, 500),
      trip(10, 1, 10),
      trip(30, 1, 30),
      trip(20, 1, 20),
      trip(40, 1, 40),
      trip(5, 1, 5),
    ];
    const r = summarize('clone', 16, trips);
    expect(r.trips).toBe(5);
    expect(r.parts.totalMs).toBeCloseTo(41);
    expect(r.parts.thereMs).toBeCloseTo(20);
    expect(r.senderBytes).toHaveLength(5);
  });
  it('takes the lower middle trip for an even count, so the parts still add up', () => {
    const r = summarize('transfer', 1, [trip(1, 0, 1), trip(2, 0, 2), trip(4, 0, 4)]);
    expect(r.parts.totalMs).toBeCloseTo(4);
  });
  it('refuses when nothing is left after the warm-up', () => {
    expect(() => summarize('clone', 1, [trip(1, 1, 1)])).toThrow(/no trip/);
  });
});

describe('MB/s and formats', () => {
  it('counts the size both ways over the total', () => {
    expect(mbPerSecond(64, 100)).toBeCloseTo(1280);
    expect(mbPerSecond(1, 0)).toBe(Infinity);
  });
  it('writes bytes, ms and rates for people', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(64 * 2 ** 20)).toBe('64 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatMs(0.213)).toBe('0.21');
    expect(formatMs(58.26)).toBe('58.3');
    expect(formatMs(123.4)).toBe('123');
    expect(formatRate(1126)).toBe('1.1 GB/s');
    expect(formatRate(640)).toBe('640 MB/s');
    expect(formatRate(600_000)).toBe('586 GB/s');
  });
  it('says what the page’s buffer held after sending, as measured', () => {
    expect(senderLabel('clone', [64 * 2 ** 20])).toBe('64 MB kept');
    expect(senderLabel('transfer', [0, 0])).toBe('0 bytes (moved)');
    expect(senderLabel('shared', [2 ** 20])).toBe('1 MB shared');
    expect(senderLabel('transfer', [0, 2 ** 20])).toBe('0 bytes (moved) / 1 MB kept');
  });
  it('writes the progress, warm-up first', () => {
    expect(progressText(16, 'transfer', 1)).toBe('16 MB · transfer · warm-up');
    expect(progressText(16, 'transfer', 4)).toBe('16 MB · transfer · trip 3 of 5');
  });
});

describe('the picture', () => {
  it('lays there, work and back one after another on the axis', () => {
    const segs = layoutBar({ thereMs: 25, workMs: 10, backMs: 15, totalMs: 50 }, 100);
    expect(segs.map((s) => s.kind)).toEqual(['there', 'work', 'back']);
    expect(segs.map((s) => [s.left, s.width])).toEqual([
      [0, 25],
      [25, 10],
      [35, 15],
    ]);
  });
  it('draws negative clock noise as nothing', () => {
    const segs = layoutBar({ thereMs: -0.01, workMs: 0.02, backMs: 0.05, totalMs: 0.06 }, 0.1);
    expect(segs[0]?.width).toBe(0);
    expect(segs[1]?.left).toBe(0);
  });
  it('rounds the axis up to a multiple of a round step, 2 to 5 steps', () => {
    expect(niceAxis(238)).toEqual({ endMs: 300, ticks: [0, 100, 200, 300] });
    expect(niceAxis(62.9)).toEqual({ endMs: 80, ticks: [0, 20, 40, 60, 80] });
    expect(niceAxis(6.86).ticks).toEqual([0, 2, 4, 6, 8]);
    expect(niceAxis(100).ticks).toEqual([0, 25, 50, 75, 100]);
    expect(niceAxis(0.21).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceAxis(0).endMs).toBe(1);
    for (const max of [0.013, 0.7, 3.3, 47, 512, 9999]) {
      const { endMs, ticks } = niceAxis(max);
      expect(endMs).toBeGreaterThanOrEqual(max);
      expect(ticks.length - 1).toBeGreaterThanOrEqual(2);
      expect(ticks.length - 1).toBeLessThanOrEqual(5);
    }
    expect(formatTick(0)).toBe('0');
    expect(formatTick(1.25)).toBe('1.25');
    expect(formatTick(0.30000000000000004)).toBe('0.3');
  });
  it('groups rows by size, methods in a fixed order', () => {
    const groups = groupBySize([
      row('shared', 4, 0, 0, 0, 1),
      row('clone', 1, 1, 0, 1, 1),
      row('clone', 4, 1, 0, 1, 1),
    ]);
    expect(groups.map((g) => [g.sizeMb, g.rows.map((r) => r.method)])).toEqual([
      [1, ['clone']],
      [4, ['clone', 'shared']],
    ]);
  });
});

describe('whatHappened', () => {
  const big = 64 * 2 ** 20;
  it('is null before any row', () => {
    expect(whatHappened([])).toBeNull();
  });
  it('names each method’s cost at the largest size and how clone grew', () => {
    const text = whatHappened([
      row('clone', 1, 0.5, 0.01, 0.5, 2 ** 20),
      row('clone', 64, 28, 0.02, 30, big),
      row('transfer', 64, 0.1, 0.02, 0.08, 0),
      row('shared', 64, 0.03, 0.01, 0.01, big),
    ]);
    expect(text).toContain('At 64 MB, clone took 28.0 ms there and 30.0 ms back (2.2 GB/s)');
    expect(text).toContain('Transfer took 0.20 ms in all');
    expect(text).toContain('the page’s buffer is empty (0 bytes)');
    expect(text).toContain('Shared took 0.05 ms');
    expect(text).toContain('Clone was 290× slower than transfer');
    expect(text).toContain('From 1 MB to 64 MB (64× the data) clone’s trip grew 57×, roughly in proportion');
  });
  it('says when clone grew more or less than the data', () => {
    const more = whatHappened([row('clone', 1, 1, 0, 1, 2 ** 20), row('clone', 256, 600, 0, 700, 256 * 2 ** 20)]);
    expect(more).toContain('(256× the data) clone’s trip grew 650×, more than the data');
    const less = whatHappened([row('clone', 1, 2, 0, 2, 2 ** 20), row('clone', 64, 30, 0, 30, big)]);
    expect(less).toContain('(64× the data) clone’s trip grew 15×, less than the data');
  });
  it('says so when a transfer did not empty the page’s buffer', () => {
    expect(whatHappened([row('transfer', 4, 0.1, 0, 0.1, 4 * 2 ** 20)])).toContain('still held 4 MB');
  });
  it('says when clone was no slower, and when the run was stopped', () => {
    const text = whatHappened([row('clone', 1, 0.1, 0, 0.1, 2 ** 20), row('transfer', 1, 0.1, 0, 0.09, 0)], true);
    expect(text).toContain('about as fast as transfer');
    expect(text).toMatch(/stopped; these are the measurements finished before Stop\.$/);
    expect(whatHappened([], true)).toMatch(/stopped before any measurement/);
  });
});
