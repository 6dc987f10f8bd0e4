import { taskKind, type TaskKind } from '../engine/taskKinds';

/** Tasks above which a run counts as large: it redraws less often, so drawing never starves it. */
export const LARGE_RUN_TASKS = 200;

/**
 * How often a run may redraw, ms: every frame for a class-sized run, a few times a second for a
 * large one, and rarely when its tasks need every core (drawing would take one from them).
 */
export function redrawEveryMs(tasks: number, kind: TaskKind): number {
  if (taskKind(kind).needsCore) return 250;
  return tasks > LARGE_RUN_TASKS ? 200 : 33;
}
