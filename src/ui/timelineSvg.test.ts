import { describe, expect, it } from 'vitest';
import type { ComparedRun } from '../engine/compared';
import { readRunFile, toRunFile } from '../engine/runFile';
import { shownRun } from '../engine/selectors';
import { setup, sleep } from '../engine/testing/strategyRun';
import type { RunConfig } from '../engine/types';
import { LIGHT_THEME, timelineImageOf, timelineSvgOf, WIDTH, xmlText, type SvgTheme } from './timelineSvg';
import { barLabel } from './timelineText';

/** A small XML reader: checks the document is well formed and gives its elements. */
interface El {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: El[];
  text: string;
}
function parseXml(xml: string): El {
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const decode = (s: string): string => {
    const bad = /&(?!(?:lt|gt|amp|quot|apos|#\d+);)/.exec(s);
    if (bad) throw new Error(`bad entity at ${s.slice(bad.index, bad.index + 10)}`);
    return s.replace(
      /&(lt|gt|amp|quot|apos);/g,
      (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '',
    );
  };
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < xml.length && (m = tag.exec(xml))) {
    at = tag.lastIndex;
    const top = stack.at(-1);
    if (!top) throw new Error('closed past the root');
    if (m[5] !== undefined) {
      top.text += decode(m[5]);
      continue;
    }
    const [, closing, name = '', rawAttrs = '', selfClosing] = m;
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs.matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (a[1] === undefined || a[1] in attrs) throw new Error(`attribute ${a[1]} twice on <${name}>`);
      attrs[a[1]] = decode(a[2] ?? '');
    }
    const el: El = { name, attrs, children: [], text: '' };
    top.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (at !== xml.length) throw new Error(`not XML at ${at}: ${xml.slice(at, at + 40)}`);
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)?.name}> never closed`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('not one root element');
  const [svg] = root.children;
  if (!svg) throw new Error('empty');
  return svg;
}
const all = (el: El, pred: (e: El) => boolean): El[] => [
  ...(pred(el) ? [el] : []),
  ...el.children.flatMap((c) => all(c, pred)),
];
const titleOf = (el: El): string | undefined => el.children.find((c) => c.name === 'title')?.text;
const hasClass = (el: El, c: string): boolean => (el.attrs.class ?? '').split(' ').includes(c);

async function stateOf(config: RunConfig, options = {}) {
  const run = setup(config, options);
  await run.run();
  return run.store.getState();
}

const SOURCE = { label: 'Chromium 156', createdAt: '2026-11-27T10:42:00.000Z', crossOriginIsolated: true };

async function comparedRun(label: string): Promise<ComparedRun> {
  const state = await stateOf(sleep([3, 2, 1], ['pool'], 3), { spawnMs: 30 });
  const file = toRunFile(state, { kind: 'cpython', label, createdAt: '2026-11-26T09:00:00Z' });
  const read = readRunFile(JSON.stringify(file));
  if (!read.ok) throw new Error(read.error);
  return { id: 'c1', label, file: read.file, state: read.state };
}

describe('Timeline image (SVG)', () => {
  it('draws every timeline with its title, every bar named as on the page, ideal outlines and the axis', async () => {
    const state = await stateOf(sleep([0.3, 0.2, 0.1], ['sequential', 'pool', 'threads'], 2), { spawnMs: 20 });
    const compared = await comparedRun('CPython 3.11');
    const image = timelineImageOf(state, [compared], SOURCE, LIGHT_THEME);
    const { svg, width, height } = timelineSvgOf(image);
    const doc = parseXml(svg);
    expect(doc.name).toBe('svg');
    expect(doc.attrs).toMatchObject({
      width: String(width),
      height: String(height),
      viewBox: `0 0 ${width} ${height}`,
    });
    expect(width).toBe(WIDTH);
    expect(doc.attrs['font-family']).toContain('system-ui');

    const timelines = all(doc, (e) => e.name === 'g' && hasClass(e, 'timeline'));
    expect(timelines.map(titleOf)).toEqual([
      'Sequential timeline',
      'Pool timeline',
      'Threads timeline',
      'CPython 3.11 pool timeline',
    ]);
    // Each timeline's heading: its title, then its subtitle.
    const heads = timelines.map((t) => t.children.find((c) => c.name === 'text'));
    expect(heads[1]?.text).toBe('Pool ');
    expect(heads[1]?.children[0]?.text).toBe('a pool of 2 Workers, start-up timed');

    // One bar per bar the page draws, with the same name.
    const runs = [
      ...['sequential', 'pool', 'threads'].map((n) => shownRun(state, n as 'pool')),
      shownRun(compared.state, 'pool'),
    ];
    timelines.forEach((t, i) => {
      const bars = all(t, (e) => e.name === 'g' && hasClass(e, 'bar')).map(titleOf);
      expect(bars.sort()).toEqual((runs[i]?.bars ?? []).map((b) => barLabel(b, null)).sort());
      // Each bar shows its task number (colour is not the only signal).
      for (const bar of all(t, (e) => e.name === 'g' && hasClass(e, 'bar'))) {
        const number = all(bar, (e) => e.name === 'text')[0]?.text;
        expect(titleOf(bar)).toContain(`Task ${number} on worker`);
      }
      // The ideal schedule: one dashed outline per task.
      expect(all(t, (e) => e.name === 'g' && hasClass(e, 'ghosts')).flatMap((g) => g.children)).toHaveLength(3);
      // The axis: ticks in seconds, from 0 s.
      const ticks = all(t, (e) => e.name === 'g' && hasClass(e, 'axis')).flatMap((g) => g.children.map((c) => c.text));
      expect(ticks[0]).toBe('0 s');
      expect(ticks.every((s) => / s$/.test(s))).toBe(true);
    });
    // The pool's start-up spans and the results-arrive chips are there.
    expect(all(timelines[1] ?? doc, (e) => hasClass(e, 'spawn'))).toHaveLength(2);
    expect(all(timelines[1] ?? doc, (e) => hasClass(e, 'chip'))).toHaveLength(3);
    // Threads: every task in its own row.
    const threadYs = all(timelines[2] ?? doc, (e) => hasClass(e, 'bar')).map((b) => b.children[1]?.attrs.y);
    expect(new Set(threadYs).size).toBe(3);

    // The title says the config and where it was measured; the compared run says where it came from.
    const texts = doc.children.filter((c) => c.name === 'text').map((c) => c.text);
    expect(texts[0]).toBe('Parallel Playground — sleep tasks of 0.3, 0.2, 0.1 s');
    expect(texts[1]).toBe('Sequential, Pool, Threads · 2 pool workers');
    expect(texts[2]).toMatch(/^Measured 2026-11-2\d \d\d:\d\d in Chromium 156 · 2 cores · cross-origin isolated$/);
    expect(texts).toContain('Compared · CPython 3.11');
  });

  it('uses the theme it is given, escapes text, and marks raised and stopped bars without colour', async () => {
    const theme: SvgTheme = { ...LIGHT_THEME, bg: '#000001', track: '#000002', ink: '#fffffe', barInkBg: '#fffffd' };
    const run = setup({ ...sleep([1, 3], ['pool'], 2), failing: [0] });
    run.time.at(2000, () => run.controller.abort());
    await run.run();
    const compared = await comparedRun('Lab <3> & "B"');
    const { svg } = timelineSvgOf(timelineImageOf(run.store.getState(), [compared], SOURCE, theme));
    const doc = parseXml(svg);
    expect(svg).toContain('fill="#000001"');
    expect(svg).toContain('fill="#000002"');
    expect(svg).toContain('fill="#fffffd"');
    expect(svg).not.toContain(LIGHT_THEME.bg);
    const titles = all(doc, (e) => hasClass(e, 'timeline')).map(titleOf);
    expect(titles).toContain('Lab <3> & "B" pool timeline');
    const raised = all(doc, (e) => hasClass(e, 'bar-error'))[0];
    expect(titleOf(raised ?? doc)).toMatch(/^Task 1 on worker 1: 0\.00–1\.00 s \(raised /);
    expect(all(raised ?? doc, (e) => e.name === 'text')[0]?.text).toBe('✕ 1');
    const stopped = all(doc, (e) => hasClass(e, 'bar-stopped'))[0];
    expect(titleOf(stopped ?? doc)).toBe('Task 2 on worker 2: 0.00–2.00 s (stopped)');
    expect(stopped?.children[1]?.attrs['stroke-dasharray']).toBeDefined();
  });

  it('escapes the five XML specials', () => {
    expect(xmlText(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
