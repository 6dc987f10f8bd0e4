import { describe, expect, it } from 'vitest';
import { TASK_KINDS } from '../../engine/taskKinds';
import type { TaskSpec } from '../../engine/types';
import { loadKernel, work } from '../cpuWork';
import { compileKernel } from '../kernel';
import { WORKLOADS, type WorkloadContext } from '.';

function context(task: TaskSpec, unitsPerMs = 0) {
  const calls = { started: 0, slices: 0 };
  const ctx: WorkloadContext = {
    task,
    unitsPerMs,
    started: () => (calls.started += 1),
    afterSlice: () => (calls.slices += 1),
  };
  return { ctx, calls };
}

describe('workloads, one per task kind', () => {
  it('has a workload for every kind of the registry', () => {
    expect(Object.keys(WORKLOADS).sort()).toEqual([...TASK_KINDS].sort());
  });

  it('sleep: reports its start at once, waits without computing, and hands back its payload', async () => {
    const payload = { rows: new Float64Array([1, 2]) };
    const { ctx, calls } = context({ index: 0, kind: 'sleep', durationS: 0.03, payload });
    const t0 = performance.now();
    const done = WORKLOADS.sleep(ctx);
    expect(calls.started).toBe(1);
    const outcome = await done;
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
    expect(outcome).toEqual({ result: payload });
    expect(outcome.result).toBe(payload);
    const { ctx: bare } = context({ index: 1, kind: 'sleep', durationS: 0.001 });
    expect(await WORKLOADS.sleep(bare)).toEqual({});
  });

  it('cpu: computes the calibrated amount in slices, reports its start at the first yield, and its compute time', async () => {
    loadKernel(compileKernel());
    // Rate measured here, the way calibration does it, so 40 ms of work is about 40 ms.
    const t0 = performance.now();
    work(2_000_000);
    const unitsPerMs = 2_000_000 / Math.max(0.01, performance.now() - t0);

    const { ctx, calls } = context({ index: 1, kind: 'cpu', durationS: 0.04 }, unitsPerMs);
    const outcome = await WORKLOADS.cpu(ctx);
    expect(outcome.cpuMs).toBeGreaterThan(0);
    expect(calls.slices).toBeGreaterThanOrEqual(2);
    expect(calls.started).toBe(1);

    // A task shorter than one slice never yields: its start travels with its end.
    const tiny = context({ index: 2, kind: 'cpu', durationS: 0.000001 }, unitsPerMs);
    await WORKLOADS.cpu(tiny.ctx);
    expect(tiny.calls.started).toBe(0);
  });
});
