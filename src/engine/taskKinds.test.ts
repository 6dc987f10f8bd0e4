import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { idealSchedule } from './ideal';
import { pythonFor } from './python';
import { concurrencyCap, isTaskKind, kindChoices, TASK_KIND_SPECS, TASK_KINDS } from './taskKinds';

describe('the task-kind registry', () => {
  it('has one entry per kind, and the URL accepts exactly those kinds', () => {
    expect(Object.keys(TASK_KIND_SPECS)).toEqual([...TASK_KINDS]);
    for (const kind of TASK_KINDS) {
      expect(isTaskKind(kind)).toBe(true);
      const parsed = parseConfig({ kind }, 2);
      expect(parsed.ok && parsed.config.kind).toBe(kind);
    }
    expect(isTaskKind('gpu')).toBe(false);
    const bad = parseConfig({ kind: 'gpu' }, 2);
    expect(bad.ok).toBe(false);
    expect(bad.errors[0]?.message).toBe(`Task kind: "gpu" is not a task kind; choose ${kindChoices()}`);
    expect(kindChoices()).toBe('sleep or cpu');
  });

  it('caps the ideal model by the cores only for kinds that need a core', () => {
    expect(concurrencyCap('sleep', 2)).toBe(Infinity);
    expect(concurrencyCap('cpu', 2)).toBe(2);
    expect(concurrencyCap('cpu', 0)).toBe(1);
    for (const kind of TASK_KINDS) {
      const ideal = idealSchedule('processes', { kind, durationsS: [1, 1, 1, 1], workers: 4 }, 2);
      expect(ideal.totalS).toBe(TASK_KIND_SPECS[kind].needsCore ? 2 : 1);
    }
  });

  it("puts each kind's Python task and constants into the equivalent program", () => {
    for (const kind of TASK_KINDS) {
      const spec = TASK_KIND_SPECS[kind];
      const py = pythonFor({ kind, durationsS: [1, 2], strategies: ['pool'], workers: 2 }, undefined);
      expect(py).toContain(spec.pythonTask);
      for (const line of spec.pythonConstants) expect(py).toContain(line);
    }
  });
});
