// @ts-check
// Suite "startmethods" (issue 13, point 5): the chapter's example 3 — five `multiprocessing.Process`
// of 1 s started in a loop — with CPython's three start methods (python/trace_chapter.py, which
// writes a Run JSON file) beside the app's two (`start=spawn`, `start=forkserver`), on the same
// machine. Per method: wall-clock, overhead (wall-clock − 1 s) and the start-up of each process,
// read from the Run JSON events both sides write (docs/run-file.md). The CPython half runs before
// the browser is open (runStartMethodsPython), the browser half with it (runStartMethodsBrowser).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readResults } from '../../e2e/pageModel.mjs';
import { appRuns, figuresOf } from '../lib/browser.mjs';
import { log } from '../lib/log.mjs';
import { summary } from '../lib/stats.mjs';

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('../lib/types').Session} Session */
/** @typedef {import('../lib/types').StartMethodRun} StartMethodRun */
/** @typedef {import('../lib/types').StartMethodEntry} StartMethodEntry */
/** @typedef {import('../lib/types').StartMethodsPython} StartMethodsPython */
/** @typedef {import('../lib/types').StartMethodsResult} StartMethodsResult */
/**
 * The events of a Run JSON file this suite reads (docs/run-file.md).
 * @typedef {{ type: string, strategy?: string, worker?: number, tMs: number, readyMs?: number }} RunEvent
 * @typedef {{ events: RunEvent[], environment?: { python?: { version?: string, startMethod?: string } } }} RunFile
 */

/** Example 3: five tasks of 1 s, each in its own process. */
const TASKS = 5;
const TASK_S = 1;
const IDEAL_S = TASK_S; // they all run at once
const SCRIPT = 'python/trace_chapter.py';
/** The app's link (docs/CONTRACT.md "Start methods"); `start` is appended. */
const QUERY = `kind=sleep&tasks=${TASK_S}*${TASKS}&strategies=processes`;
/** Repetitions: one in --quick, three in a full run (both sides). */
const repsOf = (/** @type {boolean} */ quick) => (quick ? 1 : 3);

/**
 * Each `strategy-start` … `strategy-end` block of `processes` in a Run JSON file as one run:
 * wall-clock from the two events; for each process, worker-spawn (when `start()` was called, or the
 * Worker was created / handed out) → its first task's `readyMs` (the process or Worker had
 * started; never below 0: a Worker that was ready before it was handed out started outside the
 * timed block) and → that task's start.
 * @param {RunFile} file
 * @returns {StartMethodRun[]}
 */
export function runsOfFile(file) {
  /** @type {StartMethodRun[]} */
  const runs = [];
  /** @type {RunEvent[] | null} */
  let block = null;
  for (const e of file.events) {
    if (e.strategy !== 'processes') continue;
    if (e.type === 'strategy-start') block = [e];
    else if (block) {
      block.push(e);
      if (e.type === 'strategy-end') {
        runs.push(runOfBlock(block));
        block = null;
      }
    }
  }
  return runs;
}

/** @param {RunEvent[]} block from its strategy-start to its strategy-end @returns {StartMethodRun} */
function runOfBlock(block) {
  const t0 = block[0]?.tMs ?? NaN;
  const t1 = block.at(-1)?.tMs ?? NaN;
  const wallS = (t1 - t0) / 1000;
  /** @type {number[]} */
  const startupMs = [];
  /** @type {number[]} */
  const toTaskStartMs = [];
  for (const spawn of block) {
    if (spawn.type !== 'worker-spawn') continue;
    const first = block.find((e) => e.type === 'task-start' && e.worker === spawn.worker);
    if (!first) continue;
    const ready = first.readyMs ?? first.tMs;
    startupMs.push(Math.max(0, ready - spawn.tMs));
    toTaskStartMs.push(first.tMs - spawn.tMs);
  }
  const mean = (/** @type {number[]} */ xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  return {
    wallS,
    overheadMs: (wallS - IDEAL_S) * 1000,
    processes: startupMs.length,
    startupMeanMs: mean(startupMs),
    startupMs,
    toTaskStartMeanMs: mean(toTaskStartMs),
    appStartupMs: null,
  };
}

/** @param {'cpython' | 'browser'} side @param {string} method @param {StartMethodRun[]} runs @returns {StartMethodEntry} */
function entryOf(side, method, runs) {
  const appStartups = runs.map((r) => r.appStartupMs).filter((x) => x !== null);
  return {
    side,
    method,
    runs,
    wall: summary(runs.map((r) => r.wallS)),
    overheadMs: summary(runs.map((r) => r.overheadMs)),
    startupMeanMs: summary(runs.map((r) => r.startupMeanMs)),
    toTaskStartMeanMs: summary(runs.map((r) => r.toTaskStartMeanMs)),
    appStartupMs: appStartups.length ? summary(appStartups) : null,
  };
}

/** @param {StartMethodEntry} e */
const line = (e) =>
  `start methods ${e.side} ${e.method}: wall-clock ${e.wall.median.toFixed(3)} s, overhead ${e.overheadMs.median.toFixed(0)} ms, start-up per process ${e.startupMeanMs.median.toFixed(1)} ms (${e.runs.length} run${e.runs.length === 1 ? '' : 's'})`;

/**
 * CPython's half: example 3 with `fork`, `spawn` and `forkserver` (those this OS has), `reps` runs
 * each in one interpreter (`--repeat`), through python/trace_chapter.py. Runs before the browser
 * opens, alone on the machine. A method the OS lacks is reported as such; no python3: skipped.
 * @param {boolean} quick
 * @returns {StartMethodsPython}
 */
export function runStartMethodsPython(quick) {
  const version = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) return { skipped: 'python3 not found on PATH: no CPython columns' };
  const reps = repsOf(quick);
  /** @type {StartMethodEntry[]} */
  const entries = [];
  /** @type {Record<string, string>} */
  const unavailable = {};
  for (const method of ['fork', 'spawn', 'forkserver']) {
    const out = path.join(os.tmpdir(), `pp-bench-${process.pid}-start-${method}.json`);
    const r = spawnSync(
      'python3',
      [SCRIPT, '--example', '3', '--start-method', method, '--repeat', String(reps), '-o', out],
      { encoding: 'utf8', timeout: 60_000 + reps * 30_000, maxBuffer: 16 << 20 },
    );
    if (r.status !== 0) {
      const why = (r.stderr || '').trim().split('\n').at(-1) ?? '';
      // Exit 2 is a bad argument: a start method this OS does not have (e.g. fork on Windows).
      if (r.status === 2) {
        unavailable[method] = why;
        log(`start methods cpython ${method}: not available here (${why})`);
        continue;
      }
      throw new Error(`${SCRIPT} --start-method ${method} failed (${r.status ?? r.signal}): ${why.slice(-300)}`);
    }
    /** @type {RunFile} */
    const file = JSON.parse(readFileSync(out, 'utf8'));
    rmSync(out, { force: true });
    const runs = runsOfFile(file);
    if (runs.length !== reps) throw new Error(`${SCRIPT} (${method}) wrote ${runs.length} runs, not ${reps}`);
    if (runs.some((x) => x.processes !== TASKS))
      throw new Error(`${SCRIPT} (${method}): a run without a start-up for each of the ${TASKS} processes`);
    const entry = entryOf('cpython', method, runs);
    entries.push(entry);
    log(line(entry));
  }
  return { version: version.stdout.trim() || version.stderr.trim(), entries, unavailable };
}

/**
 * Export → Run (JSON) of the page's current run, parsed.
 * @param {Page} page
 * @returns {Promise<RunFile>}
 */
async function exportedRunFile(page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('menuitem', { name: 'Run (JSON)', exact: true }).click();
  const download = await downloading;
  const file = await download.path();
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The browser's half: the app's link with `start=spawn` and `start=forkserver`, from its `run=1`
 * link in a fresh page, then Run clicked; after each run the Results row (Wall-clock, Overhead,
 * Worker start-up) and the run's own Run JSON (Export), for each Worker's start-up.
 * @param {Session} session
 * @param {StartMethodsPython | undefined} python CPython's half, when it ran (or why not)
 * @returns {Promise<StartMethodsResult>}
 */
export async function runStartMethodsBrowser(session, python) {
  const reps = repsOf(session.quick);
  /** @type {StartMethodEntry[]} */
  const browser = [];
  for (const method of ['spawn', 'forkserver']) {
    const runs = await appRuns(session, `${QUERY}&start=${method}`, reps, 60_000, async (page) => {
      const row = figuresOf(await readResults(page), 'Processes');
      const [run, ...more] = runsOfFile(await exportedRunFile(page));
      if (!run || more.length) throw new Error(`the exported Run JSON (start=${method}) holds ${more.length + 1} runs`);
      if (run.processes !== TASKS)
        throw new Error(`the exported Run JSON (start=${method}) has ${run.processes} Workers`);
      // The Results row is what the page shows; the file's wall-clock agrees with it to the ms.
      return { ...run, wallS: row.wallS, overheadMs: row.overheadMs, appStartupMs: row.startupMs };
    });
    const entry = entryOf('browser', method, runs);
    browser.push(entry);
    log(line(entry));
  }
  const py = python && 'entries' in python ? python : null;
  return {
    tasks: TASKS,
    taskS: TASK_S,
    idealS: IDEAL_S,
    reps,
    python: py?.version ?? null,
    cpythonSkipped: python ? ('skipped' in python ? python.skipped : null) : 'not run',
    cpythonUnavailable: py?.unavailable ?? {},
    entries: [...(py?.entries ?? []), ...browser],
  };
}
