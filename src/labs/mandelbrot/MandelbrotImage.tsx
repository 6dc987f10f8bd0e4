import { useEffect, useMemo, useRef, useState } from 'react';
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
  readonly scale: number;
  readonly count: number;
}

/** Worker numbers on the tiles aim at this size on screen (CSS px), whatever the canvas is scaled to. */
const LABEL_CSS_PX = 18;

/** Shown size ÷ canvas size, in steps of 0.05: a change redraws the picture, so the labels stay readable. */
function useScale(canvas: HTMLCanvasElement | null): number {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    if (!canvas) return;
    const measure = () => {
      const shown = canvas.getBoundingClientRect().width;
      if (shown > 0 && canvas.width > 0) setScale(Math.max(0.05, Math.round((shown / canvas.width) * 20) / 20));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [canvas]);
  return scale;
}

/**
 * The canvas `Mandelbrot image`, one pixel per pixel of the image, filled in tile by tile as they
 * arrive. Tinted by worker: each tile in its worker's colour, outlined, with the worker's number in
 * its corner (colour is never the only sign).
 */
export function MandelbrotImage({ run, version, tint, width, height, describedBy }: Props) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [canvasNode, setCanvasNode] = useState<HTMLCanvasElement | null>(null);
  const scale = useScale(canvasNode);
  const drawn = useRef<Drawn>({ run: undefined, tint, scale, count: -1 });
  const palette = useMemo(() => (run ? makePalette(run.maxIter) : null), [run]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let from = drawn.current.count;
    const prev = drawn.current;
    if (prev.run !== run || prev.tint !== tint || prev.scale !== scale || from < 0) {
      canvas.width = run?.width ?? width;
      canvas.height = run?.height ?? height;
      ctx.fillStyle = '#d9dee6';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      from = 0;
    }
    // Shown size ÷ canvas size now (the canvas may just have been resized): labels aim at LABEL_CSS_PX.
    const shownScale = canvas.getBoundingClientRect().width / canvas.width || scale;
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
        if (tint) label(ctx, tile, record.worker, LABEL_CSS_PX / shownScale);
      }
    }
    drawn.current = { run, tint, scale, count: run?.records.length ?? 0 };
  }, [run, version, tint, palette, width, height, scale]);

  return (
    <canvas
      ref={(node) => {
        canvasRef.current = node;
        setCanvasNode(node);
      }}
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
  wantPx: number,
): void {
  const line = Math.max(1, Math.round(Math.min(tile.w, tile.h) / 60));
  ctx.strokeStyle = workerColour(worker);
  ctx.lineWidth = line * 2;
  ctx.strokeRect(tile.x + line, tile.y + line, tile.w - line * 2, tile.h - line * 2);
  // The wanted size on screen, but never more than ~half the tile; no number on a tile too small for one.
  const px = Math.round(Math.min(wantPx, Math.min(tile.w, tile.h) * 0.45));
  if (px < 6) return;
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
