// The order in which the program sees what happens to its tasks: the order they were handed out
// (queue order), as Python prints and returns them, whatever order the Workers' messages arrive in.
import type { RunEvent } from './types';

type Emit = (event: RunEvent) => void;

/**
 * An emit that prints "started" lines in the order the tasks were handed out (the pool's queue,
 * the processes' start() loop). Tasks handed out together start within milliseconds on different
 * Workers, whose reports can cross on the way; the bars keep each start's measured time. A start
 * is held only while an earlier task's start report is still on its way, and never past any other
 * event: everything held goes out, in task order, before the next end, error or result, so no
 * other line is ever delayed. Returns the emit and a flush for the end.
 */
export function startsInQueueOrder(emit: Emit): { emit: Emit; flush: () => void } {
  const held = new Map<number, RunEvent>();
  const out = new Set<number>();
  let next = 0;
  const send = (event: RunEvent, task: number): void => {
    held.delete(task);
    out.add(task);
    emit(event);
  };
  const release = (): void => {
    for (;;) {
      const event = held.get(next);
      if (event) send(event, next);
      else if (!out.has(next)) return;
      next += 1;
    }
  };
  const flush = (): void => {
    if (held.size === 0) return;
    for (const task of [...held.keys()].sort((a, b) => a - b)) {
      const event = held.get(task);
      if (event) send(event, task);
    }
  };
  const push = (event: RunEvent): void => {
    if (event.type === 'task-start') {
      held.set(event.task, event);
      release();
      return;
    }
    flush();
    if (event.type === 'task-end' || event.type === 'task-error') out.add(event.task);
    emit(event);
    release();
  };
  return { emit: push, flush };
}

/**
 * `executor.map`'s order: results handed back in submission order, each waiting for all earlier
 * ones. Returns a `collect(task)` to call as each task (0-based) ends; `deliver` is called once
 * per task, in task order, as soon as it and every task before it have ended.
 */
export function resultsInQueueOrder(deliver: (task: number) => void): (task: number) => void {
  const collected = new Set<number>();
  let delivered = 0;
  return (task) => {
    collected.add(task);
    while (collected.has(delivered)) {
      collected.delete(delivered);
      deliver(delivered);
      delivered += 1;
    }
  };
}
