// Lab `mandelbrot`: the workload itself, pure. The page and every Worker run this same code, so
// the same pixel gives the same count everywhere: only + - * on doubles, in the same order as the
// Python in python.ts (which gives the same counts, hence the same checksum).

/** Where the image looks: the complex number at pixel (px, py) is (x0 + (px + ½)·step, y0 + (py + ½)·step). */
export interface View {
  readonly x0: number;
  readonly y0: number;
  readonly step: number;
}

/** A rectangle of pixels: the unit of work handed to a Worker. */
export interface TileRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * The classic view: the whole set, x from −2.5 to 1 and y from −1.25 to 1.25 at least, centred
 * on −0.75, square pixels (the longer side of the image gets the extra room).
 */
export function classicView(width: number, height: number): View {
  const step = Math.max(3.5 / width, 2.5 / height);
  return { x0: -0.75 - (width * step) / 2, y0: -(height * step) / 2, step };
}

/**
 * How many times z ← z² + c runs (from z = 0) before |z| > 2; `maxIter` when it never does (the
 * point is taken to be in the set). c = 0 → maxIter, c = 3 → 1, c = 2 → 2 (|2| is not > 2).
 */
export function escapeIterations(cx: number, cy: number, maxIter: number): number {
  let x = 0;
  let y = 0;
  for (let n = 0; n < maxIter; n += 1) {
    const x2 = x * x;
    const y2 = y * y;
    if (x2 + y2 > 4) return n;
    y = 2 * x * y + cy;
    x = x2 - y2 + cx;
  }
  return maxIter;
}

/** The counts of one tile, row by row; `iterations` is their sum: the tile's cost. */
export function renderTile(
  tile: TileRect,
  view: View,
  maxIter: number,
): { readonly counts: Uint32Array; readonly iterations: number } {
  const counts = new Uint32Array(tile.w * tile.h);
  let iterations = 0;
  let i = 0;
  for (let py = tile.y; py < tile.y + tile.h; py += 1) {
    const cy = view.y0 + (py + 0.5) * view.step;
    for (let px = tile.x; px < tile.x + tile.w; px += 1) {
      const n = escapeIterations(view.x0 + (px + 0.5) * view.step, cy, maxIter);
      counts[i] = n;
      iterations += n;
      i += 1;
    }
  }
  return { counts, iterations };
}
