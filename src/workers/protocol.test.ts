import { describe, expect, it } from 'vitest';
import type { TaskData, TaskSpec } from '../engine/types';
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
  sendOutcome,
  transferables,
  unreadableRun,
  type PostReport,
  type ReportMessage,
  type RunMessage,
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
    expect(decodeReport(structuredClone(encodeStarted(5, 1000.25, 990)), 1001)).toEqual({
      type: 'started',
      callId: 5,
      startMs: 1000.25,
      readyMs: 990,
    });
    // Received 0.75 ms after the task ended: that is the result's trip back.
    const ended = { startMs: 1000.25, endMs: 2000.5, readyMs: 990 };
    expect(decodeReport(structuredClone(encodeEnded(6, ended)), 2001.25)).toEqual({
      type: 'ended',
      callId: 6,
      outcome: { ...ended, returnMs: 0.75 },
    });
    const raised = { ...ended, raised: { name: 'Error', message: 'task 2 failed on purpose' } };
    expect(decodeReport(structuredClone(encodeEnded(7, raised)), 2001.25)).toEqual({
      type: 'ended',
      callId: 7,
      outcome: { ...raised, returnMs: 0.75 },
    });
  });

  it('carries a cpu task\'s compute time, and "alive" notes', () => {
    const ended = { startMs: 1, endMs: 1001, readyMs: 0, cpuMs: 998.5 };
    expect(decodeReport(structuredClone(encodeEnded(8, ended)), 1002)).toEqual({
      type: 'ended',
      callId: 8,
      outcome: { ...ended, returnMs: 1 },
    });
    const raised = { ...ended, raised: { name: 'Error', message: 'boom' } };
    expect(decodeReport(structuredClone(encodeEnded(9, raised)), 1002)).toEqual({
      type: 'ended',
      callId: 9,
      outcome: { ...raised, returnMs: 1 },
    });
    expect(decodeReport(structuredClone(ALIVE), 0)).toEqual({ type: 'alive' });
  });

  it('hands every Worker the compiled kernel, and tells it apart from a task', () => {
    const module = compileKernel();
    expect(decodeKernel(encodeKernel(module))).toBe(module);
    expect(decodeKernel(encodeRun(0, { index: 0, kind: 'cpu', durationS: 1 }, 1))).toBeNull();
  });
});

describe('payloads and results on the task channel', () => {
  it('carries a payload to the Worker and a result back, only when there is one', () => {
    const payload = { tile: new Float64Array([0.5, 1.5]), rows: [0, 40], name: 'tile 3', ok: true, none: null };
    const task: TaskSpec = { index: 2, kind: 'sleep', durationS: 0.5, payload };
    const message = encodeRun(1, task, 0);
    expect(message).toHaveLength(7);
    expect(encodeRun(1, { index: 2, kind: 'sleep', durationS: 0.5 }, 0)).toHaveLength(6);
    expect(decodeRun(structuredClone(message))).toEqual({ callId: 1, task, unitsPerMs: 0 });

    const result = new Uint16Array([1, 2, 3]);
    const nothingBack = { startMs: 1, endMs: 2, readyMs: 0 };
    const ended = { ...nothingBack, result };
    expect(encodeEnded(3, nothingBack)).toHaveLength(6);
    expect(encodeEnded(3, ended)).toHaveLength(7);
    expect(decodeReport(structuredClone(encodeEnded(3, ended)), 2.5)).toEqual({
      type: 'ended',
      callId: 3,
      outcome: { ...ended, returnMs: 0.5 },
    });
  });

  it('refuses a kind code it does not know instead of guessing one', () => {
    const message = [...encodeRun(1, { index: 0, kind: 'cpu', durationS: 1 }, 1)] as unknown as number[];
    message[2] = 99;
    expect(() => decodeRun(message as unknown as RunMessage)).toThrow('unknown task kind code 99');
  });

  it('lists every ArrayBuffer to transfer once, wherever it sits, and never a SharedArrayBuffer', () => {
    const a = new ArrayBuffer(8);
    const view = new Float32Array(a, 4, 1);
    const b = new Uint8Array(4);
    const shared = new Int32Array(new SharedArrayBuffer(8));
    expect(transferables({ a, nested: [view, { deep: b }], shared, n: 1, s: 'x' })).toEqual([a, b.buffer]);
    expect(transferables(new DataView(a))).toEqual([a]);
    expect(transferables(undefined)).toEqual([]);
    expect(transferables([1, 'two', null])).toEqual([]);
  });
});

describe('what the Worker reports when a task cannot go through', () => {
  it('a run message it cannot read: that task raises at once, saying why', () => {
    const message = [...encodeRun(4, { index: 0, kind: 'cpu', durationS: 1 }, 1)] as unknown as number[];
    message[2] = 99;
    let error: unknown;
    try {
      decodeRun(message as unknown as RunMessage);
    } catch (e) {
      error = e;
    }
    const report = unreadableRun(message as unknown as RunMessage, error, 50, 10);
    expect(decodeReport(structuredClone(report), 51)).toEqual({
      type: 'ended',
      callId: 4,
      outcome: {
        startMs: 50,
        endMs: 50,
        readyMs: 10,
        returnMs: 1,
        raised: { name: 'Error', message: 'The task channel got an unknown task kind code 99.' },
      },
    });
  });

  it('the page refuses to encode a kind the registry does not have', () => {
    const task = { index: 0, kind: 'gpu', durationS: 1 } as unknown as TaskSpec;
    expect(() => encodeRun(1, task, 1)).toThrow('"gpu" is not a task kind; the task channel knows sleep, cpu.');
  });

  it("moves a result's buffers, and turns a result structured clone refuses into the task raising", () => {
    const sent: { message: ReportMessage; transfer: Transferable[] | undefined }[] = [];
    // Posts the way a Worker does: cloned at once (transferred buffers detach, what cannot be sent throws).
    const post: PostReport = (message, transfer) => {
      structuredClone(message, { transfer: transfer ?? [] });
      sent.push({ message, transfer });
    };
    const samples = new Float32Array([1, 2]);
    sendOutcome(post, 1, { startMs: 1, endMs: 2, readyMs: 0, result: { samples } });
    expect(sent[0]?.transfer).toEqual([samples.buffer]);
    expect(samples.length).toBe(0);

    sendOutcome(post, 2, { startMs: 1, endMs: 2, readyMs: 0 });
    expect(sent[1]?.transfer).toBeUndefined();

    const unsendable = { callback: () => 1 } as unknown as TaskData;
    sendOutcome(post, 3, { startMs: 1, endMs: 2, readyMs: 0, cpuMs: 0.5, result: unsendable });
    expect(sent).toHaveLength(3);
    const report = decodeReport(sent[2]?.message as ReportMessage, 2);
    expect(report).toMatchObject({ type: 'ended', callId: 3, outcome: { startMs: 1, endMs: 2, cpuMs: 0.5 } });
    const raised = report.type === 'ended' ? report.outcome.raised : undefined;
    expect(raised?.name).toBe('DataCloneError');
    expect(raised?.message).toMatch(/^its result could not be sent to the page \(.*could not be cloned/);
  });
});
