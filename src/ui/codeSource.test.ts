import { describe, expect, it } from 'vitest';
import { TASK_KINDS } from '../engine/taskKinds';
import { typescriptFor, WORKLOAD_FILES, workloadSource } from './codeSource';

describe('the TypeScript shown beside the Python', () => {
  it("shows each kind's own workload file, as written, after the strategies and the Worker's task", () => {
    for (const kind of TASK_KINDS) {
      expect(workloadSource(kind)).toContain(`export const ${kind}: Workload`);
      const ts = typescriptFor(['sequential', 'pool'], kind);
      const order = [
        'async function sequential(',
        'async function pool(',
        'async function run(',
        `// src/workers/workloads/${kind}.ts`,
        `export const ${kind}: Workload`,
      ].map((needle) => ts.indexOf(needle));
      expect(order.every((at) => at >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(ts).not.toMatch(/^import /m);
    }
  });

  it('bundles the workload files and nothing else from that folder (no tests, no index)', () => {
    expect([...WORKLOAD_FILES].sort()).toEqual(TASK_KINDS.map((kind) => `../workers/workloads/${kind}.ts`).sort());
  });

  it('shows only the kind that runs', () => {
    expect(typescriptFor(['threads'], 'sleep')).not.toContain('computeSliced');
    expect(typescriptFor(['threads'], 'cpu')).toContain('computeSliced');
  });
});
