// @ts-check
/* global window */
// Suite 4: 1,000 no-op tasks through our pool, workerpool and raw postMessage, in the bench page.
import { openBenchPage } from '../lib/browser.mjs';
import { log, sleep } from '../lib/log.mjs';
import { summary } from '../lib/stats.mjs';

/** @typedef {import('../lib/types').Session} Session */
/** @typedef {import('../lib/types').DispatchSuiteResult} DispatchSuiteResult */

/** @typedef {import('../page/api').DispatchImpl} DispatchImpl */

const DISPATCH_TASKS = 1000;
/**
 * The order of the first round (and of the report's rows); each later round starts one further along.
 * @type {readonly DispatchImpl[]}
 */
const IMPLS = ['ours', 'workerpool', 'raw', 'comlink', 'channel', 'ours+store'];

/**
 * 1,000 no-op tasks through our pool, workerpool and raw postMessage, same page.
 * @param {Session} session
 * @returns {Promise<DispatchSuiteResult>}
 */
export async function runDispatch(session) {
  const { page } = await openBenchPage(session);
  const workers = await page.evaluate(() => window.__bench.cores);
  /** @type {Record<DispatchImpl, number[]>} */
  const runs = { ours: [], workerpool: [], raw: [], comlink: [], channel: [], 'ours+store': [] };
  // One warm-up round (JIT, script caches), then rounds in rotating order.
  for (let round = -1; round < session.reps.dispatch; round += 1) {
    const shift = Math.max(0, round) % IMPLS.length;
    const order = [...IMPLS.slice(shift), ...IMPLS.slice(0, shift)];
    for (const impl of order) {
      const r = await page.evaluate((a) => window.__bench.dispatch(a.impl, a.tasks, a.workers), {
        impl,
        tasks: DISPATCH_TASKS,
        workers,
      });
      if (r.completed !== DISPATCH_TASKS)
        throw new Error(`dispatch ${impl}: ${r.completed} of ${DISPATCH_TASKS} tasks completed`);
      if (round >= 0) runs[impl].push(r.perTaskUs);
      await sleep(50);
    }
  }
  await page.close();
  const perTaskUs = /** @type {DispatchSuiteResult['perTaskUs']} */ (
    Object.fromEntries(IMPLS.map((impl) => [impl, { ...summary(runs[impl]), values: runs[impl] }]))
  );
  const vsWorkerpool = (/** @type {DispatchImpl} */ impl) => perTaskUs[impl].median / perTaskUs.workerpool.median;
  /** @type {DispatchSuiteResult} */
  const result = {
    tasks: DISPATCH_TASKS,
    workers,
    perTaskUs,
    oursVsWorkerpool: vsWorkerpool('ours'),
    rawVsWorkerpool: vsWorkerpool('raw'),
  };
  log(
    `dispatch µs/task: ours ${perTaskUs.ours.median.toFixed(1)}, workerpool ${perTaskUs.workerpool.median.toFixed(1)}, raw ${perTaskUs.raw.median.toFixed(1)}`,
  );
  return result;
}
