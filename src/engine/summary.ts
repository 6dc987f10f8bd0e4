import { measuredSequentialS } from './breakdown';
import type { ResultRow } from './selectors';
import { STRATEGY_LABELS, type RunConfig } from './types';

const s2 = (x: number): string => `${x.toFixed(2)} s`;

/** How the strategy ran, in a few words: "with 3 workers", "on one event loop". */
function how(row: ResultRow, config: RunConfig): string {
  const n = config.durationsS.length;
  switch (row.name) {
    case 'sequential':
      return 'one task after another';
    case 'processes':
      return `with ${n} Worker${n === 1 ? '' : 's'}, one per task`;
    case 'pool':
      return `with ${config.workers} worker${config.workers === 1 ? '' : 's'}`;
    case 'threads':
      return 'on one event loop';
  }
}

/**
 * One sentence per finished strategy, for the run summary that a screen reader announces after a
 * run, e.g. "Pool: 3.04 s with 3 workers, 1.97× faster than running the tasks one after another."
 * The comparison is with the sequential run measured in the same Run; without one, with the sum of
 * the task durations, and it says so.
 */
export function runSummary(rows: readonly ResultRow[], config: RunConfig): string[] {
  const sequentialS = measuredSequentialS(rows);
  const sumS = config.durationsS.reduce((a, b) => a + b, 0);
  return rows.map((row) => {
    const label = STRATEGY_LABELS[row.name];
    if (row.status === 'stopped') return `${label}: stopped after ${s2(row.wallS)}.`;
    if (row.status === 'failed') return `${label}: failed after ${s2(row.wallS)}: a task raised or a Worker died.`;
    const head = `${label}: ${s2(row.wallS)} ${how(row, config)}`;
    if (row.name === 'sequential' || !(row.wallS > 0)) return `${head}.`;
    const [base, against] =
      sequentialS !== null
        ? [sequentialS, 'running the tasks one after another']
        : [sumS, `the tasks’ total of ${s2(sumS)} (no sequential run was measured)`];
    const x = base / row.wallS;
    if (x.toFixed(2) === '1.00') return `${head}, about as fast as ${against}.`;
    return x > 1
      ? `${head}, ${x.toFixed(2)}× faster than ${against}.`
      : `${head}, slower than ${against}: ${x.toFixed(2)}× its speed.`;
  });
}
