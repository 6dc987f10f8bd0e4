// Lab `mandelbrot`: cutting the image into tiles and the tiles into chunks, pure.
import type { TileRect } from './mandel';

/** A tile and its place in the list the pool hands out. */
export interface Tile extends TileRect {
  readonly index: number;
}

/**
 * `cols × rows` tiles covering a `width × height` image exactly once, numbered column by column,
 * left to right (Python's `for x … for y …`): a contiguous run of tiles is a vertical strip. Sizes
 * differ by at most one pixel (the first tiles get the extra pixels).
 */
export function makeTiles(width: number, height: number, cols: number, rows: number): Tile[] {
  const xs = cuts(width, cols);
  const ys = cuts(height, rows);
  const tiles: Tile[] = [];
  for (let c = 0; c < cols; c += 1) {
    for (let r = 0; r < rows; r += 1) {
      const x = xs[c] ?? 0;
      const y = ys[r] ?? 0;
      tiles.push({ index: tiles.length, x, y, w: (xs[c + 1] ?? width) - x, h: (ys[r + 1] ?? height) - y });
    }
  }
  return tiles;
}

/** `parts + 1` boundaries from 0 to `length`, as even as whole pixels allow. */
function cuts(length: number, parts: number): number[] {
  const base = Math.floor(length / parts);
  const extra = length % parts;
  const out = [0];
  for (let i = 0; i < parts; i += 1) out.push((out[i] ?? 0) + base + (i < extra ? 1 : 0));
  return out;
}

/** Splits `count` items in order into runs of `size` (the last may be shorter): [first, end) each. */
export function chunkRanges(count: number, size: number): { readonly first: number; readonly end: number }[] {
  const out: { first: number; end: number }[] = [];
  for (let first = 0; first < count; first += size) out.push({ first, end: Math.min(count, first + size) });
  return out;
}

/**
 * Static chunks (`Pool.map` with a large chunksize): ⌈tiles / workers⌉ per chunk, so there are at
 * most `workers` chunks and each worker takes exactly one contiguous block up front.
 */
export function staticChunkSize(tileCount: number, workers: number): number {
  return Math.max(1, Math.ceil(tileCount / workers));
}
