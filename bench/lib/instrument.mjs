// @ts-check
/* global window, document, requestAnimationFrame, cancelAnimationFrame, MutationObserver, Element, addEventListener */
// In-page instrumentation for every page the bench opens (Playwright `addInitScript`).

/** @typedef {import('./types').Perf} Perf */
/** @typedef {import('./types').StatusSeen} StatusSeen */

/**
 * Runs in every page before its own scripts, with the page model's accessible names as `names`
 * (it is serialised into the page: it can use nothing from this module). Sets `window.__perf`:
 * - `longtasks`: every main-thread long task (PerformanceObserver 'longtask', > 50 ms) as [start, duration];
 * - `startFrames()` / `stopFrames()`: count requestAnimationFrame callbacks (frames the page could draw);
 * - `armFirstBar()`: records when the first measured bar (`role=img`, name `Task …`) enters the DOM;
 * - `runClickAt`: the timeStamp of the last click on the `Run` button;
 * - `waitStatus(re, timeoutMs)` / `nextRunEnd(timeoutMs)`: wait on the `Run status` text without polling.
 * @param {{ run: string, runStatus: string, barPrefix: string }} names
 */
export function instrument(names) {
  /** @type {Perf} */
  const perf = {
    longtasks: [],
    frames: null,
    raf: 0,
    firstBarAt: null,
    runClickAt: null,
    startFrames() {
      perf.frames = [];
      /** @param {number} t */
      const loop = (t) => {
        if (!perf.frames) return;
        perf.frames.push(t);
        perf.raf = requestAnimationFrame(loop);
      };
      perf.raf = requestAnimationFrame(loop);
    },
    stopFrames() {
      const frames = perf.frames ?? [];
      perf.frames = null;
      cancelAnimationFrame(perf.raf);
      return frames;
    },
    armFirstBar() {
      perf.firstBarAt = null;
      const found = () => document.querySelector(`[role="img"][aria-label^="${names.barPrefix}"]`) !== null;
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
    },
    waitStatus(source, timeoutMs) {
      const re = new RegExp(source);
      return watch((t) => re.test(t), timeoutMs);
    },
    /** Resolves when the status has left Done/Stopped (or never was) and then reads Done/Stopped. */
    nextRunEnd(timeoutMs) {
      let left = !/^(Done|Stopped)$/.test(statusText());
      return watch((t) => {
        const final = /^(Done|Stopped)$/.test(t);
        if (!final) left = true;
        return final && left;
      }, timeoutMs);
    },
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) perf.longtasks?.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    perf.longtasks = null;
  }
  addEventListener(
    'click',
    (e) => {
      const button = e.target instanceof Element ? e.target.closest('button') : null;
      if (button && button.textContent?.trim() === names.run) perf.runClickAt = e.timeStamp;
    },
    true,
  );
  const statusText = () =>
    document.querySelector(`[role="status"][aria-label="${names.runStatus}"]`)?.textContent?.trim() ?? '';
  /**
   * @param {(text: string) => boolean} test
   * @param {number} timeoutMs
   * @returns {Promise<StatusSeen>}
   */
  const watch = (test, timeoutMs) =>
    new Promise((resolve, reject) => {
      /** @type {MutationObserver | null} */
      let mo = null;
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      const check = () => {
        const text = statusText();
        if (!test(text)) return false;
        if (mo) mo.disconnect();
        clearTimeout(timer);
        resolve({ text, at: performance.now() });
        return true;
      };
      if (check()) return;
      const observer = new MutationObserver(check);
      mo = observer;
      observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
      timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`Run status stayed "${statusText()}" for ${timeoutMs} ms`));
      }, timeoutMs);
    });
  Object.defineProperty(window, '__perf', { value: perf });
}
