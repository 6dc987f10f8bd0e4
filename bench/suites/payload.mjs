// @ts-check
/* global window */
// Suite "payload": a task's payload and result on the task channel, in the bench page. A
// Float64Array goes to the app's warm Worker inside a ~0 s sleep task, which hands it back
// (src/workers/workloads/sleep.ts); moved (transfer) or copied, at several sizes. The page checks
// every trip: the same numbers came back, and the page's own array was emptied by a transfer or
// kept by a copy. A wrong answer throws, so the bench (and npm test) fails.
import { openBenchPage } from '../lib/browser.mjs';
import { log } from '../lib/log.mjs';
import { summary } from '../lib/stats.mjs';

/** @typedef {import('../lib/types').Session} Session */
/** @typedef {import('../lib/types').PayloadSuiteResult} PayloadSuiteResult */
/** @typedef {import('../../src/engine/types').SendMode} SendMode */

/** @type {readonly SendMode[]} */
const MODES = ['transfer', 'copy'];

/**
 * @param {Session} session
 * @returns {Promise<PayloadSuiteResult>}
 */
export async function runPayload(session) {
  const { page } = await openBenchPage(session);
  const sizes = session.quick ? [1, 16] : [1, 16, 64];
  /** @type {PayloadSuiteResult['rows']} */
  const rows = [];
  for (const megabytes of sizes) {
    for (const send of MODES) {
      const r = await page.evaluate((a) => window.__bench.payload(a.megabytes, a.send, a.reps), {
        megabytes,
        send,
        reps: session.reps.payload,
      });
      rows.push({ megabytes, send, thereMs: summary(r.thereMs), backMs: summary(r.backMs) });
    }
  }
  await page.close();
  log(
    `payload ms there/back (median): ${rows.map((r) => `${r.megabytes} MB ${r.send} ${r.thereMs.median.toFixed(2)}/${r.backMs.median.toFixed(2)}`).join(', ')}`,
  );
  return { rows };
}
