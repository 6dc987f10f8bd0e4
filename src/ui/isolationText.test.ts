import { describe, expect, it } from 'vitest';
import { formatTick, isolationText, measureTickMs } from './isolationText';

/** A clock that reads `step`-coarsened time, advancing `perRead` ms per reading. */
function coarseClock(step: number, perRead: number, start = 1000.0123): () => number {
  let t = start;
  return () => {
    t += perRead;
    return Math.floor(t / step) * step;
  };
}

describe('measureTickMs', () => {
  it('finds the resolution of a coarsened clock', () => {
    expect(measureTickMs(coarseClock(0.1, 0.0007))).toBeCloseTo(0.1, 6);
    expect(measureTickMs(coarseClock(0.005, 0.0003))).toBeCloseTo(0.005, 6);
  });

  it('takes the smallest step when reads are slower than some ticks', () => {
    // Readings every 0.004 ms on a 0.005 ms clock: steps of one tick and of two ticks.
    expect(measureTickMs(coarseClock(0.005, 0.004))).toBeCloseTo(0.005, 6);
  });

  it('is NaN for a clock that never moves', () => {
    expect(measureTickMs(() => 42)).toBeNaN();
  });
});

describe('formatTick', () => {
  it('says µs below 0.1 ms and ms from there', () => {
    expect(formatTick(0.005)).toBe('5 µs');
    expect(formatTick(0.0049999999)).toBe('5 µs');
    expect(formatTick(0.02)).toBe('20 µs');
    expect(formatTick(0.09999999)).toBe('0.1 ms');
    expect(formatTick(0.1)).toBe('0.1 ms');
    expect(formatTick(1)).toBe('1 ms');
    expect(formatTick(0.0004)).toBe('< 1 µs');
    expect(formatTick(NaN)).toBe('unknown');
  });
});

describe('isolationText', () => {
  it('an isolated page: yes, the fine clock and shared memory, no hint', () => {
    const text = isolationText({ isolated: true, sharedMemory: true, tickMs: 0.005 });
    expect(text.answer).toBe('yes');
    expect(text.effects).toBe('5 µs clock, shared memory');
    expect(text.detail).toMatch(/COOP\/COEP.*every 5 µs.*SharedArrayBuffer is available/);
    expect(text.hint).toBeUndefined();
  });

  it('a page that is not isolated: no, the coarse clock, no shared memory, and how to get isolation', () => {
    const text = isolationText({ isolated: false, sharedMemory: false, tickMs: 0.1 });
    expect(text.answer).toBe('no');
    expect(text.effects).toBe('0.1 ms clock, no shared memory');
    expect(text.detail).toMatch(/every 0\.1 ms.*SharedArrayBuffer is not available/);
    expect(text.hint).toMatch(/COOP\/COEP.*service worker/);
  });
});
