import { describe, expect, it } from 'vitest';
import { replayEvents, replaySpan, replayStateAt, stepFrom } from './replay';
import { setup, sleep } from './testing/strategyRun';

async function poolRun() {
  const s = setup(sleep([3, 2, 1], ['pool'], 3));
  await s.run();
  return s.store.getState();
}

const texts = (lines: readonly { text: string }[]) => lines.map((l) => l.text);

describe('replay: the recorded run at any instant', () => {
  it('cuts bars and the Console at the instant: what had started, what had completed', async () => {
    const state = await poolRun();
    const { startMs, endMs } = replaySpan(state);
    expect(endMs - startMs).toBe(3000);

    const at = replayStateAt(state, startMs + 1500);
    expect(at.phase).toBe('running');
    const pool = at.strategies[0];
    expect(pool?.status).toBe('running');
    expect(pool?.wallS).toBeNull();
    expect(pool?.bars.map((b) => [b.task, b.status, b.endS])).toEqual([
      [0, 'running', null],
      [1, 'running', null],
      [2, 'done', 1],
    ]);
    expect(texts(at.console)).toEqual([
      '[pool] Task 1 started',
      '[pool] Task 2 started',
      '[pool] Task 3 started',
      '[pool] Task 3 completed',
    ]);

    expect(texts(replayStateAt(state, startMs + 2500).console).at(-1)).toBe('[pool] Task 2 completed');
    expect(replayStateAt(state, endMs)).toEqual(state);
    expect(replayStateAt(state, startMs - 1).strategies).toEqual([]);
  });

  it('steps event by event, forward and back, and says what happened', async () => {
    const state = await poolRun();
    const events = replayEvents(state);
    const { startMs, endMs } = replaySpan(state);
    const visited: string[] = [];
    for (let t = startMs - 1, e = stepFrom(events, t, 'next'); e; t = e.tMs, e = stepFrom(events, t, 'next')) {
      visited.push(`${(e.tMs - startMs) / 1000}: ${e.says}`);
    }
    // The three starts share an instant with the strategy's start (no start-up cost here), so
    // stepping visits each instant once: 0, 1, 2, 3 s.
    expect(visited).toEqual([
      '0: Pool started',
      '1: task 3 completed on worker 3 (Pool)',
      '2: task 2 completed on worker 2 (Pool)',
      '3: task 1 completed on worker 1 (Pool)',
    ]);
    expect(events.filter((e) => e.tMs === startMs).map((e) => e.says)).toEqual([
      'Pool started',
      'task 1 started on worker 1 (Pool)',
      'task 2 started on worker 2 (Pool)',
      'task 3 started on worker 3 (Pool)',
    ]);
    expect(stepFrom(events, endMs, 'next')).toBeNull();
    expect(stepFrom(events, endMs, 'previous')?.says).toBe('task 2 completed on worker 2 (Pool)');
    expect(stepFrom(events, startMs, 'previous')).toBeNull();
  });
});
