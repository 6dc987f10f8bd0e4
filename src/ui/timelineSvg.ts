// Export "Timeline image (SVG/PNG)": the timelines as the page draws them — title with the config,
// legend, every timeline (the current run's, then the compared runs'), lanes, bars with their task
// numbers, ideal outlines, Worker start-up, the pool's result chips and the time axis — as one SVG
// built from the data (not a screenshot), in the page's theme colours. Pure: the colours come in.
import type { ComparedRun } from '../engine/compared';
import { idealSchedule, type IdealSchedule } from '../engine/ideal';
import type { Bar, RunState, StrategyRun } from '../engine/reducer';
import { comparedTitle } from '../engine/runFile';
import { whereMeasured } from '../engine/runFile';
import { arrivals, shownRun } from '../engine/selectors';
import { STRATEGY_LABELS, type ResultOrder, type StrategyName, type TaskKind } from '../engine/types';
import { axisEnd, sec, taskColour } from './format';
import {
  ARRIVAL_CHIPS_MAX,
  axisTicks,
  chipOffsets,
  LANE_PAD_PX,
  laneLayout,
  rowLayout,
  rowOf,
  type Lane,
  type Rows,
} from './timelineLayout';
import { barLabel, comparedSubtitle, laneLabel, subtitle, timelineStatus } from './timelineText';

/** The page's colours (CSS custom properties of src/ui/styles/page.css, resolved) and font. */
export interface SvgTheme {
  readonly ink: string;
  readonly muted: string;
  readonly bg: string;
  readonly track: string;
  readonly grid: string;
  readonly laneLine: string;
  readonly line: string;
  readonly ghost: string;
  readonly spawnA: string;
  readonly spawnB: string;
  readonly barLine: string;
  readonly barLineW: number;
  readonly barInk: string;
  /** Behind a bar's number (the projector theme's white chip); null for none. */
  readonly barInkBg: string | null;
  readonly chipLine: string;
  readonly error: string;
  readonly beyond: string;
  readonly font: string;
}

export const SYSTEM_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

/** The light theme's colours: what the page's CSS variables resolve to without a theme. */
export const LIGHT_THEME: SvgTheme = {
  ink: '#14213d',
  muted: '#4a5568',
  bg: '#f7f8fb',
  track: '#fbfcfd',
  grid: '#e4e8ee',
  laneLine: '#edf0f4',
  line: '#cbd2dc',
  ghost: '#334155',
  spawnA: '#94a3b8',
  spawnB: '#e2e8f0',
  barLine: 'rgba(0, 0, 0, 0.45)',
  barLineW: 1,
  barInk: '#111',
  barInkBg: null,
  chipLine: '#111111',
  error: '#b91c1c',
  beyond: '#fdf2f2',
  font: SYSTEM_FONT,
};

/** One timeline as the page draws it. */
export interface SvgTimeline {
  /** Before ` timeline`: `Pool`, or `CPython 3.11 pool` for a compared run. */
  readonly title: string;
  readonly subtitle: string;
  readonly name: StrategyName;
  readonly run: StrategyRun | undefined;
  readonly ideal: IdealSchedule;
  readonly kind: TaskKind;
  readonly cores: number;
  readonly order: ResultOrder;
}

/** The current run's timelines (no heading), or a compared run's under its heading. */
export interface SvgSection {
  readonly heading?: string;
  readonly note?: string;
  readonly timelines: readonly SvgTimeline[];
}

export interface TimelineImage {
  readonly titleLines: readonly string[];
  readonly axisS: number;
  readonly sections: readonly SvgSection[];
  readonly theme: SvgTheme;
}

/** Where and when a run was measured, for the image's title. */
export interface ImageSource {
  readonly label: string;
  readonly createdAt: string;
  readonly crossOriginIsolated?: boolean | undefined;
}

export const WIDTH = 1200;
const MARGIN = 24;
const LABEL_W = 160;
const TRACK_X = MARGIN + LABEL_W;
const TRACK_W = WIDTH - TRACK_X - MARGIN;
const HEAD_H = 30;
const AXIS_H = 22;
const CHIPS_H = 34;
const GAP = 18;

/** Text for XML (element content and attribute values). */
export function xmlText(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}

const num = (x: number): string => String(Math.round(x * 100) / 100);

/** `2026-11-27 10:42` in local time (as the page shows times), or the text itself if not a time. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** `3, 2, 1 s`, or `200 tasks (100.00 s in all)` when the list is long. */
export function tasksText(durationsS: readonly number[]): string {
  if (durationsS.length <= 12) return `${durationsS.join(', ')} s`;
  return `${durationsS.length} tasks (${sec(durationsS.reduce((a, b) => a + b, 0))} s in all)`;
}

/** The image's title: the tasks, the strategies and settings, then where and when it was measured. */
export function titleLines(state: RunState, source: ImageSource): string[] {
  const { config, cores } = state;
  const strategies = config.strategies.map((s) => STRATEGY_LABELS[s]).join(', ');
  const extras = [
    config.strategies.includes('pool') ? `${config.workers} pool worker${config.workers === 1 ? '' : 's'}` : '',
    config.order === 'submitted' ? 'results in submission order (executor.map)' : '',
    (config.repeat ?? 1) > 1 ? `${config.repeat} runs each, the median shown` : '',
    (config.failing ?? []).length > 0 ? `task ${(config.failing ?? []).map((i) => i + 1).join(', ')} raise` : '',
  ].filter(Boolean);
  const isolated =
    source.crossOriginIsolated === undefined
      ? ''
      : source.crossOriginIsolated
        ? ' · cross-origin isolated'
        : ' · not cross-origin isolated';
  return [
    `Parallel Playground — ${config.kind} tasks of ${tasksText(config.durationsS)}`,
    [strategies, ...extras].join(' · '),
    `Measured ${localTime(source.createdAt)} in ${source.label} · ${cores} core${cores === 1 ? '' : 's'}${isolated}${state.phase === 'stopped' ? ' · stopped' : ''}`,
  ];
}

/** The image of what the timelines show once a run is over: every timeline on the page's shared axis. */
export function timelineImageOf(
  state: RunState,
  compared: readonly ComparedRun[],
  source: ImageSource,
  theme: SvgTheme,
): TimelineImage {
  const { config, cores } = state;
  const order = config.order ?? 'completed';
  const current: SvgTimeline[] = config.strategies.map((name) => ({
    title: STRATEGY_LABELS[name],
    subtitle: subtitle(name, config.workers, config.durationsS.length),
    name,
    run: shownRun(state, name),
    ideal: idealSchedule(name, config, cores),
    kind: config.kind,
    cores,
    order,
  }));
  const sections: SvgSection[] = [
    { timelines: current },
    ...compared.map((c): SvgSection => {
      const cc = c.state.config;
      return {
        heading: `Compared · ${c.label}`,
        note: `${whereMeasured(c.file)} · measured ${localTime(c.file.source.createdAt)}`,
        timelines: [...new Set(c.state.strategies.map((r) => r.name))].map((name) => ({
          title: comparedTitle(c.label, name),
          subtitle: comparedSubtitle(c.file.source.kind, name, cc.workers, cc.durationsS.length),
          name,
          run: shownRun(c.state, name),
          ideal: idealSchedule(name, cc, c.state.cores),
          kind: cc.kind,
          cores: c.state.cores,
          order: cc.order ?? 'completed',
        })),
      };
    }),
  ];
  // The page's axis: the longest measured or ideal time of anything drawn, plus 2 %, in whole ticks.
  const all = sections.flatMap((s) => s.timelines);
  const maxS = Math.max(0, ...all.flatMap((t) => [t.ideal.totalS, t.run?.wallS ?? 0]));
  return { titleLines: titleLines(state, source), axisS: axisEnd(maxS * 1.02), sections, theme };
}

// ------------------------------------------------------------------ drawing

const x = (s: number, axisS: number): number => TRACK_X + (Math.max(0, s) / axisS) * TRACK_W;

function text(
  at: { x: number; y: number },
  body: string,
  attrs: Record<string, string | number> = {},
  fill?: string,
): string {
  const more = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('');
  return `<text x="${num(at.x)}" y="${num(at.y)}"${fill ? ` fill="${xmlText(fill)}"` : ''}${more}>${xmlText(body)}</text>`;
}

function rect(x0: number, y0: number, w: number, h: number, attrs: string): string {
  return `<rect x="${num(x0)}" y="${num(y0)}" width="${num(Math.max(0, w))}" height="${num(Math.max(0, h))}" ${attrs}/>`;
}

function defs(theme: SvgTheme): string {
  const c = (s: string): string => xmlText(s);
  return [
    '<defs>',
    `<pattern id="spawn-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`,
    `<rect width="8" height="8" fill="${c(theme.spawnB)}"/><rect width="4" height="8" fill="${c(theme.spawnA)}"/></pattern>`,
    `<pattern id="error-hatch" width="9" height="9" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`,
    `<rect width="9" height="9" fill="#fecaca"/><rect width="3" height="9" fill="#b91c1c"/></pattern>`,
    `<pattern id="stopped-stripes" width="14" height="10" patternUnits="userSpaceOnUse">`,
    `<rect x="10" width="4" height="10" fill="rgba(255,255,255,0.6)"/></pattern>`,
    `<pattern id="beyond-hatch" width="16" height="16" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`,
    `<rect width="16" height="16" fill="${c(theme.track)}"/><rect width="8" height="16" fill="${c(theme.beyond)}"/></pattern>`,
    '</defs>',
  ].join('');
}

function legend(y: number, theme: SvgTheme): string {
  const items: [string, string][] = [
    [
      'measured (task number on each bar)',
      rect(0, 0, 26, 14, `rx="3" fill="${taskColour(0)}" stroke="${xmlText(theme.barLine)}"`),
    ],
    [
      'ideal (model)',
      rect(1, 1, 24, 12, `rx="3" fill="none" stroke="${xmlText(theme.ghost)}" stroke-width="2" stroke-dasharray="4 3"`),
    ],
    ['Worker start-up', rect(0, 0, 26, 14, 'rx="3" fill="url(#spawn-hatch)"')],
    ['raised', rect(0, 0, 26, 14, `rx="3" fill="url(#error-hatch)" stroke="${xmlText(theme.error)}"`)],
    [
      'stopped',
      `${rect(0, 0, 26, 14, `rx="3" fill="${taskColour(1)}" stroke="${xmlText(theme.barLine)}" stroke-dasharray="4 2"`)}${rect(0, 0, 26, 14, 'fill="url(#stopped-stripes)"')}`,
    ],
  ];
  let at = MARGIN;
  const parts = items.map(([label, swatch]) => {
    const g = `<g transform="translate(${num(at)} ${num(y - 11)})">${swatch}</g>${text({ x: at + 32, y }, label, {}, theme.muted)}`;
    at += 40 + label.length * 7.4;
    return g;
  });
  return `<g class="legend" font-size="13">${parts.join('')}</g>`;
}

function barSvg(bar: Bar, row: number, rows: Rows, axisS: number, laneY: number, theme: SvgTheme): string {
  const end = bar.endS ?? bar.startS;
  const x0 = x(bar.startS, axisS);
  const w = Math.max(2, x(end, axisS) - x0);
  const y0 = laneY + row * rows.rowPx + LANE_PAD_PX;
  const h = Math.max(1, rows.rowPx - 2);
  const stroke = bar.status === 'error' ? theme.error : theme.barLine;
  const fill = bar.status === 'error' ? 'url(#error-hatch)' : taskColour(bar.task);
  const dash = bar.status === 'stopped' ? ' stroke-dasharray="5 3"' : '';
  const label = `${bar.status === 'error' ? '✕ ' : ''}${bar.task + 1}`;
  const body = [
    `<title>${xmlText(barLabel(bar, null))}</title>`,
    rect(x0, y0, w, h, `rx="4" fill="${fill}" stroke="${xmlText(stroke)}" stroke-width="${theme.barLineW}"${dash}`),
    bar.status === 'stopped' ? rect(x0, y0, w, h, 'rx="4" fill="url(#stopped-stripes)"') : '',
  ];
  // The task number, as on the page: when the row is tall enough (and here, the bar wide enough).
  if (rows.showText && w >= 8 + label.length * 8) {
    if (theme.barInkBg) {
      body.push(rect(x0 + 3, y0 + h / 2 - 9, label.length * 8.5 + 6, 18, `rx="3" fill="${xmlText(theme.barInkBg)}"`));
    }
    body.push(
      text(
        { x: x0 + 6, y: y0 + h / 2 + 5 },
        label,
        { 'font-weight': 700, 'font-size': 14, class: 'bar-text' },
        theme.barInk,
      ),
    );
  }
  return `<g class="bar bar-${bar.status}">${body.join('')}</g>`;
}

function laneSvg(t: SvgTimeline, lane: Lane, rows: Rows, axisS: number, y: number, ghostly: boolean, theme: SvgTheme) {
  const h = rows.laneHeightPx;
  const out: string[] = [
    rect(TRACK_X, y, TRACK_W, h, `fill="${lane.beyond ? 'url(#beyond-hatch)' : xmlText(theme.track)}"`),
    ...axisTicks(axisS).map(
      (tick) =>
        `<line x1="${num(x(tick, axisS))}" x2="${num(x(tick, axisS))}" y1="${num(y)}" y2="${num(y + h)}" stroke="${xmlText(theme.grid)}"/>`,
    ),
  ];
  if (rows.labelled) {
    const notes = [
      lane.beyond ? { s: `beyond ${t.cores} cores`, c: theme.error } : null,
      lane.idle ? { s: 'idle: no task left for it', c: theme.muted } : null,
    ].filter((n) => n !== null);
    const mid = y + h / 2 + 5 - (notes.length > 0 ? 7 : 0);
    out.push(text({ x: MARGIN, y: mid }, laneLabel(t.name, lane.worker), { 'font-size': 14 }, theme.muted));
    notes.forEach((n, i) => out.push(text({ x: MARGIN, y: mid + 15 * (i + 1) }, n.s, { 'font-size': 12 }, n.c)));
  }
  out.push(
    `<g class="ghosts" opacity="0.55">${lane.ghosts
      .map((g) =>
        rect(
          x(g.startS, axisS),
          y + rowOf(t.name, g.task) * rows.rowPx + LANE_PAD_PX,
          x(g.endS, axisS) - x(g.startS, axisS),
          Math.max(1, rows.rowPx - 2),
          `rx="4" fill="none" stroke="${xmlText(theme.ghost)}" stroke-width="2" stroke-dasharray="5 3"`,
        ),
      )
      .join('')}</g>`,
  );
  if (lane.spawn) {
    const { startS, endS } = lane.spawn;
    out.push(
      `<g class="spawn"><title>${xmlText(`Worker ${lane.worker} starting (new Worker until its first task): ${sec(startS)}–${sec(endS)} s`)}</title>${rect(
        x(startS, axisS),
        y + LANE_PAD_PX,
        Math.max(2, x(endS, axisS) - x(startS, axisS)),
        h - 2 * LANE_PAD_PX,
        'rx="3" fill="url(#spawn-hatch)"',
      )}</g>`,
    );
  }
  out.push(...lane.bars.map((bar) => barSvg(bar, rowOf(t.name, bar.task), rows, axisS, y, theme)));
  if (!ghostly) {
    const at = num(x(t.ideal.totalS, axisS));
    out.push(
      `<line class="ideal-end" x1="${at}" x2="${at}" y1="${num(y)}" y2="${num(y + h)}" stroke="${xmlText(theme.ghost)}" stroke-width="3" stroke-dasharray="6 4"/>`,
    );
  }
  return out.join('');
}

/** The pool's "Results arrive" strip: a numbered chip per result, where the program received it. */
function chipsSvg(t: SvgTimeline, axisS: number, y: number, theme: SvgTheme): string {
  if (!t.run) return '';
  const items = arrivals(t.run, t.order);
  const offsets = chipOffsets(items, axisS);
  const how = t.order === 'submitted' ? 'executor.map: in submission order' : 'as_completed: as they finish';
  const chips = items.map((item, i) => {
    const cx = x(item.atS, axisS) + (offsets[i] ?? 0) * 34;
    return `<g class="chip"><title>${xmlText(`${i + 1}: result of task ${item.task + 1} at ${sec(item.atS)} s`)}</title><circle cx="${num(cx)}" cy="${num(y + 15)}" r="14" fill="${taskColour(item.task)}" stroke="${xmlText(theme.chipLine)}" stroke-width="2"/>${text({ x: cx, y: y + 20 }, String(item.task + 1), { 'text-anchor': 'middle', 'font-weight': 700, 'font-size': 14 }, '#111')}</g>`;
  });
  return `<g class="arrivals">${text({ x: MARGIN, y: y + 20 }, 'Results arrive', { 'font-weight': 650, 'font-size': 14 }, theme.ink)}${text({ x: WIDTH - MARGIN, y: y + 20 }, how, { 'text-anchor': 'end', 'font-size': 12 }, theme.muted)}${chips.join('')}</g>`;
}

function axisSvg(axisS: number, y: number, theme: SvgTheme): string {
  const ticks = axisTicks(axisS);
  return `<g class="axis" font-size="13">${ticks
    .map((tick, i) =>
      text(
        { x: x(tick, axisS), y: y + 15 },
        `${Number(tick.toFixed(2))} s`,
        { 'text-anchor': i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle' },
        theme.muted,
      ),
    )
    .join('')}</g>`;
}

/** One timeline at `y`: its SVG and its height. */
function timelineSvg(t: SvgTimeline, axisS: number, y0: number, theme: SvgTheme): { svg: string; height: number } {
  const { lanes, ghostly } = laneLayout({ name: t.name, run: t.run, ideal: t.ideal, kind: t.kind, cores: t.cores });
  const rows = rowLayout(t.name, t.ideal.tasks.length, lanes.length);
  const out: string[] = [];
  const region = `${t.title} timeline`;
  let y = y0;
  out.push(
    `<text x="${MARGIN}" y="${num(y + 20)}" fill="${xmlText(theme.ink)}" font-size="18" font-weight="700">${xmlText(t.title)} <tspan font-size="14" font-weight="400" fill="${xmlText(theme.muted)}">${xmlText(t.subtitle)}</tspan></text>`,
    text(
      { x: WIDTH - MARGIN, y: y + 20 },
      timelineStatus(t.run, t.ideal, null),
      { 'text-anchor': 'end', 'font-size': 15, 'font-weight': 650 },
      t.run && t.run.status !== 'done' ? theme.error : theme.ink,
    ),
  );
  y += HEAD_H;
  for (const [i, lane] of lanes.entries()) {
    if (i > 0) {
      out.push(
        `<line x1="${MARGIN}" x2="${WIDTH - MARGIN}" y1="${num(y)}" y2="${num(y)}" stroke="${xmlText(theme.laneLine)}"/>`,
      );
    }
    out.push(laneSvg(t, lane, rows, axisS, y, ghostly, theme));
    y += rows.laneHeightPx;
  }
  if (t.name === 'pool' && t.run && t.ideal.tasks.length <= ARRIVAL_CHIPS_MAX) {
    out.push(chipsSvg(t, axisS, y + 4, theme));
    y += CHIPS_H + 4;
  }
  out.push(axisSvg(axisS, y, theme));
  y += AXIS_H;
  const svg = `<g class="timeline" aria-label="${xmlText(region)}" data-strategy="${t.name}"><title>${xmlText(region)}</title>${out.join('')}</g>`;
  return { svg, height: y - y0 };
}

/** The whole image: an SVG document with explicit width, height and viewBox (px). */
export function timelineSvgOf(image: TimelineImage): { svg: string; width: number; height: number } {
  const { theme, axisS } = image;
  const body: string[] = [];
  let y = MARGIN;
  image.titleLines.forEach((line, i) => {
    body.push(
      text(
        { x: MARGIN, y: y + (i === 0 ? 20 : 16) },
        line,
        i === 0 ? { 'font-size': 20, 'font-weight': 700 } : { 'font-size': 15 },
        i === 0 ? theme.ink : theme.muted,
      ),
    );
    y += i === 0 ? 30 : 24;
  });
  y += 14;
  body.push(legend(y, theme));
  y += 24;
  for (const section of image.sections) {
    if (section.heading) {
      y += 6;
      body.push(
        `<line x1="${MARGIN}" x2="${WIDTH - MARGIN}" y1="${num(y)}" y2="${num(y)}" stroke="${xmlText(theme.line)}" stroke-width="3" stroke-dasharray="8 5"/>`,
      );
      body.push(text({ x: MARGIN, y: y + 26 }, section.heading, { 'font-size': 18, 'font-weight': 700 }, theme.ink));
      if (section.note) body.push(text({ x: MARGIN, y: y + 48 }, section.note, { 'font-size': 14 }, theme.muted));
      y += section.note ? 58 : 36;
    }
    for (const t of section.timelines) {
      const drawn = timelineSvg(t, axisS, y, theme);
      body.push(drawn.svg);
      y += drawn.height + GAP;
    }
  }
  const width = WIDTH;
  const height = Math.ceil(y - GAP + MARGIN);
  const title = image.titleLines[0] ?? 'Timelines';
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xmlText(title)}" font-family="${xmlText(theme.font)}">`,
    `<title>${xmlText(title)}</title>`,
    defs(theme),
    rect(0, 0, width, height, `fill="${xmlText(theme.bg)}"`),
    ...body,
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}
