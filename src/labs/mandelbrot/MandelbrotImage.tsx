import { useEffect, useMemo, useRef } from 'react';
import { makePalette, paint, workerColour } from './palette';
import type { LiveRun } from './useMandelbrotRun';

interface Props {
  /** The strategy whose picture is shown; undefined before a run. */
  readonly run: LiveRun | undefined;
  /** Changes when tiles arrive. */
  readonly version: number;
  readonly tint: boolean;
  /** The canvas size before any run. */
  readonly width: number;
  readonly height: number;
  readonly describedBy: string;
}

interface Drawn {
  readonly run: LiveRun | undefined;
  readonly tint: boolean;
  readonly count: number;
}

/**
 * The canvas `Mandelbrot image`, one pixel per pixel of the image, filled in tile by tile as they
 * arrive. Tinted by worker: each tile in its worker's colour, outlined, with the worker's number in
 * its corner (colour is never the only sign).
 */
export function MandelbrotImage({ run, version, tint, width, height, describedBy }: Props) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const drawn = useRef<Drawn>({ run: undefined, tint, count: -1 });
  const palette = useMemo(() => (run ? makePalette(run.maxIter) : null), [run]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let from = drawn.current.count;
    if (drawn.current.run !== run || drawn.current.tint !== tint || from < 0) {
      canvas.width = run?.width ?? width;
      canvas.height = run?.height ?? height;
      ctx.fillStyle = '#d9dee6';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      from = 0;
    }
    if (run && palette) {
      for (let i = from; i < run.records.length; i += 1) {
        const record = run.records[i];
        const tile = record && run.tiles[record.index];
        if (!record || !tile) continue;
        const counts = new Uint32Array(tile.w * tile.h);
        for (let r = 0; r < tile.h; r += 1) {
          const at = (tile.y + r) * run.width + tile.x;
          counts.set(run.counts.subarray(at, at + tile.w), r * tile.w);
        }
        const image = ctx.createImageData(tile.w, tile.h);
        paint(image.data, counts, palette, tint ? record.worker : null);
        ctx.putImageData(image, tile.x, tile.y);
        if (tint) label(ctx, tile, record.worker);
      }
    }
    drawn.current = { run, tint, count: run?.records.length ?? 0 };
  }, [run, version, tint, palette, width, height]);

  return (
    <canvas
      ref={canvasRef}
      className="mandel-canvas"
      role="img"
      aria-label="Mandelbrot image"
      aria-describedby={describedBy}
      width={width}
      height={height}
    />
  );
}

/** The tile's outline in its worker's colour and the worker's number (1-based) in its top-left corner. */
function label(
  ctx: CanvasRenderingContext2D,
  tile: { x: number; y: number; w: number; h: number },
  worker: number,
): void {
  const line = Math.max(1, Math.round(Math.min(tile.w, tile.h) / 60));
  ctx.strokeStyle = workerColour(worker);
  ctx.lineWidth = line * 2;
  ctx.strokeRect(tile.x + line, tile.y + line, tile.w - line * 2, tile.h - line * 2);
  const px = Math.round(Math.min(40, Math.max(10, Math.min(tile.w, tile.h) * 0.26)));
  if (tile.w < px * 1.2 || tile.h < px * 1.2) return;
  const text = String(worker + 1);
  ctx.font = `700 ${px}px system-ui, sans-serif`;
  const boxW = ctx.measureText(text).width + px * 0.5;
  const boxH = px * 1.2;
  const x = tile.x + line * 2;
  const y = tile.y + line * 2;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.fillRect(x, y, boxW, boxH);
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, boxW - 1, boxH - 1);
  ctx.fillStyle = '#111';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.fillText(text, x + boxW / 2, y + boxH / 2 + px * 0.05);
}
