/* global window, document, requestAnimationFrame, cancelAnimationFrame, MutationObserver, Element, addEventListener */
// In-page instrumentation and helpers for driving the app through its public contract
// (/work/shared/CONTRACT.md): URL params, accessible names, the Results table.

/**
 * Runs in every page before its own scripts (Playwright `addInitScript`). Sets `window.__perf`:
 * - `longtasks`: every main-thread long task (PerformanceObserver 'longtask', > 50 ms) as [start, duration];
 * - `startFrames()` / `stopFrames()`: count requestAnimationFrame callbacks (frames the page could draw);
 * - `armFirstBar()`: records when the first measured bar (`role=img`, name `Task …`) enters the DOM;
 * - `runClickAt`: the timeStamp of the last click on the `Run` button;
 * - `waitStatus(re, timeoutMs)` / `nextRunEnd(timeoutMs)`: wait on the `Run status` text without polling.
 */
export function instrument() {
  const perf = { longtasks: [], frames: null, raf: 0, firstBarAt: null, runClickAt: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) perf.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    perf.longtasks = null;
  }
  perf.startFrames = () => {
    perf.frames = [];
    const loop = (t) => {
      if (!perf.frames) return;
      perf.frames.push(t);
      perf.raf = requestAnimationFrame(loop);
    };
    perf.raf = requestAnimationFrame(loop);
  };
  perf.stopFrames = () => {
    const frames = perf.frames ?? [];
    perf.frames = null;
    cancelAnimationFrame(perf.raf);
    return frames;
  };
  perf.armFirstBar = () => {
    perf.firstBarAt = null;
    const found = () => document.querySelector('[role="img"][aria-label^="Task "]') !== null;
    const mo = new MutationObserver(() => {
      if (perf.firstBarAt === null && found()) {
        perf.firstBarAt = performance.now();
        mo.disconnect();
      }
    });
    mo.observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-label', 'role'],
    });
  };
  addEventListener(
    'click',
    (e) => {
      const button = e.target instanceof Element ? e.target.closest('button') : null;
      if (button && button.textContent.trim() === 'Run') perf.runClickAt = e.timeStamp;
    },
    true,
  );
  const statusText = () => document.querySelector('[role="status"][aria-label="Run status"]')?.textContent.trim() ?? '';
  const watch = (test, timeoutMs) =>
    new Promise((resolve, reject) => {
      let mo = null;
      let timer = 0;
      const check = () => {
        const text = statusText();
        if (!test(text)) return false;
        if (mo) mo.disconnect();
        clearTimeout(timer);
        resolve({ text, at: performance.now() });
        return true;
      };
      if (check()) return;
      mo = new MutationObserver(check);
      mo.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
      timer = setTimeout(() => {
        mo.disconnect();
        reject(new Error(`Run status stayed "${statusText()}" for ${timeoutMs} ms`));
      }, timeoutMs);
    });
  perf.waitStatus = (source, timeoutMs) => {
    const re = new RegExp(source);
    return watch((t) => re.test(t), timeoutMs);
  };
  /** Resolves when the status has left Done/Stopped (or never was) and then reads Done/Stopped. */
  perf.nextRunEnd = (timeoutMs) => {
    let left = !/^(Done|Stopped)$/.test(statusText());
    return watch((t) => {
      const final = /^(Done|Stopped)$/.test(t);
      if (!final) left = true;
      return final && left;
    }, timeoutMs);
  };
  Object.defineProperty(window, '__perf', { value: perf });
}

export const runButton = (page) => page.getByRole('button', { name: 'Run', exact: true });

/** Waits until the app is ready: Run enabled (warm Worker up, CPU calibrated). */
export async function waitReady(page, timeoutMs = 60_000) {
  await runButton(page).waitFor({ timeout: timeoutMs });
  await page.waitForFunction(
    () => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Run');
      return b !== undefined && !b.disabled;
    },
    null,
    { timeout: timeoutMs, polling: 100 },
  );
}

/** The Results table as objects keyed by column header. */
export async function readResults(page) {
  return page.getByRole('table', { name: 'Results' }).evaluate((table) => {
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    return [...table.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.children].map((c) => c.textContent.trim());
      return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
    });
  });
}

const num = (text) => {
  const v = Number.parseFloat(
    String(text ?? '')
      .replace('−', '-')
      .replace(/[^0-9.+-]/g, ''),
  );
  return Number.isFinite(v) ? v : NaN;
};

/**
 * One strategy's row as numbers. The table shows wall-clock with 2 decimals and overhead in whole
 * ms, so wall-clock is taken as ideal + overhead (1 ms resolution).
 */
export function rowFor(rows, label) {
  const row = rows.find((r) => r.Strategy === label);
  if (!row) return null;
  const idealS = num(row['Ideal (s)']);
  const overheadMs = num(row['Overhead (ms)']);
  return {
    label,
    wallS: Number.isFinite(overheadMs) ? idealS + overheadMs / 1000 : num(row['Wall-clock (s)']),
    idealS,
    overheadMs,
    startupMs: num(row['Worker start-up (ms)']),
    dispatchMs: num(row['Dispatch (ms)']),
    otherMs: num(row['Other (ms)']),
    raw: row,
  };
}

/**
 * The app's CPU self-check after a cpu run (src/ui/CpuCheck.tsx), as numbers: each strategy's
 * achieved share of the calibrated rate (and its tasks' lowest and highest), plus the calibration
 * the header shows ("531k steps per ms"). Null when the page shows no self-check.
 */
export async function readCpuCheck(page) {
  return page.evaluate(() => {
    const section = document.querySelector('section.cpu-check');
    const m = /(\d+(?:\.\d+)?)k steps per ms/.exec(document.body.textContent ?? '');
    const kStepsPerMs = m ? Number(m[1]) : null;
    if (!section) return null;
    const rates = {};
    for (const li of section.querySelectorAll('li')) {
      const text = li.textContent.replace(/\s+/g, ' ').trim();
      const r = /^(.+?): (\d+) % of the calibrated rate(?: \(tasks (\d+) %–(\d+) %\))?/.exec(text);
      if (!r) continue;
      const rate = Number(r[2]) / 100;
      rates[r[1]] = { rate, min: r[3] ? Number(r[3]) / 100 : rate, max: r[4] ? Number(r[4]) / 100 : rate };
    }
    return { kStepsPerMs, rates };
  });
}
