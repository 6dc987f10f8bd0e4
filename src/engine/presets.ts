import { LIMITS, type RawFields } from './config';
import { isTaskListError, parseTaskList } from './taskList';

/** One of the chapter's examples, ready to load into the controls. */
export interface Preset {
  readonly id: string;
  /** Button text, e.g. `4 · ProcessPool + as_completed`. */
  readonly label: string;
  /** Control values it sets; `workers: undefined` means "as many as the machine has cores". */
  readonly fields: {
    readonly kind: string;
    readonly tasks: string;
    readonly strategies: string;
    readonly workers: string | undefined;
  };
  /** What to look for, in one or two sentences. */
  readonly lesson: string;
  /** What the chapter printed, for comparison. */
  readonly chapterTime: string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'sequential',
    label: '1 · task(1); task(2)',
    fields: { kind: 'sleep', tasks: '1,1', strategies: 'sequential', workers: undefined },
    lesson: 'Task 2 starts only when task 1 has finished: the times add up.',
    chapterTime: 'Execution Time: 2.00 seconds',
  },
  {
    id: 'two-processes',
    label: '2 · two Processes',
    fields: { kind: 'sleep', tasks: '1,1', strategies: 'processes', workers: undefined },
    lesson:
      'Both tasks start before either completes: they wait side by side. Starting each Worker costs a little, like starting a process.',
    chapterTime: 'Execution Time: 1.02 seconds',
  },
  {
    id: 'five-processes',
    label: '3 · five Processes in a loop',
    fields: { kind: 'sleep', tasks: '1,1,1,1,1', strategies: 'processes', workers: undefined },
    lesson:
      'Five sleeping tasks still take about one second: waiting needs no CPU core, so even a 2-core machine overlaps them all.',
    chapterTime: 'For Loop Execution Time: 1.00 seconds',
  },
  {
    id: 'pool',
    label: '4 · ProcessPool + as_completed',
    fields: { kind: 'sleep', tasks: '3,2,1', strategies: 'pool', workers: '3' },
    lesson:
      'Results arrive as they complete: 1 s, then 2 s, then 3 s, and the total is the longest task. The chapter’s machine had at least 3 cores, so its pool had 3 workers. Try Pool workers = 2 (CPython’s default on a 2-core machine) and watch the order change.',
    chapterTime: 'ProcessPool Execution Time: 3.00 seconds',
  },
  {
    id: 'cpu',
    label: '5 · CPU-bound: processes vs threads',
    fields: { kind: 'cpu', tasks: '1,1', strategies: 'sequential,pool,threads', workers: undefined },
    lesson:
      'Computing needs a core. A pool of Workers uses every core and finishes sooner; threads on one event loop (like Python threads under the GIL) take turns and are no faster than sequential.',
    chapterTime: 'Multiprocessing is ideal for CPU-bound tasks',
  },
];

/** The task list's durations, or null when the text is not a valid list. */
function durationsOf(text: string | undefined): readonly number[] | null {
  if (text === undefined) return null;
  const parsed = parseTaskList(text, LIMITS);
  return isTaskListError(parsed) ? null : parsed;
}

const sameList = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The preset whose tasks, kind and strategies match (any pool size), so the UI can show its lesson.
 * Tasks match by their durations, however written: `1*5` is preset 3's `1,1,1,1,1`.
 */
export function matchPreset(fields: RawFields): Preset | undefined {
  const tasks = durationsOf(fields.tasks);
  if (tasks === null) return undefined;
  return PRESETS.find(
    (p) =>
      p.fields.kind === fields.kind &&
      p.fields.strategies === fields.strategies &&
      sameList(durationsOf(p.fields.tasks) ?? [], tasks),
  );
}
