// @ts-check
/* global window, document */
// Suite 6: the UI under load: the app with 1,000 tasks, its refusal of 10,000, and the engine and
// run store without React (bench page) with 1,000 and 10,000.
import {
  alertFor,
  FIELD_LABEL,
  readResults,
  runButton,
  strategyFigures,
  tasksBox,
  waitReady,
} from '../../e2e/pageModel.mjs';
import { newPage, openBenchPage } from '../lib/browser.mjs';
import { log, sleep } from '../lib/log.mjs';

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/** @typedef {import('../lib/types').Session} Session */
/** @typedef {import('../lib/types').UiResult} UiResult */
/** @typedef {import('../lib/types').UiAppRun} UiAppRun */
/** @typedef {import('../lib/types').UiAppRejects} UiAppRejects */
/** @typedef {import('../lib/types').UiEngineRun} UiEngineRun */

/**
 * Probes how fast the page answers while `work` runs: max round trip of a trivial evaluate.
 * @template T
 * @param {Page} page
 * @param {Promise<T>} work
 * @returns {Promise<{ result: T, latencies: number[] }>}
 */
async function probeWhile(page, work) {
  let done = false;
  /** @type {number[]} */
  const latencies = [];
  const probing = (async () => {
    while (!done) {
      const t = performance.now();
      await page.evaluate(() => 0);
      latencies.push(performance.now() - t);
      await sleep(100);
    }
  })();
  try {
    return { result: await work, latencies };
  } finally {
    done = true;
    await probing;
  }
}

/**
 * The page's JS heap in MB (after a garbage collection when `collect`), or null without performance.memory.
 * @param {Page} page
 * @param {CDPSession} cdp
 * @param {boolean} collect
 */
async function heapMB(page, cdp, collect) {
  if (collect) await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const bytes = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  return bytes === null ? null : bytes / 1024 / 1024;
}

/** @param {number[]} frames @param {number} fromMs @param {number} toMs */
function framesPerSecond(frames, fromMs, toMs) {
  const inside = frames.filter((t) => t >= fromMs && t <= toMs);
  const spanS = (toMs - fromMs) / 1000;
  return spanS > 0 ? inside.length / spanS : NaN;
}

/** @param {[number, number][] | null} longtasks @param {number} fromMs @param {number} toMs */
function longTasksIn(longtasks, fromMs, toMs) {
  return (longtasks ?? []).filter(([start, dur]) => start + dur >= fromMs && start <= toMs).map(([, dur]) => dur);
}

/**
 * Suite 6a: the app, `n` short sleep tasks on the pool, clicked like a user.
 * @param {Session} session
 * @param {number} n
 * @returns {Promise<UiAppRun>}
 */
async function uiAppRun(session, n) {
  const tasks = Array.from({ length: n }, () => '0.001').join(',');
  const { page, cdp } = await newPage(session);
  await page.goto(`${session.base}/?kind=sleep&tasks=${tasks}&strategies=pool`);
  await waitReady(page);
  await sleep(1500); // the chart code is fetched when idle: not during the measurement
  const heapBefore = await heapMB(page, cdp, true);
  await page.evaluate(() => {
    if (window.__perf.longtasks) window.__perf.longtasks.length = 0;
    window.__perf.armFirstBar();
    window.__perf.startFrames();
  });
  const end = page.evaluate(() => window.__perf.nextRunEnd(120_000));
  const { result, latencies } = await probeWhile(
    page,
    (async () => {
      await runButton(page).click();
      return end;
    })(),
  );
  const heapAfter = await heapMB(page, cdp, false);
  const m = await page.evaluate(() => ({
    frames: window.__perf.stopFrames(),
    longtasks: [...(window.__perf.longtasks ?? [])],
    clickAt: window.__perf.runClickAt,
    firstBarAt: window.__perf.firstBarAt,
  }));
  // Long tasks right after the run: drawing the final timeline and the results chart.
  await sleep(1500);
  const after = await page.evaluate(() => [...(window.__perf.longtasks ?? [])]);
  const heapAfterGc = await heapMB(page, cdp, true);
  const rows = await readResults(page);
  const domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
  await page.close();
  const clickAt = m.clickAt;
  if (clickAt === null) throw new Error('the page saw no click on Run');
  const during = longTasksIn(m.longtasks, clickAt, result.at);
  const afterRun = longTasksIn(after, result.at + 0.001, result.at + 1500);
  const pool = strategyFigures(rows, 'Pool');
  return {
    tasks: n,
    status: result.text,
    wallS: pool?.wallS ?? NaN,
    clickToDoneMs: result.at - clickAt,
    firstBarMs: m.firstBarAt === null ? NaN : m.firstBarAt - clickAt,
    longestLongTaskMs: during.length ? Math.max(...during) : 0,
    longTasks: during.length,
    longTasksAfterRun: afterRun,
    fps: framesPerSecond(m.frames, clickAt, result.at),
    maxProbeMs: latencies.length ? Math.max(...latencies) : NaN,
    heapMB: { before: heapBefore, after: heapAfter, afterGc: heapAfterGc },
    domElements,
  };
}

/**
 * The app refuses more than 1,000 tasks (CONTRACT.md). A 10,000-task link is longer than the
 * preview server accepts (HTTP 431), so the 10,000 durations are typed into the control instead:
 * check the alert, Run disabled, and that the page still answers.
 * @param {Session} session
 * @param {number} n
 * @returns {Promise<UiAppRejects>}
 */
async function uiAppRejects(session, n) {
  const tasks = Array.from({ length: n }, () => '0.001').join(',');
  const { page } = await newPage(session);
  await page.goto(`${session.base}/?kind=sleep&tasks=1,1&strategies=pool`);
  await waitReady(page);
  await tasksBox(page).fill(tasks);
  const alert = alertFor(page, FIELD_LABEL.tasks).first();
  await alert.waitFor({ timeout: 30_000 });
  const text = ((await alert.textContent()) ?? '').trim();
  const t = performance.now();
  await page.evaluate(() => 0);
  const probeMs = performance.now() - t;
  const runDisabled = await runButton(page).isDisabled();
  await page.close();
  return { tasks: n, alert: text, runDisabled, probeMs };
}

/**
 * Suite 6b: the engine and run store without React (bench page), `n` short sleep tasks.
 * @param {Session} session
 * @param {number} n
 * @param {number} workers
 * @returns {Promise<UiEngineRun>}
 */
async function uiEngineRun(session, n, workers) {
  const { page, cdp } = await openBenchPage(session);
  const heapBefore = await heapMB(page, cdp, true);
  const from = await page.evaluate(() => {
    if (window.__perf.longtasks) window.__perf.longtasks.length = 0;
    window.__perf.startFrames();
    return performance.now();
  });
  const { result, latencies } = await probeWhile(
    page,
    page.evaluate(
      ([t, w]) => window.__bench.engineLoad(t, w, 0.001).then((r) => ({ ...r, at: performance.now() })),
      /** @type {const} */ ([n, workers]),
    ),
  );
  const heapAfter = await heapMB(page, cdp, false);
  const m = await page.evaluate(() => ({
    frames: window.__perf.stopFrames(),
    longtasks: [...(window.__perf.longtasks ?? [])],
  }));
  const heapAfterGc = await heapMB(page, cdp, true);
  await page.close();
  const during = longTasksIn(m.longtasks, from, result.at);
  return {
    tasks: n,
    workers,
    status: result.status,
    completed: result.status === 'done' && result.bars === n,
    wallS: result.wallMs / 1000,
    longestLongTaskMs: during.length ? Math.max(...during) : 0,
    longTasks: during.length,
    totalLongTaskMs: during.reduce((a, b) => a + b, 0),
    fps: framesPerSecond(m.frames, from, result.at),
    maxProbeMs: latencies.length ? Math.max(...latencies) : NaN,
    heapMB: { before: heapBefore, after: heapAfter, afterGc: heapAfterGc },
  };
}

/**
 * The app with 1,000 tasks (`reps.ui` times); in a full run also its refusal of 10,000 and the
 * engine alone with 1,000 and 10,000.
 * @param {Session} session
 * @param {number} cores the pool size for the engine runs
 * @returns {Promise<UiResult>}
 */
export async function runUi(session, cores) {
  /** @type {UiAppRun[]} */
  const app1000 = [];
  for (let i = 0; i < session.reps.ui; i += 1) {
    const r = await uiAppRun(session, 1000);
    app1000.push(r);
    log(
      `ui 1,000 tasks: ${r.status} in ${r.clickToDoneMs.toFixed(0)} ms, longest long task ${r.longestLongTaskMs.toFixed(0)} ms, ${r.fps.toFixed(0)} fps`,
    );
  }
  /** @type {UiResult} */
  const out = { app1000 };
  if (!session.quick) {
    out.engine1000 = await uiEngineRun(session, 1000, cores);
    out.app10000 = await uiAppRejects(session, 10000);
    out.engine10000 = await uiEngineRun(session, 10000, cores);
    const r = out.engine10000;
    log(
      `engine 10,000 tasks: ${r.status} in ${r.wallS.toFixed(2)} s, longest long task ${r.longestLongTaskMs.toFixed(0)} ms, probe ≤ ${r.maxProbeMs.toFixed(0)} ms`,
    );
  }
  return out;
}
