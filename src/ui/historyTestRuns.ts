// Run files for History's unit tests: what a sleep run of the given strategies measured, built the
// way toRunFile writes them (each strategy's block after the one before).
import type { RunFile, RunFileEvent } from '../engine/runFile';
import type { StrategyName } from '../engine/types';

export interface TestStrategy {
  readonly strategy: StrategyName;
  /** Wall-clock of each repetition, ms. */
  readonly wallsMs: readonly number[];
  readonly status?: 'done' | 'stopped' | 'failed';
}

/** A run with one task per repetition of each strategy, lasting that repetition's wall-clock, made at `createdAt`. */
export function testRun(
  blocks: readonly TestStrategy[],
  { createdAt = '2026-11-27T10:42:07.000Z', tasks = [0.2, 0.2], workers = 2, stopped = false } = {},
): RunFile {
  const events: RunFileEvent[] = [];
  let t = 0;
  for (const { strategy, wallsMs, status = 'done' } of blocks) {
    for (const wallMs of wallsMs) {
      events.push({ type: 'strategy-start', strategy, tMs: t });
      events.push({ type: 'task-start', strategy, task: 1, worker: 1, tMs: t + 1 });
      events.push({ type: 'task-end', strategy, task: 1, worker: 1, tMs: t + wallMs - 1 });
      events.push({ type: 'strategy-end', strategy, tMs: t + wallMs, status });
      t += wallMs + 3;
    }
  }
  const strategies = [...new Set(blocks.map((b) => b.strategy))];
  const repeat = Math.max(...blocks.map((b) => b.wallsMs.length));
  return {
    format: 'parallel-playground-run',
    version: 1,
    source: { kind: 'browser', label: 'Chromium 156', createdAt, tool: 'Parallel Playground' },
    config: { kind: 'sleep', tasks, strategies, workers, order: 'completed', repeat, fail: [], predict: {} },
    environment: { cores: 2 },
    status: stopped ? 'stopped' : 'done',
    events,
  };
}
