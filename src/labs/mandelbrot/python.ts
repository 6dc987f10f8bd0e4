export interface PythonSettings {
  readonly width: number;
  readonly height: number;
  readonly maxIter: number;
  readonly cols: number;
  readonly rows: number;
}

/**
 * The Python the lab mirrors, for the lab's current settings: the same tiles by a loop, by Pool.map
 * with one block per worker, and by imap_unordered. It prints the checksum the lab shows.
 */
export function mandelbrotPython({ width, height, maxIter, cols, rows }: PythonSettings): string {
  return `# A picture that doesn't split evenly (stdlib only, Python 3.8+).
# Same tiles (numbered column by column), same pixel -> complex mapping, same float
# operations as the lab's Workers: the same counts, so the same FNV-1a checksum.
# Pure Python is ~50x slower than the browser's JIT: try a smaller image first.
import math
import time
from multiprocessing import Pool, cpu_count

WIDTH, HEIGHT, MAX_ITER, COLS, ROWS = ${width}, ${height}, ${maxIter}, ${cols}, ${rows}
STEP = max(3.5 / WIDTH, 2.5 / HEIGHT)
X0, Y0 = -0.75 - (WIDTH * STEP) / 2, -(HEIGHT * STEP) / 2


def escape(cx, cy):
    x = y = 0.0
    for n in range(MAX_ITER):
        x2, y2 = x * x, y * y
        if x2 + y2 > 4.0:
            return n
        y = 2 * x * y + cy
        x = x2 - y2 + cx
    return MAX_ITER


def render_tile(tile):
    x, y, w, h = tile
    return tile, [escape(X0 + (px + 0.5) * STEP, Y0 + (py + 0.5) * STEP)
                  for py in range(y, y + h) for px in range(x, x + w)]


def cuts(length, parts):
    base, extra = divmod(length, parts)
    out = [0]
    for i in range(parts):
        out.append(out[-1] + base + (1 if i < extra else 0))
    return out


XS, YS = cuts(WIDTH, COLS), cuts(HEIGHT, ROWS)
TILES = [(XS[c], YS[r], XS[c + 1] - XS[c], YS[r + 1] - YS[r])
         for c in range(COLS) for r in range(ROWS)]


def checksum(results):
    image = [0] * (WIDTH * HEIGHT)
    for (x, y, w, h), counts in results:
        for row in range(h):
            image[(y + row) * WIDTH + x:(y + row) * WIDTH + x + w] = counts[row * w:(row + 1) * w]
    digest = 0x811C9DC5
    for b in b"".join(n.to_bytes(4, "little") for n in image):
        digest = ((digest ^ b) * 0x01000193) & 0xFFFFFFFF
    return f"{digest:08x}"


def timed(name, run, baseline=None):
    t0 = time.perf_counter()
    results = list(run())
    wall = time.perf_counter() - t0
    speedup = f"{baseline / wall:.2f}x" if baseline else "1.00x"
    print(f"{name:20} {wall:7.2f} s  {speedup}  checksum {checksum(results)}")
    return wall


if __name__ == "__main__":
    workers = cpu_count()
    seq = timed("sequential", lambda: map(render_tile, TILES))
    with Pool(workers) as pool:  # processes start here, before the timed blocks
        block = math.ceil(len(TILES) / workers)  # one contiguous block per worker
        timed("pool, static chunks", lambda: pool.map(render_tile, TILES, chunksize=block), seq)
        timed("pool, dynamic", lambda: pool.imap_unordered(render_tile, TILES, chunksize=1), seq)
`;
}
