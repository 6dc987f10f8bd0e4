// @ts-check
/* global window */
// Suite 3: `new Worker` → first comlink reply, in the bench page.
import { openBenchPage } from '../lib/browser.mjs';
import { log, sleep } from '../lib/log.mjs';
import { summary } from '../lib/stats.mjs';

/** @typedef {import('../lib/types').Session} Session */
/** @typedef {import('../lib/types').WorkerStartEntry} WorkerStartEntry */

/**
 * `new Worker` → first comlink reply, 1, 5 and 8 Workers started together.
 * @param {Session} session
 * @returns {Promise<WorkerStartEntry[]>}
 */
export async function runWorkerStart(session) {
  /** @type {WorkerStartEntry[]} */
  const out = [];
  for (const count of [1, 5, 8]) {
    const { page } = await openBenchPage(session);
    // The first start in a fresh page fetches and compiles the Worker script.
    const fresh = await page.evaluate((n) => window.__bench.workerStart(n), count);
    /** @type {import('../page/api').WorkerStartResult[]} */
    const warm = [];
    for (let i = 0; i < session.reps.start; i += 1) {
      await sleep(100);
      warm.push(await page.evaluate((n) => window.__bench.workerStart(n), count));
    }
    await page.close();
    const warmAll = summary(warm.map((w) => w.allMs));
    out.push({
      workers: count,
      freshMs: fresh.allMs,
      warm: warmAll,
      warmFirstReply: summary(warm.map((w) => w.firstMs)),
    });
    log(`worker start ×${count}: fresh ${fresh.allMs.toFixed(1)} ms, warm median ${warmAll.median.toFixed(1)} ms`);
  }
  return out;
}
