// @ts-check
// The limits in bench/budgets.json: waiting for a quiet machine before a suite, judging what the
// suites measured, and leaving unjudged what a busy machine measured.
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { median } from './stats.mjs';
import { log, sleep } from './log.mjs';
import { cpythonOf } from '../suites/cpython.mjs';

/** @typedef {import('./types').Budgets} Budgets */
/** @typedef {import('./types').BudgetResult} BudgetResult */
/** @typedef {import('./types').LoadGate} LoadGate */
/** @typedef {import('./types').Results} Results */
/** @typedef {import('./types').Suite} Suite */

/** @type {Budgets} */
export const budgets = JSON.parse(readFileSync(new URL('../budgets.json', import.meta.url), 'utf8'));

/**
 * Before each suite that has budgets (full runs only): wait until the 1-minute load average is
 * at most `budgets.load.max1m`, polling every `pollS` for up to `waitS`. The kernel updates it every
 * 5 s and it decays with a 1-minute time constant, so a suite that kept both cores busy leaves
 * about 2 behind and a quiet machine needs ~40 s to fall below 1 (bench/README.md). A suite that
 * starts on a machine still busier than that is measured and reported, but its budgets are not
 * judged. Returns what was seen.
 * @param {Suite} suite
 * @returns {Promise<LoadGate>}
 */
export async function waitQuiet(suite) {
  const { max1m, waitS, pollS } = budgets.load;
  const t0 = Date.now();
  const first = os.loadavg()[0] ?? NaN;
  let load = first;
  if (load > max1m)
    log(
      `${suite}: 1-minute load average ${load.toFixed(2)} > ${max1m}; waiting up to ${waitS} s for the machine to quieten…`,
    );
  while (load > max1m && Date.now() - t0 < waitS * 1000) {
    await sleep(pollS * 1000);
    load = os.loadavg()[0] ?? NaN;
  }
  const waitedS = (Date.now() - t0) / 1000;
  const busy = load > max1m;
  if (busy)
    log(
      `${suite}: the machine is busy (1-minute load average ${load.toFixed(2)} > ${max1m} after ${waitedS.toFixed(0)} s): measured, but its budgets will not be judged`,
    );
  else if (waitedS > 0.5) log(`${suite}: load ${load.toFixed(2)} after ${waitedS.toFixed(0)} s, going on`);
  return { suite, loadFirst: first, load, waitedS, busy };
}

/**
 * Every budget the results can be judged against, each with its limit, what was measured and ok.
 * @param {Results} results
 * @returns {BudgetResult[]}
 */
export function evaluateBudgets(results) {
  const b = budgets;
  /** @type {BudgetResult[]} */
  const out = [];
  /** @param {string} id @param {string} what @param {string} limit @param {string} measured @param {boolean} ok */
  const add = (id, what, limit, measured, ok, note = '') => out.push({ id, what, limit, measured, ok, note });
  const python = cpythonOf(results);
  for (const f of results.fidelity ?? []) {
    if (f.id === 'sequential') {
      const limit = f.idealS * 1000 + b.sleep.sequentialMaxOverIdealMs;
      add(
        `fidelity.${f.id}`,
        `${f.title}: median ≤ ideal + ${b.sleep.sequentialMaxOverIdealMs} ms`,
        `≤ ${limit.toFixed(0)} ms`,
        `${(f.wall.median * 1000).toFixed(0)} ms`,
        f.wall.median * 1000 <= limit,
      );
    } else if (python && f.cpython) {
      const spawned = b.sleep.cpythonStartMethod === 'spawn' ? f.cpythonSpawn : null;
      const ref = spawned ?? f.cpython;
      const method = spawned ? 'spawn' : python.startMethod;
      const limit = ref.overheadMs * b.sleep.parallelMaxOverheadVsCPython;
      add(
        `fidelity.${f.id}`,
        `${f.title}: median overhead ≤ CPython's (${method})`,
        `≤ ${limit.toFixed(0)} ms`,
        `${f.overheadMs.median.toFixed(0)} ms`,
        f.overheadMs.median <= limit,
        `CPython +${f.cpython.overheadMs.toFixed(0)} ms with ${python.startMethod}${f.cpythonSpawn ? `, +${f.cpythonSpawn.overheadMs.toFixed(0)} ms with spawn` : ''}`,
      );
    } else {
      const limit = b.sleep.parallelMaxOverheadMsWithoutPython;
      add(
        `fidelity.${f.id}`,
        `${f.title}: median overhead ≤ ${limit} ms (no python3)`,
        `≤ ${limit} ms`,
        `${f.overheadMs.median.toFixed(0)} ms`,
        f.overheadMs.median <= limit,
      );
    }
  }
  if (results.cpu) {
    const two = results.cpu.pools.find((p) => p.workers === 2);
    if (two) {
      add(
        'cpu.speedup2',
        `CPU speedup on 2 workers, the app (limit ${two.limit.toFixed(1)}×)`,
        `≥ ${b.cpu.speedupOn2WorkersMin}×`,
        `${two.speedup.toFixed(3)}×`,
        two.speedup >= b.cpu.speedupOn2WorkersMin,
        results.cpu.engine ? `engine alone, no React: ${results.cpu.engine.speedup.toFixed(3)}×` : '',
      );
    }
    const e = results.cpu.engine;
    if (e?.rates && Number.isFinite(e.rates.all.worstOff)) {
      const tol = b.cpu.rateTolerance;
      const pct = (/** @type {number} */ x) => `${(x * 100).toFixed(0)} %`;
      add(
        'cpu.rates',
        `Every Worker's CPU rate within ${pct(tol)} of the calibration (warm and fresh Workers, first and later runs; engine, bench page)`,
        `${pct(1 - tol)}–${pct(1 + tol)}`,
        `${pct(e.rates.all.min)}–${pct(e.rates.all.max)}`,
        e.rates.all.worstOff <= tol,
        `${e.rates.all.n} tasks in ${e.runs.length} runs; warm ${pct(e.rates.warm.min)}–${pct(e.rates.warm.max)}, fresh ${pct(e.rates.fresh.min)}–${pct(e.rates.fresh.max)}`,
      );
    }
    if (results.cpu.threads) {
      const r = results.cpu.threads.vsSequential;
      add(
        'cpu.threads',
        'Threads analog time ÷ sequential time (GIL lesson)',
        `≥ ${b.cpu.threadsMinVsSequential}`,
        r.toFixed(2),
        r >= b.cpu.threadsMinVsSequential,
      );
    }
  }
  if (results.dispatch) {
    const r = results.dispatch.oursVsWorkerpool;
    add(
      'dispatch',
      'Our pool µs/task ÷ workerpool µs/task',
      `≤ ${b.dispatch.maxRatioVsWorkerpool}`,
      r.toFixed(2),
      r <= b.dispatch.maxRatioVsWorkerpool,
    );
  }
  if (results.ui) {
    const runs = results.ui.app1000;
    const longest = Math.max(...runs.map((r) => r.longestLongTaskMs));
    add(
      'ui.1000.longtask',
      '1,000-task run: longest main-thread long task',
      `≤ ${b.ui.run1000.maxLongTaskMs} ms`,
      longest > 0 ? `${longest.toFixed(0)} ms` : 'none',
      longest <= b.ui.run1000.maxLongTaskMs,
    );
    const fps = median(runs.map((r) => r.fps));
    add(
      'ui.1000.fps',
      '1,000-task run: frames per second while drawing (median)',
      `≥ ${b.ui.run1000.minFps}`,
      fps.toFixed(0),
      fps >= b.ui.run1000.minFps,
    );
    const e = results.ui.engine10000;
    if (e) {
      const ok =
        e.completed && e.maxProbeMs <= b.ui.run10000.maxProbeMs && e.longestLongTaskMs <= b.ui.run10000.maxLongTaskMs;
      add(
        'ui.10000',
        '10,000-task run (engine + store, bench page) completes, page responsive',
        `done; probe ≤ ${b.ui.run10000.maxProbeMs} ms; long task ≤ ${b.ui.run10000.maxLongTaskMs} ms`,
        `${e.completed ? 'done' : e.status}; probe ${e.maxProbeMs.toFixed(0)} ms; long task ${e.longestLongTaskMs.toFixed(0)} ms`,
        ok,
        'the app itself accepts at most 1,000 tasks',
      );
    }
  }
  const chunks = results.labs?.rows.find((r) => r.lab === 'chunks')?.chunks;
  if (chunks) {
    const limit = b.labs.chunksMaxLongTaskMs;
    add(
      'labs.chunks.longtask',
      `Lab chunks, ${chunks.tasks.toLocaleString('en')} × ${chunks.taskMs} ms: longest main-thread long task while it runs and draws`,
      `≤ ${limit} ms`,
      chunks.longestLongTaskMs > 0 ? `${chunks.longestLongTaskMs.toFixed(0)} ms` : 'none',
      chunks.longestLongTaskMs <= limit,
      `${chunks.longTasksMs.length} long task${chunks.longTasksMs.length === 1 ? '' : 's'} from the Run click to 1.5 s after Done`,
    );
  }
  if (results.bundle) {
    const kb = results.bundle.initialJs.gzipBytes / 1024;
    add(
      'bundle.js',
      'Initial JS, gzip',
      `≤ ${b.bundle.initialJsMaxGzipKB} KB`,
      `${kb.toFixed(1)} KB`,
      kb <= b.bundle.initialJsMaxGzipKB,
    );
  }
  return out;
}

/** Suites whose budgets depend on them: fidelity's limits come from CPython's run. */
/** @type {Record<string, Suite[]>} */
const BUDGET_SUITES = {
  fidelity: ['fidelity', 'cpython'],
  cpu: ['cpu'],
  dispatch: ['dispatch'],
  ui: ['ui'],
  labs: ['labs'],
};

/**
 * A budget whose suite (or a suite it depends on) started on a busy machine is not judged:
 * `ok: null`, and the note says why. Bundle sizes do not depend on load and are always judged.
 * @param {BudgetResult[]} list
 * @param {LoadGate[] | undefined} gate
 * @returns {BudgetResult[]}
 */
export function judgeOnlyQuiet(list, gate) {
  const busy = new Map((gate ?? []).filter((g) => g.busy).map((g) => [g.suite, g]));
  return list.map((b) => {
    const suites = BUDGET_SUITES[b.id.split('.')[0] ?? ''] ?? [];
    const why = suites.map((s) => busy.get(s)).find(Boolean);
    if (!why) return b;
    const note = `not judged: the ${why.suite} suite started at a 1-minute load average of ${why.load.toFixed(2)} (> ${budgets.load.max1m}) after waiting ${why.waitedS.toFixed(0)} s`;
    return { ...b, ok: null, note: b.note ? `${note}; ${b.note}` : note };
  });
}
