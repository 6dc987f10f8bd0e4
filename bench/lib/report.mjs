// @ts-check
// Renders bench results as Markdown, writes them to bench/results/, and into README.md's
// `## Performance` section.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log } from './log.mjs';
import { cpythonOf } from '../suites/cpython.mjs';
import { fmt, median, signed } from './stats.mjs';

/** @typedef {import('./types').Results} Results */
/** @typedef {import('./types').Summary} Summary */
/** @typedef {import('./types').BudgetResult} BudgetResult */
/** @typedef {import('./types').EngineCpuEntry} EngineCpuEntry */

/** The last full run (commit it with the README table it produced). */
export const LATEST = 'bench/results/latest.json';
/** What --quick and --only runs write (git-ignored). */
export const QUICK_FILE = 'bench/results/quick.json.tmp';

/** @returns {Results} */
export function readLatest() {
  return JSON.parse(readFileSync(LATEST, 'utf8'));
}

/**
 * Renders `results` into their `markdown`, writes them to `file`, prints the Markdown on stdout
 * and, with `readme`, replaces README.md's Performance section with it.
 * @param {Results} results
 * @param {string} file
 * @param {boolean} readme
 * @param {string} [took] appended to the "wrote" line
 */
export function publish(results, file, readme, took = '') {
  const markdown = renderReport(results);
  results.markdown = markdown;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(markdown);
  log(`wrote ${file}${took}`);
  if (readme) {
    if (replaceReadmeSection('README.md', markdown)) log('updated the Performance section of README.md');
    else log('README.md not found: Performance section not written');
  }
}

/**
 * A Markdown table; numbers right-aligned unless `left` (every column left-aligned).
 * @param {readonly string[]} head
 * @param {readonly (readonly string[])[]} rows
 */
const table = (head, rows, left = false) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 || left ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

/** @param {number} x */
const s3 = (x) => fmt(x, 3);
/** @param {number} bytes */
const kb = (bytes) => `${fmt(bytes / 1024, 1)} KB`;
/** min / **median** / max. @param {Summary} s @param {number} d decimals */
const mmm = (s, d) => `${fmt(s.min, d)} / **${fmt(s.median, d)}** / ${fmt(s.max, d)}`;

/** @param {Results} r */
function header(r) {
  /** @type {import('./types').Meta} */
  const m = r.meta ?? {};
  const lines = [
    `Measured ${m.date ? m.date.slice(0, 16).replace('T', ' ') + ' UTC' : ''} with ${r.mode === 'quick' ? '`npm run bench -- --quick` (smoke test: 1 repetition, no budgets)' : '`npm run bench`'}` +
      ` on ${m.machineCores ?? '?'} cores (${m.cpuModel ?? '?'}, ${m.memoryGB ?? '?'} GB, ${m.os ?? '?'}), ${m.browser ?? 'Chromium ?'} headless` +
      ` (navigator.hardwareConcurrency ${m.browserCores ?? '?'}, crossOriginIsolated ${m.crossOriginIsolated ?? '?'}), Node ${m.node ?? '?'}` +
      `${m.python ? `, ${m.python}` : ''}${m.commit ? `, commit ${m.commit}` : ''}. Whole bench: ${fmt(r.durationS, 0)} s.`,
  ];
  const load = m.loadAverage1m;
  if (load) {
    // Only the value before the bench starts says something about other work (its own runs add load).
    const busy = load.atStart > 1;
    lines.push(
      `${busy ? '> **Other work was running:** ' : ''}1-minute load average before the bench started: ${fmt(load.atStart, 2)}${busy ? ` on ${m.machineCores ?? '?'} cores. CPU-bound figures (speedup, "other" overhead) suffer first; rerun on a quiet machine.` : '.'}`,
    );
  }
  const gate = r.loadGate ?? [];
  if (gate.length) {
    const waited = gate.filter((g) => g.waitedS > 0.5 || g.busy);
    lines.push(
      `Before each suite with budgets the bench waited for a 1-minute load average ≤ ${fmt(r.loadMax1m ?? 1, 1)}: ${gate.map((g) => `${g.suite} ${fmt(g.load, 2)}${g.waitedS > 0.5 ? ` (after ${fmt(g.waitedS, 0)} s)` : ''}${g.busy ? ' **busy: not judged**' : ''}`).join(', ')}.` +
        `${waited.length ? '' : ' No suite had to wait.'}`,
    );
  }
  return lines.join('\n\n');
}

/** @param {Results} r */
function fidelitySection(r) {
  if (!r.fidelity) return null;
  const py = cpythonOf(r);
  const rows = r.fidelity.map((f) => [
    `${f.title} · ${f.strategy}`,
    fmt(f.idealS, 2),
    mmm(f.wall, 3),
    signed(f.overheadMs.median),
    f.strategy === 'Sequential'
      ? '–'
      : `${fmt(f.breakdownMedianMs.startup)} / ${fmt(f.breakdownMedianMs.dispatch)} / ${fmt(f.breakdownMedianMs.other)}`,
    f.cpython ? mmm(f.cpython.wall, 3) : '–',
    f.cpython ? signed(f.cpython.overheadMs) : '–',
    f.cpythonSpawn ? signed(f.cpythonSpawn.overheadMs) : '–',
    f.ratio === null || !Number.isFinite(f.ratio) ? '–' : `${fmt(f.ratio, 2)}×`,
  ]);
  const n = r.fidelity[0]?.wall.n ?? 0;
  const note = py
    ? `Browser: ${n} runs of each example in the app (the first from its \`run=1\` link in a fresh page, the rest by clicking Run). CPython ${py.version.replace(/^Python /, '')} (\`${py.startMethod}\` start method): ${py.examples.sequential?.wallS.length ?? '?'} runs each of \`bench/python/chapter.py\`, the chapter's code, alone on the machine before the browser started, and again with the \`spawn\` start method (a fresh interpreter per process, as on Windows and macOS) for the examples that start processes. Overhead = median − ideal; ratio = browser overhead ÷ CPython (${py?.startMethod ?? 'default'}) overhead. Worker start-up / dispatch / other are the app's own overhead breakdown (medians).`
    : `Browser: ${n} run(s) of each example in the app. CPython: ${r.cpython?.skipped ?? 'not run'}.`;
  return [
    "#### 1–2. The chapter's sleep examples: browser vs CPython",
    table(
      [
        'Example · strategy',
        'Ideal (s)',
        'Browser min / **median** / max (s)',
        'Browser overhead (ms)',
        'start-up / dispatch / other (ms)',
        `CPython${py ? ` (${py.startMethod})` : ''} min / **median** / max (s)`,
        `CPython${py ? ` (${py.startMethod})` : ''} overhead (ms)`,
        'CPython (spawn) overhead (ms)',
        'Overhead ratio',
      ],
      rows,
    ),
    note,
  ].join('\n\n');
}

/** @param {Results} r */
function cpuSection(r) {
  if (!r.cpu) return null;
  const c = r.cpu;
  const py = c.cpython;
  // The app's own CPU self-check, per run: "Sequential 99 % · Pool 97–101 %" (range over runs).
  const appRates = (/** @type {import('./types').CpuPoolEntry} */ p) => {
    const r = p.appRates;
    if (!r) return '–';
    const span = (/** @type {(import('./types').AppRate | null)[]} */ list) => {
      const xs = list.filter((x) => x !== null);
      if (!xs.length) return '–';
      const lo = Math.min(...xs.map((x) => x.min));
      const hi = Math.max(...xs.map((x) => x.max));
      return lo === hi ? pct(lo) : `${pct(lo)}–${pct(hi)}`;
    };
    return `${span(r.sequential)} · ${span(r.pool)}`;
  };
  const rows = [
    [
      'Sequential',
      s3(c.sequential.median),
      '1.00×',
      '1.0×',
      '–',
      '–',
      py ? s3(py.sequential.median) : '–',
      py ? '1.00×' : '–',
    ],
  ];
  for (const p of c.pools) {
    const pyCol =
      p.workers === 2 && py
        ? [`${s3(py.processes.median)} (2 processes)`, `${fmt(py.processesSpeedup, 2)}×`]
        : ['–', '–'];
    const b = p.breakdownMedianMs;
    rows.push([
      `Pool, ${p.workers} worker${p.workers === 1 ? '' : 's'}`,
      s3(p.wall.median),
      `${fmt(p.speedup, 2)}×`,
      `${fmt(p.limit, 1)}×`,
      b ? `${fmt(b.startup)} / ${fmt(b.dispatch)} / ${fmt(b.other)}` : '–',
      appRates(p),
      ...pyCol,
    ]);
  }
  const e = c.engine;
  if (e) {
    rows.push([
      `Pool, ${e.workers} workers — engine alone (bench page, no React)`,
      `${s3(e.pool.median)} (sequential ${s3(e.sequential.median)})`,
      `${fmt(e.speedup, 2)}×`,
      `${fmt(Math.min(e.workers, c.tasks), 1)}×`,
      '–',
      e.rates ? `warm ${rangePct(e.rates.warm)} · fresh ${rangePct(e.rates.fresh)}` : '–',
      '–',
      '–',
    ]);
  }
  if (c.threads) {
    rows.push([
      'Threads analog (one event loop)',
      s3(c.threads.wall.median),
      `${fmt(1 / c.threads.vsSequential, 2)}× (time ${fmt(c.threads.vsSequential, 2)} × sequential)`,
      '1.0×',
      '–',
      '–',
      py ? `${s3(py.threads.median)} (2 threads)` : '–',
      py ? `${fmt(1 / py.threadsVsSequential, 2)}× (time ${fmt(py.threadsVsSequential, 2)} × sequential)` : '–',
    ]);
  }
  const parts = [
    `#### 5. CPU-bound: ${c.tasks} tasks of ${c.taskS} s (one per core)`,
    table(
      [
        'Run',
        'Browser wall-clock, median (s)',
        'Speedup vs sequential',
        'Physical limit',
        'Pool start-up / dispatch / other (ms)',
        'CPU rate, % of calibration (sequential · pool)',
        'CPython wall-clock, median (s)',
        'CPython speedup',
      ],
      rows,
    ),
    `Browser: the app (\`kind=cpu\`, ${c.pools[0]?.speedups.length ?? '?'} runs per pool size; each run measures sequential and the pool side by side and the speedup is the median of those pairs). Pool times include starting its Workers. CPU rate: each cpu task's planned ms ÷ the ms it spent computing, measured in its Worker (100 % = one task of *d* s computed for *d* s of one core at the calibrated rate); for the app, the range its CPU self-check showed over the runs. "Engine alone" runs the same tasks through the engine and WorkerExecutor, calibrated the same way, in the bench page without React. CPython: \`bench/python/cpu.py\`, a pure-Python hash loop calibrated to ${py?.taskS ?? c.taskS} s per task.`,
  ];
  const appCal = c.pools
    .flatMap((p) => p.appRates?.calibrationKStepsPerMs ?? [])
    .flatMap((x) => (x !== null && Number.isFinite(x) ? [x] : []));
  if (appCal.length)
    parts[2] += ` The app calibrated at ${Math.min(...appCal) === Math.max(...appCal) ? `${fmt(appCal[0], 0)}k` : `${fmt(Math.min(...appCal), 0)}k–${fmt(Math.max(...appCal), 0)}k`} kernel steps per ms (its header, in each page).`;
  if (e?.runs?.length && e.calibration) parts.push(engineRatesTable(e));
  return parts.join('\n\n');
}

/** @param {number} x */
const pct = (x) => (Number.isFinite(x) ? `${Math.round(x * 100)} %` : '–');
/** @param {{ min: number, max: number } | null} r */
const rangePct = (r) =>
  r && Number.isFinite(r.min)
    ? Math.round(r.min * 100) === Math.round(r.max * 100)
      ? pct(r.min)
      : `${pct(r.min)}–${pct(r.max)}`
    : '–';

/** Per run of the engine in one page: every Worker's achieved rate, warm and fresh. @param {EngineCpuEntry} e */
function engineRatesTable(e) {
  const k = (/** @type {number} */ x) => `${fmt(x / 1000, 0)}k`;
  const byWorker = (/** @type {readonly import('../page/api').TaskRate[]} */ list) =>
    [...list]
      .sort((a, b) => a.worker - b.worker || a.task - b.task)
      .map((x) => pct(x.rate))
      .join(' · ') || '–';
  const rows = e.runs.map((r) => [
    r.run === 1 ? '1 (first in the page)' : String(r.run),
    byWorker(r.rates.sequential),
    byWorker(r.rates.processes),
    byWorker(r.rates.pool),
    `${fmt(r.sequentialMs / r.poolMs, 2)}×`,
  ]);
  const a = e.rates;
  rows.push([
    '**all runs**',
    `**${rangePct(a.warm)}**`,
    `**${rangePct(rateOf(e, 'processes'))}**`,
    `**${rangePct(rateOf(e, 'pool'))}**`,
    `**${fmt(e.speedup, 2)}×** (median)`,
  ]);
  return [
    table(
      [
        'Engine run (bench page)',
        'Sequential: warm Worker, task 1 · 2 …',
        'Processes: fresh Worker 1 · 2 …',
        'Pool: fresh Worker 1 · 2 …',
        'Pool speedup',
      ],
      rows,
    ),
    `Every task's rate as a % of the calibration, in ${e.runs.length} runs in one page. Calibration ${k(e.calibration.unitsPerMs)} kernel steps per ms (measured in ${fmt(e.calibration.measuredMs, 0)} ms on the warm Worker before the first run); calibrated again after the last run: ${k(e.recalibration.unitsPerMs)} (${fmt((e.recalibration.unitsPerMs / e.calibration.unitsPerMs - 1) * 100, 1)} %). Warm = the Worker that was calibrated (sequential); fresh = started for that run (processes: one per task; pool: one per core). First run ${rangePct(a.firstRun)}, later runs ${rangePct(a.laterRuns)}.`,
  ].join('\n\n');
}

/** @param {EngineCpuEntry} e @param {import('../page/api').EngineCpuStrategy} strategy */
function rateOf(e, strategy) {
  const xs = e.runs.flatMap((r) => r.rates[strategy].map((x) => x.rate));
  return xs.length ? { min: Math.min(...xs), max: Math.max(...xs) } : null;
}

/** @param {Results} r */
function startSection(r) {
  if (!r.workerStart) return null;
  const rows = r.workerStart.map((w) => [
    String(w.workers),
    fmt(w.freshMs, 1),
    mmm(w.warm, 1),
    fmt(w.warmFirstReply.median, 1),
  ]);
  return [
    '#### 3. Worker start: `new Worker` → first comlink reply',
    table(
      [
        'Workers started together',
        'Fresh page (ms)',
        'Warm page min / **median** / max (ms)',
        'First of them to reply, median (ms)',
      ],
      rows,
    ),
    `The app's task Worker script (\`src/workers/task.worker.ts\`), started from the bench page; time until every Worker has answered a comlink \`ping\`. "Fresh" is the first start in a newly loaded page (script fetched and compiled), "warm" the ${r.workerStart[0]?.warm.n ?? '?'} starts after it.`,
  ].join('\n\n');
}

/** @param {Results} r */
function dispatchSection(r) {
  if (!r.dispatch) return null;
  const d = r.dispatch;
  const wp = d.perTaskUs.workerpool.median;
  /** @type {Record<string, string>} */
  const label = {
    ours: 'Our pool: engine `pool` strategy → WorkerExecutor → task channel',
    workerpool: `workerpool ${r.meta?.workerpool ?? ''}`.trim(),
    raw: 'Raw `postMessage` to an echo Worker, no library (one in flight per Worker)',
    comlink: 'Diagnosis: one plain comlink call per task (`ping`)',
    channel:
      'Diagnosis: the task channel alone, one no-op task per round trip as WorkerExecutor sends it (no executor, no engine)',
    'ours+store': 'Our pool + RunStore (every event folded in, as the app does)',
  };
  const rows = Object.entries(d.perTaskUs).map(([impl, s]) => [
    label[impl] ?? impl,
    mmm(s, 1),
    `${fmt(s.median / wp, 2)}×`,
  ]);
  return [
    `#### 4. Dispatch: ${d.tasks.toLocaleString('en')} no-op tasks on ${d.workers} Workers`,
    table(['Implementation', 'µs per task min / **median** / max', 'vs workerpool'], rows),
    `Same page, same Worker count, Workers started and warmed before the timing; ${d.perTaskUs.ours.n} rounds in rotating order after one warm-up round. A no-op task for our pool is a \`cpu\` task of 1 µs on an uncalibrated executor: the whole task path (run message, result with its start time, task events) with zero work. It ends before its first yield, so its start travels inside its result (\`src/workers/protocol.ts\`). "Our pool + RunStore" is the app's real path: the store keeps immutable state for React, so each event copies the run's console and bars arrays, a cost that grows with the run (reported, not budgeted; see bench/README.md).`,
  ].join('\n\n');
}

/** @param {Results} r */
function uiSection(r) {
  if (!r.ui) return null;
  const u = r.ui;
  const heap = (/** @type {import('./types').Heap | undefined} */ h) =>
    h && h.before !== null ? `${fmt(h.before, 1)} → ${fmt(h.after, 1)} (${fmt(h.afterGc, 1)} after GC)` : '–';
  /** @type {string[][]} */
  const rows = [];
  const a = u.app1000;
  if (a?.length) {
    const worst = Math.max(...a.map((x) => x.longestLongTaskMs));
    rows.push([
      `App: 1,000 × 0.001 s, pool (${a.length} run${a.length === 1 ? '' : 's'}, medians)`,
      a.map((x) => x.status).join(', '),
      s3(median(a.map((x) => x.wallS))),
      fmt(median(a.map((x) => x.firstBarMs)), 0),
      worst > 0 ? `${fmt(worst, 0)} (${Math.max(...a.map((x) => x.longTasks))} long tasks)` : 'none',
      fmt(median(a.map((x) => x.fps)), 0),
      fmt(Math.max(...a.map((x) => x.maxProbeMs)), 0),
      heap(a[0]?.heapMB),
    ]);
  }
  const eng = (/** @type {import('./types').UiEngineRun | undefined} */ e, /** @type {string} */ title) =>
    e &&
    rows.push([
      title,
      e.completed ? 'done' : e.status,
      s3(e.wallS),
      '–',
      e.longestLongTaskMs > 0
        ? `${fmt(e.longestLongTaskMs, 0)} (${e.longTasks} long tasks, ${fmt(e.totalLongTaskMs, 0)} ms in all)`
        : 'none',
      fmt(e.fps, 0),
      fmt(e.maxProbeMs, 0),
      heap(e.heapMB),
    ]);
  eng(u.engine1000, 'Engine + RunStore, 1,000 × 0.001 s (bench page, no React)');
  if (u.app10000)
    rows.push([
      'App: 10,000 tasks',
      `refused: “${u.app10000.alert}”${u.app10000.runDisabled ? ', Run disabled' : ''}`,
      '–',
      '–',
      '–',
      '–',
      fmt(u.app10000.probeMs, 0),
      '–',
    ]);
  eng(u.engine10000, 'Engine + RunStore, 10,000 × 0.001 s (bench page, no React)');
  const after = a?.flatMap((x) => x.longTasksAfterRun) ?? [];
  return [
    '#### 6. UI under load',
    table(
      [
        'Run',
        'Result',
        'Wall-clock (s)',
        'Click → first bar (ms)',
        'Longest long task (ms)',
        'Frames/s',
        'Slowest page answer (ms)',
        'JS heap MB before → after',
      ],
      rows,
    ),
    `${a[0]?.domElements ? `The app's page holds ${a[0].domElements.toLocaleString('en')} elements after a 1,000-task run. ` : ''}Long tasks from a PerformanceObserver('longtask') between the Run click and \`Done\`; frames/s = requestAnimationFrame callbacks in that window (headless Chromium draws up to 60); "page answer" = slowest round trip of a trivial \`page.evaluate\` sent every 100 ms during the run. ${after.length ? `After the run (timeline redraw and the results chart): long tasks of ${after.map((x) => fmt(x, 0)).join(', ')} ms.` : 'No long tasks in the 1.5 s after the run either (final redraw, results chart).'}`,
  ].join('\n\n');
}

/** @param {Results} r */
function bundleSection(r) {
  if (!r.bundle) return null;
  const b = r.bundle;
  const rows = [
    [
      `Initial JS (${b.initialJs.files.map((f) => `\`${f.file.replace(/^assets\//, '')}\``).join(' + ')})`,
      kb(b.initialJs.bytes),
      `**${kb(b.initialJs.gzipBytes)}**`,
    ],
    [
      `Initial CSS (${b.initialCss.files.map((f) => `\`${f.file.replace(/^assets\//, '')}\``).join(' + ')})`,
      kb(b.initialCss.bytes),
      kb(b.initialCss.gzipBytes),
    ],
    // Results from before the bench page left the app's build (bench/vite.config.ts) list its
    // assets among the app's: they are not the app's, so --render leaves them out.
    ...b.otherAssets
      .filter((f) => !/^assets\/(bench|echo\.worker|workerpool)/.test(f.file))
      .map((f) => [`Loaded later: \`${f.file.replace(/^assets\//, '')}\``, kb(f.bytes), kb(f.gzipBytes)]),
  ];
  return [
    '#### 7. Bundle (what `index.html` loads first)',
    table(['Asset', 'Size', `gzip (level ${b.gzipLevel})`], rows),
  ].join('\n\n');
}

/** "12 budgets: 11 judged, all held; 1 not judged (machine busy)". */
/** @param {readonly BudgetResult[]} budgets */
export function budgetSummary(budgets) {
  const judged = budgets.filter((b) => b.ok !== null);
  const missed = judged.filter((b) => !b.ok).length;
  const unjudged = budgets.length - judged.length;
  return (
    `${budgets.length} budget${budgets.length === 1 ? '' : 's'}: ${judged.length} judged, ${missed === 0 ? (judged.length ? 'all held' : 'none missed') : `${missed} missed`}` +
    `${unjudged ? `; ${unjudged} not judged (the machine was busy: 1-minute load average above the limit before its suite)` : ''}`
  );
}

/** @param {Results} r */
function budgetSection(r) {
  if (r.mode === 'quick') return '_Budgets are not applied in --quick mode._';
  if (!r.budgets?.length) return null;
  const result = (/** @type {BudgetResult} */ b) => (b.ok === null ? 'not judged (busy)' : b.ok ? 'pass' : '**MISS**');
  const rows = r.budgets.map((b) => [b.what, b.limit, b.measured, result(b), b.note]);
  return [
    '#### Budgets (`bench/budgets.json`, enforced by `npm run bench -- --check`)',
    table(['Budget', 'Limit', 'Measured', 'Result', 'Note'], rows, true),
    `${budgetSummary(r.budgets)}.`,
  ].join('\n\n');
}

/** @param {number} n @param {string} word */
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** @param {Results} r */
function payloadSection(r) {
  if (!r.payload) return null;
  const rows = r.payload.rows.map((p) => [
    `${p.megabytes} MB`,
    p.send === 'transfer' ? 'transfer (moved)' : 'copy (structured clone)',
    mmm(p.thereMs, 2),
    mmm(p.backMs, 2),
    fmt(p.megabytes / (p.thereMs.median / 1000), 0),
  ]);
  return [
    '#### 4b. Payloads and results: a Float64Array to a Worker and back',
    table(
      ['Size', 'Sent by', 'There (ms) min / **median** / max', 'Back (ms) min / **median** / max', 'There, MB/s'],
      rows,
    ),
    `One task through the app's WorkerExecutor and warm Worker: a \`sleep\` task of 0 s carrying the array, which the Worker hands back as the task's result (\`src/workers/workloads/sleep.ts\`), always moved. There = the task's start in the Worker − when the page handed it over (serialise, post, read there); back = \`returnMs\`, from the task's end to the page having its result. Every trip is checked: the same numbers come back, and a transfer leaves the page's own array empty, a copy leaves it whole. ${plural(r.payload.rows[0]?.thereMs.n ?? 0, 'trip')} per row after one warm-up; MB/s from the median. "There" is an upper bound: it also holds any wait for the Worker's event loop (none here, the Worker is idle).`,
  ].join('\n\n');
}

/** @param {Results} r */
function startMethodsSection(r) {
  const sm = r.startMethods;
  if (!sm) return null;
  const cols = sm.entries;
  if (!cols.length) return null;
  const head = [
    `Five Processes of ${sm.taskS} s (example 3)`,
    ...cols.map((e) => `${e.method} (${e.side === 'cpython' ? 'CPython' : 'browser'})`),
  ];
  const n = (/** @type {Summary} */ s) => (s.n > 1 ? mmm(s, 0) : fmt(s.median, 0));
  const rows = [
    ['Wall-clock (s)', ...cols.map((e) => (e.wall.n > 1 ? mmm(e.wall, 3) : s3(e.wall.median)))],
    ['Overhead = wall-clock − 1 s (ms)', ...cols.map((e) => n(e.overheadMs))],
    ['Start-up per process: worker-spawn → ready, mean (ms)', ...cols.map((e) => n(e.startupMeanMs))],
    ['worker-spawn → its task started, mean (ms)', ...cols.map((e) => n(e.toTaskStartMeanMs))],
    [
      "The app's `Worker start-up (ms)` column (critical Worker, from the strategy's start)",
      ...cols.map((e) => (e.appStartupMs ? n(e.appStartupMs) : '–')),
    ],
  ];
  const fs = cols.find((e) => e.side === 'cpython' && e.method === 'forkserver');
  const fsFirst = fs && fs.runs.length > 1 ? fs.runs[0] : undefined;
  const missing = Object.entries(sm.cpythonUnavailable ?? {});
  const notes = [
    `${plural(sm.reps, 'run')} per column (min / **median** / max when more than one). CPython${sm.python ? ` (${sm.python.replace(/^Python /, '')})` : ''}: \`python/trace_chapter.py --example 3 --start-method <method> --repeat ${sm.reps}\`, one interpreter per method, alone on the machine before the browser started; its Run JSON file gives every figure. Browser: the app's link \`?kind=sleep&tasks=${sm.taskS}*${sm.tasks}&strategies=processes&start=<method>\` (\`run=1\` in a fresh page, then Run clicked); wall-clock and overhead from its Results row, each Worker's start-up from the run's own Run JSON (Export). "worker-spawn" is \`Process.start()\` (CPython) or the Worker being created or, with forkserver, handed out (browser); "ready" is the first line of the process's target (CPython) or the Worker having started (browser, \`readyMs\`). A browser Worker pre-started by \`start=forkserver\` was ready before it was handed out: its start-up inside the timed block is 0, the time it took is spent before the block begins.`,
  ];
  if (fs)
    notes.push(
      `CPython's forkserver starts its server process at the program's first \`start()\`${fsFirst ? `: inside run 1's timed block (run 1: ${s3(fsFirst.wallS)} s, start-up per process ${fmt(fsFirst.startupMeanMs, 0)} ms); later runs fork from the server already running` : ', inside the timed block'}.`,
    );
  if (sm.cpythonSkipped) notes.push(`CPython: ${sm.cpythonSkipped}.`);
  if (missing.length) notes.push(`Not available on this OS: ${missing.map(([m, why]) => `${m} (${why})`).join('; ')}.`);
  return ['#### 3b. Start methods: five Processes', table(head, rows), notes.join(' ')].join('\n\n');
}

/** @param {Results} r */
function labsSection(r) {
  const labs = r.labs;
  if (!labs?.rows.length) return null;
  const ms = (/** @type {number} */ x) => `${fmt(x, x < 100 ? 1 : 0)} ms`;
  /** @type {string[][]} */
  const rows = [];
  for (const row of labs.rows) {
    const link = `\`?lab=${row.lab}\``;
    if (row.status !== 'measured') {
      rows.push([link, '–', `**${row.status}**${row.note ? `: ${row.note}` : ''}`]);
      continue;
    }
    if (row.memory) {
      const m = row.memory;
      const ns = (/** @type {string} */ name) => m.variants.find((v) => v.name === name)?.nsPerIncrement ?? NaN;
      rows.push([
        link,
        `Lost updates per run, Shared, no lock, 10 runs (\`Run 10 times\`, ${m.workers} Workers × ${m.increments.toLocaleString('en')})`,
        `min ${m.lostSummary.min.toLocaleString('en')} / **median ${m.lostSummary.median.toLocaleString('en')}** / max ${m.lostSummary.max.toLocaleString('en')} (runs: ${m.lost.map((x) => x.toLocaleString('en')).join(', ')})`,
      ]);
      rows.push([
        link,
        `Time per increment: \`Run\` of every variant${(m.variants[0]?.timesMs?.length ?? 1) > 1 ? ` ${m.variants[0]?.timesMs?.length} times, median Time` : ', Time'} ÷ (workers × increments)`,
        `separate ${fmt(ns('Separate memory'), 2)} ns · no lock ${fmt(ns('Shared, no lock'), 2)} ns · **Atomics ${fmt(ns('Shared with Atomics'), 2)} ns** · **lock ${fmt(ns('Shared with a lock'), 2)} ns** (Atomics and lock exact)`,
      ]);
    }
    if (row.transfer) {
      const t = row.transfer;
      const of = (/** @type {string} */ method) => t.rows.find((x) => x.method === method && x.sizeMb === t.megabytes);
      const clone = of('clone');
      const transfer = of('transfer');
      rows.push([
        link,
        `${t.megabytes} MB to a Worker and back (median of the lab's 5 trips)`,
        `clone **${fmt(clone?.mbPerS, 0)} MB/s** (${ms(clone?.totalMs ?? NaN)}) · transfer **${fmt(transfer?.mbPerS, 0)} MB/s** (${ms(transfer?.totalMs ?? NaN)}): ${fmt(t.transferVsClone, 1)}×; the page's buffer after a transfer: ${transfer?.sender ?? '–'}`,
      ]);
    }
    if (row.mandelbrot) {
      const m = row.mandelbrot;
      const of = (/** @type {string} */ s) => m.rows.find((x) => x.strategy === s);
      const cell = (/** @type {string} */ s, /** @type {string} */ label) => {
        const x = of(s);
        return x ? `${label} ${ms(x.wallMs)} (${fmt(x.speedup, 2)}×)` : `${label} –`;
      };
      rows.push([
        link,
        `${m.width}×${m.height}, ${m.iterations} iterations, ${m.workers} workers: wall-clock and speedup vs sequential (median of ${plural(m.runs, 'run')})`,
        `${cell('Sequential', 'sequential')} · ${cell('Pool, static chunks', 'static')} · **${cell('Pool, dynamic', 'dynamic')}**; static ÷ dynamic wall-clock ${fmt(m.dynamicVsStatic, 2)}×; checksums equal (\`${of('Sequential')?.checksum ?? '?'}\`)`,
      ]);
    }
    if (row.chunks) {
      const c = row.chunks;
      rows.push([
        link,
        `${c.tasks.toLocaleString('en')} tasks × ${c.taskMs} ms on ${c.workers} workers: wall-clock`,
        `${c.rows.map((x) => `${x.label.replace(/^Pool, /, '')} ${ms(x.wallMs)}`).join(' · ')}${c.sweep ? ` · sweep best: **chunksize ${c.sweep.best.chunksize.toLocaleString('en')}${c.sweep.best.auto ? ' (auto)' : ''}, ${ms(c.sweep.best.wallMs)}** (${c.sweep.points.length} chunksizes)` : ' · sweep: not run in --quick'}`,
      ]);
      rows.push([
        link,
        'Longest main-thread long task, Run click → 1.5 s after Done (drawing 4 × 10,000 bars)',
        c.longestLongTaskMs > 0
          ? `**${fmt(c.longestLongTaskMs, 0)} ms** (${plural(c.longTasksMs.length, 'long task')}: ${c.longTasksMs.map((x) => fmt(x, 0)).join(', ')} ms)`
          : '**none** (no task over 50 ms)',
      ]);
    }
  }
  return [
    '#### 8. Labs: each headline figure',
    table(['Lab', 'Figure', 'Measured'], rows, true),
    `Each lab opened from its link in a fresh page and driven through its accessible names, as its e2e spec does (\`bench/suites/labs.mjs\`); every figure is read from the lab's own table or picture. Timing is the lab's own (see each lab's page). Rows that say **not built** are labs whose page still says so. ${labs.rows.map((x) => `${x.lab} ${fmt(x.seconds, 0)} s`).join(', ')}.`,
  ].join('\n\n');
}

/** The report in Markdown: the header, then a section per suite that ran, then the budgets. @param {Results} results */
export function renderReport(results) {
  const parts = [
    header(results),
    fidelitySection(results),
    startSection(results),
    startMethodsSection(results),
    dispatchSection(results),
    payloadSection(results),
    cpuSection(results),
    uiSection(results),
    bundleSection(results),
    labsSection(results),
    budgetSection(results),
  ];
  if (results.cpython?.skipped) parts.splice(1, 0, `> CPython: ${results.cpython.skipped}.`);
  if (results.failures?.length) parts.push(`**Crashed suites:** ${results.failures.join('; ')}`);
  if (results.pageErrors?.length) parts.push(`**Uncaught page errors:** ${results.pageErrors.join('; ')}`);
  return parts.filter(Boolean).join('\n\n');
}

const REPRODUCE = `Every figure below comes from one \`npm run bench\` run, and this section is written by it. How to reproduce (on the machine you care about, nothing else running):

\`\`\`sh
npm ci
npm run bench             # ~7 min: builds, serves on :4180, prints these tables, writes bench/results/latest.json
npm run bench -- --check  # same, and exits 1 if a budget in bench/budgets.json is missed
                          #   (3: none missed, but the machine was too busy to judge some)
npm run bench -- --quick  # ~1 min smoke test (part of npm test); no budgets
npm run bench -- --readme # also rewrites this section from the run (--render --readme: from latest.json)
\`\`\`

Needs Chromium (\`/usr/bin/chromium\` or \`CHROMIUM_PATH\`) and, for the CPython columns, \`python3\`. What each suite measures, and what it does not, is in [bench/README.md](bench/README.md).`;

/**
 * Replaces the `## Performance` section of `file` (up to the next `## ` heading) with `markdown`,
 * or appends one. Everything else in the file is kept verbatim. Returns false if the file is missing.
 * @param {string} file
 * @param {string} markdown
 */
export function replaceReadmeSection(file, markdown) {
  if (!existsSync(file)) return false;
  const text = readFileSync(file, 'utf8');
  const section = `## Performance\n\n${REPRODUCE}\n\n${markdown.replace(/^#### /gm, '### ')}\n`;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^## Performance\s*$/.test(l));
  let next;
  if (start >= 0) {
    let inFence = false;
    next = lines.length;
    for (let i = start + 1; i < lines.length; i += 1) {
      const line = lines[i] ?? '';
      if (/^```/.test(line)) inFence = !inFence;
      if (!inFence && /^## /.test(line)) {
        next = i;
        break;
      }
    }
    const before = lines.slice(0, start).join('\n');
    const after = lines.slice(next).join('\n');
    writeFileSync(file, `${before}\n${section}${after ? `\n${after}` : ''}`.replace(/^\n/, ''));
  } else {
    writeFileSync(file, `${text.replace(/\n*$/, '\n')}\n${section}`);
  }
  return true;
}
