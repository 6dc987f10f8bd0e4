// Shared helpers for the e2e tests. They drive the app only through the public
// contract (/work/shared/CONTRACT.md): URL params, accessible names, the Console
// line format and the Results table.
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

/** `test` that also fails when the page throws an uncaught error. */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`${err.name}: ${err.message}`));
      await provide(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export type StrategyTag = 'sequential' | 'processes' | 'pool' | 'threads';
export const STRATEGY_NAMES: Record<StrategyTag, string> = {
  sequential: 'Sequential',
  processes: 'Processes',
  pool: 'Pool',
  threads: 'Threads',
};
export const STRATEGY_TAGS: readonly StrategyTag[] = ['sequential', 'processes', 'pool', 'threads'];

/** The controls that validate input, and the label every alert about them starts with. */
export type Field = 'tasks' | 'kind' | 'workers' | 'strategies';
export const FIELD_LABEL: Record<Field, string> = {
  tasks: 'Task durations (s)',
  kind: 'Task kind',
  workers: 'Pool workers',
  strategies: 'Strategies',
};

export const RESULT_COLUMNS = ['Strategy', 'Wall-clock (s)', 'Ideal (s)', 'Overhead (ms)', 'Speedup'] as const;

declare global {
  interface Window {
    /** Read-only test hooks exposed by src/main.tsx. */
    readonly __playground: { liveWorkers(): number };
  }
}

/** Web Workers alive in the page right now (src/main.tsx's test hook). */
export const liveWorkers = (page: Page): Promise<number> => page.evaluate(() => window.__playground.liveWorkers());

// ---------------------------------------------------------------- controls

export const runButton = (page: Page): Locator => page.getByRole('button', { name: 'Run', exact: true });
export const stopButton = (page: Page): Locator => page.getByRole('button', { name: 'Stop', exact: true });
export const tasksBox = (page: Page): Locator => page.getByRole('textbox', { name: 'Task durations (s)' });
export const kindSelect = (page: Page): Locator => page.getByRole('combobox', { name: 'Task kind' });
export const workersBox = (page: Page): Locator => page.getByRole('spinbutton', { name: 'Pool workers' });
export const strategyBox = (page: Page, tag: StrategyTag): Locator =>
  page.getByRole('group', { name: 'Strategies' }).getByRole('checkbox', { name: STRATEGY_NAMES[tag], exact: true });
export const runStatus = (page: Page): Locator => page.getByRole('status', { name: 'Run status' });
export const consoleLog = (page: Page): Locator => page.getByRole('log', { name: 'Console' });
export const resultsTable = (page: Page): Locator => page.getByRole('table', { name: 'Results' });
export const timeline = (page: Page, tag: StrategyTag): Locator =>
  page.getByRole('region', { name: `${STRATEGY_NAMES[tag]} timeline` });
export const alertFor = (page: Page, label: string): Locator =>
  page.getByRole('alert').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}`) });

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens the app and waits until it is ready (Run enabled). */
export async function openReady(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(runButton(page)).toBeEnabled({ timeout: 30_000 });
}

/**
 * Waits (up to 30 s, never failing) until the page has settled: the status no longer
 * reads like work in progress (ending with "…", e.g. the warm-up/calibration message or
 * "Running…"). Used where `Run` stays disabled, so readiness cannot be seen from it.
 */
export async function waitForSettled(page: Page): Promise<void> {
  await runStatus(page)
    .filter({ hasText: /…\s*$/ })
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => undefined);
}

/** The selected task kind, as the URL spells it (`sleep` / `cpu`) when recognisable. */
export async function selectedKind(page: Page): Promise<string> {
  return kindSelect(page).evaluate((el) => {
    const select = el as HTMLSelectElement;
    const value = select.value;
    if (value === 'sleep' || value === 'cpu') return value;
    const text = select.selectedOptions[0]?.textContent ?? '';
    if (/sleep/i.test(text)) return 'sleep';
    if (/cpu/i.test(text)) return 'cpu';
    return value;
  });
}

/** Asserts which strategy checkboxes are checked (all others unchecked). */
export async function expectStrategies(page: Page, checked: readonly StrategyTag[]): Promise<void> {
  for (const tag of STRATEGY_TAGS) {
    const box = strategyBox(page, tag);
    if (checked.includes(tag)) await expect(box, `${STRATEGY_NAMES[tag]} checked`).toBeChecked();
    else await expect(box, `${STRATEGY_NAMES[tag]} unchecked`).not.toBeChecked();
  }
}

export function searchParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

// ---------------------------------------------------------------- run state

/** Waits until the run is Done and the Results table has one row per strategy. */
export async function waitForDone(page: Page, strategiesCount: number, timeout = 30_000): Promise<void> {
  await expect(runStatus(page)).toHaveText(/^\s*Done\b/, { timeout });
  await expect
    .poll(async () => (await results(page)).rows.length, { message: 'Results rows', timeout: 5_000 })
    .toBe(strategiesCount);
}

/** Clicks Run (once the page is ready) and waits for the run to finish. */
export async function runAndWait(page: Page, strategiesCount: number, timeout = 30_000): Promise<void> {
  await expect(runButton(page)).toBeEnabled({ timeout: 30_000 });
  await runButton(page).click();
  await waitForDone(page, strategiesCount, timeout);
}

// ---------------------------------------------------------------- console

/** Every Console line, trimmed, empty lines dropped. */
export async function consoleLines(page: Page): Promise<string[]> {
  const log = consoleLog(page);
  if ((await log.count()) === 0) return [];
  const text = await log.innerText();
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Console lines tagged like `[pool] ...`. */
export function taggedLines(lines: readonly string[], tag?: StrategyTag): string[] {
  const re = tag ? new RegExp(`^\\[${tag}\\] `) : /^\[(sequential|processes|pool|threads)\] /;
  return lines.filter((l) => re.test(l));
}

export interface TaskEvent {
  task: number;
  event: 'started' | 'completed';
}

/** `[tag] Task n started|completed` lines of one strategy, in order. */
export function taskEvents(lines: readonly string[], tag: StrategyTag): TaskEvent[] {
  const re = new RegExp(`^\\[${tag}\\] Task (\\d+) (started|completed)$`);
  const out: TaskEvent[] = [];
  for (const line of lines) {
    const m = re.exec(line);
    if (m?.[1] && m[2]) out.push({ task: Number(m[1]), event: m[2] === 'started' ? 'started' : 'completed' });
  }
  return out;
}

export const executionTimeRe = (tag: StrategyTag): RegExp =>
  new RegExp(`^\\[${tag}\\] Execution Time: (\\d+\\.\\d\\d) seconds$`);
export const stoppedAfterRe = (tag: StrategyTag): RegExp =>
  new RegExp(`^\\[${tag}\\] Stopped after (\\d+\\.\\d\\d) seconds$`);

/** Seconds printed by `[tag] Execution Time: X.XX seconds` (the one such line). */
export function executionTime(lines: readonly string[], tag: StrategyTag): number {
  const re = executionTimeRe(tag);
  const matches = lines.map((l) => re.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  expect(matches, `one "[${tag}] Execution Time" line in ${JSON.stringify(lines)}`).toHaveLength(1);
  return Number(matches[0]?.[1]);
}

// ---------------------------------------------------------------- results

export interface Results {
  headers: string[];
  /** Data rows (first cell starts with a strategy name), each as its cell texts. */
  rows: string[][];
}

export async function results(page: Page): Promise<Results> {
  const table = resultsTable(page);
  if ((await table.count()) === 0) return { headers: [], rows: [] };
  const { headers, rows } = await table.evaluate((el) => {
    const cellSel =
      ':scope > th, :scope > td, :scope > [role=cell], :scope > [role=gridcell], :scope > [role=rowheader], :scope > [role=columnheader]';
    const text = (c: Element): string =>
      ((c as HTMLElement).innerText ?? c.textContent ?? '').replace(/\s+/g, ' ').trim();
    const headers: string[] = [];
    const rows: string[][] = [];
    for (const row of Array.from(el.querySelectorAll('tr, [role=row]'))) {
      const cells = Array.from(new Set(Array.from(row.querySelectorAll(cellSel))));
      if (cells.length === 0) continue;
      const isHeader =
        row.closest('thead') !== null ||
        cells.every(
          (c) => c.getAttribute('role') === 'columnheader' || (c.tagName === 'TH' && c.getAttribute('scope') !== 'row'),
        );
      if (isHeader) headers.push(...cells.map(text));
      else rows.push(cells.map(text));
    }
    return { headers, rows };
  });
  return { headers, rows: rows.filter((r) => /^(Sequential|Processes|Pool|Threads)\b/.test(r[0] ?? '')) };
}

/** The text of one cell of a Results row by column heading. */
export function cell(res: Results, row: readonly string[], column: string): string {
  const i = res.headers.indexOf(column);
  expect(i, `Results column "${column}" in ${JSON.stringify(res.headers)}`).toBeGreaterThanOrEqual(0);
  const value = row[i];
  expect(value, `cell "${column}" of ${JSON.stringify(row)}`).toBeDefined();
  return value ?? '';
}

/** Numeric value of a cell like `2.01`, `2.01 s`, `1.98×`, `-3`. */
export function num(text: string): number {
  const m = /-?\d+(?:\.\d+)?/.exec(text.replace(/[−–]/, '-'));
  expect(m, `a number in "${text}"`).not.toBeNull();
  return Number(m?.[0]);
}

export function rowFor(res: Results, name: string): string[] {
  const row = res.rows.find((r) => r[0] === name);
  expect(row, `Results row "${name}" in ${JSON.stringify(res.rows)}`).toBeDefined();
  return row ?? [];
}

/** Asserts the Results headings include the contract's columns, in order. */
export function expectResultColumns(res: Results): void {
  let last = -1;
  for (const col of RESULT_COLUMNS) {
    const i = res.headers.indexOf(col);
    expect(i, `column "${col}" after index ${last} in ${JSON.stringify(res.headers)}`).toBeGreaterThan(last);
    last = i;
  }
}

// ---------------------------------------------------------------- timelines

export interface Bar {
  task: number;
  worker: number;
  start: number;
  end: number;
  /** `running`, `stopped` or '' */
  state: string;
  name: string;
}

const barNameRe = /Task (\d+) on worker (\d+): ([\d.]+)\s*[–-]\s*([\d.]+) s(?: \((\w+)\))?/;

export const barLocator = (page: Page, tag: StrategyTag): Locator =>
  timeline(page, tag).getByRole('img', { name: /^Task \d+ on worker \d+:/ });

/** The bars of one strategy's timeline, parsed from their accessible names, sorted by task. */
export async function bars(page: Page, tag: StrategyTag): Promise<Bar[]> {
  const loc = barLocator(page, tag);
  const count = await loc.count();
  const out: Bar[] = [];
  for (let i = 0; i < count; i++) {
    // The accessible name as Playwright computes it: first line of the element's aria snapshot.
    const snapshot = await loc.nth(i).ariaSnapshot();
    const first = snapshot.split('\n')[0] ?? '';
    const name = /img "(.*)"/.exec(first)?.[1] ?? first;
    const m = barNameRe.exec(name);
    expect(m, `bar name "${name}" matches the contract`).not.toBeNull();
    if (!m) continue;
    out.push({
      task: Number(m[1]),
      worker: Number(m[2]),
      start: Number(m[3]),
      end: Number(m[4]),
      state: m[5] ?? '',
      name,
    });
  }
  return out.sort((a, b) => a.task - b.task);
}

/** Asserts `value` lies within [min, max]. */
export function expectBetween(value: number, min: number, max: number, what: string): void {
  expect(value, `${what} = ${value} should be ≥ ${min}`).toBeGreaterThanOrEqual(min);
  expect(value, `${what} = ${value} should be ≤ ${max}`).toBeLessThanOrEqual(max);
}

// ---------------------------------------------------------------- honest speedup, heavy links

/** The phrase in the heading of the Results column of speedup against the measured sequential run. */
export const VS_SEQUENTIAL = 'vs measured sequential';

/** The text of one cell of a Results row by a phrase its column heading contains. */
export function cellContaining(res: Results, row: readonly string[], phrase: string): string {
  const i = res.headers.findIndex((h) => h.includes(phrase));
  expect(i, `a Results column containing "${phrase}" in ${JSON.stringify(res.headers)}`).toBeGreaterThanOrEqual(0);
  return row[i] ?? '';
}

/** The note next to Run saying why a `run=1` link did not start by itself. */
export const heldBackNote = (page: Page): Locator => page.getByText(/^This link would .* — press Run to start it\.$/);
