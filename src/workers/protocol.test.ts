import { describe, expect, it } from 'vitest';
import type { TaskSpec } from '../engine/types';
import { compileKernel } from './kernel';
import {
  ALIVE,
  decodeKernel,
  decodeReport,
  decodeRun,
  encodeEnded,
  encodeKernel,
  encodeRun,
  encodeStarted,
} from './protocol';

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
    expect(decodeReport(structuredClone(encodeStarted(5, 1000.25, 990)))).toEqual({
      type: 'started',
      callId: 5,
      startMs: 1000.25,
      readyMs: 990,
    });
    const ended = { startMs: 1000.25, endMs: 2000.5, readyMs: 990 };
    expect(decodeReport(structuredClone(encodeEnded(6, ended)))).toEqual({ type: 'ended', callId: 6, outcome: ended });
    const raised = { ...ended, raised: { name: 'Error', message: 'task 2 failed on purpose' } };
    expect(decodeReport(structuredClone(encodeEnded(7, raised)))).toEqual({
      type: 'ended',
      callId: 7,
      outcome: raised,
    });
  });

  it('carries a cpu task\'s compute time, and "alive" notes', () => {
    const ended = { startMs: 1, endMs: 1001, readyMs: 0, cpuMs: 998.5 };
    expect(decodeReport(structuredClone(encodeEnded(8, ended)))).toEqual({ type: 'ended', callId: 8, outcome: ended });
    const raised = { ...ended, raised: { name: 'Error', message: 'boom' } };
    expect(decodeReport(structuredClone(encodeEnded(9, raised)))).toEqual({
      type: 'ended',
      callId: 9,
      outcome: raised,
    });
    expect(decodeReport(structuredClone(ALIVE))).toEqual({ type: 'alive' });
  });

  it('hands every Worker the compiled kernel, and tells it apart from a task', () => {
    const module = compileKernel();
    expect(decodeKernel(encodeKernel(module))).toBe(module);
    expect(decodeKernel(encodeRun(0, { index: 0, kind: 'cpu', durationS: 1 }, 1))).toBeNull();
  });
});
