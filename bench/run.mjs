#!/usr/bin/env node
// npm run bench [-- --quick] [-- --check] [-- --no-build] [-- --port 4180] [-- --readme]
//
// Builds the app, serves it with `vite preview` (COOP/COEP, so performance.now() has 5 µs
// resolution), drives the app and the bench page (bench.html) in headless Chromium with
// Playwright, runs the chapter's examples in CPython beside it, prints a Markdown report and
// writes bench/results/latest.json. See bench/README.md for what each suite measures.
//
//   --quick     smoke test for `npm test`: 1 repetition each, no CPython, no 10,000-task run,
//               no budgets applied; writes bench/results/quick.json.tmp instead of latest.json
//   --check     exit 1 when a budget in bench/budgets.json is missed (ignored with --quick); exit 3
//               when none was missed but some were not judged because the machine was busy (a
//               full run waits before each suite for the 1-minute load average to fall to ≤ 1.0)
//   --no-build  serve the bench's last build (node_modules/.cache/pp-bench/dist) as it is
//   --port N    preview server port (default $BENCH_PORT or 4180)
//   --readme    also replace the `## Performance` section of README.md with this report
//   --only a,b  run only these suites: bundle,cpython,start,dispatch,fidelity,cpu,ui
//   --render    measure nothing: re-render bench/results/latest.json (with --readme: into README.md)
/* global window, document */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { measureBundle } from './lib/bundle.mjs';
import { instrument, readCpuCheck, readResults, rowFor, runButton, waitReady } from './lib/page.mjs';
import { budgetSummary, renderReport, replaceReadmeSection } from './lib/report.mjs';
import { median, summary } from './lib/stats.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

// ------------------------------------------------------------------ options

function parseArgs(argv) {
  const opts = {
    quick: false,
    check: false,
    build: true,
    readme: false,
    render: false,
    port: Number(process.env.BENCH_PORT) || 4180,
    only: null,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const value = () => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      i += 1;
      return argv[i];
    };
    if (a === '--quick') opts.quick = true;
    else if (a === '--check') opts.check = true;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--readme') opts.readme = true;
    else if (a === '--render') opts.render = true;
    else if (a.startsWith('--port')) opts.port = Number(value());
    else if (a.startsWith('--only')) opts.only = new Set(value().split(','));
    else if (a === '--help' || a === '-h') {
      const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8')
        .split('\n')
        .slice(1);
      console.log(
        lines
          .slice(
            0,
            lines.findIndex((l) => !l.startsWith('//')),
          )
          .map((l) => l.replace(/^\/\/ ?/, ''))
          .join('\n'),
      );
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${a} (try --help)`);
      process.exit(2);
    }
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const QUICK = opts.quick;
const want = (suite) => !opts.only || opts.only.has(suite);

/** Repetitions per suite: full run vs --quick smoke test. */
const REPS = QUICK
  ? { fidelity: 1, python: 0, start: 1, dispatch: 1, cpu: 1, ui: 1 }
  : { fidelity: 10, python: 5, start: 10, dispatch: 31, cpu: 5, ui: 3 };
const DISPATCH_TASKS = 1000;
const CPU_TASK_S = 1;

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));
const log = (...a) => console.error('[bench]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const t0Bench = Date.now();
/** 1-minute load averages: before the bench (other work on the machine skews timings), then per suite. */
const loadSeen = [os.loadavg()[0]];
const noteLoad = () => loadSeen.push(os.loadavg()[0]);

/**
 * Before each suite that has budgets (full runs only): wait until the 1-minute load average is
 * at most `budgets.load.max1m`, polling every `pollS` for up to `waitS`. The kernel updates it every
 * 5 s and it decays with a 1-minute time constant, so a suite that kept both cores busy leaves
 * about 2 behind and a quiet machine needs ~40 s to fall below 1 (bench/README.md). A suite that
 * starts on a machine still busier than that is measured and reported, but its budgets are not
 * judged. Returns what was seen.
 */
async function waitQuiet(suite) {
  const { max1m, waitS, pollS } = budgets.load;
  const t0 = Date.now();
  const first = os.loadavg()[0];
  let load = first;
  if (load > max1m)
    log(
      `${suite}: 1-minute load average ${load.toFixed(2)} > ${max1m}; waiting up to ${waitS} s for the machine to quieten…`,
    );
  while (load > max1m && Date.now() - t0 < waitS * 1000) {
    await sleep(pollS * 1000);
    load = os.loadavg()[0];
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

// ------------------------------------------------------------------ examples

/** The chapter's four sleep examples, as app links and as bench/python/chapter.py ids. */
const EXAMPLES = [
  {
    id: 'sequential',
    title: 'task(1); task(2)',
    query: 'kind=sleep&tasks=1,1&strategies=sequential',
    row: 'Sequential',
    kind: 'sequential',
  },
  {
    id: 'two-processes',
    title: 'two Processes',
    query: 'kind=sleep&tasks=1,1&strategies=processes',
    row: 'Processes',
    kind: 'parallel',
  },
  {
    id: 'five-processes',
    title: 'five Processes (loop)',
    query: 'kind=sleep&tasks=1,1,1,1,1&strategies=processes',
    row: 'Processes',
    kind: 'parallel',
  },
  {
    id: 'pool',
    title: 'ProcessPool [3,2,1], 3 workers',
    query: 'kind=sleep&tasks=3,2,1&strategies=pool&workers=3',
    row: 'Pool',
    kind: 'parallel',
  },
];

// ------------------------------------------------------------------ infrastructure

/**
 * The bench builds into its own directory, so a `vite build` elsewhere (npm test, e2e) never
 * empties the files it is serving, and it never empties theirs.
 */
const OUT_DIR = 'node_modules/.cache/pp-bench/dist';

function build() {
  log(`building (vite build --outDir ${OUT_DIR})…`);
  const r = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('vite build failed');
}

function checkBuilt() {
  for (const f of ['index.html', 'bench.html']) {
    if (!existsSync(path.join(OUT_DIR, f))) {
      throw new Error(
        `${OUT_DIR}/${f} is missing: run without --no-build (is bench.html in build.rolldownOptions.input?)`,
      );
    }
  }
}

async function startServer(port) {
  const server = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--outDir', OUT_DIR, '--port', String(port), '--strictPort'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  server.stderr.on('data', (d) => (stderr += d));
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 150; i += 1) {
    if (server.exitCode !== null) throw new Error(`vite preview exited: ${stderr.trim()}`);
    try {
      const res = await fetch(`${base}/bench.html`);
      if (res.ok) {
        if (res.headers.get('cross-origin-embedder-policy') !== 'require-corp')
          log('warning: preview serves no COEP header');
        return { base, stop: () => server.kill() };
      }
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${base} (${stderr.trim()})`);
}

async function launchBrowser() {
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

/** A fresh page with the instrumentation, a CDP session (for GC) and uncaught errors collected. */
async function newPage(context, errors) {
  const page = await context.newPage();
  await page.addInitScript(instrument);
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  const cdp = await context.newCDPSession(page);
  return { page, cdp };
}

function pythonCommand() {
  for (const cmd of ['python3']) {
    const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return { cmd, version: (r.stdout || r.stderr).trim() };
  }
  return null;
}

function runPython(cmd, script, args, timeoutMs) {
  const out = path.join(os.tmpdir(), `pp-bench-${process.pid}-${path.basename(script, '.py')}.json`);
  const r = spawnSync(cmd, [script, ...args, '--json', out], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 16 << 20,
  });
  if (r.status !== 0)
    throw new Error(`${script} failed (${r.status ?? r.signal}): ${(r.stderr || '').trim().slice(-500)}`);
  const data = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  return data;
}

// ------------------------------------------------------------------ suites

/** Suite 2: the chapter's examples and a CPU-bound version in CPython, alone on the machine. */
function suiteCPython() {
  const py = pythonCommand();
  if (!py)
    return { skipped: 'python3 not found on PATH: CPython suite skipped, sleep budgets use the 150 ms fallback' };
  log(`CPython: ${py.version}, chapter examples ×${REPS.python}…`);
  const chapter = runPython(py.cmd, 'bench/python/chapter.py', ['--repeat', String(REPS.python)], 300_000);
  log(`CPython: CPU-bound sequential / 2 processes / 2 threads ×${REPS.python}…`);
  // The chapter's examples once more with `spawn` (a fresh interpreter per process, as on Windows
  // and macOS): CPython's Process start cost depends on it far more than on anything else.
  log(`CPython: processes and pool with the spawn start method ×${REPS.python}…`);
  const spawned = runPython(
    py.cmd,
    'bench/python/chapter.py',
    ['--repeat', String(REPS.python), '--start-method', 'spawn', '--only', 'two-processes,five-processes,pool'],
    300_000,
  );
  const cpu = runPython(
    py.cmd,
    'bench/python/cpu.py',
    ['--repeat', String(REPS.python), '--seconds', String(CPU_TASK_S)],
    300_000,
  );
  const examplesOf = (data) => {
    const out = {};
    for (const [id, e] of Object.entries(data.examples)) {
      const wall = summary(e.wallS);
      out[id] = {
        idealS: e.idealS,
        wallS: e.wallS,
        wall,
        overheadMs: (wall.median - e.idealS) * 1000,
        completionOrder: e.completionOrder,
      };
    }
    return out;
  };
  const examples = examplesOf(chapter);
  const spawnExamples = examplesOf(spawned);
  const seq = cpu.wallS.sequential;
  const pairs = (xs, f) => xs.map((x, i) => f(x, seq[i]));
  return {
    version: py.version,
    startMethod: chapter.startMethod,
    cpuCount: chapter.cpuCount,
    examples,
    spawn: { startMethod: spawned.startMethod, examples: spawnExamples },
    cpu: {
      taskS: cpu.taskSeconds,
      tasks: cpu.tasks,
      wallS: cpu.wallS,
      sequential: summary(seq),
      processes: summary(cpu.wallS.processes),
      threads: summary(cpu.wallS.threads),
      processesSpeedup: median(pairs(cpu.wallS.processes, (p, s) => s / p)),
      threadsVsSequential: median(pairs(cpu.wallS.threads, (t, s) => t / s)),
    },
  };
}

/** Suite 3: `new Worker` → first comlink reply, 1, 5 and 8 Workers started together. */
async function suiteWorkerStart(context, base, errors) {
  const out = [];
  for (const count of [1, 5, 8]) {
    const { page } = await newPage(context, errors);
    await page.goto(`${base}/bench.html`);
    await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 30_000 });
    // The first start in a fresh page fetches and compiles the Worker script.
    const fresh = await page.evaluate((n) => window.__bench.workerStart(n), count);
    const warm = [];
    for (let i = 0; i < REPS.start; i += 1) {
      await sleep(100);
      warm.push(await page.evaluate((n) => window.__bench.workerStart(n), count));
    }
    await page.close();
    out.push({
      workers: count,
      freshMs: fresh.allMs,
      warm: summary(warm.map((w) => w.allMs)),
      warmFirstReply: summary(warm.map((w) => w.firstMs)),
    });
    log(
      `worker start ×${count}: fresh ${fresh.allMs.toFixed(1)} ms, warm median ${out.at(-1).warm.median.toFixed(1)} ms`,
    );
  }
  return out;
}

/** Suite 4: 1,000 no-op tasks through our pool, workerpool and raw postMessage, same page. */
async function suiteDispatch(context, base, errors) {
  const { page } = await newPage(context, errors);
  await page.goto(`${base}/bench.html`);
  await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 30_000 });
  const workers = await page.evaluate(() => window.__bench.cores);
  const impls = ['ours', 'workerpool', 'raw', 'comlink', 'channel', 'ours+store'];
  const runs = Object.fromEntries(impls.map((i) => [i, []]));
  // One warm-up round (JIT, script caches), then rounds in rotating order.
  for (let round = -1; round < REPS.dispatch; round += 1) {
    const order = impls.map((_, k) => impls[(k + Math.max(0, round)) % impls.length]);
    for (const impl of order) {
      const r = await page.evaluate(([i, n, w]) => window.__bench.dispatch(i, n, w), [impl, DISPATCH_TASKS, workers]);
      if (r.completed !== DISPATCH_TASKS)
        throw new Error(`dispatch ${impl}: ${r.completed} of ${DISPATCH_TASKS} tasks completed`);
      if (round >= 0) runs[impl].push(r.perTaskUs);
      await sleep(50);
    }
  }
  await page.close();
  const result = { tasks: DISPATCH_TASKS, workers, perTaskUs: {} };
  for (const impl of impls) result.perTaskUs[impl] = { ...summary(runs[impl]), values: runs[impl] };
  result.oursVsWorkerpool = result.perTaskUs.ours.median / result.perTaskUs.workerpool.median;
  result.rawVsWorkerpool = result.perTaskUs.raw.median / result.perTaskUs.workerpool.median;
  log(
    `dispatch µs/task: ours ${result.perTaskUs.ours.median.toFixed(1)}, workerpool ${result.perTaskUs.workerpool.median.toFixed(1)}, raw ${result.perTaskUs.raw.median.toFixed(1)}`,
  );
  return result;
}

/**
 * Opens `query` with run=1, then clicks Run until `reps` runs are done; returns what `read` reads
 * after each (default: the Results rows).
 */
async function appRuns(context, base, errors, query, reps, timeoutMs, read = readResults) {
  const { page } = await newPage(context, errors);
  const runs = [];
  await page.goto(`${base}/?${query}&run=1`);
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

/** Suite 1: each chapter example `reps` times in the real app. */
async function suiteFidelity(context, base, errors, python) {
  const out = [];
  for (const ex of EXAMPLES) {
    const runs = await appRuns(context, base, errors, ex.query, REPS.fidelity, 60_000);
    const rows = runs.map((rows) => rowFor(rows, ex.row));
    if (rows.some((r) => r === null)) throw new Error(`${ex.id}: no "${ex.row}" row in Results`);
    const idealS = rows[0].idealS;
    const wall = summary(rows.map((r) => r.wallS));
    const overhead = summary(rows.map((r) => r.overheadMs));
    const py = python?.examples?.[ex.id];
    const pySpawn = python?.spawn?.examples?.[ex.id];
    const entry = {
      id: ex.id,
      title: ex.title,
      url: `/?${ex.query}`,
      strategy: ex.row,
      idealS,
      wallS: rows.map((r) => r.wallS),
      wall,
      overheadMs: overhead,
      breakdownMedianMs: {
        startup: median(rows.map((r) => r.startupMs)),
        dispatch: median(rows.map((r) => r.dispatchMs)),
        other: median(rows.map((r) => r.otherMs)),
      },
      cpython: py ? { wall: py.wall, overheadMs: py.overheadMs } : null,
      cpythonSpawn: pySpawn ? { wall: pySpawn.wall, overheadMs: pySpawn.overheadMs } : null,
      ratio: py ? overhead.median / py.overheadMs : null,
    };
    out.push(entry);
    log(`fidelity ${ex.id}: median ${wall.median.toFixed(3)} s (overhead ${overhead.median.toFixed(0)} ms)`);
  }
  return out;
}

/** Rate summary of a list of achieved rates (1 = the calibrated rate). */
const rateSummary = (rates) => ({
  ...summary(rates),
  worstOff: rates.length ? Math.max(...rates.map((r) => Math.abs(r - 1))) : NaN,
});

/**
 * Suite 5: CPU tasks (one per core) on 1 … cores pool workers vs sequential, and threads, in the
 * app; then the engine alone in the bench page, with every Worker's achieved rate.
 */
async function suiteCpu(context, base, errors, cores, python) {
  const tasks = Array.from({ length: cores }, () => CPU_TASK_S).join(',');
  const pools = [];
  let threads = null;
  let sequential = [];
  // The app's own self-check after each run: each strategy's share of the calibrated rate.
  const readCpuRun = async (page) => ({ rows: await readResults(page), check: await readCpuCheck(page) });
  // --quick: only the pool with one Worker per core.
  for (let k = QUICK ? cores : 1; k <= cores; k += 1) {
    const strategies = k === cores ? 'sequential,pool,threads' : 'sequential,pool';
    const runs = await appRuns(
      context,
      base,
      errors,
      `kind=cpu&tasks=${tasks}&strategies=${strategies}&workers=${k}`,
      REPS.cpu,
      120_000,
      readCpuRun,
    );
    const seq = runs.map((r) => rowFor(r.rows, 'Sequential').wallS);
    const poolRows = runs.map((r) => rowFor(r.rows, 'Pool'));
    const pool = poolRows.map((r) => r.wallS);
    sequential = sequential.concat(seq);
    const speedups = pool.map((p, i) => seq[i] / p);
    const appRate = (label) => runs.map((r) => r.check?.rates?.[label] ?? null);
    pools.push({
      workers: k,
      limit: Math.min(k, cores),
      wall: summary(pool),
      sequential: summary(seq),
      speedup: median(speedups),
      speedups,
      breakdownMedianMs: {
        startup: median(poolRows.map((r) => r.startupMs)),
        dispatch: median(poolRows.map((r) => r.dispatchMs)),
        other: median(poolRows.map((r) => r.otherMs)),
      },
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
      const th = runs.map((r) => rowFor(r.rows, 'Threads').wallS);
      const ratios = th.map((t, i) => t / seq[i]);
      threads = { wall: summary(th), vsSequential: median(ratios), ratios };
      log(`cpu threads: median ${median(th).toFixed(3)} s = ${median(ratios).toFixed(2)}× sequential time`);
    }
  }
  // The same tasks through the engine without React (bench page), same machine, same run: the
  // speedup, and every Worker's achieved rate — the warm Worker (sequential) against the fresh
  // ones (processes, pool), the first run in the page against the later ones.
  const { page } = await newPage(context, errors);
  await page.goto(`${base}/bench.html`);
  await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 30_000 });
  const reps = REPS.cpu;
  const e = await page.evaluate(
    ([t, w, d, r]) => window.__bench.engineCpu(t, w, d, r),
    [cores, cores, CPU_TASK_S, reps],
  );
  await page.close();
  const speedups = e.runs.map((r) => r.sequentialMs / r.poolMs);
  const rates = (strategy, runs = e.runs) => runs.flatMap((r) => r.rates[strategy].map((x) => x.rate));
  const all = (runs) => [...rates('sequential', runs), ...rates('processes', runs), ...rates('pool', runs)];
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
  const pct = (x) => `${(x * 100).toFixed(0)} %`;
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

/** Probes how fast the page answers while `work` runs: max round trip of a trivial evaluate. */
async function probeWhile(page, work) {
  let done = false;
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

async function heapMB(page, cdp, collect) {
  if (collect) await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const bytes = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  return bytes === null ? null : bytes / 1024 / 1024;
}

function framesPerSecond(frames, fromMs, toMs) {
  const inside = frames.filter((t) => t >= fromMs && t <= toMs);
  const spanS = (toMs - fromMs) / 1000;
  return spanS > 0 ? inside.length / spanS : NaN;
}

function longTasksIn(longtasks, fromMs, toMs) {
  return (longtasks ?? []).filter(([start, dur]) => start + dur >= fromMs && start <= toMs).map(([, dur]) => dur);
}

/** Suite 6a: the app, `n` short sleep tasks on the pool, clicked like a user. */
async function uiAppRun(context, base, errors, n) {
  const tasks = Array.from({ length: n }, () => '0.001').join(',');
  const { page, cdp } = await newPage(context, errors);
  await page.goto(`${base}/?kind=sleep&tasks=${tasks}&strategies=pool`);
  await waitReady(page);
  await sleep(1500); // the chart code is fetched when idle: not during the measurement
  const heapBefore = await heapMB(page, cdp, true);
  await page.evaluate(() => {
    window.__perf.longtasks.length = 0;
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
    longtasks: [...window.__perf.longtasks],
    clickAt: window.__perf.runClickAt,
    firstBarAt: window.__perf.firstBarAt,
  }));
  // Long tasks right after the run: drawing the final timeline and the results chart.
  await sleep(1500);
  const after = await page.evaluate(() => [...window.__perf.longtasks]);
  const heapAfterGc = await heapMB(page, cdp, true);
  const rows = await readResults(page);
  const domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
  await page.close();
  const during = longTasksIn(m.longtasks, m.clickAt, result.at);
  const afterRun = longTasksIn(after, result.at + 0.001, result.at + 1500);
  const pool = rowFor(rows, 'Pool');
  return {
    tasks: n,
    status: result.text,
    wallS: pool?.wallS ?? NaN,
    clickToDoneMs: result.at - m.clickAt,
    firstBarMs: m.firstBarAt === null ? NaN : m.firstBarAt - m.clickAt,
    longestLongTaskMs: during.length ? Math.max(...during) : 0,
    longTasks: during.length,
    longTasksAfterRun: afterRun,
    fps: framesPerSecond(m.frames, m.clickAt, result.at),
    maxProbeMs: latencies.length ? Math.max(...latencies) : NaN,
    heapMB: { before: heapBefore, after: heapAfter, afterGc: heapAfterGc },
    domElements,
  };
}

/**
 * The app refuses more than 1,000 tasks (CONTRACT.md). A 10,000-task link is longer than the
 * preview server accepts (HTTP 431), so the 10,000 durations are typed into the control instead:
 * check the alert, Run disabled, and that the page still answers.
 */
async function uiAppRejects(context, base, errors, n) {
  const tasks = Array.from({ length: n }, () => '0.001').join(',');
  const { page } = await newPage(context, errors);
  await page.goto(`${base}/?kind=sleep&tasks=1,1&strategies=pool`);
  await waitReady(page);
  await page.getByRole('textbox', { name: 'Task durations (s)' }).fill(tasks);
  const alert = page
    .getByRole('alert')
    .filter({ hasText: /^\s*Task durations \(s\)/ })
    .first();
  await alert.waitFor({ timeout: 30_000 });
  const text = (await alert.textContent()).trim();
  const t = performance.now();
  await page.evaluate(() => 0);
  const probeMs = performance.now() - t;
  const runDisabled = await runButton(page).isDisabled();
  await page.close();
  return { tasks: n, alert: text, runDisabled, probeMs };
}

/** Suite 6b: the engine and run store without React (bench page), `n` short sleep tasks. */
async function uiEngineRun(context, base, errors, n, workers) {
  const { page, cdp } = await newPage(context, errors);
  await page.goto(`${base}/bench.html`);
  await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 30_000 });
  const heapBefore = await heapMB(page, cdp, true);
  const from = await page.evaluate(() => {
    window.__perf.longtasks.length = 0;
    window.__perf.startFrames();
    return performance.now();
  });
  const { result, latencies } = await probeWhile(
    page,
    page.evaluate(
      ([t, w]) => window.__bench.engineLoad(t, w, 0.001).then((r) => ({ ...r, at: performance.now() })),
      [n, workers],
    ),
  );
  const heapAfter = await heapMB(page, cdp, false);
  const m = await page.evaluate(() => ({
    frames: window.__perf.stopFrames(),
    longtasks: [...window.__perf.longtasks],
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

async function suiteUi(context, base, errors, cores) {
  const app1000 = [];
  for (let i = 0; i < REPS.ui; i += 1) {
    app1000.push(await uiAppRun(context, base, errors, 1000));
    const r = app1000.at(-1);
    log(
      `ui 1,000 tasks: ${r.status} in ${r.clickToDoneMs.toFixed(0)} ms, longest long task ${r.longestLongTaskMs.toFixed(0)} ms, ${r.fps.toFixed(0)} fps`,
    );
  }
  const out = { app1000 };
  if (!QUICK) {
    out.engine1000 = await uiEngineRun(context, base, errors, 1000, cores);
    out.app10000 = await uiAppRejects(context, base, errors, 10000);
    out.engine10000 = await uiEngineRun(context, base, errors, 10000, cores);
    const r = out.engine10000;
    log(
      `engine 10,000 tasks: ${r.status} in ${r.wallS.toFixed(2)} s, longest long task ${r.longestLongTaskMs.toFixed(0)} ms, probe ≤ ${r.maxProbeMs.toFixed(0)} ms`,
    );
  }
  return out;
}

// ------------------------------------------------------------------ budgets

function evaluateBudgets(results) {
  const b = budgets;
  const out = [];
  const add = (id, what, limit, measured, ok, note = '') => out.push({ id, what, limit, measured, ok, note });
  const python = results.cpython && !results.cpython.skipped ? results.cpython : null;
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
      const useSpawn = b.sleep.cpythonStartMethod === 'spawn' && f.cpythonSpawn;
      const ref = useSpawn ? f.cpythonSpawn : f.cpython;
      const method = useSpawn ? 'spawn' : python.startMethod;
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
      const pct = (x) => `${(x * 100).toFixed(0)} %`;
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

// ------------------------------------------------------------------ main

async function main() {
  if (opts.build) build();
  checkBuilt();
  const results = { mode: QUICK ? 'quick' : 'full' };
  const errors = [];
  const failures = [];
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
      noteLoad();
    }
  };

  // Full runs wait for a quiet machine before each suite with budgets (--quick never waits).
  results.loadGate = [];
  results.loadMax1m = budgets.load.max1m;
  const quiet = async (suite) => {
    if (!QUICK) results.loadGate.push(await waitQuiet(suite));
  };

  if (want('bundle')) results.bundle = await guard('bundle', () => measureBundle(OUT_DIR, 'index.html'));
  // CPython first and alone: no browser competing for the cores.
  if (want('cpython')) {
    if (!QUICK) await quiet('cpython');
    results.cpython = QUICK
      ? { skipped: '--quick: CPython suite skipped' }
      : await guard('cpython', () => suiteCPython());
  }

  const server = await startServer(opts.port);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const probe = await context.newPage();
    await probe.goto(`${server.base}/bench.html`);
    const env = await probe.evaluate(() => ({
      cores: navigator.hardwareConcurrency,
      userAgent: navigator.userAgent,
      crossOriginIsolated: window.crossOriginIsolated,
    }));
    await probe.close();
    results.meta = {
      date: new Date().toISOString(),
      browser: `Chromium ${browser.version()}`,
      userAgent: env.userAgent,
      browserCores: env.cores,
      crossOriginIsolated: env.crossOriginIsolated,
      machineCores: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      python: results.cpython?.version ?? null,
      commit: gitCommit(),
      workerpool: workerpoolVersion(),
    };
    const python = results.cpython && !results.cpython.skipped ? results.cpython : null;
    if (want('start'))
      results.workerStart = await guard('worker start', () => suiteWorkerStart(context, server.base, errors));
    if (want('dispatch')) {
      await quiet('dispatch');
      results.dispatch = await guard('dispatch', () => suiteDispatch(context, server.base, errors));
    }
    if (want('fidelity')) {
      await quiet('fidelity');
      results.fidelity = await guard('fidelity', () => suiteFidelity(context, server.base, errors, python));
    }
    if (want('cpu')) {
      await quiet('cpu');
      results.cpu = await guard('cpu', () => suiteCpu(context, server.base, errors, env.cores, python));
    }
    if (want('ui')) {
      await quiet('ui');
      results.ui = await guard('ui', () => suiteUi(context, server.base, errors, env.cores));
    }
    await context.close();
  } finally {
    await browser.close();
    server.stop();
  }

  results.meta = {
    ...(results.meta ?? {}),
    loadAverage1m: { atStart: loadSeen[0], max: Math.max(...loadSeen), samples: loadSeen },
  };
  results.pageErrors = errors;
  results.failures = failures;
  results.budgets = QUICK ? [] : judgeOnlyQuiet(evaluateBudgets(results), results.loadGate);
  results.durationS = (Date.now() - t0Bench) / 1000;
  const markdown = renderReport(results);
  results.markdown = markdown;

  mkdirSync('bench/results', { recursive: true });
  const file = QUICK || opts.only ? 'bench/results/quick.json.tmp' : 'bench/results/latest.json';
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(markdown);
  log(`wrote ${file} in ${results.durationS.toFixed(0)} s`);
  if (opts.readme) {
    if (replaceReadmeSection('README.md', markdown)) log('updated the Performance section of README.md');
    else log('README.md not found: Performance section not written');
  }

  if (failures.length > 0 || errors.length > 0) {
    for (const f of failures) console.error(`bench: suite crashed: ${f}`);
    for (const e of errors) console.error(`bench: uncaught error in a page: ${e}`);
    process.exitCode = 2;
    return;
  }
  const misses = results.budgets.filter((b) => b.ok === false);
  const unjudged = results.budgets.filter((b) => b.ok === null);
  if (opts.check && !QUICK) {
    for (const m of misses) console.error(`bench: budget missed: ${m.what}: ${m.measured} (limit ${m.limit})`);
    for (const u of unjudged)
      console.error(`bench: budget not judged (machine busy): ${u.what}: ${u.measured} (limit ${u.limit})`);
    console.error(`bench: ${budgetSummary(results.budgets)}`);
    // 1: a judged budget was missed; 3: none missed, but some were not judged (the machine was busy).
    if (misses.length > 0) process.exitCode = 1;
    else if (unjudged.length > 0) process.exitCode = 3;
  }
}

/** Suites whose budgets depend on them: fidelity's limits come from CPython's run. */
const BUDGET_SUITES = { fidelity: ['fidelity', 'cpython'], cpu: ['cpu'], dispatch: ['dispatch'], ui: ['ui'] };

/**
 * A budget whose suite (or a suite it depends on) started on a busy machine is not judged:
 * `ok: null`, and the note says why. Bundle sizes do not depend on load and are always judged.
 */
function judgeOnlyQuiet(list, gate) {
  const busy = new Map((gate ?? []).filter((g) => g.busy).map((g) => [g.suite, g]));
  return list.map((b) => {
    const suites = BUDGET_SUITES[b.id.split('.')[0]] ?? [];
    const why = suites.map((s) => busy.get(s)).find(Boolean);
    if (!why) return b;
    const note = `not judged: the ${why.suite} suite started at a 1-minute load average of ${why.load.toFixed(2)} (> ${budgets.load.max1m}) after waiting ${why.waitedS.toFixed(0)} s`;
    return { ...b, ok: null, note: b.note ? `${note}; ${b.note}` : note };
  });
}

function workerpoolVersion() {
  try {
    return JSON.parse(readFileSync('node_modules/workerpool/package.json', 'utf8')).version;
  } catch {
    return null;
  }
}

function gitCommit() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  // The bench's own output (bench/results/latest.json, written by the previous run) does not count.
  const dirty =
    spawnSync('git', ['status', '--porcelain', '--', '.', ':(exclude)bench/results'], {
      encoding: 'utf8',
    }).stdout.trim() !== '';
  return `${r.stdout.trim()}${dirty ? '+changes' : ''}`;
}

/** --render: the report of the last full run, from bench/results/latest.json. */
function render() {
  const file = 'bench/results/latest.json';
  const results = JSON.parse(readFileSync(file, 'utf8'));
  results.markdown = renderReport(results);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(results.markdown);
  if (opts.readme) {
    if (replaceReadmeSection('README.md', results.markdown)) log('updated the Performance section of README.md');
    else log('README.md not found: Performance section not written');
  }
}

if (opts.render) {
  render();
  process.exit(0);
}

main().catch((error) => {
  console.error('bench: crashed:', error);
  process.exit(2);
});
