import { describe, expect, it } from 'vitest';
import { speedup, summarize, whatHappened, type StrategyOutcome, type TileRecord } from './measure';
import type { Strategy } from './strategies';

/** Tiles as [worker, startMs, endMs], from a run that started at 1000 ms on the shared clock. */
function outcome(
  strategy: Strategy,
  workers: number,
  tiles: readonly (readonly [number, number, number])[],
  wallMs: number,
  extra: Partial<StrategyOutcome> = {},
): StrategyOutcome {
  const records: TileRecord[] = tiles.map(([worker, s, e], index) => ({
    index,
    worker,
    startMs: 1000 + s,
    endMs: 1000 + e,
    iterations: 100,
  }));
  return {
    strategy,
    workers,
    chunkSize: strategy === 'static' ? Math.ceil(tiles.length / workers) : 1,
    tileCount: tiles.length,
    records,
    startMs: 1000,
    endMs: 1000 + wallMs,
    stopped: false,
    checksum: '5f3a0b12',
    ...extra,
  };
}

// 4 tiles costing 100, 900, 900, 100 ms: sequential 2000 ms; static gives worker 1 tiles 1–2
// (1000 ms) and worker 2 tiles 3–4 (1000 ms) — balanced; a skewed static run puts the two
// expensive tiles on worker 2.
const seq = outcome(
  'sequential',
  1,
  [
    [0, 0, 100],
    [0, 100, 1000],
    [0, 1000, 1900],
    [0, 1900, 2000],
  ],
  2000,
);
const skewed = outcome(
  'static',
  2,
  [
    [0, 0, 100],
    [0, 100, 200],
    [1, 0, 900],
    [1, 900, 1800],
  ],
  1800,
);
const dynamic = outcome(
  'dynamic',
  2,
  [
    [0, 0, 100],
    [1, 0, 900],
    [0, 100, 1000],
    [1, 900, 1000],
  ],
  1000,
);

describe('summarize', () => {
  it('sums busy time per worker and names the busiest and idlest', () => {
    const s = summarize(skewed);
    expect(s.wallMs).toBe(1800);
    expect(s.loads.map((l) => l.busyMs)).toEqual([200, 1800]);
    expect(s.loads.map((l) => l.tiles)).toEqual([2, 2]);
    expect(s.busiest.worker).toBe(1);
    expect(s.idlest.worker).toBe(0);
  });

  it('imbalance = idle share of workers × wall-clock', () => {
    // 2 workers × 1800 ms = 3600 ms of worker-time, 2000 busy: 1600 idle = 44.4 %.
    expect(summarize(skewed).idlePct).toBeCloseTo((100 * 1600) / 3600, 10);
    expect(summarize(dynamic).idlePct).toBeCloseTo(0, 10);
    expect(summarize(seq).idlePct).toBeCloseTo(0, 10);
    // A worker that never got a tile counts as idle the whole time.
    const lonely = summarize(outcome('dynamic', 3, [[0, 0, 50]], 100));
    expect(lonely.idlePct).toBeCloseTo((100 * (300 - 50)) / 300, 10);
    expect(lonely.idlest.busyMs).toBe(0);
  });

  it('speedup is sequential ÷ this, only against a finished sequential run', () => {
    const rows = [seq, skewed, dynamic].map(summarize);
    expect(speedup(rows[1]!, rows)).toBeCloseTo(2000 / 1800, 10);
    expect(speedup(rows[2]!, rows)).toBeCloseTo(2, 10);
    expect(speedup(rows[1]!, rows.slice(1))).toBeNull();
    const stoppedSeq = summarize({ ...seq, stopped: true });
    expect(speedup(rows[2]!, [stoppedSeq, rows[2]!])).toBeNull();
  });
});

describe('whatHappened', () => {
  it('says nothing before a run', () => {
    expect(whatHappened([])).toBeNull();
  });

  it('names the overloaded worker, its idle partner, both speedups and the shared checksum', () => {
    const text = whatHappened([seq, skewed, dynamic].map(summarize)) ?? '';
    expect(text).toContain('worker 2 got the most expensive block and was busy 1.80 s');
    expect(text).toContain('worker 1 was busy 200 ms and then sat idle for 1.60 s');
    expect(text).toContain('static was 1.1× as fast as sequential');
    expect(text).toContain('2.0× as fast as sequential');
    expect(text).toContain('Dynamic finished 1.8× as fast as static');
    expect(text).toContain('Same image each time (checksum 5f3a0b12)');
  });

  it('says when static blocks cost the same, and when the workers had no core each', () => {
    const balanced = outcome(
      'static',
      2,
      [
        [0, 0, 500],
        [1, 0, 500],
      ],
      500,
    );
    const evenDynamic = outcome(
      'dynamic',
      2,
      [
        [0, 0, 500],
        [1, 0, 520],
      ],
      520,
    );
    expect(whatHappened([balanced, evenDynamic].map(summarize))).toContain('blocks happened to cost about the same');
    // Same tiles: 2000 ms of worker-time alone, 3800 ms in parallel: the cores were shared.
    const crowded = outcome(
      'dynamic',
      2,
      [
        [0, 0, 900],
        [1, 0, 1900],
        [0, 900, 1900],
      ],
      1900,
    );
    const text = whatHappened([seq, skewed, crowded].map(summarize)) ?? '';
    expect(text).toContain('the same tiles took 1.9× as long in parallel as alone');
  });

  it('flags differing images and stopped runs', () => {
    const other = { ...dynamic, checksum: 'deadbeef' };
    expect(whatHappened([seq, other].map(summarize))).toContain('The images differ (checksums 5f3a0b12, deadbeef)');
    const stopped = outcome('dynamic', 2, [[0, 0, 100]], 150, { stopped: true, checksum: null, tileCount: 64 });
    const text = whatHappened([seq, stopped].map(summarize)) ?? '';
    expect(text).toContain('Pool, dynamic was stopped after 1 of 64 tiles');
    expect(text).not.toContain('Dynamic hand-out');
  });
});
