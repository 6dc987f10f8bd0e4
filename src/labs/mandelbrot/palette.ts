// Lab `mandelbrot`: iteration counts → pixels, pure. Untinted: the classic blue-white-gold ramp,
// black inside the set. Tinted by worker: the worker's colour, solid where points iterate longest
// (inside the set: the expensive part) fading to near white where they escape at once.

/** One colour per worker (1-based numbers are drawn on the tiles too: colour is never the only sign). */
export const WORKER_COLOURS = [
  '#1f77b4',
  '#e6550d',
  '#2ca02c',
  '#9467bd',
  '#d62728',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#636363',
  '#3182bd',
  '#fd8d3c',
  '#31a354',
  '#756bb1',
  '#843c39',
  '#7b4173',
] as const;

export function workerColour(worker: number): string {
  return WORKER_COLOURS[worker % WORKER_COLOURS.length] ?? '#636363';
}

export function rgbOf(hex: string): readonly [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** How far a count is towards the limit, 0 (escaped at once) … 1 (never escaped), on a log scale. */
export function depth(count: number, maxIter: number): number {
  if (count >= maxIter) return 1;
  return Math.log1p(count) / Math.log1p(maxIter);
}

const RAMP: readonly (readonly [number, number, number])[] = [
  [0, 7, 100],
  [32, 107, 203],
  [237, 255, 255],
  [255, 170, 0],
  [120, 40, 0],
];

/** RGB per count 0…maxIter (3 bytes each): the untinted picture. */
export function rampTable(maxIter: number): Uint8ClampedArray {
  const table = new Uint8ClampedArray((maxIter + 1) * 3);
  for (let n = 0; n <= maxIter; n += 1) {
    let rgb: readonly [number, number, number] = [0, 0, 0];
    if (n < maxIter) {
      const t = Math.min(0.999, depth(n, maxIter) * 1.15) * (RAMP.length - 1);
      const i = Math.floor(t);
      const a = RAMP[i] ?? [0, 0, 0];
      const b = RAMP[i + 1] ?? a;
      const f = t - i;
      rgb = [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
    }
    table.set(rgb, n * 3);
  }
  return table;
}

/** Share of white mixed into the worker's colour per count 0…maxIter: 0.05 inside the set, 0.75 far out. */
export function tintTable(maxIter: number): Float32Array {
  const table = new Float32Array(maxIter + 1);
  for (let n = 0; n <= maxIter; n += 1) table[n] = 0.05 + 0.7 * (1 - depth(n, maxIter));
  return table;
}

export interface Palette {
  readonly maxIter: number;
  readonly ramp: Uint8ClampedArray;
  readonly tint: Float32Array;
}

export function makePalette(maxIter: number): Palette {
  return { maxIter, ramp: rampTable(maxIter), tint: tintTable(maxIter) };
}

/** Fills `rgba` (w·h·4) from `counts` (w·h): the ramp, or the tint of `worker` when it is given. */
export function paint(
  rgba: Uint8ClampedArray,
  counts: ArrayLike<number>,
  palette: Palette,
  worker: number | null,
): void {
  const tintRgb = worker === null ? null : rgbOf(workerColour(worker));
  for (let i = 0; i < counts.length; i += 1) {
    const n = Math.min(palette.maxIter, counts[i] ?? 0);
    const o = i * 4;
    if (tintRgb) {
      const white = palette.tint[n] ?? 0;
      rgba[o] = tintRgb[0] * (1 - white) + 255 * white;
      rgba[o + 1] = tintRgb[1] * (1 - white) + 255 * white;
      rgba[o + 2] = tintRgb[2] * (1 - white) + 255 * white;
    } else {
      rgba[o] = palette.ramp[n * 3] ?? 0;
      rgba[o + 1] = palette.ramp[n * 3 + 1] ?? 0;
      rgba[o + 2] = palette.ramp[n * 3 + 2] ?? 0;
    }
    rgba[o + 3] = 255;
  }
}

/**
 * Gantt tone (an index into the app's task colours) for a tile's cost: its iterations as a share of
 * the most it could cost (pixels × max iterations, every point inside the set).
 */
export const COST_TONES = [
  { tone: 8, upTo: 0.1, name: 'under 10 %' },
  { tone: 1, upTo: 0.4, name: '10–40 %' },
  { tone: 0, upTo: 0.75, name: '40–75 %' },
  { tone: 5, upTo: Infinity, name: '75 % and up' },
] as const;

export function costTone(iterations: number, most: number): number {
  const share = most > 0 ? iterations / most : 0;
  return (COST_TONES.find((t) => share < t.upTo) ?? COST_TONES[3]).tone;
}
