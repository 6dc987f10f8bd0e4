// @ts-check
/* global window */
// Suite 5: CPU-bound speedup in the app, and every Worker's achieved rate in the bench page.
import { readCpuCheck, readResults } from '../../e2e/pageModel.mjs';
import { appRuns, figuresOf, openBenchPage } from '../lib/browser.mjs';
import { log } from '../lib/log.mjs';
import { breakdownMedian, median, summary } from '../lib/stats.mjs';
import { CPU_TASK_S } from './cpython.mjs';

/** @typedef {import('../lib/types').Session} Session */
/** @typedef {import('../lib/types').CPythonResult} CPythonResult */
/** @typedef {import('../lib/types').CpuResult} CpuResult */

/** @typedef {import('../lib/types').CpuPoolEntry} CpuPoolEntry */
/** @typedef {import('../lib/types').EngineCpuEntry} EngineCpuEntry */
/** @typedef {import('../lib/types').RateSummary} RateSummary */
/** @typedef {import('../page/api').EngineCpuRun} EngineCpuRun */
/** @typedef {import('../page/api').EngineCpuStrategy} EngineCpuStrategy */

/**
 * Rate summary of a list of achieved rates (1 = the calibrated rate).
 * @param {number[]} rates
 * @returns {RateSummary}
 */
const rateSummary = (rates) => ({
  ...summary(rates),
  worstOff: rates.length ? Math.max(...rates.map((r) => Math.abs(r - 1))) : NaN,
});

/**
 * CPU tasks (one per core) on 1 … cores pool workers vs sequential, and threads, in the app; then
 * the engine alone in the bench page, with every Worker's achieved rate.
 * @param {Session} session
 * @param {number} cores the browser's navigator.hardwareConcurrency
 * @param {CPythonResult | null} python
 * @returns {Promise<CpuResult>}
 */
export async function runCpu(session, cores, python) {
  const tasks = Array.from({ length: cores }, () => CPU_TASK_S).join(',');
  /** @type {CpuPoolEntry[]} */
  const pools = [];
  /** @type {CpuResult['threads']} */
  let threads = null;
  /** @type {number[]} */
  let sequential = [];
  // The app's own self-check after each run: each strategy's share of the calibrated rate.
  const readCpuRun = async (/** @type {import('@playwright/test').Page} */ page) => ({
    rows: await readResults(page),
    check: await readCpuCheck(page),
  });
  // --quick: only the pool with one Worker per core.
  for (let k = session.quick ? cores : 1; k <= cores; k += 1) {
    const strategies = k === cores ? 'sequential,pool,threads' : 'sequential,pool';
    const runs = await appRuns(
      session,
      `kind=cpu&tasks=${tasks}&strategies=${strategies}&workers=${k}`,
      session.reps.cpu,
      120_000,
      readCpuRun,
    );
    const seq = runs.map((r) => figuresOf(r.rows, 'Sequential').wallS);
    const poolRows = runs.map((r) => figuresOf(r.rows, 'Pool'));
    const pool = poolRows.map((r) => r.wallS);
    sequential = sequential.concat(seq);
    const speedups = pool.map((p, i) => (seq[i] ?? NaN) / p);
    const appRate = (/** @type {string} */ label) => runs.map((r) => r.check?.rates[label] ?? null);
    pools.push({
      workers: k,
      limit: Math.min(k, cores),
      wall: summary(pool),
      sequential: summary(seq),
      speedup: median(speedups),
      speedups,
      breakdownMedianMs: breakdownMedian(poolRows),
      // Per run, as the app's CPU self-check shows it (null where the page showed none).
      appRates: {
        calibrationKStepsPerMs: runs.map((r) => r.check?.kStepsPerMs ?? null),
        sequential: appRate('Sequential'),
        pool: appRate('Pool'),
      },
    });
    log(
      `cpu pool ${k} worker(s): median ${median(pool).toFixed(3)} s vs sequential ${median(seq).toFixed(3)} s → ${median(speedups).toFixed(2)}×`,
    );
    if (k === cores) {
      const th = runs.map((r) => figuresOf(r.rows, 'Threads').wallS);
      const ratios = th.map((t, i) => t / (seq[i] ?? NaN));
      threads = { wall: summary(th), vsSequential: median(ratios), ratios };
      log(`cpu threads: median ${median(th).toFixed(3)} s = ${median(ratios).toFixed(2)}× sequential time`);
    }
  }
  // The same tasks through the engine without React (bench page), same machine, same run: the
  // speedup, and every Worker's achieved rate — the warm Worker (sequential) against the fresh
  // ones (processes, pool), the first run in the page against the later ones.
  const { page } = await openBenchPage(session);
  const e = await page.evaluate(
    ([t, w, d, r]) => window.__bench.engineCpu(t, w, d, r),
    /** @type {const} */ ([cores, cores, CPU_TASK_S, session.reps.cpu]),
  );
  await page.close();
  const speedups = e.runs.map((r) => r.sequentialMs / r.poolMs);
  /** @param {EngineCpuStrategy} strategy @param {readonly EngineCpuRun[]} runs */
  const rates = (strategy, runs = e.runs) => runs.flatMap((r) => r.rates[strategy].map((x) => x.rate));
  /** @param {readonly EngineCpuRun[]} runs */
  const all = (runs) => [...rates('sequential', runs), ...rates('processes', runs), ...rates('pool', runs)];
  /** @type {EngineCpuEntry} */
  const engine = {
    workers: cores,
    sequential: summary(e.runs.map((r) => r.sequentialMs / 1000)),
    processes: summary(e.runs.map((r) => r.processesMs / 1000)),
    pool: summary(e.runs.map((r) => r.poolMs / 1000)),
    speedup: median(speedups),
    speedups,
    calibration: e.calibration,
    recalibration: e.recalibration,
    // Per run: each task's share of the calibrated rate, with the Worker it ran on.
    runs: e.runs.map((r, i) => ({
      run: i + 1,
      sequentialMs: r.sequentialMs,
      processesMs: r.processesMs,
      poolMs: r.poolMs,
      rates: r.rates,
    })),
    rates: {
      warm: rateSummary(rates('sequential')),
      fresh: rateSummary([...rates('processes'), ...rates('pool')]),
      firstRun: rateSummary(all(e.runs.slice(0, 1))),
      laterRuns: rateSummary(all(e.runs.slice(1))),
      all: rateSummary(all(e.runs)),
    },
  };
  const pct = (/** @type {number} */ x) => `${(x * 100).toFixed(0)} %`;
  log(
    `cpu engine only, pool ${cores}: median ${engine.pool.median.toFixed(3)} s vs sequential ${engine.sequential.median.toFixed(3)} s → ${engine.speedup.toFixed(2)}×; ` +
      `calibration ${(e.calibration.unitsPerMs / 1000).toFixed(0)}k steps/ms (after: ${(e.recalibration.unitsPerMs / 1000).toFixed(0)}k); ` +
      `rates warm ${pct(engine.rates.warm.min)}–${pct(engine.rates.warm.max)}, fresh ${pct(engine.rates.fresh.min)}–${pct(engine.rates.fresh.max)}`,
  );
  return {
    taskS: CPU_TASK_S,
    tasks: cores,
    sequential: summary(sequential),
    pools,
    threads,
    engine,
    cpython: python?.cpu ?? null,
  };
}
