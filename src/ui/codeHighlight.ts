// Code that moves with the picture: which lines of the Python and of the TypeScript produced the
// moment a replay stands at (a task starting, running, completing, a strategy's end), or belong to
// the task whose bar is pointed at.
import type { RunState } from '../engine/reducer';
import type { ReplayEvent } from '../engine/replay';

export type CodeMoment = 'started' | 'running' | 'completed' | 'finished';

/** The Python lines of each moment, in the chapter's code and in the equivalent programs. */
const PYTHON: Record<CodeMoment, RegExp> = {
  // A process's start() starts its task; join() waits for it to complete (the chapter's examples
  // 2 and 3 reuse example 1's task() without printing it again).
  started: /print\(f"(Task \{sr_no\} started|Sleeping for)|\.start\(\)/,
  running: /time\.sleep\(|for i in range\(/,
  completed: /print\(f"(Task \{sr_no\} completed|Done sleeping)|f\.result\(\)|in executor\.map\(|\.join\(\)/,
  finished: /Execution Time/,
};

/** The TypeScript lines that really ran for each moment (the code pane shows them, codeSource.ts). */
const TYPESCRIPT: Record<CodeMoment, RegExp> = {
  started: /^\s*started\(\);|beforeFirstYield: started/,
  running: /setTimeout\(resolve|computeSliced\(/,
  completed: /return \{ startMs, endMs: now\(\), readyMs, \.\.\.outcome \}/,
  finished: /^\s*return (await )?joinAll\(|^\s*return outcomes;/,
};

/** A task's own lines: what its bar stands for. */
export const TASK_MOMENTS: readonly CodeMoment[] = ['started', 'running', 'completed'];

/** 0-based numbers of the lines of `code` (Python or TypeScript) that belong to `moments`. */
export function linesOf(code: string, language: 'python' | 'typescript', moments: readonly CodeMoment[]): number[] {
  const patterns = moments.map((m) => (language === 'python' ? PYTHON : TYPESCRIPT)[m]);
  return code.split('\n').flatMap((line, i) => (patterns.some((p) => p.test(line)) ? [i] : []));
}

function momentOf(kind: ReplayEvent['kind']): CodeMoment | null {
  switch (kind) {
    case 'strategy-start':
      return null;
    case 'task-start':
      return 'started';
    case 'task-end':
      return 'completed';
    case 'strategy-end':
      return 'finished';
  }
}

/**
 * The moment a replay at clock time `atMs` shows: the event it stands on (after a step), else
 * `running` while a task runs, else the last event before it.
 */
export function momentAt(events: readonly ReplayEvent[], shown: RunState, atMs: number): CodeMoment | null {
  const last = events.findLast((e) => e.tMs <= atMs + 0.5);
  if (!last) return null;
  if (atMs - last.tMs <= 0.5) return momentOf(last.kind);
  const running = shown.strategies.some((r) => r.bars.some((b) => b.status === 'running'));
  return running ? 'running' : momentOf(last.kind);
}
