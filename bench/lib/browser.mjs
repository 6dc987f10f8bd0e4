// @ts-check
/* global window */
// Headless Chromium, and the pages the suites open in it: the app (driven through the page
// model, e2e/pageModel.mjs) and the bench page (window.__bench, bench/page/api.ts).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { NAMES, runButton, strategyFigures } from '../../e2e/pageModel.mjs';
import { instrument } from './instrument.mjs';
import { sleep } from './log.mjs';
import { PAGE_PATH } from './server.mjs';

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/** @typedef {import('./types').Session} Session */

export async function launchBrowser() {
  const executablePath =
    process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--enable-precise-memory-info',
    ],
  });
}

/**
 * A fresh page with the instrumentation, a CDP session (for GC) and uncaught errors collected.
 * @param {Session} session
 * @returns {Promise<{ page: Page, cdp: CDPSession }>}
 */
export async function newPage(session) {
  const page = await session.context.newPage();
  await page.addInitScript(instrument, { run: NAMES.run, runStatus: NAMES.runStatus, barPrefix: NAMES.barPrefix });
  page.on('pageerror', (e) => session.errors.push(`${e.name}: ${e.message}`));
  const cdp = await session.context.newCDPSession(page);
  return { page, cdp };
}

/**
 * A fresh page on the bench page, once it has set `window.__bench`.
 * @param {Session} session
 */
export async function openBenchPage(session) {
  const opened = await newPage(session);
  await opened.page.goto(`${session.base}${PAGE_PATH}`);
  await opened.page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 30_000 });
  return opened;
}

/**
 * Opens the app at `query` with run=1, then clicks Run until `reps` runs are done; returns what
 * `read` reads after each (e.g. the page model's readResults).
 * @template T
 * @param {Session} session
 * @param {string} query
 * @param {number} reps
 * @param {number} timeoutMs
 * @param {(page: Page) => Promise<T>} read
 * @returns {Promise<T[]>}
 */
export async function appRuns(session, query, reps, timeoutMs, read) {
  const { page } = await newPage(session);
  /** @type {T[]} */
  const runs = [];
  await page.goto(`${session.base}/?${query}&run=1`);
  await page.evaluate((t) => window.__perf.waitStatus('^(Done|Stopped)$', t), timeoutMs);
  runs.push(await read(page));
  for (let i = 1; i < reps; i += 1) {
    await sleep(600); // the results chart draws after a run; let it settle
    const end = page.evaluate((t) => window.__perf.nextRunEnd(t), timeoutMs);
    await runButton(page).click();
    const { text } = await end;
    if (text !== 'Done') throw new Error(`run ${i + 1} of ${query} ended "${text}"`);
    runs.push(await read(page));
  }
  await page.close();
  return runs;
}

/**
 * One strategy's Results row as numbers (the page model's strategyFigures); throws when the table
 * has no such row.
 * @param {import('../../e2e/pageModel.mjs').Results} res
 * @param {string} label
 */
export function figuresOf(res, label) {
  const figures = strategyFigures(res, label);
  if (!figures) throw new Error(`no "${label}" row in Results`);
  return figures;
}
