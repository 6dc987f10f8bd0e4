import { describe, expect, it } from 'vitest';
import { runConfig as config } from './testing/runConfig';
import { initialRunState, reduce, type RunState, type StoreEvent } from './reducer';
import type { RunConfig } from './types';

const fold = (events: readonly StoreEvent[], c: RunConfig = config()): RunState =>
  events.reduce(reduce, initialRunState(c, 2));

describe('reduce: structured Console lines', () => {
  it('gives each line its strategy, kind, 0-based task, clock time and the exact printed text', () => {
    const state = fold([
      { type: 'strategy-start', strategy: 'pool', tMs: 1000 },
      { type: 'worker-spawn', strategy: 'pool', worker: 1, tMs: 1001 },
      { type: 'task-start', strategy: 'pool', task: 0, worker: 1, tMs: 1040 },
      { type: 'task-start', strategy: 'pool', task: 1, worker: 1, tMs: 1050 },
      { type: 'task-end', strategy: 'pool', task: 1, worker: 1, tMs: 2050 },
      { type: 'task-error', strategy: 'pool', task: 0, worker: 1, tMs: 3040, message: 'Error: boom' },
      { type: 'strategy-end', strategy: 'pool', tMs: 3041, status: 'failed' },
    ]);
    expect(state.console).toEqual([
      { id: 0, strategy: 'pool', kind: 'started', task: 0, tMs: 1040, text: '[pool] Task 1 started' },
      { id: 1, strategy: 'pool', kind: 'started', task: 1, tMs: 1050, text: '[pool] Task 2 started' },
      { id: 2, strategy: 'pool', kind: 'completed', task: 1, tMs: 2050, text: '[pool] Task 2 completed' },
      { id: 3, strategy: 'pool', kind: 'raised', task: 0, tMs: 3040, text: '[pool] Task 1 raised Error: boom' },
      { id: 4, strategy: 'pool', kind: 'time', tMs: 3041, text: '[pool] Execution Time: 2.04 seconds' },
    ]);
  });

  it('a strategy-wide line has no task; a stopped strategy prints `stopped`', () => {
    const state = fold([
      { type: 'strategy-start', strategy: 'threads', tMs: 0 },
      { type: 'task-start', strategy: 'threads', task: 0, worker: 1, tMs: 5 },
      { type: 'strategy-end', strategy: 'threads', tMs: 1234, status: 'stopped' },
    ]);
    const last = state.console.at(-1);
    expect(last).toEqual({
      id: 1,
      strategy: 'threads',
      kind: 'stopped',
      tMs: 1234,
      text: '[threads] Stopped after 1.23 seconds',
    });
    expect(last && 'task' in last).toBe(false);
  });

  it('prints `Run n of m` (run-of) at each repetition, and results (result) for executor.map', () => {
    const state = fold(
      [
        { type: 'strategy-start', strategy: 'pool', tMs: 0 },
        { type: 'task-start', strategy: 'pool', task: 0, worker: 1, tMs: 10 },
        { type: 'task-end', strategy: 'pool', task: 0, worker: 1, tMs: 500 },
        { type: 'task-result', strategy: 'pool', task: 0, tMs: 501 },
        { type: 'strategy-end', strategy: 'pool', tMs: 502, status: 'done' },
        { type: 'strategy-start', strategy: 'pool', tMs: 600 },
      ],
      config({ durationsS: [0.5], repeat: 2, order: 'submitted' }),
    );
    expect(state.console.map((l) => [l.kind, l.task, l.tMs, l.text])).toEqual([
      ['run-of', undefined, 0, '[pool] Run 1 of 2'],
      ['started', 0, 10, '[pool] Task 1 started'],
      ['completed', 0, 500, '[pool] Task 1 completed'],
      ['result', 0, 501, '[pool] Result of task 1 received'],
      ['time', undefined, 502, '[pool] Execution Time: 0.50 seconds'],
      ['run-of', undefined, 600, '[pool] Run 2 of 2'],
    ]);
    expect(state.console.map((l) => l.id)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('the text is always `[strategy] …`, tagged with the line’s own strategy', () => {
    const state = fold(
      [
        { type: 'strategy-start', strategy: 'sequential', tMs: 0 },
        { type: 'task-start', strategy: 'sequential', task: 0, worker: 1, tMs: 1 },
        { type: 'task-end', strategy: 'sequential', task: 0, worker: 1, tMs: 2 },
        { type: 'strategy-end', strategy: 'sequential', tMs: 3, status: 'done' },
        { type: 'strategy-start', strategy: 'processes', tMs: 4 },
        { type: 'task-start', strategy: 'processes', task: 0, worker: 1, tMs: 5 },
      ],
      config({ durationsS: [1], strategies: ['sequential', 'processes'] }),
    );
    for (const line of state.console) expect(line.text.startsWith(`[${line.strategy}] `)).toBe(true);
    expect(state.console.map((l) => l.strategy)).toEqual(['sequential', 'sequential', 'sequential', 'processes']);
  });

  it('events of a strategy that never started print nothing', () => {
    const state = fold([{ type: 'task-start', strategy: 'pool', task: 0, worker: 1, tMs: 1 }]);
    expect(state.console).toEqual([]);
    expect(state.strategies).toEqual([]);
  });
});

describe('reduce: runs and bars', () => {
  it('times bars, spawns and results from the strategy’s start, and widens lanes to the workers seen', () => {
    const state = fold(
      [
        { type: 'strategy-start', strategy: 'pool', tMs: 1000 },
        { type: 'worker-spawn', strategy: 'pool', worker: 4, tMs: 1010 },
        { type: 'task-start', strategy: 'pool', task: 0, worker: 4, tMs: 1500, submittedMs: 1400, readyMs: 1200 },
        { type: 'task-end', strategy: 'pool', task: 0, worker: 4, tMs: 2500, cpuMs: 990, returnMs: 2 },
        { type: 'task-result', strategy: 'pool', task: 0, tMs: 2600 },
      ],
      config({ durationsS: [1], workers: 1 }),
    );
    const [run] = state.strategies;
    expect(run?.lanes).toBe(4);
    expect(run?.spawns).toEqual([{ worker: 4, atS: 0.01 }]);
    expect(run?.results).toEqual([{ task: 0, atS: 1.6 }]);
    expect(run?.bars).toEqual([
      {
        task: 0,
        worker: 4,
        startS: 0.5,
        endS: 1.5,
        status: 'done',
        submittedS: 0.4,
        readyS: 0.2,
        cpuMs: 990,
        returnMs: 2,
      },
    ]);
  });

  it('a strategy end closes running bars as stopped at the wall-clock; run-end sets the phase', () => {
    const state = fold([
      { type: 'strategy-start', strategy: 'pool', tMs: 0 },
      { type: 'task-start', strategy: 'pool', task: 2, worker: 1, tMs: 100 },
      { type: 'strategy-end', strategy: 'pool', tMs: 700, status: 'stopped' },
      { type: 'run-end', stopped: true },
    ]);
    expect(state.phase).toBe('stopped');
    expect(state.strategies[0]).toMatchObject({ status: 'stopped', wallS: 0.7 });
    expect(state.strategies[0]?.bars).toEqual([{ task: 2, worker: 1, startS: 0.1, endS: 0.7, status: 'stopped' }]);
  });
});
