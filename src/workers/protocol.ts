import type { TaskSpec, TaskTiming } from '../engine/types';

/**
 * The task channel: how tasks go to a Worker and how it reports them. comlink is the Worker's API
 * for everything else (start, heartbeat, calibration); tasks are the hot path and skip it, as
 * measured in `npm run bench` (suite "dispatch"):
 * - a comlink call is two messages plus a proxy and a random id, and a "started" report sent as
 *   a comlink callback costs a reply nobody reads; here a task is run →, ← started, ← ended, and
 *   a task that ends before its first yield sends its start inside its end (see `run` in
 *   task.worker.ts), so a tiny task costs two messages;
 * - messages are flat arrays, not objects: structured clone writes out every key of every
 *   object, and on this path that was about a third of the cost of a message;
 * - they travel on the Worker's own channel (a MessagePort of their own measured a few µs slower).
 *   comlink's messages are objects with an `id`; task messages are arrays, which comlink on the
 *   page ignores and the Worker takes before comlink sees them.
 * encode/decode below are the only code that knows the layout.
 */

const KINDS = ['sleep', 'cpu'] as const;

/** Page → Worker: [callId, task index, kind (0 sleep, 1 cpu), durationS, fail (0/1), unitsPerMs]. */
export type RunMessage = readonly [number, number, number, number, number, number];

/**
 * Page → Worker, first message to every Worker: [-1, the compiled CPU kernel] (kernel.ts). Posting
 * a `WebAssembly.Module` shares its compiled code: every Worker computes at the same speed.
 */
export type KernelMessage = readonly [-1, WebAssembly.Module];

export function encodeKernel(module: WebAssembly.Module): KernelMessage {
  return [-1, module];
}

/** The kernel if `message` carries it, else null (then it is a {@link RunMessage}). */
export function decodeKernel(message: KernelMessage | RunMessage): WebAssembly.Module | null {
  return message[0] === -1 ? (message[1] as WebAssembly.Module) : null;
}

/** What a task run sends back: its times, and the exception if it raised. */
export interface TaskOutcome extends TaskTiming {
  readonly raised?: { readonly name: string; readonly message: string };
}

/**
 * Worker → page (cpuMs is -1 for a task that did not compute):
 * - started: [0, callId, startMs, readyMs]
 * - ended:   [1, callId, startMs, endMs, readyMs, cpuMs]
 * - raised:  [2, callId, startMs, endMs, readyMs, cpuMs, error name, error message]
 * - alive:   [3] — a busy Worker says so every few hundred ms, so the heartbeat never mistakes
 *   long computation for a hang (heartbeat.ts)
 */
export type ReportMessage =
  | readonly [0, number, number, number]
  | readonly [1, number, number, number, number, number]
  | readonly [2, number, number, number, number, number, string, string]
  | readonly [3];

/** A decoded report. */
export type Report =
  | { readonly type: 'started'; readonly callId: number; readonly startMs: number; readonly readyMs: number }
  | { readonly type: 'ended'; readonly callId: number; readonly outcome: TaskOutcome }
  | { readonly type: 'alive' };

export function encodeRun(callId: number, task: TaskSpec, unitsPerMs: number): RunMessage {
  return [callId, task.index, KINDS.indexOf(task.kind), task.durationS, task.fail ? 1 : 0, unitsPerMs];
}

export function decodeRun(message: RunMessage): { callId: number; task: TaskSpec; unitsPerMs: number } {
  const [callId, index, kind, durationS, fail, unitsPerMs] = message;
  const task: TaskSpec = { index, kind: KINDS[kind] ?? 'sleep', durationS, ...(fail ? { fail: true } : {}) };
  return { callId, task, unitsPerMs };
}

export function encodeStarted(callId: number, startMs: number, readyMs: number): ReportMessage {
  return [0, callId, startMs, readyMs];
}

export function encodeEnded(callId: number, outcome: TaskOutcome & { readonly readyMs: number }): ReportMessage {
  const { startMs, endMs, readyMs, cpuMs = -1, raised } = outcome;
  return raised
    ? [2, callId, startMs, endMs, readyMs, cpuMs, raised.name, raised.message]
    : [1, callId, startMs, endMs, readyMs, cpuMs];
}

export const ALIVE: ReportMessage = [3];

export function decodeReport(message: ReportMessage): Report {
  if (message[0] === 3) return { type: 'alive' };
  if (message[0] === 0) return { type: 'started', callId: message[1], startMs: message[2], readyMs: message[3] };
  const [, callId, startMs, endMs, readyMs, cpuMs] = message;
  const raised = message[0] === 2 ? { raised: { name: message[6], message: message[7] } } : {};
  return { type: 'ended', callId, outcome: { startMs, endMs, readyMs, ...(cpuMs >= 0 ? { cpuMs } : {}), ...raised } };
}
