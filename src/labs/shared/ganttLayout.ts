// Where everything in a canvas Gantt goes (src/labs/shared/CanvasGantt.tsx): ms → px, the axis
// ticks, lane heights, which bars a frame must draw, bars grouped by colour for one fill each, and
// the per-lane numbers of the text alternative. Plain numbers only: no DOM, no canvas.

/** One bar of a canvas Gantt. Times in ms since the run started. */
export interface GanttBar {
  /** Lane, from 0 (drawn as `laneLabel(lane)`). */
  readonly lane: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Colour index into the task colours (default 0); alternate it so neighbours differ. */
  readonly tone?: number;
  /** What the bar is, for the summary table's hint (e.g. `Task 12`). */
  readonly label?: string;
  /** The bar starts a new group (a chunk): a mark is drawn at its left edge. */
  readonly mark?: boolean;
}

/** The axis: ms or s, a tick every `stepMs`. */
export interface AxisTick {
  readonly ms: number;
  readonly text: string;
}

/** A 1-2-5 step giving at most `maxTicks` steps across `axisMs`. */
export function tickStepMs(axisMs: number, maxTicks = 8): number {
  if (!(axisMs > 0)) return 1;
  const raw = axisMs / maxTicks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw - 1e-12) return m * pow;
  return 10 * pow;
}

/** The unit the axis speaks: ms below 2 s, seconds from there. */
export function axisUnit(axisMs: number): 'ms' | 's' {
  return axisMs < 2000 ? 'ms' : 's';
}

/** A time in the axis' unit, without trailing zeros (`0.25 ms`, `400 ms`, `1.5 s`). */
export function formatAxisTime(ms: number, unit: 'ms' | 's'): string {
  const v = unit === 'ms' ? ms : ms / 1000;
  return `${Number(v.toPrecision(6))} ${unit}`;
}

/** The ticks: 0, one step, … up to the axis end (inclusive). */
export function axisTicks(axisMs: number, maxTicks = 8): AxisTick[] {
  if (!(axisMs > 0)) return [{ ms: 0, text: '0 ms' }];
  const step = tickStepMs(axisMs, maxTicks);
  const unit = axisUnit(axisMs);
  const n = Math.floor(axisMs / step + 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => ({ ms: i * step, text: formatAxisTime(i * step, unit) }));
}

/** A time's x in px on a track `widthPx` wide that starts at `x0` (clamped to the track). */
export function xOf(ms: number, axisMs: number, widthPx: number, x0 = 0): number {
  if (!(axisMs > 0)) return x0;
  return x0 + Math.min(1, Math.max(0, ms / axisMs)) * widthPx;
}

export interface LaneSizing {
  /** Height of one lane, px (CSS px). */
  readonly lanePx: number;
  /** Height of all lanes together, px. */
  readonly lanesPx: number;
}

/** Lanes share `maxPx` but stay between `minPx` and `maxLanePx` each (more lanes: a taller canvas). */
export function laneSizing(lanes: number, { maxPx = 320, minPx = 18, maxLanePx = 56 } = {}): LaneSizing {
  const n = Math.max(1, Math.floor(lanes));
  const lanePx = Math.round(Math.min(maxLanePx, Math.max(minPx, maxPx / n)));
  return { lanePx, lanesPx: lanePx * n };
}

/** A bar's box on the track (CSS px): at least 1 px wide; a 1 px gap at its right when it is wider than 3 px. */
export interface BarBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Geometry {
  /** Left edge of the track, px. */
  readonly x0: number;
  readonly widthPx: number;
  readonly lanePx: number;
  /** Space above and below bars inside a lane, px. */
  readonly padPx: number;
  readonly axisMs: number;
}

/** Where one bar goes. The gap makes neighbours of one tone still read as separate bars. */
export function barBox(bar: GanttBar, g: Geometry): BarBox {
  const left = xOf(bar.startMs, g.axisMs, g.widthPx, g.x0);
  const right = xOf(Math.max(bar.startMs, bar.endMs), g.axisMs, g.widthPx, g.x0);
  let w = right - left;
  if (w > 3) w -= 1;
  w = Math.max(1, w);
  return { x: left, y: bar.lane * g.lanePx + g.padPx, w, h: Math.max(1, g.lanePx - 2 * g.padPx) };
}

/**
 * What the next frame draws: `full` (clear and draw every bar) when the picture changed in a way an
 * append cannot express (axis, size, theme, lanes, a bar array that is not the old one plus more),
 * else only bars `from`..`to` on top of what is there. Bars arrive live in batches; a batch costs
 * only its own bars.
 */
export interface DrawPlan {
  readonly full: boolean;
  readonly from: number;
  readonly to: number;
}

export interface DrawnState {
  /** How many bars of `bars` are on the canvas. */
  readonly drawn: number;
  /** The array they came from. */
  readonly bars: readonly GanttBar[] | null;
  /** Axis, size, theme and lanes as one key: when it changes, everything is drawn again. */
  readonly key: string;
}

/** At most `maxPerFrame` bars per frame: a larger redraw continues in the next frames. */
export function planDraw(prev: DrawnState, bars: readonly GanttBar[], key: string, maxPerFrame = Infinity): DrawPlan {
  const appendOnly =
    prev.bars !== null &&
    prev.key === key &&
    prev.drawn <= bars.length &&
    (prev.bars === bars || prev.drawn === 0 || prev.bars[prev.drawn - 1] === bars[prev.drawn - 1]);
  const from = appendOnly ? prev.drawn : 0;
  return { full: !appendOnly, from, to: Math.min(bars.length, from + Math.max(1, maxPerFrame)) };
}

/** What one frame paints for bars `from`..`to`: rectangles per colour, outlines, group marks. */
export interface BarPaint {
  /** Per tone (mod the palette), rectangles as flat `x, y, w, h` quadruples. */
  readonly byTone: number[][];
  /** Bars wide enough (≥ 6 px) for an outline: flat quadruples. */
  readonly outlines: number[];
  /** Left edges of bars that start a group, with their lane's top: flat `x, y` pairs. */
  readonly marks: number[];
  /** Rectangles painted (after merging). */
  readonly rects: number;
}

/**
 * Lays out bars `from`..`to` for painting. Neighbours in one lane of one tone that are too thin for
 * a gap (≤ 3 px) and touch (within half a pixel) merge into one rectangle: 10,000 bars of 0.1 ms
 * become a few hundred rectangles, and the picture is the same pixel for pixel.
 */
export function paintBars(bars: readonly GanttBar[], from: number, to: number, g: Geometry, tones: number): BarPaint {
  const n = Math.max(1, tones);
  const byTone: number[][] = Array.from({ length: n }, () => []);
  const outlines: number[] = [];
  const marks: number[] = [];
  // Per lane: the tone and index of the last rectangle, so the next bar can extend it.
  const last = new Map<number, { tone: number; at: number; thin: boolean }>();
  let rects = 0;
  for (let i = from; i < to; i += 1) {
    const bar = bars[i];
    if (!bar) continue;
    const tone = (((bar.tone ?? 0) % n) + n) % n;
    const b = barBox(bar, g);
    // Too thin for a gap (see barBox): no clamping needed to tell.
    const thin = g.axisMs > 0 ? ((bar.endMs - bar.startMs) / g.axisMs) * g.widthPx <= 3 : true;
    const list = byTone[tone] ?? [];
    const prev = last.get(bar.lane);
    const px = prev ? (list[prev.at] ?? 0) : 0;
    const pw = prev ? (list[prev.at + 2] ?? 0) : 0;
    if (prev && thin && prev.thin && prev.tone === tone && b.x >= px - 0.5 && b.x <= px + pw + 0.5) {
      list[prev.at + 2] = Math.max(px + pw, b.x + b.w) - px;
    } else {
      last.set(bar.lane, { tone, at: list.length, thin });
      list.push(b.x, b.y, b.w, b.h);
      rects += 1;
    }
    if (b.w >= 6) outlines.push(b.x, b.y, b.w, b.h);
    if (bar.mark) marks.push(Math.round(b.x), b.y);
  }
  return { byTone, outlines, marks, rects };
}

/** One lane of the text alternative. */
export interface LaneStats {
  readonly lane: number;
  readonly tasks: number;
  /** Time inside its bars (overlaps counted once), ms. */
  readonly busyMs: number;
  /** The rest of the run, `endMs − busyMs`, ms. */
  readonly idleMs: number;
  /** Bars that start a group (`mark`): chunks, tiles. */
  readonly groups: number;
}

/** Tasks, busy and idle ms per lane over a run `endMs` long (default: the last bar's end). */
export function laneStats(bars: readonly GanttBar[], lanes: number, endMs?: number): LaneStats[] {
  const end = endMs ?? bars.reduce((m, b) => Math.max(m, b.endMs), 0);
  const perLane: GanttBar[][] = Array.from({ length: Math.max(0, lanes) }, () => []);
  for (const b of bars) perLane[b.lane]?.push(b);
  return perLane.map((list, lane) => {
    // Live runs append in time order per lane: sort only when they did not.
    const inOrder = list.every((b, i) => i === 0 || (list[i - 1]?.startMs ?? 0) <= b.startMs);
    const sorted = inOrder ? list : [...list].sort((a, b) => a.startMs - b.startMs);
    let busy = 0;
    let reach = -Infinity;
    for (const b of sorted) {
      const s = Math.max(b.startMs, reach);
      if (b.endMs > s) busy += b.endMs - s;
      reach = Math.max(reach, b.endMs);
    }
    return {
      lane,
      tasks: list.length,
      busyMs: busy,
      idleMs: Math.max(0, end - busy),
      groups: list.filter((b) => b.mark === true).length,
    };
  });
}
