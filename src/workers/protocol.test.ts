import { describe, expect, it } from 'vitest';
import type { TaskSpec } from '../engine/types';
import { decodeReport, decodeRun, encodeEnded, encodeRun, encodeStarted } from './protocol';

describe('task channel messages', () => {
  it('carries a task to the Worker unchanged', () => {
    const tasks: TaskSpec[] = [
      { index: 0, kind: 'sleep', durationS: 3 },
      { index: 7, kind: 'cpu', durationS: 0.000001 },
      { index: 999, kind: 'cpu', durationS: 60, fail: true },
    ];
    for (const [i, task] of tasks.entries()) {
      const message = encodeRun(i + 40, task, 123.5);
      expect(message.every((v) => typeof v === 'number')).toBe(true);
      expect(decodeRun(structuredClone(message))).toEqual({ callId: i + 40, task, unitsPerMs: 123.5 });
    }
  });

  it('carries starts, ends and raised errors back to the page', () => {
    expect(decodeReport(structuredClone(encodeStarted(5, 1000.25, 990)))).toEqual({ type: 'started', callId: 5, startMs: 1000.25, readyMs: 990 });
    const ended = { startMs: 1000.25, endMs: 2000.5, readyMs: 990 };
    expect(decodeReport(structuredClone(encodeEnded(6, ended)))).toEqual({ type: 'ended', callId: 6, outcome: ended });
    const raised = { ...ended, raised: { name: 'Error', message: 'task 2 failed on purpose' } };
    expect(decodeReport(structuredClone(encodeEnded(7, raised)))).toEqual({ type: 'ended', callId: 7, outcome: raised });
  });
});
