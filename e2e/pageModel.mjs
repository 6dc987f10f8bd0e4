// @ts-check
/* global document, HTMLElement */
// The page model: how the app's page is found and read through its public contract
// (/work/shared/CONTRACT.md): accessible names, the Results table, the CPU self-check. One copy
// for the e2e tests (e2e/helpers.ts adds Playwright's assertions on top) and for the bench
// (bench/), which runs under plain Node: hence JavaScript, typed with JSDoc and checked by tsc
// (tsconfig.node.json, bench/tsconfig.json). Nothing here asserts; a reader returns what it saw.

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').Locator} Locator */
/** @typedef {'sequential' | 'processes' | 'pool' | 'threads'} StrategyTag */
/** @typedef {'tasks' | 'kind' | 'workers' | 'strategies'} Field */

/** Accessible names the contract fixes, also used by code that runs inside the page. */
export const NAMES = Object.freeze({
  run: 'Run',
  stop: 'Stop',
  runStatus: 'Run status',
  results: 'Results',
  console: 'Console',
  strategies: 'Strategies',
  /** Every measured bar's name starts with it: `Task 1 on worker 2: 0.00–1.00 s`. */
  barPrefix: 'Task ',
});

/** @type {Readonly<Record<StrategyTag, string>>} */
export const STRATEGY_NAMES = {
  sequential: 'Sequential',
  processes: 'Processes',
  pool: 'Pool',
  threads: 'Threads',
};
/** @type {readonly StrategyTag[]} */
export const STRATEGY_TAGS = ['sequential', 'processes', 'pool', 'threads'];

/**
 * The controls that validate input, and the label every alert about them starts with.
 * @type {Readonly<Record<Field, string>>}
 */
export const FIELD_LABEL = {
  tasks: 'Task durations (s)',
  kind: 'Task kind',
  workers: 'Pool workers',
  strategies: NAMES.strategies,
};

export const RESULT_COLUMNS = /** @type {const} */ ([
  'Strategy',
  'Wall-clock (s)',
  'Ideal (s)',
  'Overhead (ms)',
  'Speedup',
]);

// ---------------------------------------------------------------- controls

/** @param {Page} page @returns {Locator} */
export const runButton = (page) => page.getByRole('button', { name: NAMES.run, exact: true });
/** @param {Page} page @returns {Locator} */
export const stopButton = (page) => page.getByRole('button', { name: NAMES.stop, exact: true });
/** @param {Page} page @returns {Locator} */
export const tasksBox = (page) => page.getByRole('textbox', { name: FIELD_LABEL.tasks });
/** @param {Page} page @returns {Locator} */
export const kindSelect = (page) => page.getByRole('combobox', { name: FIELD_LABEL.kind });
/** @param {Page} page @returns {Locator} */
export const workersBox = (page) => page.getByRole('spinbutton', { name: FIELD_LABEL.workers });
/** @param {Page} page @param {StrategyTag} tag @returns {Locator} */
export const strategyBox = (page, tag) =>
  page.getByRole('group', { name: NAMES.strategies }).getByRole('checkbox', { name: STRATEGY_NAMES[tag], exact: true });
/** @param {Page} page @returns {Locator} */
export const runStatus = (page) => page.getByRole('status', { name: NAMES.runStatus });
/** @param {Page} page @returns {Locator} */
export const consoleLog = (page) => page.getByRole('log', { name: NAMES.console });
/** @param {Page} page @returns {Locator} */
export const resultsTable = (page) => page.getByRole('table', { name: NAMES.results });
/** @param {Page} page @param {StrategyTag} tag @returns {Locator} */
export const timeline = (page, tag) =>
  page.getByRole('region', { name: `${STRATEGY_NAMES[tag]} timeline`, exact: true });
/** The alerts about one control: their text starts with its label. @param {Page} page @param {string} label @returns {Locator} */
export const alertFor = (page, label) =>
  page.getByRole('alert').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}`) });
/** @param {Page} page @param {StrategyTag} tag @returns {Locator} */
export const barLocator = (page, tag) =>
  timeline(page, tag).getByRole('img', { name: new RegExp(`^${NAMES.barPrefix}\\d+ on worker \\d+:`) });
/** The note next to Run saying why a `run=1` link did not start by itself. @param {Page} page @returns {Locator} */
export const heldBackNote = (page) => page.getByText(/^This link would .* — press Run to start it\.$/);

/** @param {string} s */
export function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits until the app is ready: Run enabled (warm Worker up, CPU calibrated). @param {Page} page */
export async function waitReady(page, timeoutMs = 60_000) {
  await page.getByRole('button', { name: NAMES.run, exact: true, disabled: false }).waitFor({ timeout: timeoutMs });
}

// ---------------------------------------------------------------- results

/**
 * @typedef {object} Results
 * @property {string[]} headers
 * @property {string[][]} rows Data rows (first cell starts with a strategy name), each as its cell texts.
 */

/** The Results table as its headings and its strategies' rows (none when there is no table). @param {Page} page @returns {Promise<Results>} */
export async function readResults(page) {
  const table = resultsTable(page);
  if ((await table.count()) === 0) return { headers: [], rows: [] };
  const { headers, rows } = await table.evaluate((el) => {
    const cellSel =
      ':scope > th, :scope > td, :scope > [role=cell], :scope > [role=gridcell], :scope > [role=rowheader], :scope > [role=columnheader]';
    /** @param {Element} c */
    const text = (c) => ((c instanceof HTMLElement ? c.innerText : c.textContent) ?? '').replace(/\s+/g, ' ').trim();
    /** @type {string[]} */
    const headers = [];
    /** @type {string[][]} */
    const rows = [];
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

/** The number in a cell like `2.01`, `2.01 s`, `1.98×`, `−3`; NaN when there is none (`–`). @param {string} text */
export function parseNumber(text) {
  const m = /-?\d+(?:\.\d+)?/.exec(text.replace(/[−–]/, '-'));
  return m ? Number(m[0]) : NaN;
}

/**
 * @typedef {object} StrategyFigures
 * @property {string} label
 * @property {number} wallS
 * @property {number} idealS
 * @property {number} overheadMs
 * @property {number} startupMs
 * @property {number} dispatchMs
 * @property {number} otherMs
 * @property {Record<string, string>} raw The row's cells by column heading.
 */

/**
 * One strategy's row as numbers, or null when the table has no such row. The table shows
 * wall-clock with 2 decimals and overhead in whole ms, so wall-clock is taken as ideal + overhead
 * (1 ms resolution).
 * @param {Results} res
 * @param {string} label
 * @returns {StrategyFigures | null}
 */
export function strategyFigures(res, label) {
  const row = res.rows.find((r) => r[0] === label);
  if (!row) return null;
  const raw = Object.fromEntries(res.headers.map((h, i) => [h, row[i] ?? '']));
  /** @param {string} column */
  const num = (column) => parseNumber(raw[column] ?? '');
  const idealS = num('Ideal (s)');
  const overheadMs = num('Overhead (ms)');
  return {
    label,
    wallS: Number.isFinite(overheadMs) ? idealS + overheadMs / 1000 : num('Wall-clock (s)'),
    idealS,
    overheadMs,
    startupMs: num('Worker start-up (ms)'),
    dispatchMs: num('Dispatch (ms)'),
    otherMs: num('Other (ms)'),
    raw,
  };
}

// ---------------------------------------------------------------- CPU self-check

/**
 * @typedef {object} CpuCheck
 * @property {number | null} kStepsPerMs The calibration the header shows ("531k steps per ms").
 * @property {Record<string, { rate: number, min: number, max: number }>} rates By strategy label.
 */

/**
 * The app's CPU self-check after a cpu run (src/ui/CpuCheck.tsx), as numbers: each strategy's
 * achieved share of the calibrated rate (and its tasks' lowest and highest), plus the calibration
 * the header shows. Null when the page shows no self-check.
 * @param {Page} page
 * @returns {Promise<CpuCheck | null>}
 */
export async function readCpuCheck(page) {
  return page.evaluate(() => {
    const section = document.querySelector('section.cpu-check');
    const m = /(\d+(?:\.\d+)?)k steps per ms/.exec(document.body.textContent ?? '');
    const kStepsPerMs = m ? Number(m[1]) : null;
    if (!section) return null;
    /** @type {CpuCheck['rates']} */
    const rates = {};
    for (const li of section.querySelectorAll('li')) {
      const text = (li.textContent ?? '').replace(/\s+/g, ' ').trim();
      const r = /^(.+?): (\d+) % of the calibrated rate(?: \(tasks (\d+) %–(\d+) %\))?/.exec(text);
      if (!r?.[1]) continue;
      const rate = Number(r[2]) / 100;
      rates[r[1]] = { rate, min: r[3] ? Number(r[3]) / 100 : rate, max: r[4] ? Number(r[4]) / 100 : rate };
    }
    return { kStepsPerMs, rates };
  });
}
