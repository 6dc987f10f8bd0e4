// The lab's Python, run by CPython: it must print the checksum the lab computes for the same
// settings (same tiles, same float operations in the same order). Needs python3 on PATH, as
// src/engine/runFile.cpython.test.ts: without it this test fails (it is never skipped).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fnv1aCounts } from './checksum';
import { classicView, renderTile } from './mandel';
import { mandelbrotPython } from './python';
import { makeTiles } from './tiles';

function labChecksum(width: number, height: number, maxIter: number, cols: number, rows: number): string {
  const view = classicView(width, height);
  const image = new Uint32Array(width * height);
  for (const t of makeTiles(width, height, cols, rows)) {
    const { counts } = renderTile(t, view, maxIter);
    for (let r = 0; r < t.h; r += 1) image.set(counts.subarray(r * t.w, (r + 1) * t.w), (t.y + r) * width + t.x);
  }
  return fnv1aCounts(image);
}

describe('mandelbrotPython', () => {
  it('writes the lab’s settings into the Python', () => {
    const code = mandelbrotPython({ width: 600, height: 400, maxIter: 300, cols: 16, rows: 1 });
    expect(code).toContain('WIDTH, HEIGHT, MAX_ITER, COLS, ROWS = 600, 400, 300, 16, 1');
    expect(code).toContain('pool.map(render_tile, TILES, chunksize=block)');
    expect(code).toContain('pool.imap_unordered(render_tile, TILES, chunksize=1)');
  });

  it('prints, in CPython, the checksum the lab computes — for every strategy', () => {
    const settings = { width: 97, height: 61, maxIter: 150, cols: 5, rows: 3 };
    const dir = mkdtempSync(join(tmpdir(), 'mandel-py-'));
    const file = join(dir, 'mandelbrot.py');
    writeFileSync(file, mandelbrotPython(settings));
    const run = (): string => {
      try {
        return execFileSync('python3', [file], { encoding: 'utf8', timeout: 60_000 });
      } catch (error) {
        throw new Error('python3 is needed: apt-get install -y python3', { cause: error });
      }
    };
    const out = run();
    const sums = [...out.matchAll(/checksum ([0-9a-f]{8})/g)].map((m) => m[1]);
    const expected = labChecksum(97, 61, 150, 5, 3);
    expect(sums).toEqual([expected, expected, expected]);
  });
});
