import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { resultsCsv } from '../engine/resultsCsv';
import { browserLabel, toRunFile, type RunSource } from '../engine/runFile';
import { toTrace } from '../engine/trace';
import { download, exportBaseName } from './download';
import type { ShareInput } from './ShareBar';
import { SYSTEM_FONT, timelineImageOf, timelineSvgOf, type SvgTheme } from './timelineSvg';

/** The menu's items, in order (CONTRACT "Keep and share"). */
export const EXPORT_ITEMS = [
  'Timeline image (PNG)',
  'Timeline image (SVG)',
  'Results (CSV)',
  'Run (JSON)',
  'Trace (JSON) for Perfetto',
] as const;
type ExportItem = (typeof EXPORT_ITEMS)[number];

/** The page's theme colours now (its CSS custom properties, resolved for the current theme). */
function readTheme(): SvgTheme {
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  const colour = (name: string): string => {
    probe.style.color = `var(${name})`;
    return getComputedStyle(probe).color;
  };
  const root = getComputedStyle(document.documentElement);
  const inkBg = colour('--bar-ink-bg');
  const theme: SvgTheme = {
    ink: colour('--ink'),
    muted: colour('--muted'),
    bg: colour('--bg'),
    track: colour('--track'),
    grid: colour('--grid'),
    laneLine: colour('--lane-line'),
    line: colour('--line'),
    ghost: colour('--ghost'),
    spawnA: colour('--spawn-a'),
    spawnB: colour('--spawn-b'),
    barLine: colour('--bar-line'),
    barLineW: parseFloat(root.getPropertyValue('--bar-line-w')) || 1,
    barInk: colour('--bar-ink'),
    // Transparent (every theme but the projector's) draws no chip behind a bar's number.
    barInkBg: /^rgba\(.*,\s*0\)$|^transparent$/.test(inkBg) ? null : inkBg,
    chipLine: colour('--chip-line'),
    error: colour('--error'),
    beyond: colour('--beyond'),
    font: root.fontFamily || SYSTEM_FONT,
  };
  probe.remove();
  return theme;
}

/** Draws an SVG into a canvas at 2× through a `data:` URL (the CSP allows data: images, not blob:). */
async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const img = new Image(width, height);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser gave no canvas to draw on');
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png');
  });
}

/** Where and when this run was measured: the page's source, else this browser now. */
function sourceOf(input: ShareInput): RunSource {
  return (
    input.source ?? {
      kind: 'browser',
      label: browserLabel(navigator.userAgent),
      createdAt: new Date().toISOString(),
      userAgent: navigator.userAgent,
      crossOriginIsolated: window.crossOriginIsolated,
    }
  );
}

/** Makes one export's file: its name and content. */
async function exportFile(item: ExportItem, input: ShareInput): Promise<{ name: string; blob: Blob }> {
  const { state, compared } = input;
  if (!state) throw new Error('there is no run to export');
  const source = sourceOf(input);
  const base = exportBaseName(state.config, source.createdAt);
  const json = (value: unknown): Blob =>
    new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  switch (item) {
    case 'Timeline image (PNG)':
    case 'Timeline image (SVG)': {
      const { svg, width, height } = timelineSvgOf(timelineImageOf(state, compared, source, readTheme()));
      return item === 'Timeline image (SVG)'
        ? { name: `${base}-timeline.svg`, blob: new Blob([svg], { type: 'image/svg+xml' }) }
        : { name: `${base}-timeline.png`, blob: await svgToPng(svg, width, height) };
    }
    case 'Results (CSV)': {
      const csv = resultsCsv(
        state,
        compared.map((c) => ({ label: c.label, state: c.state })),
      );
      return { name: `${base}-results.csv`, blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }) };
    }
    case 'Run (JSON)':
      return { name: `${base}-run.json`, blob: json(toRunFile(state, source)) };
    case 'Trace (JSON) for Perfetto':
      return {
        name: `${base}-trace.json`,
        blob: json(
          toTrace(
            toRunFile(state, source),
            compared.map((c) => ({ label: c.label, file: c.file })),
          ),
        ),
      };
  }
}

/**
 * Button `Export` and its menu (the WAI-ARIA menu button pattern): Enter, Space or ↓ opens it on
 * the first item, ↑ on the last; ↑/↓ move (wrapping), Home/End jump, Escape closes it and returns
 * to the button, Tab or a click elsewhere closes it. Disabled (and saying why) until a run is over.
 */
export function ExportMenu({ input }: { readonly input: ShareInput }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<{ text: string; failed: boolean } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');
  const menuId = useId();
  const { state, running } = input;
  const why =
    running || state?.phase === 'running'
      ? 'Wait until the run ends'
      : !state || state.strategies.length === 0
        ? 'Run first'
        : null;

  const items = (): HTMLElement[] => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const openAt = (where: 'first' | 'last'): void => {
    if (why) return;
    focusOnOpen.current = where;
    setOpen(true);
  };

  // A run that starts while the menu is open closes it.
  if (open && why) setOpen(false);

  useEffect(() => {
    if (!open) return;
    const list = items();
    (focusOnOpen.current === 'first' ? list[0] : list.at(-1))?.focus();
    const outside = (event: PointerEvent): void => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const list = items();
    const i = list.indexOf(document.activeElement as HTMLElement);
    const focus = (j: number): void => list[(j + list.length) % list.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focus(i + 1);
        break;
      case 'ArrowUp':
        focus(i - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(list.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        setOpen(false);
        return; // focus moves on as Tab says
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation(); // Escape here closes the menu, not the run (the `s`/Escape shortcut)
  };

  const choose = (item: ExportItem): void => {
    close(true);
    setSaved(null);
    exportFile(item, input).then(
      ({ name, blob }) => {
        download(blob, name);
        setSaved({ text: `Saved ${name}`, failed: false });
      },
      (error: unknown) =>
        setSaved({
          text: `Could not export ${item}: ${error instanceof Error ? error.message : String(error)}`,
          failed: true,
        }),
    );
  };

  return (
    <div className="export-menu" ref={wrapper}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-disabled={why ? true : undefined}
        title={why ?? 'Save the timelines as an image, the Results as CSV, the run as JSON, or a trace for Perfetto'}
        onClick={() => (open ? close(false) : openAt('first'))}
        onKeyDown={onButtonKey}
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label="Export" className="export-items" onKeyDown={onMenuKey}>
          {EXPORT_ITEMS.map((item) => (
            <button key={item} type="button" role="menuitem" tabIndex={-1} onClick={() => choose(item)}>
              {item}
            </button>
          ))}
        </div>
      )}
      <span role="status" aria-label="Export result" className="export-note">
        {saved && !saved.failed ? saved.text : ''}
      </span>
      {saved?.failed && (
        <span role="alert" className="export-note export-failed">
          {saved.text}
        </span>
      )}
    </div>
  );
}
