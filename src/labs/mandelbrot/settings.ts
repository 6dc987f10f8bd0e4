// Lab `mandelbrot`: its controls as text (what the user typed or the URL said), read and checked.
// URL: size=1200x800, iter=500, tiles=8x8, workers=2, chunk=1, strategies=sequential,static,dynamic.
import { STRATEGIES, type Strategy } from './strategies';

export const FIELDS = ['size', 'iter', 'tiles', 'workers', 'chunk'] as const;
export type Field = (typeof FIELDS)[number] | 'strategies';

export const LABELS: Record<Field, string> = {
  size: 'Image size',
  iter: 'Max iterations',
  tiles: 'Tiles',
  workers: 'Workers',
  chunk: 'Chunk size',
  strategies: 'Strategies',
};

export const LIMITS = {
  minSide: 16,
  maxSide: 4000,
  maxPixels: 8_000_000,
  minIter: 100,
  maxIter: 5000,
  maxTilesPerSide: 64,
  maxWorkers: 16,
} as const;

export interface Raw {
  readonly size: string;
  readonly iter: string;
  readonly tiles: string;
  readonly workers: string;
  readonly chunk: string;
  readonly strategies: readonly Strategy[];
}

export interface Settings {
  readonly width: number;
  readonly height: number;
  readonly maxIter: number;
  readonly cols: number;
  readonly rows: number;
  readonly workers: number;
  readonly chunk: number;
  readonly strategies: readonly Strategy[];
}

export interface FieldError {
  readonly field: Field;
  readonly message: string;
}

/** Workers by default: the machine's logical cores, 1–16. */
export function defaultWorkers(hardwareConcurrency: number | undefined): number {
  const n = Math.floor(hardwareConcurrency ?? 2);
  return Number.isFinite(n) ? Math.min(LIMITS.maxWorkers, Math.max(1, n)) : 2;
}

export function defaultRaw(hardwareConcurrency: number | undefined): Raw {
  return {
    size: '1200x800',
    iter: '500',
    tiles: '8x8',
    workers: String(defaultWorkers(hardwareConcurrency)),
    chunk: '1',
    strategies: STRATEGIES,
  };
}

/** The defaults, with whatever the URL says instead (kept verbatim, checked like typing). */
export function readUrl(search: string, hardwareConcurrency: number | undefined): Raw {
  const params = new URLSearchParams(search);
  const base = defaultRaw(hardwareConcurrency);
  const text = (name: string, fallback: string): string => params.get(name) ?? fallback;
  const list = params.get('strategies');
  return {
    size: text('size', base.size),
    iter: text('iter', base.iter),
    tiles: text('tiles', base.tiles),
    workers: text('workers', base.workers),
    chunk: text('chunk', base.chunk),
    strategies:
      list === null
        ? base.strategies
        : STRATEGIES.filter((s) =>
            list
              .split(',')
              .map((x) => x.trim().toLowerCase())
              .includes(s),
          ),
  };
}

const PAIR = /^\s*(\d+)\s*[x×*]\s*(\d+)\s*$/i;
const INT = /^\s*\d+\s*$/;

function pair(text: string): [number, number] | null {
  const m = PAIR.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Checks every control; settings only when all are valid, else one error per bad control. */
export function parseSettings(raw: Raw): { settings: Settings; errors: [] } | { settings: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: Field, message: string): void => {
    errors.push({ field, message: `${LABELS[field]}: ${message}` });
  };

  const size = pair(raw.size);
  const { minSide, maxSide, maxPixels } = LIMITS;
  if (!size) fail('size', `"${raw.size}" is not width×height; use e.g. 1200x800`);
  else if (size.some((s) => s < minSide || s > maxSide))
    fail('size', `${size[0]}x${size[1]} is out of range; use ${minSide}–${maxSide} pixels a side`);
  else if (size[0] * size[1] > maxPixels)
    fail('size', `${size[0]}x${size[1]} is more than ${maxPixels / 1e6} million pixels; use a smaller image`);

  const iter = INT.test(raw.iter) ? Number(raw.iter) : NaN;
  if (!Number.isInteger(iter) || iter < LIMITS.minIter || iter > LIMITS.maxIter)
    fail('iter', `"${raw.iter}" is not a whole number from ${LIMITS.minIter} to ${LIMITS.maxIter}`);

  const tiles = pair(raw.tiles);
  const most = LIMITS.maxTilesPerSide;
  if (!tiles) fail('tiles', `"${raw.tiles}" is not columns×rows; use e.g. 8x8, 16x1 (strips) or 1x16 (bands)`);
  else if (tiles.some((t) => t < 1 || t > most)) fail('tiles', `${tiles[0]}x${tiles[1]}: use 1–${most} a side`);
  else if (size && (tiles[0] > size[0] || tiles[1] > size[1]))
    fail('tiles', `${tiles[0]}x${tiles[1]} is more tiles than pixels a side`);

  const workers = INT.test(raw.workers) ? Number(raw.workers) : NaN;
  if (!Number.isInteger(workers) || workers < 1 || workers > LIMITS.maxWorkers)
    fail('workers', `"${raw.workers}" is not a whole number from 1 to ${LIMITS.maxWorkers}`);

  const tileCount = tiles ? tiles[0] * tiles[1] : Infinity;
  const chunk = INT.test(raw.chunk) ? Number(raw.chunk) : NaN;
  if (!Number.isInteger(chunk) || chunk < 1) fail('chunk', `"${raw.chunk}" is not a whole number of tiles, 1 or more`);
  else if (chunk > tileCount) fail('chunk', `${chunk} is more than the ${tileCount} tiles; use 1–${tileCount}`);

  if (raw.strategies.length === 0) fail('strategies', 'choose at least one');

  if (errors.length > 0 || !size || !tiles) return { settings: null, errors };
  return {
    settings: {
      width: size[0],
      height: size[1],
      maxIter: iter,
      cols: tiles[0],
      rows: tiles[1],
      workers,
      chunk,
      strategies: STRATEGIES.filter((s) => raw.strategies.includes(s)),
    },
    errors: [],
  };
}
