// Shared helpers for the e2e tests. They drive the app only through the public
// contract (/work/shared/CONTRACT.md): URL params, accessible names, the Console
// line format and the Results table. Finding and reading the page is the page model's
// (pageModel.mjs, shared with the bench); this file adds Playwright's assertions and fixtures.
import { test as base, expect, type Page } from '@playwright/test';
import {
  barLocator,
  consoleLog,
  kindSelect,
  parseNumber,
  readResults,
  RESULT_COLUMNS,
  runButton,
  runStatus,
  STRATEGY_NAMES,
  STRATEGY_TAGS,
  strategyBox,
  type Results,
  type StrategyTag,
} from './pageModel.mjs';

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

export type { Field, Results, StrategyTag } from './pageModel.mjs';
export {
  alertFor,
  barLocator,
  consoleLog,
  escapeRegExp,
  FIELD_LABEL,
  heldBackNote,
  kindSelect,
  readResults as results,
  RESULT_COLUMNS,
  resultsTable,
  runButton,
  runStatus,
  stopButton,
  STRATEGY_NAMES,
  STRATEGY_TAGS,
  strategyBox,
  tasksBox,
  timeline,
  workersBox,
} from './pageModel.mjs';

declare global {
  interface Window {
    /** Read-only test hooks exposed by src/main.tsx. */
    readonly __playground: { liveWorkers(): number };
  }
}

/** Web Workers alive in the page right now (src/main.tsx's test hook). */
export const liveWorkers = (page: Page): Promise<number> => page.evaluate(() => window.__playground.liveWorkers());

// ---------------------------------------------------------------- controls

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
    .poll(async () => (await readResults(page)).rows.length, { message: 'Results rows', timeout: 5_000 })
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
  const value = parseNumber(text);
  expect(value, `a number in "${text}"`).not.toBeNaN();
  return value;
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
