// Lab `mandelbrot`: a Run computes the chosen strategies in turn, each on a new pool of Workers
// (started before its timed block). Tiles land in the strategy's image as they arrive; React hears
// about it at most once per animation frame. Stop terminates the Workers at once, keeps the tiles.
import { useCallback, useEffect, useRef, useState } from 'react';
import { fnv1aCounts } from './checksum';
import { classicView } from './mandel';
import type { StrategyOutcome, TileRecord } from './measure';
import { runPool, type PoolWorker } from './pool';
import type { Settings } from './settings';
import { STRATEGY_NAMES, type Strategy } from './strategies';
import { makeTiles, staticChunkSize, type Tile } from './tiles';

/** One strategy's picture and measurements, filled in live (mutable: the page owns it). */
export interface LiveRun {
  readonly strategy: Strategy;
  readonly width: number;
  readonly height: number;
  readonly maxIter: number;
  readonly workers: number;
  readonly chunkSize: number;
  readonly tiles: readonly Tile[];
  /** The whole image's counts, row by row (0 where no tile has arrived). */
  readonly counts: Uint32Array;
  /** In arrival order. */
  readonly records: TileRecord[];
  startMs: number | null;
  endMs: number | null;
  stopped: boolean;
  checksum: string | null;
}

export type RunStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting'; readonly strategy: Strategy }
  | { readonly kind: 'running'; readonly strategy: Strategy }
  | { readonly kind: 'done' }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'failed'; readonly message: string };

export function outcomeOf(run: LiveRun): StrategyOutcome | null {
  if (run.startMs === null || run.endMs === null) return null;
  return {
    strategy: run.strategy,
    workers: run.workers,
    chunkSize: run.chunkSize,
    tileCount: run.tiles.length,
    records: run.records,
    startMs: run.startMs,
    endMs: run.endMs,
    stopped: run.stopped,
    checksum: run.checksum,
  };
}

/** `Pool, dynamic · 37 of 64 tiles` */
export function progressText(run: LiveRun): string {
  return `${STRATEGY_NAMES[run.strategy]} · ${run.records.length} of ${run.tiles.length} tiles`;
}

const makeWorker = (): PoolWorker =>
  new Worker(new URL('./mandel.worker.ts', import.meta.url), { type: 'module', name: 'mandelbrot tile worker' });
const now = (): number => performance.timeOrigin + performance.now();
/** Dynamic hand-out through shared memory needs a cross-origin isolated page. */
export const sharedQueueAvailable = (): boolean =>
  typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true;
/** React hears about arriving tiles at most this often: drawing must not take the workers' cores. */
const REDRAW_MS = 100;

export function useMandelbrotRun() {
  const [runs, setRuns] = useState<readonly LiveRun[]>([]);
  const [status, setStatus] = useState<RunStatus>({ kind: 'idle' });
  /** Bumped (once per frame at most) when tiles arrive: the picture and table re-read the runs. */
  const [version, setVersion] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const frame = useRef<number | null>(null);

  const lastBump = useRef(0);
  const bump = useCallback(() => {
    frame.current ??= requestAnimationFrame(function draw() {
      // Throttled to REDRAW_MS: drawing on the page must not take the workers' cores.
      if (performance.now() - lastBump.current < REDRAW_MS) {
        frame.current = requestAnimationFrame(draw);
        return;
      }
      frame.current = null;
      lastBump.current = performance.now();
      setVersion((v) => v + 1);
    });
  }, []);
  const stop = useCallback(() => abort.current?.abort(), []);
  useEffect(
    () => () => {
      abort.current?.abort();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const run = useCallback(
    (settings: Settings) => {
      if (abort.current) return;
      const controller = new AbortController();
      abort.current = controller;
      const { width, height, maxIter, workers } = settings;
      const tiles = makeTiles(width, height, settings.cols, settings.rows);
      const view = classicView(width, height);
      const planned: LiveRun[] = settings.strategies.map((strategy) => {
        const lanes = strategy === 'sequential' ? 1 : workers;
        return {
          strategy,
          width,
          height,
          maxIter,
          workers: lanes,
          chunkSize:
            strategy === 'sequential'
              ? tiles.length
              : strategy === 'static'
                ? staticChunkSize(tiles.length, lanes)
                : settings.chunk,
          tiles,
          counts: new Uint32Array(width * height),
          records: [],
          startMs: null,
          endMs: null,
          stopped: false,
          checksum: null,
        };
      });
      setRuns([]);
      void (async () => {
        try {
          for (const live of planned) {
            if (controller.signal.aborted) break;
            setRuns((before) => [...before, live]);
            setStatus({ kind: 'starting', strategy: live.strategy });
            const timed = await runPool(
              {
                tiles,
                view,
                maxIter,
                workers: live.workers,
                chunkSize: live.chunkSize,
                sharedQueue: live.strategy === 'dynamic' && sharedQueueAvailable(),
              },
              makeWorker,
              {
                onStarted: (startMs) => {
                  live.startMs = startMs;
                  setStatus({ kind: 'running', strategy: live.strategy });
                },
                onTile: (record, counts) => {
                  const tile = tiles[record.index];
                  if (!tile) return;
                  for (let row = 0; row < tile.h; row += 1)
                    live.counts.set(counts.subarray(row * tile.w, (row + 1) * tile.w), (tile.y + row) * width + tile.x);
                  live.records.push(record);
                  bump();
                },
              },
              controller.signal,
              now,
            );
            live.startMs = timed.startMs;
            live.endMs = timed.endMs;
            live.stopped = timed.stopped;
            if (!timed.stopped) live.checksum = fnv1aCounts(live.counts);
            // Not throttled: the strategy's row appears in the same render as what follows.
            setVersion((v) => v + 1);
          }
          setStatus(controller.signal.aborted ? { kind: 'stopped' } : { kind: 'done' });
        } catch (error) {
          setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
        } finally {
          abort.current = null;
          setVersion((v) => v + 1);
        }
      })();
    },
    [bump],
  );

  return { runs, status, version, run, stop };
}
