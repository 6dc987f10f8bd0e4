// @ts-check
/* global window, document, MutationObserver */
// Suite "labs" (issue 13, point 6): a row per lab for its headline figure, each lab driven through
// its URL (`?lab=<name>`) and accessible names the way its e2e spec (e2e/lab-<name>.spec.ts) does.
// A lab whose page still says "This lab is not built yet." gets a `not built` row; a lab whose row
// throws gets a `failed` row (run.mjs counts it as a crashed suite, as a wrong answer should).
import { newPage } from '../lib/browser.mjs';
import { log, sleep } from '../lib/log.mjs';
import { summary } from '../lib/stats.mjs';

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('../lib/types').Session} Session */
/** @typedef {import('../lib/types').LabRow} LabRow */
/** @typedef {import('../lib/types').LabsResult} LabsResult */
/** @typedef {import('../lib/types').LabMemory} LabMemory */
/** @typedef {import('../lib/types').LabTransfer} LabTransfer */
/** @typedef {import('../lib/types').LabMandelbrot} LabMandelbrot */
/** @typedef {import('../lib/types').LabChunks} LabChunks */
/** @typedef {LabRow['lab']} LabName */

/** What the labs shell shows for a lab that is not there yet (src/labs/<name>/…Lab.tsx). */
const NOT_BUILT = 'This lab is not built yet.';
/** Each lab's results table (docs/CONTRACT.md, issue 13). */
const TABLE = /** @type {const} */ ({
  memory: 'Counter results',
  transfer: 'Transfer results',
  mandelbrot: 'Mandelbrot results',
  chunks: 'Chunks results',
});

/** `2,000,000` → 2000000, `1.98×` → 1.98, `–` → NaN (the first number in the text). @param {string} text */
const num = (text) => {
  const m = /-?\d+(?:\.\d+)?/.exec(text.replace(/,/g, '').replace(/[−–]/, '-'));
  return m ? Number(m[0]) : NaN;
};

/**
 * Opens `?lab=<lab><query>` in a fresh bench page and waits for either its results table or the
 * shell's "not built" sentence; returns the page when the lab is there, null (page closed) when not.
 * @param {Session} session
 * @param {LabName} lab
 * @param {string} query
 * @returns {Promise<Page | null>}
 */
async function openLab(session, lab, query = '') {
  const { page } = await newPage(session);
  await page.goto(`${session.base}/?lab=${lab}${query}`);
  const table = page.getByRole('table', { name: TABLE[lab], exact: true });
  await table.or(page.getByText(NOT_BUILT)).first().waitFor({ timeout: 30_000 });
  if ((await table.count()) === 0) {
    await page.close();
    return null;
  }
  return page;
}

/**
 * Starts watching the status named `name`, then runs `act` (a click), and resolves when the status
 * has shown something else than a final text and then a final one (`final`, a RegExp source); the
 * observer is in place before the click. Returns the final text.
 * @param {Page} page
 * @param {string} name the status's accessible name
 * @param {string} final
 * @param {() => Promise<void>} act
 * @param {number} timeoutMs
 */
async function actAndWait(page, name, final, act, timeoutMs) {
  await page.evaluate(([n, f]) => {
    const re = new RegExp(f);
    const read = () => document.querySelector(`[role="status"][aria-label="${n}"]`)?.textContent?.trim() ?? '';
    /** @type {Window & { __labEnd?: Promise<string> }} */
    const w = window;
    w.__labEnd = new Promise((resolve) => {
      let left = !re.test(read());
      const mo = new MutationObserver(() => {
        const text = read();
        if (!re.test(text)) left = true;
        else if (left) {
          mo.disconnect();
          resolve(text);
        }
      });
      mo.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    });
  }, /** @type {const} */ ([name, final]));
  await act();
  return page.evaluate(
    (t) =>
      Promise.race([
        /** @type {Window & { __labEnd?: Promise<string> }} */ (window).__labEnd ?? Promise.resolve('no watcher'),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no final status within ${t} ms`)), t)),
      ]),
    timeoutMs,
  );
}

/**
 * The table named `name`: its column headings (first line of each) and its body rows' cell texts
 * (the first cell's first line is the row's name; the rest of it, the detail, is kept in `detail`).
 * @param {Page} page
 * @param {string} name
 */
async function readTable(page, name) {
  const table = page.getByRole('table', { name, exact: true });
  const headers = (await table.locator('thead th').allInnerTexts()).map((h) => (h.split('\n')[0] ?? '').trim());
  const cells = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.children).map((c) => (c instanceof HTMLElement ? c.innerText : '').trim())),
    );
  const rows = cells
    .filter((c) => c.length > 1)
    .map((c) => {
      /** @param {string} column */
      const at = (column) => {
        const i = headers.indexOf(column);
        if (i < 0) throw new Error(`table "${name}" has no column "${column}" (${headers.join(' | ')})`);
        return c[i] ?? '';
      };
      const first = (c[0] ?? '').split('\n');
      return { name: (first[0] ?? '').trim(), detail: first.slice(1).join(' ').trim(), at };
    });
  return { headers, rows };
}

// ------------------------------------------------------------------ memory

const MEMORY_VARIANTS = ['Separate memory', 'Shared, no lock', 'Shared with Atomics', 'Shared with a lock'];

/**
 * Lab memory at its defaults (2 Workers × 1,000,000): `Run 10 times` (the no-lock counter's lost
 * updates per run, read from the histogram's description), then `Run` of every variant `reps`
 * times (Counter results: Final, Lost updates, Time; ns per increment = median Time ÷ (workers ×
 * increments), the lab's own rule). Atomics and the lock must be exact: a lost update there fails the row.
 * @param {Page} page
 * @param {number} reps `Run`s of every variant (the medians are kept)
 * @returns {Promise<LabMemory>}
 */
async function memoryRow(page, reps) {
  if (!(await page.evaluate(() => window.crossOriginIsolated)))
    throw new Error('the lab page is not cross-origin isolated');
  const workers = num(await page.getByLabel('Workers', { exact: true }).inputValue());
  const increments = num(await page.getByLabel('Increments per worker', { exact: true }).inputValue());
  const status = 'Lab status';
  const end = await actAndWait(
    page,
    status,
    '^(Done|Stopped)\\.$',
    () => page.getByRole('button', { name: 'Run 10 times', exact: true }).click(),
    180_000,
  );
  if (end !== 'Done.') throw new Error(`Run 10 times ended "${end}"`);
  const histogram = page.getByRole('img', { name: 'Lost updates in 10 runs', exact: true });
  const describedBy = await histogram.getAttribute('aria-describedby');
  const words = describedBy ? await page.locator(`#${describedBy}`).innerText() : '';
  const list = /Lost updates in 10 runs of [\d,]+: ([\d, ]+)\./.exec(words);
  if (!list?.[1]) throw new Error(`the histogram's description does not list 10 runs: "${words.slice(0, 200)}"`);
  const lost = list[1].split(', ').map((v) => num(v));
  if (lost.length !== 10 || lost.some((v) => !Number.isFinite(v)))
    throw new Error(`lost updates: ${lost.length} values (${list[1]})`);

  for (const name of MEMORY_VARIANTS) await page.getByRole('checkbox', { name, exact: true }).setChecked(true);
  /** @type {LabMemory['variants'][]} */
  const runs = [];
  for (let i = 0; i < reps; i += 1) {
    const end2 = await actAndWait(
      page,
      status,
      '^(Done|Stopped)\\.$',
      () => page.getByRole('button', { name: 'Run', exact: true }).click(),
      180_000,
    );
    if (end2 !== 'Done.') throw new Error(`Run ${i + 1} ended "${end2}"`);
    const { rows } = await readTable(page, TABLE.memory);
    const measured = MEMORY_VARIANTS.map((name) => {
      const row = rows.find((r) => r.name === name);
      if (!row) throw new Error(`no "${name}" row in ${TABLE.memory}`);
      const timeMs = num(row.at('Time (ms)'));
      return {
        name,
        expected: num(row.at('Expected')),
        final: num(row.at('Final')),
        lost: num(row.at('Lost updates')),
        timeMs,
        nsPerIncrement: (timeMs * 1e6) / (workers * increments),
      };
    });
    for (const v of measured.filter((x) => x.name === 'Shared with Atomics' || x.name === 'Shared with a lock'))
      if (v.final !== v.expected) throw new Error(`${v.name}: Final ${v.final} ≠ Expected ${v.expected}`);
    runs.push(measured);
  }
  // Expected, Final and Lost updates of the first Run; Time the median of the Runs.
  const variants = MEMORY_VARIANTS.map((name) => {
    const all = runs.map((r) => r.find((v) => v.name === name));
    const first = all[0];
    if (!first) throw new Error(`no "${name}" row`);
    const times = all.map((v) => v?.timeMs ?? NaN);
    const timeMs = summary(times).median;
    return { ...first, timeMs, nsPerIncrement: (timeMs * 1e6) / (workers * increments), timesMs: times };
  });
  return { workers, increments, lost, lostSummary: summary(lost), variants };
}

// ------------------------------------------------------------------ transfer

const TRANSFER_MB = 64;

/**
 * Lab transfer: 64 MB by clone and by transfer (the lab's 1 warm-up + 5 trips each, median trip),
 * MB/s from Transfer results; the transferred buffer must be empty on the page's side.
 * @param {Page} page
 * @returns {Promise<LabTransfer>}
 */
async function transferRow(page) {
  await page.getByRole('button', { name: 'Run', exact: true, disabled: false }).waitFor({ timeout: 30_000 });
  for (const mb of [1, 4, 16, 64, 256])
    await page.getByRole('checkbox', { name: `${mb} MB`, exact: true }).setChecked(mb === TRANSFER_MB);
  for (const m of ['clone', 'transfer', 'shared'])
    await page.getByRole('checkbox', { name: m, exact: true }).setChecked(m !== 'shared');
  const end = await actAndWait(
    page,
    'Transfer status',
    '^(Done|Stopped|Failed)',
    () => page.getByRole('button', { name: 'Run', exact: true }).click(),
    120_000,
  );
  if (!/^Done: 2 of 2/.test(end)) throw new Error(`the run ended "${end}"`);
  const { rows } = await readTable(page, TABLE.transfer);
  const measured = rows.map((r) => ({
    method: r.at('Method'),
    sizeMb: num(r.at('Size (MB)')),
    totalMs: num(r.at('Total (ms)')),
    mbPerS: num(r.at('MB/s')),
    sender: r.at('Page’s buffer after sending'),
  }));
  const clone = measured.find((r) => r.method === 'clone' && r.sizeMb === TRANSFER_MB);
  const transfer = measured.find((r) => r.method === 'transfer' && r.sizeMb === TRANSFER_MB);
  if (!clone || !transfer) throw new Error(`no ${TRANSFER_MB} MB clone and transfer rows in ${TABLE.transfer}`);
  if (transfer.sender !== '0 bytes (moved)')
    throw new Error(`after a transfer the page's buffer reads "${transfer.sender}", not empty`);
  return { megabytes: TRANSFER_MB, rows: measured, transferVsClone: transfer.mbPerS / clone.mbPerS };
}

// ------------------------------------------------------------------ mandelbrot

const MANDEL = ['Sequential', 'Pool, static chunks', 'Pool, dynamic'];

/**
 * Lab mandelbrot at its defaults (1200×800, 500 iterations, 8×8 tiles, the machine's logical cores
 * as workers, dynamic chunksize 1): Run clicked `reps` times, each running sequential, static and
 * dynamic; wall-clock, speedup and checksum
 * from Mandelbrot results. Checksums must agree (else the row fails). Medians over the runs.
 * @param {Page} page
 * @param {number} reps
 * @returns {Promise<LabMandelbrot>}
 */
async function mandelbrotRow(page, reps) {
  const status = 'Mandelbrot status';
  const final = '^(Done|Stopped|Failed)$';
  /** @type {{ strategy: string, wallMs: number, speedup: number, checksum: string }[][]} */
  const runs = [];
  let workers = NaN;
  const size = await page.getByLabel('Image size', { exact: true }).inputValue();
  const iterations = num(await page.getByLabel('Max iterations', { exact: true }).inputValue());
  for (let i = 0; i < reps; i += 1) {
    const end = await actAndWait(
      page,
      status,
      final,
      () => page.getByRole('button', { name: 'Run', exact: true }).click(),
      180_000,
    );
    if (end !== 'Done') throw new Error(`run ${i + 1} ended "${end}"`);
    const { rows } = await readTable(page, TABLE.mandelbrot);
    runs.push(
      MANDEL.map((strategy) => {
        const row = rows.find((r) => r.name === strategy);
        if (!row) throw new Error(`no "${strategy}" row in ${TABLE.mandelbrot}`);
        if (strategy === 'Pool, dynamic') workers = num(row.detail);
        return {
          strategy,
          wallMs: num(row.at('Wall-clock (ms)')),
          speedup: num(row.at('Speedup vs sequential')),
          checksum: row.at('Checksum'),
        };
      }),
    );
    await sleep(500);
  }
  const sums = new Set(runs.flat().map((r) => r.checksum));
  const checksumsEqual = sums.size === 1 && !/incomplete|—/.test([...sums][0] ?? '');
  if (!checksumsEqual) throw new Error(`checksums differ: ${[...sums].join(', ')}`);
  const med = (/** @type {string} */ s, /** @type {'wallMs' | 'speedup'} */ k) =>
    summary(runs.map((r) => r.find((x) => x.strategy === s)?.[k] ?? NaN)).median;
  const rows = MANDEL.map((strategy) => ({
    strategy,
    wallMs: med(strategy, 'wallMs'),
    speedup: med(strategy, 'speedup'),
    checksum: runs[0]?.find((x) => x.strategy === strategy)?.checksum ?? '',
  }));
  const m = /(\d+)\s*[x×]\s*(\d+)/.exec(size);
  return {
    width: m ? Number(m[1]) : NaN,
    height: m ? Number(m[2]) : NaN,
    iterations,
    workers,
    runs: runs.length,
    rows,
    checksumsEqual,
    dynamicVsStatic: (rows[1]?.wallMs ?? NaN) / (rows[2]?.wallMs ?? NaN),
  };
}

// ------------------------------------------------------------------ chunks

/** `Pool, chunksize 1` → 1, `Pool, chunksize auto (= 1250)` → 1250, `1,250 (auto)` → 1250, else null. @param {string} name */
const chunksizeOf = (name) => {
  const m = /^(?:Pool, chunksize (?:auto \(= )?)?([\d,]+)/.exec(name.trim());
  return m?.[1] ? num(m[1]) : null;
};

const CHUNKS_TASKS = 10_000;
const CHUNKS_TASK_MS = 0.1;

/**
 * Lab chunks, 10,000 tasks of 0.1 ms (typed in; the machine's cores as pool workers, the lab's
 * default): one Run
 * (the loop, then the pool at chunksize 1, auto and 25; Chunks results), and the longest main-thread
 * long task (PerformanceObserver 'longtask', lib/instrument.mjs) from the Run click until 1.5 s
 * after `Done` — while the lab draws the 10,000 bars of each strategy. In a full run also `Sweep
 * chunksize` (table Chunksize sweep) and its fastest chunksize; --quick leaves the sweep out.
 * @param {Page} page
 * @param {boolean} quick
 * @returns {Promise<LabChunks>}
 */
async function chunksRow(page, quick) {
  const status = 'Chunks status';
  const final = '^(Done|Sweep done|Stopped|Failed)';
  // The headline's setup (today also the lab's defaults), typed as a user would.
  await page.getByRole('spinbutton', { name: 'Tasks', exact: true }).fill(String(CHUNKS_TASKS));
  await page.getByRole('spinbutton', { name: 'Task length (ms)', exact: true }).fill(String(CHUNKS_TASK_MS));
  const tasks = num(await page.getByLabel('Tasks', { exact: true }).inputValue());
  const taskMs = num(await page.getByLabel('Task length (ms)', { exact: true }).inputValue());
  const workers = num(await page.getByLabel('Pool workers', { exact: true }).inputValue());
  await page.getByRole('button', { name: 'Run', exact: true, disabled: false }).waitFor({ timeout: 60_000 });
  const from = await page.evaluate(() => {
    if (window.__perf.longtasks) window.__perf.longtasks.length = 0;
    return performance.now();
  });
  const end = await actAndWait(
    page,
    status,
    final,
    () => page.getByRole('button', { name: 'Run', exact: true }).click(),
    180_000,
  );
  if (!/^Done/.test(end)) throw new Error(`Run ended "${end}"`);
  await sleep(1500); // the final redraw of the bars
  const longtasks = await page.evaluate(() => [...(window.__perf.longtasks ?? [])]);
  const during = longtasks.filter(([start]) => start >= from).map(([, d]) => d);
  const { rows } = await readTable(page, TABLE.chunks);
  const measured = rows.map((r) => ({
    label: r.name,
    chunksize: chunksizeOf(r.name),
    wallMs: num(r.at('Wall-clock (ms)')),
    computeMs: num(r.at('Compute (ms)')),
    dispatchPerTaskUs: num(r.at('Dispatch per task (µs)')),
  }));
  if (measured.length !== 4 || measured.some((r) => !Number.isFinite(r.wallMs)))
    throw new Error(`${TABLE.chunks} holds ${measured.length} rows: ${measured.map((r) => r.label).join(', ')}`);
  /** @type {LabChunks['sweep']} */
  let sweep = null;
  if (!quick) {
    const sweepEnd = await actAndWait(
      page,
      status,
      final,
      () => page.getByRole('button', { name: 'Sweep chunksize', exact: true }).click(),
      600_000,
    );
    if (!/^Sweep done/.test(sweepEnd)) throw new Error(`Sweep chunksize ended "${sweepEnd}"`);
    const table = await readTable(page, 'Chunksize sweep');
    const points = table.rows.flatMap((r) => {
      const c = chunksizeOf(r.name);
      return c === null ? [] : [{ chunksize: c, auto: /auto/.test(r.name), wallMs: num(r.at('Wall-clock (ms)')) }];
    });
    const best = points.reduce(
      (b, p) => (p.wallMs < b.wallMs ? p : b),
      points[0] ?? { chunksize: NaN, auto: false, wallMs: NaN },
    );
    sweep = { points, best };
  }
  return {
    tasks,
    taskMs,
    workers,
    rows: measured,
    sweep,
    longestLongTaskMs: during.length ? Math.max(...during) : 0,
    longTasksMs: during,
  };
}

// ------------------------------------------------------------------ the suite

/**
 * One row per lab, in the issue's order. Each lab runs in its own fresh page, closed after.
 * @param {Session} session
 * @returns {Promise<LabsResult>}
 */
export async function runLabs(session) {
  const quick = session.quick;
  /** @type {LabRow[]} */
  const rows = [];
  /**
   * @param {LabName} lab
   * @param {string} query
   * @param {(page: Page) => Promise<Partial<LabRow>>} measure
   */
  const row = async (lab, query, measure) => {
    const t0 = Date.now();
    /** @type {LabRow} */
    let out;
    try {
      const page = await openLab(session, lab, query);
      if (!page) out = { lab, status: 'not built', note: `the lab page says "${NOT_BUILT}"`, seconds: 0 };
      else
        try {
          out = { lab, status: 'measured', note: '', seconds: 0, ...(await measure(page)) };
        } finally {
          await page.close();
        }
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300) ?? '';
      out = { lab, status: 'failed', note: message, seconds: 0 };
    }
    out.seconds = (Date.now() - t0) / 1000;
    rows.push(out);
    log(`labs ${lab}: ${out.status}${out.note ? ` (${out.note})` : ''} in ${out.seconds.toFixed(1)} s${describe(out)}`);
  };

  await row('memory', '', async (page) => ({ memory: await memoryRow(page, quick ? 1 : 3) }));
  await row('transfer', '', async (page) => ({ transfer: await transferRow(page) }));
  await row('mandelbrot', '', async (page) => ({
    mandelbrot: await mandelbrotRow(page, quick ? 1 : 3),
  }));
  await row('chunks', '', async (page) => ({ chunks: await chunksRow(page, quick) }));
  return { rows };
}

/** The headline in the progress line. @param {LabRow} r */
function describe(r) {
  if (r.memory) {
    const s = r.memory.lostSummary;
    const ns = r.memory.variants.map((v) => `${v.name} ${v.nsPerIncrement.toFixed(2)} ns`).join(', ');
    return `: lost updates min ${s.min} / median ${s.median} / max ${s.max}; ${ns}`;
  }
  if (r.transfer) {
    const t = r.transfer;
    return `: ${t.megabytes} MB ${t.rows.map((x) => `${x.method} ${x.mbPerS} MB/s`).join(', ')}`;
  }
  if (r.mandelbrot)
    return `: ${r.mandelbrot.rows.map((x) => `${x.strategy} ${x.wallMs.toFixed(0)} ms (${x.speedup.toFixed(2)}×)`).join(', ')}; checksums equal`;
  if (r.chunks)
    return `: ${r.chunks.rows.map((x) => `${x.label} ${x.wallMs} ms`).join(', ')}${r.chunks.sweep ? `; sweep best: chunksize ${r.chunks.sweep.best.chunksize} ${r.chunks.sweep.best.wallMs} ms` : '; sweep: not in --quick'}; long tasks: ${r.chunks.longTasksMs.length ? `${r.chunks.longTasksMs.map((x) => x.toFixed(0)).join(', ')} ms` : 'none'}`;
  return '';
}
