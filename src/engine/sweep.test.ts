import { describe, expect, it } from 'vitest';
import { FakeExecutor, FakeTime } from './testing/virtualTime';
import { amdahl, fitAmdahl, runSweep, sweepCounts, type SweepPoint } from './sweep';

describe("Amdahl's law", () => {
  it('recovers a known serial fraction from synthetic points', () => {
    for (const f of [0, 0.05, 0.2, 0.5, 0.9]) {
      const points = [1, 2, 3, 4, 6, 8].map((n) => ({ workers: n, speedup: amdahl(f, n) }));
      const fit = fitAmdahl(points);
      expect(fit.serialFraction).toBeCloseTo(f, 5);
      expect(fit.rmse).toBeLessThan(1e-5);
    }
  });

  it('stays close with measurement noise', () => {
    const noise = [0.02, -0.03, 0.01, -0.01, 0.03, -0.02];
    const points = [1, 2, 3, 4, 6, 8].map((n, i) => ({ workers: n, speedup: amdahl(0.1, n) * (1 + (noise[i] ?? 0)) }));
    expect(fitAmdahl(points).serialFraction).toBeGreaterThan(0.07);
    expect(fitAmdahl(points).serialFraction).toBeLessThan(0.13);
  });

  it('sweeps 1 … max(2 × cores, 8) workers', () => {
    expect(sweepCounts(2)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(sweepCounts(6)).toHaveLength(12);
  });
});

describe('runSweep on virtual time', () => {
  async function sweep(kind: 'sleep' | 'cpu', cores: number) {
    const time = new FakeTime();
    const executor = new FakeExecutor(time, { spawnMs: 0 });
    const seen: number[] = [];
    const points = await time.runUntilSettled(
      runSweep(
        { executor, clock: time, signal: new AbortController().signal },
        { kind, durationsS: [1, 1, 1, 1, 1, 1, 1, 1], strategies: ['sequential'], workers: 2 },
        cores,
        [1, 2, 4, 8],
        (store) => seen.push(store.getState().config.workers),
        () => undefined,
      ),
    );
    return { points, seen };
  }

  it('gives one point per pool size; sleep tasks scale with the workers', async () => {
    const { points, seen } = await sweep('sleep', 2);
    expect(seen).toEqual([1, 2, 4, 8]);
    expect(points.map((p: SweepPoint) => [p.workers, p.wallS, p.speedup, p.idealSpeedup])).toEqual([
      [1, 8, 1, 1],
      [2, 4, 2, 2],
      [4, 2, 4, 4],
      [8, 1, 8, 8],
    ]);
  });

  it('the model caps CPU work at the cores', async () => {
    const { points } = await sweep('cpu', 2);
    expect(points.map((p) => p.idealSpeedup)).toEqual([1, 2, 2, 2]);
  });
});
