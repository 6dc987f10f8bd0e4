import { describe, expect, it } from 'vitest';
import { idealSchedule } from './ideal';
import { predictionSentence } from './predict';
import type { ResultRow } from './store';
import type { RunConfig } from './types';

const config: RunConfig = { kind: 'sleep', durationsS: [3, 2, 1], strategies: ['sequential', 'pool'], workers: 2 };

function row(name: ResultRow['name'], wallS: number): ResultRow {
  const ideal = idealSchedule(name, config, 2);
  const run = {
    name,
    rep: 0,
    results: [],
    t0Ms: 0,
    status: 'done' as const,
    bars: [],
    spawns: [],
    lanes: 1,
    wallS,
    ideal,
  };
  return {
    name,
    label: name,
    status: 'done',
    wallS,
    idealS: ideal.totalS,
    overheadMs: (wallS - ideal.totalS) * 1000,
    speedup: 6 / wallS,
    runs: 1,
    minS: wallS,
    maxS: wallS,
    run,
  };
}

describe('predictionSentence', () => {
  it('says spot on within 10 %', () => {
    expect(predictionSentence(row('sequential', 6.01), 6, config, 2)).toBe(
      'Sequential: you predicted 6.00 s, it took 6.01 s — spot on: the model gives 6.00 s because one after another, the times add up, and 10 ms went to starting Workers and messages.',
    );
  });

  it('explains a pool that queues when the class expected full parallelism', () => {
    expect(predictionSentence(row('pool', 3.04), 1.5, config, 2)).toBe(
      'Pool: you predicted 1.50 s, it took 3.04 s — slower than you thought: the model gives 3.00 s because 2 workers take the 3 tasks in turn, so tasks queue, and 40 ms went to starting Workers and messages.',
    );
  });

  it('says faster than you thought when the class over-estimated', () => {
    expect(predictionSentence(row('pool', 3.04), 6, config, 2)).toMatch(
      /^Pool: you predicted 6\.00 s, it took 3\.04 s — faster than you thought: the model gives 3\.00 s/,
    );
  });
});
