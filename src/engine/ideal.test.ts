import { describe, expect, it } from 'vitest';
import { idealSchedule, simulate } from './ideal';

const cfg = (kind: 'sleep' | 'cpu', durationsS: number[], workers = 2) => ({ kind, durationsS, workers });

describe('idealSchedule', () => {
  it('gives the chapter its times', () => {
    expect(idealSchedule('sequential', cfg('sleep', [1, 1]), 2).totalS).toBe(2);
    expect(idealSchedule('processes', cfg('sleep', [1, 1]), 2).totalS).toBe(1);
    expect(idealSchedule('processes', cfg('sleep', [1, 1, 1, 1, 1]), 2).totalS).toBe(1);
    expect(idealSchedule('pool', cfg('sleep', [3, 2, 1], 3), 2).totalS).toBe(3);
  });

  it('list-schedules the pool in submission order', () => {
    const s = idealSchedule('pool', cfg('sleep', [3, 2, 1], 2), 2);
    expect(s.totalS).toBe(3);
    expect(s.tasks).toEqual([
      { task: 0, worker: 1, startS: 0, endS: 3 },
      { task: 1, worker: 2, startS: 0, endS: 2 },
      { task: 2, worker: 2, startS: 2, endS: 3 },
    ]);
    expect(idealSchedule('pool', cfg('sleep', [1, 1, 1, 1], 2), 8).totalS).toBe(2);
  });

  it('caps CPU work by the cores: a pool larger than the machine stretches the bars', () => {
    // 4 one-second CPU tasks, 4 workers, 2 cores: they share the cores and all end at 2 s.
    const s = idealSchedule('pool', cfg('cpu', [1, 1, 1, 1], 4), 2);
    expect(s.totalS).toBeCloseTo(2, 9);
    expect(s.tasks.map((t) => t.endS)).toEqual([2, 2, 2, 2].map((x) => expect.closeTo(x, 9)));
    // The same with sleeps: no CPU needed, all overlap.
    expect(idealSchedule('pool', cfg('sleep', [1, 1, 1, 1], 4), 2).totalS).toBe(1);
    // Two cores, two workers: perfect halving.
    expect(idealSchedule('pool', cfg('cpu', [1, 1], 2), 2).totalS).toBe(1);
    // One core: no speedup at all.
    expect(idealSchedule('processes', cfg('cpu', [1, 1, 1], 3), 1).totalS).toBeCloseTo(3, 9);
  });

  it('threads: sleeps overlap (max), CPU work takes turns (sum), all on one worker', () => {
    expect(idealSchedule('threads', cfg('sleep', [1, 2, 0.5]), 8).totalS).toBe(2);
    const cpu = idealSchedule('threads', cfg('cpu', [1, 2, 0.5]), 8);
    expect(cpu.totalS).toBeCloseTo(3.5, 9);
    expect(cpu.lanes).toBe(1);
    expect(new Set(cpu.tasks.map((t) => t.worker))).toEqual(new Set([1]));
  });

  it('never beats the obvious lower bounds (slow, obviously-correct check)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 200; trial += 1) {
      const n = 1 + Math.floor(rand() * 12);
      const d = Array.from({ length: n }, () => Math.round(rand() * 40 + 1) / 10);
      const lanes = 1 + Math.floor(rand() * 6);
      const cores = 1 + Math.floor(rand() * 4);
      const s = simulate(d, lanes, cores);
      const sum = d.reduce((a, b) => a + b, 0);
      const eps = 1e-9;
      expect(s.totalS).toBeGreaterThanOrEqual(Math.max(...d) - eps);
      expect(s.totalS).toBeGreaterThanOrEqual(sum / Math.min(lanes, cores) - eps);
      expect(s.totalS).toBeLessThanOrEqual(sum + eps);
      expect(s.tasks).toHaveLength(n);
      // No lane runs two tasks at once.
      for (const a of s.tasks) {
        for (const b of s.tasks) {
          if (a !== b && a.worker === b.worker) expect(a.endS <= b.startS + eps || b.endS <= a.startS + eps).toBe(true);
        }
      }
    }
  });
});
