#!/usr/bin/env node
// @ts-check
/* global window */
// npm run bench [-- --quick] [-- --check] [-- --no-build] [-- --port 4180] [-- --readme] [-- --help]
//
// The entry: the options (lib/args.mjs, whose USAGE --help prints), then the suites in order,
// each in suites/, the budgets (lib/budgets.mjs) and the report (lib/report.mjs). See
// bench/README.md for what each suite measures.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, repetitions, wants } from './lib/args.mjs';
import { launchBrowser, openBenchPage } from './lib/browser.mjs';
import { budgets, evaluateBudgets, judgeOnlyQuiet, waitQuiet } from './lib/budgets.mjs';
import { log } from './lib/log.mjs';
import { describe } from './lib/meta.mjs';
import { budgetSummary, LATEST, publish, QUICK_FILE, readLatest } from './lib/report.mjs';
import { build, checkBuilt, OUT_DIR, startServer } from './lib/server.mjs';
import { measureBundle } from './suites/bundle.mjs';
import { runCpu } from './suites/cpu.mjs';
import { cpythonOf, runCPython } from './suites/cpython.mjs';
import { runDispatch } from './suites/dispatch.mjs';
import { runPayload } from './suites/payload.mjs';
import { runFidelity } from './suites/fidelity.mjs';
import { runLabs } from './suites/labs.mjs';
import { runStartMethodsBrowser, runStartMethodsPython } from './suites/startMethods.mjs';
import { runWorkerStart } from './suites/start.mjs';
import { runUi } from './suites/ui.mjs';

/** @typedef {import('./lib/types').Results} Results */
/** @typedef {import('./lib/types').Session} Session */
/** @typedef {import('./lib/types').Suite} Suite */

process.chdir(path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));

const opts = parseArgs(process.argv.slice(2));
const QUICK = opts.quick;

async function main() {
  const t0Bench = Date.now();
  /** 1-minute load averages: before the bench (other work on the machine skews timings), then per suite. */
  const loadSeen = [os.loadavg()[0] ?? NaN];
  if (opts.build) build();
  checkBuilt();
  /** @type {Results} */
  const results = { mode: QUICK ? 'quick' : 'full' };
  /** @type {string[]} */
  const errors = [];
  /** @type {string[]} */
  const failures = [];
  /**
   * Runs one suite; a suite that throws is reported (and fails the bench) without stopping the others.
   * @template T
   * @param {string} name
   * @param {() => T | Promise<T>} fn
   * @returns {Promise<T | undefined>}
   */
  const guard = async (name, fn) => {
    try {
      return await fn();
    } catch (error) {
      // Keep it short: Playwright messages can quote whole URLs.
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 400);
      failures.push(`${name}: ${message}`);
      log(`suite ${name} crashed: ${message}`);
      return undefined;
    } finally {
      loadSeen.push(os.loadavg()[0] ?? NaN);
    }
  };

  // Full runs wait for a quiet machine before each suite with budgets (--quick never waits).
  /** @type {NonNullable<Results['loadGate']>} */
  const loadGate = [];
  results.loadGate = loadGate;
  results.loadMax1m = budgets.load.max1m;
  /** @param {Suite} suite */
  const quiet = async (suite) => {
    if (!QUICK) loadGate.push(await waitQuiet(suite));
  };

  if (wants(opts, 'bundle')) results.bundle = await guard('bundle', () => measureBundle(OUT_DIR, 'index.html'));
  // CPython first and alone: no browser competing for the cores.
  if (wants(opts, 'cpython')) {
    if (!QUICK) await quiet('cpython');
    results.cpython = QUICK
      ? { skipped: '--quick: CPython suite skipped' }
      : await guard('cpython', () => runCPython(repetitions(QUICK).python));
  }
  const python = cpythonOf(results);
  // Start methods (issue 13): CPython's half also before the browser opens; a short run in --quick too.
  const startPython = wants(opts, 'startmethods')
    ? await guard('start methods (CPython)', () => runStartMethodsPython(QUICK))
    : undefined;

  const server = await startServer(opts.port);
  const browser = await launchBrowser();
  try {
    // The app's service worker (src/pwa) would download its offline copy during a suite; the bench
    // measures the app, not that one-time download.
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' });
    /** @type {Session} */
    const session = { context, base: server.base, errors, quick: QUICK, reps: repetitions(QUICK) };
    const probe = await openBenchPage(session);
    const env = await probe.page.evaluate(() => ({
      cores: navigator.hardwareConcurrency,
      userAgent: navigator.userAgent,
      crossOriginIsolated: window.crossOriginIsolated,
    }));
    await probe.page.close();
    results.meta = describe(browser, env, python?.version ?? null);
    if (wants(opts, 'start')) results.workerStart = await guard('worker start', () => runWorkerStart(session));
    if (wants(opts, 'dispatch')) {
      await quiet('dispatch');
      results.dispatch = await guard('dispatch', () => runDispatch(session));
    }
    if (wants(opts, 'payload')) results.payload = await guard('payload', () => runPayload(session));
    if (wants(opts, 'startmethods'))
      results.startMethods = await guard('start methods', () => runStartMethodsBrowser(session, startPython));
    if (wants(opts, 'fidelity')) {
      await quiet('fidelity');
      results.fidelity = await guard('fidelity', () => runFidelity(session, python));
    }
    if (wants(opts, 'cpu')) {
      await quiet('cpu');
      results.cpu = await guard('cpu', () => runCpu(session, env.cores, python));
    }
    if (wants(opts, 'ui')) {
      await quiet('ui');
      results.ui = await guard('ui', () => runUi(session, env.cores));
    }
    if (wants(opts, 'labs')) {
      await quiet('labs');
      results.labs = await guard('labs', () => runLabs(session));
      // A lab that is there but whose row failed (a wrong answer, a name that moved) fails the bench.
      for (const row of results.labs?.rows ?? [])
        if (row.status === 'failed') failures.push(`labs ${row.lab}: ${row.note}`);
    }
    await context.close();
  } finally {
    await browser.close();
    server.stop();
  }

  results.meta = {
    ...results.meta,
    loadAverage1m: { atStart: loadSeen[0] ?? NaN, max: Math.max(...loadSeen), samples: loadSeen },
  };
  results.pageErrors = errors;
  results.failures = failures;
  const judged = QUICK ? [] : judgeOnlyQuiet(evaluateBudgets(results), results.loadGate);
  results.budgets = judged;
  results.durationS = (Date.now() - t0Bench) / 1000;
  publish(results, QUICK || opts.only ? QUICK_FILE : LATEST, opts.readme, ` in ${results.durationS.toFixed(0)} s`);

  if (failures.length > 0 || errors.length > 0) {
    for (const f of failures) console.error(`bench: suite crashed: ${f}`);
    for (const e of errors) console.error(`bench: uncaught error in a page: ${e}`);
    process.exitCode = 2;
    return;
  }
  const misses = judged.filter((b) => b.ok === false);
  const unjudged = judged.filter((b) => b.ok === null);
  if (opts.check && !QUICK) {
    for (const m of misses) console.error(`bench: budget missed: ${m.what}: ${m.measured} (limit ${m.limit})`);
    for (const u of unjudged)
      console.error(`bench: budget not judged (machine busy): ${u.what}: ${u.measured} (limit ${u.limit})`);
    console.error(`bench: ${budgetSummary(judged)}`);
    // 1: a judged budget was missed; 3: none missed, but some were not judged (the machine was busy).
    if (misses.length > 0) process.exitCode = 1;
    else if (unjudged.length > 0) process.exitCode = 3;
  }
}

if (opts.render) {
  // Measure nothing: the report of the last full run, from bench/results/latest.json.
  publish(readLatest(), LATEST, opts.readme);
} else {
  main().catch((error) => {
    console.error('bench: crashed:', error);
    process.exit(2);
  });
}
