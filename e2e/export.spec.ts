// Export: each item of the `Export` menu downloads a file that parses and says what the page shows —
// the images hold every timeline and bar, the CSV the Results table, the Run JSON the bars, and the
// Perfetto trace, event by event, the Run JSON's and the bars' times. The menu works by keyboard.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readRunFile, type RunFile } from '../src/engine/runFile';
import { shownRun } from '../src/engine/selectors';
import { barLabel } from '../src/ui/timelineText';
import { expect, results, test, waitForDone } from './helpers';

const URL = '/?kind=sleep&tasks=0.3,0.2,0.1&strategies=sequential,pool,threads&workers=2&run=1';
const ITEMS = [
  'Timeline image (PNG)',
  'Timeline image (SVG)',
  'Results (CSV)',
  'Run (JSON)',
  'Trace (JSON) for Perfetto',
] as const;
const NAME_RE = /^parallel-playground-sequential\+pool\+threads-0\.3,0\.2,0\.1-\d{4}-\d\d-\d\dT\d\d-\d\d-/;

const exportButton = (page: Page) => page.getByRole('button', { name: 'Export', exact: true });

/** Chooses an item of the Export menu and gives the downloaded file. */
async function exported(page: Page, item: (typeof ITEMS)[number]): Promise<{ name: string; bytes: Buffer }> {
  await exportButton(page).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item, exact: true }).click();
  const download = await downloading;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

interface PageBar {
  name: string;
  task: number;
  worker: number;
  start: number;
  end: number;
}

/** Every timeline region on the page (`… timeline`) with its bars' accessible names, in page order. */
async function pageTimelines(page: Page): Promise<{ region: string; bars: PageBar[] }[]> {
  const raw = await page.evaluate(() =>
    [...document.querySelectorAll('section[aria-label$=" timeline"]')].map((s) => ({
      region: s.getAttribute('aria-label') ?? '',
      bars: [...s.querySelectorAll('[role="img"][aria-label^="Task "]')].map((b) => b.getAttribute('aria-label') ?? ''),
    })),
  );
  // The same names as the accessibility tree gives (checked for one region, the rest read from the DOM).
  await expect(page.getByRole('region', { name: raw[0]?.region ?? '', exact: true })).toBeVisible();
  return raw.map(({ region, bars }) => ({
    region,
    bars: bars.map((name) => {
      const m = /^Task (\d+) on worker (\d+): ([\d.]+)\s*[–-]\s*([\d.]+) s/.exec(name);
      expect(m, `bar name "${name}"`).not.toBeNull();
      return { name, task: Number(m?.[1]), worker: Number(m?.[2]), start: Number(m?.[3]), end: Number(m?.[4]) };
    }),
  }));
}

/** RFC 4180 records (CRLF-ended, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  const re = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n)/gy;
  let record: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const field = m[1] ?? '';
    record.push(field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field);
    if (m[2] === '\r\n') {
      records.push(record);
      record = [];
    }
    if (re.lastIndex === text.length) break;
  }
  expect(re.lastIndex, 'the whole CSV read as RFC 4180 records').toBe(text.length);
  return records;
}

function readRunFileOrThrow(text: string): RunFile {
  const read = readRunFile(text);
  if (!read.ok) throw new Error(read.error);
  return read.file;
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  cat?: string;
  args: Record<string, unknown>;
}

test.describe('Export', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(URL);
    await waitForDone(page, 3);
  });

  test('the menu works by keyboard and holds the five exports', async ({ page }) => {
    const button = exportButton(page);
    await expect(button).toHaveAttribute('aria-haspopup', 'menu');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).not.toHaveAttribute('aria-disabled', 'true');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const menu = page.getByRole('menu', { name: 'Export' });
    await expect(menu.getByRole('menuitem')).toHaveText([...ITEMS]);
    const item = (name: string) => page.getByRole('menuitem', { name, exact: true });
    await expect(item(ITEMS[0])).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item(ITEMS[1])).toBeFocused();
    await page.keyboard.press('End');
    await expect(item(ITEMS[4])).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item(ITEMS[0]), 'ArrowDown wraps to the first').toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(item(ITEMS[4]), 'ArrowUp wraps to the last').toBeFocused();
    await page.keyboard.press('Home');
    await expect(item(ITEMS[0])).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    // The run is not disturbed by that Escape (it is also the Stop shortcut).
    await expect(page.getByRole('status', { name: 'Run status' })).toHaveText(/^\s*Done\b/);

    // ArrowDown on the button opens it too; a click elsewhere closes it.
    await page.keyboard.press('ArrowDown');
    await expect(item(ITEMS[0])).toBeFocused();
    await page.getByRole('heading', { name: 'Results', exact: true }).click();
    await expect(menu).toBeHidden();

    // Enter on an item downloads it.
    await button.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await downloading).suggestedFilename()).toMatch(new RegExp(`${NAME_RE.source}results\\.csv$`));
    await expect(page.getByRole('status', { name: 'Export result' })).toContainText('Saved parallel-playground-');
  });

  test('SVG and PNG: every timeline and bar on the page; the PNG exactly twice the SVG’s size', async ({ page }) => {
    const timelines = await pageTimelines(page);
    expect(timelines.map((t) => t.region)).toEqual(['Sequential timeline', 'Pool timeline', 'Threads timeline']);

    const svgFile = await exported(page, 'Timeline image (SVG)');
    expect(svgFile.name).toMatch(new RegExp(`${NAME_RE.source}timeline\\.svg$`));
    const svg = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const error = doc.querySelector('parsererror');
      const root = doc.documentElement;
      return {
        error: error?.textContent ?? null,
        root: root.nodeName,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        viewBox: root.getAttribute('viewBox'),
        timelines: [...doc.querySelectorAll('g.timeline')].map((g) => ({
          region: g.querySelector(':scope > title')?.textContent ?? '',
          bars: [...g.querySelectorAll('g.bar > title')].map((t) => t.textContent ?? ''),
        })),
      };
    }, svgFile.bytes.toString('utf8'));
    expect(svg.error, 'the SVG parses as XML').toBeNull();
    expect(svg.root).toBe('svg');
    expect(svg.viewBox).toBe(`0 0 ${svg.width} ${svg.height}`);
    expect(svg.width).toBeGreaterThan(600);
    expect(svg.height).toBeGreaterThan(300);
    expect(
      svg.timelines.map((t) => t.region),
      'a titled group per timeline region',
    ).toEqual(timelines.map((t) => t.region));
    svg.timelines.forEach((t, i) => {
      expect([...t.bars].sort(), `${t.region}: one bar per bar on the page`).toEqual(
        (timelines[i]?.bars ?? []).map((b) => b.name).sort(),
      );
    });

    const png = await exported(page, 'Timeline image (PNG)');
    expect(png.name).toMatch(new RegExp(`${NAME_RE.source}timeline\\.png$`));
    expect([...png.bytes.subarray(0, 8)], 'PNG signature').toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.subarray(12, 16).toString('latin1'), 'first chunk').toBe('IHDR');
    expect({ width: png.bytes.readUInt32BE(16), height: png.bytes.readUInt32BE(20) }).toEqual({
      width: svg.width * 2,
      height: svg.height * 2,
    });
    // The browser decodes it to that size (a data: URL, as the CSP allows).
    const decoded = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    }, png.bytes.toString('base64'));
    expect(decoded).toEqual({ width: svg.width * 2, height: svg.height * 2 });
  });

  test('CSV: the Results columns and one row per Results row', async ({ page }) => {
    const table = await results(page);
    const csv = await exported(page, 'Results (CSV)');
    expect(csv.name).toMatch(new RegExp(`${NAME_RE.source}results\\.csv$`));
    const [headers, ...rows] = parseCsv(csv.bytes.toString('utf8'));
    expect(headers, 'the columns exactly as headed on the page').toEqual(table.headers);
    for (const col of ['Strategy', 'Wall-clock (s)', 'Ideal (s)', 'Overhead (ms)', 'Speedup']) {
      expect(headers).toContain(col);
    }
    expect(rows).toHaveLength(table.rows.length);
    const col = (name: string) => table.headers.indexOf(name);
    rows.forEach((row, i) => {
      const shown = table.rows[i] ?? [];
      for (const name of ['Strategy', 'Wall-clock (s)', 'Ideal (s)', 'Overhead (ms)']) {
        expect(row[col(name)], `${shown[0]}: ${name}`).toBe(shown[col(name)]);
      }
      expect(Number(row[col('Speedup')]), `${shown[0]}: Speedup`).toBe(Number(shown[col('Speedup')]?.replace('×', '')));
    });
  });

  test('Run JSON reads back to the bars on the page; the trace matches it event by event', async ({ page }) => {
    const timelines = await pageTimelines(page);
    const runFile = await exported(page, 'Run (JSON)');
    expect(runFile.name).toMatch(new RegExp(`${NAME_RE.source}run\\.json$`));
    const text = runFile.bytes.toString('utf8');
    expect(text.split('\n')[1], 'pretty-printed with 2 spaces').toMatch(/^ {2}"format"/);
    const read = readRunFile(text);
    if (!read.ok) throw new Error(read.error);
    const file: RunFile = read.file;
    expect(file.config).toMatchObject({ kind: 'sleep', tasks: [0.3, 0.2, 0.1], workers: 2 });
    expect(file.source.kind).toBe('browser');
    // Read with the page's own rules, the file draws the page's bars (labels have 2 decimals).
    for (const name of ['sequential', 'pool', 'threads'] as const) {
      const run = shownRun(read.state, name);
      const shown = timelines.find((t) => t.region.toLowerCase() === `${name} timeline`)?.bars ?? [];
      expect(run?.bars.length, `${name}: bars`).toBe(shown.length);
      for (const bar of run?.bars ?? []) {
        const onPage = shown.find((b) => b.task === bar.task + 1);
        expect(onPage?.worker, `${name} task ${bar.task + 1}: worker`).toBe(bar.worker);
        expect(Math.abs((onPage?.start ?? NaN) - bar.startS), `${name} task ${bar.task + 1}: start`).toBeLessThan(
          0.0051,
        );
        expect(Math.abs((onPage?.end ?? NaN) - (bar.endS ?? NaN)), `${name} task ${bar.task + 1}: end`).toBeLessThan(
          0.0051,
        );
        expect(barLabel(bar, null)).toBe(onPage?.name);
      }
    }

    const traceFile = await exported(page, 'Trace (JSON) for Perfetto');
    expect(traceFile.name).toMatch(new RegExp(`${NAME_RE.source}trace\\.json$`));
    const trace = JSON.parse(traceFile.bytes.toString('utf8')) as {
      traceEvents: TraceEvent[];
      displayTimeUnit: string;
    };
    expect(trace.displayTimeUnit).toBe('ms');
    const events = trace.traceEvents;
    const meta = events.filter((e) => e.ph === 'M');
    for (const e of meta) expect(e.ts, `${e.name} at ts 0`).toBe(0);
    const processName = (pid: number) =>
      meta.find((e) => e.name === 'process_name' && e.pid === pid)?.args.name as string | undefined;
    const threadName = (pid: number, tid: number) =>
      meta.find((e) => e.name === 'thread_name' && e.pid === pid && e.tid === tid)?.args.name as string | undefined;
    const pids = [...new Set(events.map((e) => e.pid))];
    expect(pids.map(processName)).toEqual([
      'Sequential (one warm Worker)',
      'Pool (2 workers)',
      'Threads (one event loop)',
    ]);

    const xs = events.filter((e) => e.ph === 'X');
    const strategyOf = (pid: number) => (['sequential', 'pool', 'threads'] as const)[pids.indexOf(pid)];
    const tasks = xs.filter((e) => e.name.startsWith('Task '));
    expect(tasks, 'a task event per task per strategy').toHaveLength(9);
    for (const e of xs) {
      expect(threadName(e.pid, e.tid), `thread ${e.pid}:${e.tid} named`).toBeTruthy();
      expect(e.dur ?? -1).toBeGreaterThanOrEqual(0);
    }
    for (const e of tasks) {
      const strategy = strategyOf(e.pid);
      const task = Number(e.name.slice('Task '.length));
      expect(e.cat).toBe('sleep');
      // Against the Run JSON: its task-start and task-end, within 1 ms.
      const start = file.events.find((x) => x.type === 'task-start' && x.strategy === strategy && x.task === task);
      const end = file.events.find((x) => x.type === 'task-end' && x.strategy === strategy && x.task === task);
      expect(Math.abs(e.ts / 1000 - (start?.tMs ?? NaN)), `${strategy} ${e.name}: start vs Run JSON`).toBeLessThan(1);
      expect(Math.abs((e.ts + (e.dur ?? 0)) / 1000 - (end?.tMs ?? NaN)), `${strategy} ${e.name}: end`).toBeLessThan(1);
      // Against the bar on the page (seconds since its strategy's start, 2 decimals), within 10 ms.
      const block = xs.find((x) => x.pid === e.pid && x.tid === 0);
      const bar = timelines
        .find((t) => t.region.toLowerCase() === `${strategy} timeline`)
        ?.bars.find((b) => b.task === task);
      const t0 = block?.ts ?? NaN;
      expect(Math.abs((e.ts - t0) / 1e6 - (bar?.start ?? NaN)), `${strategy} ${e.name}: start vs bar`).toBeLessThan(
        0.01,
      );
      expect(
        Math.abs((e.ts + (e.dur ?? 0) - t0) / 1e6 - (bar?.end ?? NaN)),
        `${strategy} ${e.name}: end vs bar`,
      ).toBeLessThan(0.01);
      // A Worker's tasks on its thread; on the one event loop, each overlapping task on its own slot.
      if (strategy === 'threads') expect(threadName(e.pid, e.tid)).toBe(`event loop (task slot ${e.tid})`);
      else expect(threadName(e.pid, e.tid)).toBe(`worker ${bar?.worker}`);
    }
    // Worker start-up: one per pool Worker, on its thread, ending by its first task's start.
    const startups = xs.filter((e) => e.name === 'Worker start-up');
    expect(startups.map((e) => `${strategyOf(e.pid)} ${e.tid}`).sort()).toEqual(['pool 1', 'pool 2']);
    // No two events on one track overlap unless nested (Perfetto would move them to an overflow track).
    for (const pid of pids) {
      for (const tid of new Set(xs.filter((e) => e.pid === pid).map((e) => e.tid))) {
        const onTrack = xs.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts);
        onTrack.slice(1).forEach((e, i) => {
          const before = onTrack[i];
          if (!before) return;
          const nested = e.ts + (e.dur ?? 0) <= before.ts + (before.dur ?? 0) + 1e-3;
          expect(
            e.ts >= before.ts + (before.dur ?? 0) - 1e-3 || nested,
            `${pid}:${tid} ${before.name} / ${e.name}`,
          ).toBe(true);
        });
      }
    }
  });
});

test('an imported run is exported with the current one: its timelines, Results rows and trace processes', async ({
  page,
}) => {
  await page.goto(URL);
  await waitForDone(page, 3);
  const runFile = await exported(page, 'Run (JSON)');
  const label = readRunFileOrThrow(runFile.bytes.toString('utf8')).source.label;
  await page.getByLabel('Run JSON file to import').setInputFiles({
    name: 'earlier.json',
    mimeType: 'application/json',
    buffer: runFile.bytes,
  });
  await expect(page.getByRole('region', { name: `${label} pool timeline`, exact: true })).toBeVisible();
  const timelines = await pageTimelines(page);
  expect(timelines.map((t) => t.region)).toEqual([
    'Sequential timeline',
    'Pool timeline',
    'Threads timeline',
    `${label} sequential timeline`,
    `${label} pool timeline`,
    `${label} threads timeline`,
  ]);

  const svgFile = await exported(page, 'Timeline image (SVG)');
  const svg = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return [...doc.querySelectorAll('g.timeline')].map((g) => ({
      region: g.querySelector(':scope > title')?.textContent ?? '',
      bars: [...g.querySelectorAll('g.bar > title')].map((t) => t.textContent ?? '').sort(),
    }));
  }, svgFile.bytes.toString('utf8'));
  expect(svg).toEqual(timelines.map((t) => ({ region: t.region, bars: t.bars.map((b) => b.name).sort() })));

  // Every row of the Results table, compared ones too (`<label> pool`), in the CSV.
  const shownRows = await page
    .getByRole('table', { name: 'Results' })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
  const csv = parseCsv((await exported(page, 'Results (CSV)')).bytes.toString('utf8')).slice(1);
  expect(csv.map((r) => r.slice(0, 2))).toEqual(shownRows.map((r) => r.slice(0, 2)));
  expect(csv.map((r) => r[0])).toContain(`${label} pool`);

  const trace = JSON.parse((await exported(page, 'Trace (JSON) for Perfetto')).bytes.toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  const names = trace.traceEvents.filter((e) => e.name === 'process_name').map((e) => e.args.name);
  expect(names).toEqual([
    'Sequential (one warm Worker)',
    'Pool (2 workers)',
    'Threads (one event loop)',
    `${label} sequential (one warm Worker)`,
    `${label} pool (2 workers)`,
    `${label} threads (one event loop)`,
  ]);
});

test('Export says why it is disabled before a run and during one', async ({ page }) => {
  await page.goto('/?kind=sleep&tasks=1.5&strategies=sequential');
  const button = exportButton(page);
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await expect(button).toHaveAttribute('title', 'Run first');
  // Playwright waits for an aria-disabled button to be enabled: click it regardless.
  await button.click({ force: true });
  await expect(page.getByRole('menu')).toHaveCount(0);
  await button.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menu')).toHaveCount(0);
  // During a run it waits for the run to end.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(button).toHaveAttribute('title', 'Wait until the run ends');
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await waitForDone(page, 1);
  await expect(button).not.toHaveAttribute('aria-disabled', 'true');
});
