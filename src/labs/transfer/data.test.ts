import { describe, expect, it } from 'vitest';
import { fillSamples, sampleCount, sampleSum, STRIDE, touchSamples } from './data';

describe('the data and the Worker’s check', () => {
  it('samples one number per 4 KB page', () => {
    expect(STRIDE * 4).toBe(4096);
    expect(sampleCount(2 ** 20)).toBe(256);
    expect(sampleCount(64 * 2 ** 20)).toBe(16_384);
  });
  it('reads back the sum it wrote, and the touch adds one per sample', () => {
    const data = new Uint32Array(2 ** 20 / 4);
    const sum = fillSamples(data, 7);
    expect(sum).toBeGreaterThan(0);
    expect(sampleSum(data)).toBe(sum);
    touchSamples(data);
    expect(sampleSum(data)).toBe(sum + sampleCount(2 ** 20));
  });
  it('sees different data as a different sum', () => {
    const a = new Uint32Array(4096);
    const b = new Uint32Array(4096);
    expect(fillSamples(a, 1)).not.toBe(fillSamples(b, 2));
  });
});
