import { describe, expect, it } from 'vitest';
import { pythonFor } from '../engine/python';
import { PRESETS } from '../engine/presets';
import { replayEvents, replaySpan, replayStateAt } from '../engine/replay';
import { TASK_KINDS } from '../engine/taskKinds';
import { setup, sleep } from '../engine/testing/strategyRun';
import { typescriptFor } from './codeSource';
import { linesOf, momentAt, type CodeMoment } from './codeHighlight';

const MOMENTS: readonly CodeMoment[] = ['started', 'running', 'completed', 'finished'];

describe('code that moves with the picture', () => {
  it('finds each moment’s lines in the chapter’s code and in every equivalent program', () => {
    const programs = [
      ...PRESETS.map((p) =>
        pythonFor(
          { kind: p.fields.kind === 'cpu' ? 'cpu' : 'sleep', durationsS: [1], strategies: ['pool'], workers: 3 },
          p,
        ),
      ),
      ...TASK_KINDS.map((kind) =>
        pythonFor(
          { kind, durationsS: [1, 2], strategies: ['sequential', 'processes', 'pool', 'threads'], workers: 2 },
          undefined,
        ),
      ),
    ];
    for (const py of programs) {
      // The chapter's examples 2 and 3 reuse example 1's task() without printing it: no sleep line.
      const moments = py.includes('def task') ? MOMENTS : MOMENTS.filter((m) => m !== 'running');
      for (const moment of moments)
        expect(linesOf(py, 'python', [moment]).length, `${moment} in\n${py}`).toBeGreaterThan(0);
    }
    const py = programs.at(-1) ?? '';
    const lines = py.split('\n');
    expect(linesOf(py, 'python', ['started']).map((i) => lines[i]?.trim())).toEqual([
      'print(f"Task {sr_no} started")',
      'p.start()',
      't.start()',
    ]);
    expect(linesOf(py, 'python', ['running']).map((i) => lines[i]?.trim())).toEqual([
      'for i in range(int(seconds * STEPS_PER_SECOND)):  # computes: needs a core',
    ]);
  });

  it('finds the TypeScript that really ran for each moment, for every kind and strategy', () => {
    for (const kind of TASK_KINDS) {
      const ts = typescriptFor(['sequential', 'processes', 'pool', 'threads'], kind);
      for (const moment of MOMENTS)
        expect(linesOf(ts, 'typescript', [moment]).length, `${kind} ${moment}`).toBeGreaterThan(0);
    }
  });

  it('a replay stands on the event it stepped to, and shows a task running between events', async () => {
    const s = setup(sleep([3, 2, 1], ['pool'], 3));
    await s.run();
    const state = s.store.getState();
    const events = replayEvents(state);
    const { startMs, endMs } = replaySpan(state);
    const at = (ms: number) => momentAt(events, replayStateAt(state, ms), ms);
    expect(at(startMs)).toBe('started');
    expect(at(startMs + 500)).toBe('running');
    expect(at(startMs + 1000)).toBe('completed');
    expect(at(endMs)).toBe('finished');
    expect(at(startMs - 10)).toBeNull();
  });
});
