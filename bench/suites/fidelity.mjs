// @ts-check
// Suite 1: the chapter's sleep examples in the real app, beside CPython's figures.
import { readResults } from '../../e2e/pageModel.mjs';
import { appRuns, figuresOf } from '../lib/browser.mjs';
import { log } from '../lib/log.mjs';
import { breakdownMedian, summary } from '../lib/stats.mjs';

/** @typedef {import('../lib/types').Session} Session */
/** @typedef {import('../lib/types').CPythonResult} CPythonResult */
/** @typedef {import('../lib/types').FidelityEntry} FidelityEntry */

/** The chapter's four sleep examples, as app links and as bench/python/chapter.py ids. */
const EXAMPLES = [
  {
    id: 'sequential',
    title: 'task(1); task(2)',
    query: 'kind=sleep&tasks=1,1&strategies=sequential',
    row: 'Sequential',
  },
  {
    id: 'two-processes',
    title: 'two Processes',
    query: 'kind=sleep&tasks=1,1&strategies=processes',
    row: 'Processes',
  },
  {
    id: 'five-processes',
    title: 'five Processes (loop)',
    query: 'kind=sleep&tasks=1,1,1,1,1&strategies=processes',
    row: 'Processes',
  },
  {
    id: 'pool',
    title: 'ProcessPool [3,2,1], 3 workers',
    query: 'kind=sleep&tasks=3,2,1&strategies=pool&workers=3',
    row: 'Pool',
  },
];

/**
 * Each chapter example `reps` times in the real app.
 * @param {Session} session
 * @param {CPythonResult | null} python CPython's figures for the same examples, when it ran
 * @returns {Promise<FidelityEntry[]>}
 */
export async function runFidelity(session, python) {
  /** @type {FidelityEntry[]} */
  const out = [];
  for (const ex of EXAMPLES) {
    const runs = await appRuns(session, ex.query, session.reps.fidelity, 60_000, readResults);
    const rows = runs.map((res) => figuresOf(res, ex.row));
    const idealS = rows[0]?.idealS ?? NaN;
    const wall = summary(rows.map((r) => r.wallS));
    const overhead = summary(rows.map((r) => r.overheadMs));
    const py = python?.examples[ex.id];
    const pySpawn = python?.spawn.examples[ex.id];
    out.push({
      id: ex.id,
      title: ex.title,
      url: `/?${ex.query}`,
      strategy: ex.row,
      idealS,
      wallS: rows.map((r) => r.wallS),
      wall,
      overheadMs: overhead,
      breakdownMedianMs: breakdownMedian(rows),
      cpython: py ? { wall: py.wall, overheadMs: py.overheadMs } : null,
      cpythonSpawn: pySpawn ? { wall: pySpawn.wall, overheadMs: pySpawn.overheadMs } : null,
      ratio: py ? overhead.median / py.overheadMs : null,
    });
    log(`fidelity ${ex.id}: median ${wall.median.toFixed(3)} s (overhead ${overhead.median.toFixed(0)} ms)`);
  }
  return out;
}
