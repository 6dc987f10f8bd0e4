import { describe, expect, it } from 'vitest';
import { resultsInQueueOrder, startsInQueueOrder } from './queueOrder';
import type { RunEvent } from './types';

const start = (task: number, tMs = task): RunEvent => ({ type: 'task-start', strategy: 'pool', task, worker: 1, tMs });
const end = (task: number, tMs = 100 + task): RunEvent => ({
  type: 'task-end',
  strategy: 'pool',
  task,
  worker: 1,
  tMs,
});
const error = (task: number): RunEvent => ({
  type: 'task-error',
  strategy: 'pool',
  task,
  worker: 0,
  tMs: 200,
  message: 'BrokenProcessPool',
});
const result = (task: number): RunEvent => ({ type: 'task-result', strategy: 'pool', task, tMs: 300 });

/** What reached the inner emit, as short strings: `start 1`, `end 2` (tasks 0-based). */
function collect() {
  const seen: string[] = [];
  const ordered = startsInQueueOrder((e) => seen.push(`${e.type.replace('task-', '')} ${'task' in e ? e.task : ''}`));
  return { seen, ...ordered };
}

describe('startsInQueueOrder', () => {
  it('passes starts through at once when they come in queue order', () => {
    const o = collect();
    o.emit(start(0));
    expect(o.seen).toEqual(['start 0']);
    o.emit(start(1));
    o.emit(start(2));
    expect(o.seen).toEqual(['start 0', 'start 1', 'start 2']);
  });

  it('holds a start whose earlier task’s report is still on its way, then sends both in task order', () => {
    const o = collect();
    o.emit(start(1, 5));
    expect(o.seen).toEqual([]);
    o.emit(start(0, 6));
    expect(o.seen).toEqual(['start 0', 'start 1']);
  });

  it('keeps each start event as measured (only the order changes)', () => {
    const events: RunEvent[] = [];
    const o = startsInQueueOrder((e) => events.push(e));
    o.emit(start(1, 5));
    o.emit(start(0, 6));
    expect(events).toEqual([start(0, 6), start(1, 5)]);
  });

  it('never holds a start past any other event: the held ones go first, in task order', () => {
    const o = collect();
    o.emit(start(0));
    o.emit(start(2));
    o.emit(start(3));
    expect(o.seen).toEqual(['start 0']);
    o.emit(end(0));
    expect(o.seen).toEqual(['start 0', 'start 2', 'start 3', 'end 0']);
    // Task 1's late start goes out as soon as it comes; nothing waits for it any more.
    o.emit(start(1));
    expect(o.seen.at(-1)).toBe('start 1');
    o.emit(start(4));
    expect(o.seen.at(-1)).toBe('start 4');
  });

  it('a task that ended without starting (a broken pool’s queued task) does not hold later starts', () => {
    const o = collect();
    o.emit(error(0));
    o.emit(start(1));
    expect(o.seen).toEqual(['error 0', 'start 1']);
  });

  it('results and other events are never delayed', () => {
    const o = collect();
    o.emit(start(1));
    o.emit(result(0));
    expect(o.seen).toEqual(['start 1', 'result 0']);
  });

  it('flush sends whatever is still held, in task order, once', () => {
    const o = collect();
    o.emit(start(3));
    o.emit(start(2));
    o.flush();
    o.flush();
    expect(o.seen).toEqual(['start 2', 'start 3']);
  });
});

describe('resultsInQueueOrder (executor.map)', () => {
  it('delivers each result once, in submission order, as soon as every earlier one has ended', () => {
    const delivered: number[] = [];
    const ended = resultsInQueueOrder((task) => delivered.push(task));
    ended(2);
    expect(delivered).toEqual([]);
    ended(1);
    expect(delivered).toEqual([]);
    ended(0);
    expect(delivered).toEqual([0, 1, 2]);
    ended(4);
    expect(delivered).toEqual([0, 1, 2]);
    ended(3);
    expect(delivered).toEqual([0, 1, 2, 3, 4]);
  });

  it('in order already: each result at once', () => {
    const delivered: number[] = [];
    const ended = resultsInQueueOrder((task) => delivered.push(task));
    for (const task of [0, 1, 2]) {
      ended(task);
      expect(delivered.at(-1)).toBe(task);
    }
  });

  it('a task that never ends holds every later result back', () => {
    const delivered: number[] = [];
    const ended = resultsInQueueOrder((task) => delivered.push(task));
    ended(0);
    ended(2);
    ended(3);
    expect(delivered).toEqual([0]);
  });
});
