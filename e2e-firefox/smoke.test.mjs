// Firefox smoke test: presets 1, 4 and 5 of the chapter, driven in Firefox through the public
// contract only (URL parameters, the `Console` log, the `Results` table, the `Run status` region,
// the timelines' bar names; see CONTRACT.md). Chromium is covered by the Playwright tests in e2e/.
//
// Playwright's Firefox needs its own patched build (or a Firefox newer than Debian's ESR), so this
// uses puppeteer-core over WebDriver BiDi, which drives a stock Firefox ESR.
//
//   npm run build && npm run test:firefox      (or: FIREFOX_PATH=/path/to/firefox node --test e2e-firefox/smoke.test.mjs)
//
// It builds nothing: it serves the existing dist/ with `vite preview` (the server that sends the
// COOP/COEP/CSP headers) on localhost only, port $PORT_FIREFOX or 4175.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT_FIREFOX ?? '') || 4175;
const origin = `http://localhost:${port}`;

/** The Firefox to drive: $FIREFOX_PATH (set by scripts/with-browser.mjs), else Debian's. */
function firefoxPath() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  for (const path of candidates) {
    if (!path) continue;
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // next
    }
  }
  return null;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @type {import('node:child_process').ChildProcess | undefined} */
let server;
let serverLog = '';
/** @type {import('puppeteer-core').Browser | undefined} */
let browser;

async function startServer() {
  assert.ok(
    existsSync(join(root, 'dist', 'index.html')),
    'dist/index.html is missing: run `npm run build` first (npm test does).',
  );
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  server = spawn(process.execPath, [vite, 'preview', '--host', 'localhost', '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Plain text: with colours (CI=true turns them on) the port is wrapped in escape codes.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  server.stdout?.on('data', (d) => (serverLog += d));
  server.stderr?.on('data', (d) => (serverLog += d));
  let exited = false;
  server.on('exit', () => (exited = true));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) assert.fail(`vite preview on port ${port} exited (port in use? set PORT_FIREFOX):\n${serverLog}`);
    // Wait for vite's own "Local: http://localhost:<port>/" line, so that another server already on
    // the port cannot pass for ours.
    // eslint-disable-next-line no-control-regex
    if (!serverLog.replace(/\x1b\[[0-9;]*m/g, '').includes(`localhost:${port}`)) {
      await sleep(200);
      continue;
    }
    try {
      const res = await fetch(`${origin}/`);
      if (res.ok) {
        assert.equal(res.headers.get('cross-origin-opener-policy'), 'same-origin', 'COOP header');
        assert.equal(res.headers.get('cross-origin-embedder-policy'), 'require-corp', 'COEP header');
        return;
      }
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  assert.fail(`vite preview did not answer on ${origin} within 30 s:\n${serverLog}`);
}

before(async () => {
  const executablePath = firefoxPath();
  assert.ok(
    executablePath,
    "No Firefox found: run this through `node scripts/with-browser.mjs --need=firefox`, install Debian's `firefox-esr`, or set FIREFOX_PATH.",
  );
  await startServer();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    protocol: 'webDriverBiDi',
    headless: true,
    timeout: 60_000,
    protocolTimeout: 120_000,
  });
  console.log(`Firefox smoke: ${await browser.version()} (${executablePath}) on ${origin}`);
});

after(async () => {
  await browser?.close().catch(() => undefined);
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => {
      const t = setTimeout(() => {
        server?.kill('SIGKILL');
        resolve(undefined);
      }, 5_000);
      server?.once('exit', () => {
        clearTimeout(t);
        resolve(undefined);
      });
    });
  }
});

// ------------------------------------------------------------------ reading the page

/** Runs in the page: the Run status text only (cheap; polled while a run is timed). */
function readStatus() {
  const el = Array.from(document.querySelectorAll('[role=status]')).find(
    (e) => e.getAttribute('aria-label') === 'Run status',
  );
  return el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
}

/** Runs in the page: everything the contract shows, found by role and accessible name. */
function readPage() {
  const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (el) => {
    const label = el.getAttribute('aria-label');
    if (label) return squash(label);
    const by = el.getAttribute('aria-labelledby');
    if (by)
      return squash(
        by
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    if (el.tagName === 'TABLE') return squash(el.querySelector(':scope > caption')?.textContent);
    return '';
  };
  const find = (selector, name) => Array.from(document.querySelectorAll(selector)).find((e) => nameOf(e) === name);

  const log = find('[role=log]', 'Console');
  const lines = log
    ? log.innerText
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.length > 0)
    : [];

  const headers = [];
  const rows = [];
  const table = find('table, [role=table]', 'Results');
  if (table) {
    const cellSel =
      ':scope > th, :scope > td, :scope > [role=cell], :scope > [role=gridcell], :scope > [role=rowheader], :scope > [role=columnheader]';
    for (const row of Array.from(table.querySelectorAll('tr, [role=row]'))) {
      const cells = Array.from(row.querySelectorAll(cellSel));
      if (cells.length === 0) continue;
      const isHeader =
        row.closest('thead') !== null ||
        cells.every(
          (c) => c.getAttribute('role') === 'columnheader' || (c.tagName === 'TH' && c.getAttribute('scope') !== 'row'),
        );
      const texts = cells.map((c) => squash(c.innerText ?? c.textContent));
      if (isHeader) headers.push(...texts);
      else if (/^(Sequential|Processes|Pool|Threads)\b/.test(texts[0] ?? '')) rows.push(texts);
    }
  }

  /** Bar names per timeline region (`Pool timeline` → [`Task 1 on worker 1: 0.01–3.02 s`, ...]). */
  const bars = {};
  for (const region of Array.from(document.querySelectorAll('section, [role=region]'))) {
    const name = nameOf(region);
    if (!/ timeline$/.test(name)) continue;
    bars[name] = Array.from(region.querySelectorAll('[role=img]'))
      .map(nameOf)
      .filter((n) => /^Task \d+ on worker \d+:/.test(n));
  }

  return {
    isolated: globalThis.crossOriginIsolated === true,
    cores: navigator.hardwareConcurrency,
    status: squash(find('[role=status]', 'Run status')?.textContent),
    alerts: Array.from(document.querySelectorAll('[role=alert]'))
      .map((e) => squash(e.textContent))
      .filter(Boolean),
    lines,
    headers,
    rows,
    bars,
  };
}

/**
 * Opens `/?<query>` (which carries run=1) in a fresh page, waits until Run status reads Done and
 * Results has `rowsExpected` rows, and returns what the page shows. Fails with what it saw.
 */
async function runPreset(query, rowsExpected, timeoutMs) {
  assert.ok(browser, 'Firefox is running');
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err?.message ?? err)));
  try {
    await page.goto(`${origin}/?${query}`, { waitUntil: 'load', timeout: 30_000 });
    const deadline = Date.now() + timeoutMs;
    let status = '';
    while (Date.now() < deadline) {
      status = await page.evaluate(readStatus);
      if (/^Done\b/.test(status) || /could not|crash|fail|error/i.test(status)) break;
      await sleep(500);
    }
    let seen = await page.evaluate(readPage);
    // Results rows may land a moment after the status.
    for (let i = 0; i < 10 && seen.rows.length < rowsExpected && /^Done\b/.test(seen.status); i++) {
      await sleep(500);
      seen = await page.evaluate(readPage);
    }
    const context = `\nstatus: "${seen.status}"\nalerts: ${JSON.stringify(seen.alerts)}\nconsole: ${JSON.stringify(seen.lines)}\nresults: ${JSON.stringify(seen.rows)}\npage errors: ${JSON.stringify(pageErrors)}`;
    assert.match(seen.status, /^Done\b/, `Run status reads Done within ${timeoutMs / 1000} s${context}`);
    assert.equal(seen.rows.length, rowsExpected, `Results rows${context}`);
    assert.deepEqual(pageErrors, [], `uncaught errors in the page${context}`);
    assert.equal(seen.isolated, true, 'crossOriginIsolated in Firefox (COOP/COEP served by vite preview)');
    return seen;
  } finally {
    await page.close().catch(() => undefined);
  }
}

// ------------------------------------------------------------------ parsing (as e2e/helpers.ts)

/** `[tag] Task n started|completed` lines of one strategy, in printed order. */
function taskEvents(lines, tag) {
  const re = new RegExp(`^\\[${tag}\\] Task (\\d+) (started|completed)$`);
  return lines.flatMap((line) => {
    const m = re.exec(line);
    return m ? [`Task ${m[1]} ${m[2]}`] : [];
  });
}

/** Seconds printed by the one `[tag] Execution Time: X.XX seconds` line. */
function executionTime(lines, tag) {
  const re = new RegExp(`^\\[${tag}\\] Execution Time: (\\d+\\.\\d\\d) seconds$`);
  const found = lines.map((l) => re.exec(l)).filter((m) => m !== null);
  assert.equal(found.length, 1, `one "[${tag}] Execution Time" line in ${JSON.stringify(lines)}`);
  return Number(found[0][1]);
}

/** The Results wall-clock of one strategy, in seconds. */
function wallClock(seen, name) {
  const row = seen.rows.find((r) => r[0] === name);
  assert.ok(row, `Results row "${name}" in ${JSON.stringify(seen.rows)}`);
  const i = seen.headers.indexOf('Wall-clock (s)');
  assert.ok(i >= 0, `Results column "Wall-clock (s)" in ${JSON.stringify(seen.headers)}`);
  const m = /\d+(?:\.\d+)?/.exec(row[i] ?? '');
  assert.ok(m, `a number in "${row[i]}"`);
  return Number(m[0]);
}

/** Bars of one timeline as { task, worker, start, end }, sorted by task. */
function bars(seen, label) {
  const re = /^Task (\d+) on worker (\d+): ([\d.]+)\s*[–-]\s*([\d.]+) s/;
  return (seen.bars[`${label} timeline`] ?? [])
    .map((name) => re.exec(name))
    .filter((m) => m !== null)
    .map((m) => ({ task: Number(m[1]), worker: Number(m[2]), start: Number(m[3]), end: Number(m[4]) }))
    .sort((a, b) => a.task - b.task);
}

function assertBetween(value, min, max, what) {
  assert.ok(value >= min && value <= max, `${what} = ${value}, expected ${min}–${max}`);
}

// ------------------------------------------------------------------ the presets

test('Firefox · preset 1 · task(1); task(2): printed in order, about 2 s', { timeout: 120_000 }, async (t) => {
  const seen = await runPreset('kind=sleep&tasks=1,1&strategies=sequential&run=1', 1, 60_000);
  assert.deepEqual(taskEvents(seen.lines, 'sequential'), [
    'Task 1 started',
    'Task 1 completed',
    'Task 2 started',
    'Task 2 completed',
  ]);
  const seconds = executionTime(seen.lines, 'sequential');
  assertBetween(seconds, 1.95, 2.4, '[sequential] Execution Time');
  assert.equal(wallClock(seen, 'Sequential').toFixed(2), seconds.toFixed(2), 'Results wall-clock equals the Console');
  t.diagnostic(`preset 1: sequential ${seconds.toFixed(2)} s, crossOriginIsolated ${seen.isolated}`);
});

test(
  'Firefox · preset 4 · ProcessPool 3,2,1 on 3 workers: done 3, 2, 1 in about 3 s',
  { timeout: 120_000 },
  async (t) => {
    const seen = await runPreset('kind=sleep&tasks=3,2,1&strategies=pool&workers=3&run=1', 1, 60_000);
    const events = taskEvents(seen.lines, 'pool');
    assert.deepEqual(
      events.filter((e) => e.endsWith('started')),
      ['Task 1 started', 'Task 2 started', 'Task 3 started'],
      'submitted in order',
    );
    assert.deepEqual(
      events.filter((e) => e.endsWith('completed')),
      ['Task 3 completed', 'Task 2 completed', 'Task 1 completed'],
      'as_completed: the 1 s task first, the 3 s task last',
    );
    const seconds = executionTime(seen.lines, 'pool');
    assertBetween(seconds, 2.95, 3.6, '[pool] Execution Time');
    assert.equal(wallClock(seen, 'Pool').toFixed(2), seconds.toFixed(2), 'Results wall-clock equals the Console');
    const bs = bars(seen, 'Pool');
    assert.deepEqual(
      bs.map((b) => b.task),
      [1, 2, 3],
      `one bar per task in ${JSON.stringify(seen.bars)}`,
    );
    assertBetween(bs[2].end, 0.95, 1.6, 'end of task 3 (1 s)');
    assertBetween(bs[1].end, 1.95, 2.6, 'end of task 2 (2 s)');
    assertBetween(bs[0].end, 2.95, 3.6, 'end of task 1 (3 s)');
    t.diagnostic(
      `preset 4: pool ${seconds.toFixed(2)} s; task ends 3→${bs[2].end.toFixed(2)} 2→${bs[1].end.toFixed(2)} 1→${bs[0].end.toFixed(2)} s`,
    );
  },
);

test('Firefox · preset 5 · CPU-bound: the pool beats sequential, threads do not', { timeout: 180_000 }, async (t) => {
  const seen = await runPreset('kind=cpu&tasks=1,1&strategies=sequential,pool,threads&workers=2&run=1', 3, 120_000);
  const wall = {};
  for (const tag of ['sequential', 'pool', 'threads']) {
    const events = taskEvents(seen.lines, tag);
    assert.deepEqual(
      events.filter((e) => e.endsWith('started')).sort(),
      ['Task 1 started', 'Task 2 started'],
      `[${tag}] both tasks started`,
    );
    assert.deepEqual(
      events.filter((e) => e.endsWith('completed')).sort(),
      ['Task 1 completed', 'Task 2 completed'],
      `[${tag}] both tasks completed`,
    );
    wall[tag] = executionTime(seen.lines, tag);
  }
  const { sequential: seq, pool, threads } = wall;
  t.diagnostic(
    `preset 5: sequential ${seq.toFixed(2)} s, pool ${pool.toFixed(2)} s (${(pool / seq).toFixed(2)}×), threads ${threads.toFixed(2)} s (${(threads / seq).toFixed(2)}×), hardwareConcurrency ${seen.cores}`,
  );
  assertBetween(seq, 1.4, 3.5, '[sequential] CPU Execution Time');
  assert.ok(threads >= 0.85 * seq, `threads (${threads} s) are not faster than sequential (${seq} s) on CPU work`);
  if (seen.cores < 2) {
    t.skip(`navigator.hardwareConcurrency is ${seen.cores}: one core cannot run two Workers at once`);
    return;
  }
  assert.ok(pool < 0.8 * seq, `pool (${pool} s) is clearly faster than sequential (${seq} s) with ${seen.cores} cores`);
});
