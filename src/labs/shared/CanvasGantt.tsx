import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { TASK_COLOURS } from '../../ui/format';
import {
  axisTicks,
  laneSizing,
  laneStats,
  paintBars,
  planDraw,
  xOf,
  type DrawnState,
  type GanttBar,
  type Geometry,
} from './ganttLayout';

export type { GanttBar } from './ganttLayout';

export interface CanvasGanttProps {
  /** How many lanes (Workers). */
  readonly lanes: number;
  /** A lane's label, e.g. `(i) => \`Worker ${i + 1}\``. */
  readonly laneLabel: (lane: number) => string;
  /** Every bar so far. Live runs pass the old array plus more (a new array each batch is fine): only new bars are drawn. */
  readonly bars: readonly GanttBar[];
  /** The axis end, ms (e.g. the run's wall-clock, or the slowest compared run's). */
  readonly axisMs: number;
  /** The picture's accessible name: what ran and what came out, e.g. `Pool, chunksize 25: 10,000 tasks on 2 workers, 1.23 s`. */
  readonly ariaLabel: string;
  /** The summary table's accessible name (default `<ariaLabel>: per lane`). */
  readonly tableLabel?: string;
  /** Header of a column counting the bars marked `mark` (e.g. `Chunks`); absent: no such column. */
  readonly groupName?: string;
  /** The run's length for idle time (default: the last bar's end). */
  readonly endMs?: number;
}

/** Bars one Gantt lays out per turn; a larger redraw continues in later turns or frames. */
const BARS_PER_FRAME = 4000;
/** Drawing time all Gantts on the page share in one animation frame, ms: the rest waits a frame. */
const FRAME_BUDGET_MS = 8;

/** A Gantt's drawing work: draws a slice, returns true when nothing is left. */
type DrawJob = () => boolean;
const queue = new Set<DrawJob>();
let pending: number | null = null;

/** One animation-frame loop for every Gantt on the page, so together they stay within the budget. */
function runDrawJobs(): void {
  pending = null;
  const t0 = performance.now();
  for (const job of [...queue]) {
    if (performance.now() - t0 >= FRAME_BUDGET_MS) break;
    queue.delete(job);
    if (!job()) queue.add(job);
  }
  if (queue.size > 0) pending = requestAnimationFrame(runDrawJobs);
}

function requestDraw(job: DrawJob): void {
  queue.add(job);
  pending ??= requestAnimationFrame(runDrawJobs);
}

function cancelDraw(job: DrawJob): void {
  queue.delete(job);
}
const PAD_PX = 4;
const MARK_PX = 3;

interface Colours {
  readonly track: string;
  readonly grid: string;
  readonly laneLine: string;
  readonly muted: string;
  readonly ink: string;
  readonly barLine: string;
}

const COLOUR_VARS = {
  track: '--track',
  grid: '--grid',
  laneLine: '--lane-line',
  muted: '--muted',
  ink: '--ink',
  barLine: '--bar-line',
} as const satisfies Record<keyof Colours, string>;

/** The theme's colours as the browser resolved them (light-dark() included), read at draw time from the probe's children. */
function readColours(probe: HTMLElement): Colours {
  const read = (name: keyof Colours): string => {
    const el = probe.querySelector(`[data-colour="${name}"]`);
    return el ? getComputedStyle(el).color : '#888';
  };
  return {
    track: read('track'),
    grid: read('grid'),
    laneLine: read('laneLine'),
    muted: read('muted'),
    ink: read('ink'),
    barLine: read('barLine'),
  };
}

/** A counter that changes whenever the theme may have: `data-theme`/class on <html> or the app, or the system scheme. */
function useThemeVersion(node: HTMLElement | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    const app = node?.closest('.app');
    if (app) observer.observe(app, { attributes: true, attributeFilter: ['class'] });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', bump);
    };
  }, [node]);
  return version;
}

/** The canvas' CSS width and the page's font size, followed as they change. */
function useBoxWidth(node: HTMLElement | null): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!node) return;
    const measure = () => setWidth(Math.floor(node.getBoundingClientRect().width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, [node]);
  return width;
}

const fmtMs = (ms: number): string =>
  ms.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/**
 * A Gantt chart on a <canvas>, for runs with thousands of bars: lanes labelled on the left, an axis
 * in ms or s below, one rectangle per bar (a 1 px gap between neighbours, a mark where a group
 * starts), drawn in animation frames and only the new bars when bars are appended. The canvas is
 * one image with an accessible name; a table (visually hidden until `Show as table`) gives each
 * lane's tasks, busy and idle time.
 */
export function CanvasGantt({
  lanes,
  laneLabel,
  bars,
  axisMs,
  ariaLabel,
  tableLabel,
  groupName,
  endMs,
}: CanvasGanttProps) {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const probeRef = useRef<HTMLSpanElement | null>(null);
  const drawnRef = useRef<DrawnState>({ drawn: 0, bars: null, key: '' });
  const coloursRef = useRef<Colours | null>(null);
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  const width = useBoxWidth(box);
  const theme = useThemeVersion(box);
  const labels = useMemo(() => Array.from({ length: Math.max(0, lanes) }, (_, i) => laneLabel(i)), [lanes, laneLabel]);
  const labelsKey = labels.join('\u0000');

  // Draws what changed since the last frame, in animation frames, until every bar is on the canvas.
  useEffect(() => {
    const canvas = canvasRef.current;
    const probe = probeRef.current;
    if (!canvas || !probe || width <= 0) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const dpr = Math.max(1, window.devicePixelRatio || 1);
    const font = getComputedStyle(canvas);
    const fontPx = parseFloat(font.fontSize) || 16;
    const fontCss = `${fontPx}px ${font.fontFamily}`;
    const { lanePx, lanesPx } = laneSizing(lanes, { minPx: Math.ceil(fontPx * 1.3) });
    const axisPx = Math.ceil(fontPx * 1.6);
    const heightPx = lanesPx + axisPx;
    const key = [width, heightPx, dpr, axisMs, lanes, theme, fontCss, labelsKey].join('|');

    const frame: DrawJob = () => {
      const startedAt = performance.now();
      const plan = planDraw(drawnRef.current, bars, key, BARS_PER_FRAME);
      const { to } = plan;
      ctx.font = fontCss;
      const labelW = Math.ceil(Math.max(0, ...labels.map((l) => ctx.measureText(l).width)) + fontPx * 0.8);
      const g: Geometry = { x0: labelW, widthPx: Math.max(10, width - labelW - fontPx), lanePx, padPx: PAD_PX, axisMs };
      if (plan.full) {
        const w = Math.round(width * dpr);
        const h = Math.round(heightPx * dpr);
        if (canvas.width !== w || canvas.height !== h) {
          canvas.width = w;
          canvas.height = h;
        }
        canvas.style.height = `${heightPx}px`;
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        coloursRef.current = readColours(probe);
        drawFrame(ctx, coloursRef.current, g, labels, width, heightPx, fontCss, fontPx);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawBars(ctx, bars, plan.from, to, g, coloursRef.current ?? readColours(probe));
      drawnRef.current = { drawn: to, bars, key };
      // User timing, for tests and the bench: how long each frame's drawing took.
      performance.measure('canvas-gantt draw', { start: startedAt, detail: { bars: to - plan.from, full: plan.full } });
      return to >= bars.length;
    };
    requestDraw(frame);
    return () => cancelDraw(frame);
  }, [bars, axisMs, lanes, width, theme, labels, labelsKey]);

  const stats = useMemo(() => laneStats(bars, lanes, endMs), [bars, lanes, endMs]);
  const name = tableLabel ?? `${ariaLabel}: per lane`;

  return (
    <div className="canvas-gantt" ref={setBox}>
      <span ref={probeRef} className="canvas-gantt-probe" aria-hidden="true">
        {Object.entries(COLOUR_VARS).map(([name, v]) => (
          <span key={name} data-colour={name} style={{ color: `var(${v})` }} />
        ))}
      </span>
      <canvas ref={canvasRef} role="img" aria-label={ariaLabel} className="canvas-gantt-canvas">
        {ariaLabel}
      </canvas>
      <button
        type="button"
        className="link-button canvas-gantt-toggle"
        aria-pressed={asTable}
        aria-controls={tableId}
        onClick={() => setAsTable(!asTable)}
      >
        Show as table
      </button>
      <div id={tableId} className={asTable ? 'table-scroll canvas-gantt-table' : 'visually-hidden'}>
        <table aria-label={name}>
          <thead>
            <tr>
              <th scope="col">Lane</th>
              <th scope="col">Tasks</th>
              {groupName !== undefined && <th scope="col">{groupName}</th>}
              <th scope="col">Busy (ms)</th>
              <th scope="col">Idle (ms)</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((s) => (
              <tr key={s.lane}>
                <th scope="row">{labels[s.lane]}</th>
                <td>{s.tasks.toLocaleString('en-US')}</td>
                {groupName !== undefined && <td>{s.groups.toLocaleString('en-US')}</td>}
                <td>{fmtMs(s.busyMs)}</td>
                <td>{fmtMs(s.idleMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Background: lane tracks, lane lines, gridlines, labels and the axis. */
function drawFrame(
  ctx: CanvasRenderingContext2D,
  c: Colours,
  g: Geometry,
  labels: readonly string[],
  width: number,
  height: number,
  font: string,
  fontPx: number,
): void {
  ctx.clearRect(0, 0, width, height);
  const lanesPx = labels.length * g.lanePx;
  ctx.fillStyle = c.track;
  ctx.fillRect(g.x0, 0, g.widthPx, lanesPx);
  const ticks = axisTicks(g.axisMs);
  ctx.fillStyle = c.grid;
  for (const t of ticks) ctx.fillRect(Math.round(xOf(t.ms, g.axisMs, g.widthPx, g.x0)), 0, 1, lanesPx);
  ctx.fillStyle = c.laneLine;
  for (let i = 1; i < labels.length; i += 1) ctx.fillRect(g.x0, i * g.lanePx, g.widthPx, 1);
  ctx.font = font;
  ctx.fillStyle = c.muted;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  labels.forEach((l, i) => ctx.fillText(l, 0, i * g.lanePx + g.lanePx / 2));
  ctx.textBaseline = 'top';
  ticks.forEach((t, i) => {
    const x = xOf(t.ms, g.axisMs, g.widthPx, g.x0);
    ctx.textAlign = i === 0 ? 'left' : 'center';
    ctx.fillText(t.text, x, lanesPx + fontPx * 0.25);
  });
}

/** Bars `from`..`to`: one path per colour (touching thin bars merged), outlines on wide bars, group marks. */
function drawBars(
  ctx: CanvasRenderingContext2D,
  bars: readonly GanttBar[],
  from: number,
  to: number,
  g: Geometry,
  c: Colours,
): void {
  if (to <= from) return;
  const paint = paintBars(bars, from, to, g, TASK_COLOURS.length);
  paint.byTone.forEach((quads, tone) => {
    if (quads.length === 0) return;
    ctx.beginPath();
    for (let k = 0; k < quads.length; k += 4)
      ctx.rect(quads[k] ?? 0, quads[k + 1] ?? 0, quads[k + 2] ?? 0, quads[k + 3] ?? 0);
    ctx.fillStyle = TASK_COLOURS[tone] ?? '#999';
    ctx.fill();
  });
  if (paint.outlines.length > 0) {
    ctx.beginPath();
    const o = paint.outlines;
    for (let k = 0; k < o.length; k += 4)
      ctx.rect((o[k] ?? 0) + 0.5, (o[k + 1] ?? 0) + 0.5, (o[k + 2] ?? 0) - 1, (o[k + 3] ?? 0) - 1);
    ctx.strokeStyle = c.barLine;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  if (paint.marks.length > 0) {
    ctx.beginPath();
    const m = paint.marks;
    for (let k = 0; k < m.length; k += 2) ctx.rect(m[k] ?? 0, (m[k + 1] ?? 0) - MARK_PX, 1, MARK_PX);
    ctx.fillStyle = c.ink;
    ctx.fill();
  }
}
