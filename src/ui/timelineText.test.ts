import { describe, expect, it } from 'vitest';
import { idealSchedule } from '../engine/ideal';
import type { StrategyRun } from '../engine/reducer';
import { barLabel, laneLabel, subtitle, timelineStatus } from './timelineText';

describe('timeline words', () => {
  it('names a bar as the contract says, with how it ended', () => {
    const bar = { task: 0, worker: 2, startS: 0.04, endS: 3.051, status: 'done' } as const;
    expect(barLabel(bar, null)).toBe('Task 1 on worker 2: 0.04–3.05 s');
    expect(barLabel({ ...bar, endS: null, status: 'running' }, 1.5)).toBe('Task 1 on worker 2: 0.04–1.50 s (running)');
    expect(barLabel({ ...bar, status: 'error', message: 'Error: boom' }, null)).toBe(
      'Task 1 on worker 2: 0.04–3.05 s (raised Error: boom)',
    );
  });

  it('says what a timeline is waiting for, doing or did', () => {
    const ideal = idealSchedule('pool', { kind: 'sleep', durationsS: [3, 2, 1], workers: 3 }, 2);
    expect(timelineStatus(undefined, ideal, null)).toBe('waiting · ideal 3.00 s');
    const run = { status: 'running', wallS: null } as unknown as StrategyRun;
    expect(timelineStatus(run, ideal, 1.2)).toBe('running · 1.20 s');
    expect(timelineStatus({ ...run, status: 'failed', wallS: 3.04 }, ideal, null)).toBe(
      '3.04 s measured · 3.00 s ideal · failed',
    );
    expect(timelineStatus({ ...run, status: 'done', wallS: 3.04 }, ideal, null)).toBe('3.04 s measured · 3.00 s ideal');
  });

  it('labels lanes and strategies', () => {
    expect([laneLabel('sequential', 1), laneLabel('threads', 1), laneLabel('pool', 3)]).toEqual([
      'Warm worker',
      'One event loop',
      'Worker 3',
    ]);
    expect(subtitle('processes', 3, 1)).toBe('1 new Worker, one per task, start-up timed');
    expect(subtitle('pool', 2, 5)).toBe('a pool of 2 Workers, start-up timed');
  });
});
