import type { ResultRow } from './store';
import { taskKind } from './taskKinds';
import { STRATEGY_LABELS, type RunConfig } from './types';

const s2 = (x: number): string => `${x.toFixed(2)} s`;

/** Why the ideal model gives what it gives, in a clause a student can check against the picture. */
function modelReason(row: ResultRow, config: RunConfig, cores: number): string {
  const n = config.durationsS.length;
  const cpu = taskKind(config.kind).needsCore;
  switch (row.name) {
    case 'sequential':
      return 'one after another, the times add up';
    case 'threads':
      return cpu
        ? 'CPU work on one event loop takes turns (like the GIL), so it adds up'
        : 'sleeping tasks on one event loop overlap, so the longest one decides';
    case 'processes':
      if (!cpu) return 'sleeping Workers all overlap, so the longest task decides';
      return n > cores
        ? `${n} CPU tasks share ${cores} cores`
        : 'each CPU task gets its own core, so the longest decides';
    case 'pool':
      if (cpu && config.workers > cores) return `${config.workers} workers share ${cores} cores`;
      return config.workers < n
        ? `${config.workers} workers take the ${n} tasks in turn, so tasks queue`
        : 'every task gets a worker, so the longest decides';
  }
}

/**
 * One sentence comparing a student's prediction with the measurement, explained by the ideal
 * model and the measured overhead, e.g. "Pool: you predicted 1.00 s, it took 3.04 s — slower: …".
 */
export function predictionSentence(row: ResultRow, predictedS: number, config: RunConfig, cores: number): string {
  const label = STRATEGY_LABELS[row.name];
  const tolerance = Math.max(0.1, row.wallS * 0.1);
  const head = `${label}: you predicted ${s2(predictedS)}, it took ${s2(row.wallS)}`;
  const model = `the model gives ${s2(row.idealS)} because ${modelReason(row, config, cores)}`;
  const overhead = Math.round(row.overheadMs);
  const extra = overhead > 0 ? `, and ${overhead} ms went to starting Workers and messages` : '';
  if (Math.abs(row.wallS - predictedS) <= tolerance) return `${head} — spot on: ${model}${extra}.`;
  if (Math.abs(row.idealS - predictedS) <= Math.max(0.05, row.idealS * 0.05)) {
    return `${head} — you found the ideal; the real run adds ${overhead} ms for starting Workers and messages.`;
  }
  const direction = predictedS < row.wallS ? 'slower than you thought' : 'faster than you thought';
  return `${head} — ${direction}: ${model}${extra}.`;
}
