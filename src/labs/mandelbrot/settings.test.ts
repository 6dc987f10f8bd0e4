import { describe, expect, it } from 'vitest';
import { defaultRaw, defaultWorkers, parseSettings, readUrl } from './settings';

describe('settings', () => {
  it('defaults: 1200×800, 500 iterations, 8×8 tiles, every strategy, workers = cores (1–16)', () => {
    const parsed = parseSettings(defaultRaw(4));
    expect(parsed.settings).toEqual({
      width: 1200,
      height: 800,
      maxIter: 500,
      cols: 8,
      rows: 8,
      workers: 4,
      chunk: 1,
      strategies: ['sequential', 'static', 'dynamic'],
    });
    expect(defaultWorkers(undefined)).toBe(2);
    expect(defaultWorkers(64)).toBe(16);
    expect(defaultWorkers(0)).toBe(1);
  });

  it('reads the URL, strategies in their fixed order', () => {
    const raw = readUrl(
      '?lab=mandelbrot&size=600x400&iter=300&tiles=16x1&workers=2&chunk=2&strategies=dynamic,static',
      8,
    );
    expect(parseSettings(raw).settings).toMatchObject({
      width: 600,
      height: 400,
      maxIter: 300,
      cols: 16,
      rows: 1,
      workers: 2,
      chunk: 2,
      strategies: ['static', 'dynamic'],
    });
    expect(parseSettings(readUrl('?size=640×480', 2)).settings).toMatchObject({ width: 640, height: 480 });
  });

  it('names the control and the allowed range for each bad value', () => {
    const bad = parseSettings({
      ...defaultRaw(2),
      size: 'big',
      iter: '50',
      tiles: '0x8',
      workers: '17',
      chunk: '1.5',
      strategies: [],
    });
    expect(bad.settings).toBeNull();
    expect(bad.errors.map((e) => e.message)).toEqual([
      'Image size: "big" is not width×height; use e.g. 1200x800',
      'Max iterations: "50" is not a whole number from 100 to 5000',
      'Tiles: 0x8: use 1–64 a side',
      'Workers: "17" is not a whole number from 1 to 16',
      'Chunk size: "1.5" is not a whole number of tiles, 1 or more',
      'Strategies: choose at least one',
    ]);
    expect(parseSettings({ ...defaultRaw(2), chunk: '65' }).errors[0]?.message).toBe(
      'Chunk size: 65 is more than the 64 tiles; use 1–64',
    );
    expect(parseSettings({ ...defaultRaw(2), size: '4000x4000' }).errors[0]?.field).toBe('size');
    expect(parseSettings({ ...defaultRaw(2), size: '20x20', tiles: '32x1' }).errors[0]?.field).toBe('tiles');
  });
});
