import { describe, expect, it } from 'vitest';
import { fnv1aBytes, fnv1aCounts } from './checksum';
import { classicView, escapeIterations, renderTile } from './mandel';
import { chunkRanges, makeTiles, staticChunkSize } from './tiles';

describe('escapeIterations', () => {
  it('counts the steps until |z| > 2 at known points', () => {
    expect(escapeIterations(0, 0, 500)).toBe(500); // 0, 0, 0, … never escapes
    expect(escapeIterations(-1, 0, 500)).toBe(500); // 0, −1, 0, −1, …
    expect(escapeIterations(-2, 0, 500)).toBe(500); // 0, −2, 2, 2, … (|2| is not > 2)
    expect(escapeIterations(0, 1, 500)).toBe(500); // 0, i, −1+i, −i, −1+i, …
    expect(escapeIterations(3, 0, 500)).toBe(1); // 0, 3
    expect(escapeIterations(2, 0, 500)).toBe(2); // 0, 2, 6
    expect(escapeIterations(1, 0, 500)).toBe(3); // 0, 1, 2, 5
    expect(escapeIterations(0.25, 0, 100)).toBe(100); // the cusp converges (slowly) to 0.5
    expect(escapeIterations(0.26, 0, 1000)).toBeGreaterThan(20); // just outside: escapes, late
    expect(escapeIterations(0.26, 0, 1000)).toBeLessThan(1000);
  });

  it('never counts past the limit', () => {
    expect(escapeIterations(0, 0, 1)).toBe(1);
    expect(escapeIterations(-0.5, 0.5, 100)).toBe(100);
  });
});

describe('classicView', () => {
  it('fits x −2.5…1 and y −1.25…1.25 with square pixels, centred on −0.75', () => {
    for (const [w, h] of [
      [1200, 800],
      [600, 400],
      [400, 600],
      [2000, 500],
    ] as const) {
      const v = classicView(w, h);
      const x1 = v.x0 + w * v.step;
      const y1 = v.y0 + h * v.step;
      expect(v.x0).toBeLessThanOrEqual(-2.5 + 1e-12);
      expect(x1).toBeGreaterThanOrEqual(1 - 1e-12);
      expect(v.y0).toBeLessThanOrEqual(-1.25 + 1e-12);
      expect(y1).toBeGreaterThanOrEqual(1.25 - 1e-12);
      expect((v.x0 + x1) / 2).toBeCloseTo(-0.75, 12);
      expect((v.y0 + y1) / 2).toBeCloseTo(0, 12);
      // The room is only added along one side: the other fits exactly.
      expect(Math.min(x1 - v.x0 - 3.5, y1 - v.y0 - 2.5)).toBeCloseTo(0, 12);
    }
  });
});

describe('renderTile', () => {
  it('gives each pixel its point’s count, row by row, and the sum as the cost', () => {
    const view = classicView(120, 80);
    const tile = { x: 50, y: 30, w: 7, h: 5 };
    const { counts, iterations } = renderTile(tile, view, 200);
    expect(counts.length).toBe(35);
    let sum = 0;
    for (let r = 0; r < 5; r += 1)
      for (let c = 0; c < 7; c += 1) {
        const n = escapeIterations(view.x0 + (50 + c + 0.5) * view.step, view.y0 + (30 + r + 0.5) * view.step, 200);
        expect(counts[r * 7 + c]).toBe(n);
        sum += n;
      }
    expect(iterations).toBe(sum);
  });
});

describe('makeTiles', () => {
  function coverage(width: number, height: number, cols: number, rows: number): Uint8Array {
    const hits = new Uint8Array(width * height);
    for (const t of makeTiles(width, height, cols, rows))
      for (let y = t.y; y < t.y + t.h; y += 1)
        for (let x = t.x; x < t.x + t.w; x += 1) hits[y * width + x] = (hits[y * width + x] ?? 0) + 1;
    return hits;
  }

  it.each([
    [1200, 800, 8, 8],
    [601, 397, 8, 8],
    [100, 100, 7, 3],
    [50, 40, 50, 1],
    [33, 17, 1, 17],
  ])('covers every pixel of %i×%i exactly once with %i×%i tiles', (w, h, cols, rows) => {
    const hits = coverage(w, h, cols, rows);
    expect(hits.every((n) => n === 1)).toBe(true);
    const tiles = makeTiles(w, h, cols, rows);
    expect(tiles.length).toBe(cols * rows);
    expect(tiles.map((t) => t.index)).toEqual(tiles.map((_, i) => i));
    // Sizes differ by one pixel at most.
    const widths = tiles.map((t) => t.w);
    const heights = tiles.map((t) => t.h);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(1);
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(1);
  });

  it('numbers tiles column by column: a contiguous run is a vertical strip', () => {
    const tiles = makeTiles(800, 800, 4, 4);
    expect(tiles.slice(0, 4).map((t) => [t.x, t.y])).toEqual([
      [0, 0],
      [0, 200],
      [0, 400],
      [0, 600],
    ]);
    expect(tiles[4]).toMatchObject({ x: 200, y: 0 });
  });
});

describe('chunks', () => {
  it('static: one contiguous block per worker, at most `workers` blocks', () => {
    for (const [n, workers] of [
      [64, 2],
      [64, 3],
      [64, 16],
      [10, 4],
      [3, 8],
      [1, 1],
    ] as const) {
      const size = staticChunkSize(n, workers);
      const blocks = chunkRanges(n, size);
      expect(blocks.length).toBeLessThanOrEqual(workers);
      expect(blocks[0]?.first).toBe(0);
      expect(blocks.at(-1)?.end).toBe(n);
      blocks.slice(1).forEach((b, i) => expect(b.first).toBe(blocks[i]?.end));
      // As even as whole tiles allow: no block is more than one chunk size.
      expect(blocks.every((b) => b.end - b.first <= size)).toBe(true);
    }
    expect(chunkRanges(64, staticChunkSize(64, 2))).toEqual([
      { first: 0, end: 32 },
      { first: 32, end: 64 },
    ]);
    expect(chunkRanges(64, staticChunkSize(64, 3)).map((b) => b.end - b.first)).toEqual([22, 22, 20]);
  });

  it('dynamic: chunks of the given size in order, the last one shorter', () => {
    expect(chunkRanges(10, 1)).toHaveLength(10);
    expect(chunkRanges(10, 4)).toEqual([
      { first: 0, end: 4 },
      { first: 4, end: 8 },
      { first: 8, end: 10 },
    ]);
  });
});

describe('checksum', () => {
  it('is FNV-1a (published test vectors)', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(fnv1aBytes(bytes(''))).toBe('811c9dc5');
    expect(fnv1aBytes(bytes('a'))).toBe('e40c292c');
    expect(fnv1aBytes(bytes('foobar'))).toBe('bf9cf968');
  });

  it('reads counts as little-endian bytes, and changes when one count does', () => {
    const counts = new Uint32Array([1, 500, 0x01020304, 0xffffffff]);
    const le = new Uint8Array(16);
    const view = new DataView(le.buffer);
    counts.forEach((n, i) => view.setUint32(i * 4, n, true));
    expect(fnv1aCounts(counts)).toBe(fnv1aBytes(le));
    const changed = counts.slice();
    changed[1] = 499;
    expect(fnv1aCounts(changed)).not.toBe(fnv1aCounts(counts));
  });

  it('gives the image the checksum CPython gets from the lab’s Python (120×80, 100 iterations, 8×8 tiles)', () => {
    // Reference: mandelbrotPython({ width: 120, height: 80, maxIter: 100, cols: 8, rows: 8 }) run by CPython 3 prints a450c845.
    const [w, h, maxIter] = [120, 80, 100];
    const view = classicView(w, h);
    const image = new Uint32Array(w * h);
    for (const t of makeTiles(w, h, 8, 8)) {
      const { counts } = renderTile(t, view, maxIter);
      for (let r = 0; r < t.h; r += 1) image.set(counts.subarray(r * t.w, (r + 1) * t.w), (t.y + r) * w + t.x);
    }
    expect(fnv1aCounts(image)).toBe('a450c845');
  });
});
