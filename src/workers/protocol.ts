import { TASK_KINDS, type TaskKind } from '../engine/taskKinds';
import type { TaskData, TaskSpec, TaskTiming } from '../engine/types';

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
 * - a task's payload and result ride as one more element at the end, only when there is one, and
 *   their `ArrayBuffer`s are transferred, not copied (see {@link transferables}).
 * encode/decode below are the only code that knows the layout.
 */

/** A kind's code on the wire: its place in the registry (src/engine/taskKinds.ts). */
function kindCode(kind: TaskKind): number {
  const code = TASK_KINDS.indexOf(kind);
  if (code < 0)
    throw new Error(`"${String(kind)}" is not a task kind; the task channel knows ${TASK_KINDS.join(', ')}.`);
  return code;
}

function kindOf(code: number): TaskKind {
  const kind = TASK_KINDS[code];
  if (kind === undefined) throw new Error(`The task channel got an unknown task kind code ${code}.`);
  return kind;
}

/**
 * Page → Worker: [callId, task index, kind code, durationS, fail (0/1), unitsPerMs], then the
 * payload if the task has one.
 */
export type RunMessage =
  | readonly [number, number, number, number, number, number]
  | readonly [number, number, number, number, number, number, TaskData];

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

/** What a task run sends back: its times, its result, and the exception if it raised. */
export interface TaskOutcome extends TaskTiming {
  readonly raised?: { readonly name: string; readonly message: string };
}

/**
 * Worker → page (cpuMs is -1 for a task that did not compute):
 * - started: [0, callId, startMs, readyMs]
 * - ended:   [1, callId, startMs, endMs, readyMs, cpuMs], then the result if there is one
 * - raised:  [2, callId, startMs, endMs, readyMs, cpuMs, error name, error message]
 * - alive:   [3] — a busy Worker says so every few hundred ms, so the heartbeat never mistakes
 *   long computation for a hang (heartbeat.ts)
 */
export type ReportMessage =
  | readonly [0, number, number, number]
  | readonly [1, number, number, number, number, number]
  | readonly [1, number, number, number, number, number, TaskData]
  | readonly [2, number, number, number, number, number, string, string]
  | readonly [3];

/** A decoded report. */
export type Report =
  | { readonly type: 'started'; readonly callId: number; readonly startMs: number; readonly readyMs: number }
  | { readonly type: 'ended'; readonly callId: number; readonly outcome: TaskOutcome }
  | { readonly type: 'alive' };

export function encodeRun(callId: number, task: TaskSpec, unitsPerMs: number): RunMessage {
  const head = [callId, task.index, kindCode(task.kind), task.durationS, task.fail ? 1 : 0, unitsPerMs] as const;
  return task.payload === undefined ? head : [...head, task.payload];
}

export function decodeRun(message: RunMessage): { callId: number; task: TaskSpec; unitsPerMs: number } {
  const [callId, index, kind, durationS, fail, unitsPerMs, payload] = message;
  // Built by assignment: this runs for every task, and a spread per optional field costs objects.
  const task: { -readonly [K in keyof TaskSpec]: TaskSpec[K] } = { index, kind: kindOf(kind), durationS };
  if (fail) task.fail = true;
  if (payload !== undefined) task.payload = payload;
  return { callId, task, unitsPerMs };
}

export function encodeStarted(callId: number, startMs: number, readyMs: number): ReportMessage {
  return [0, callId, startMs, readyMs];
}

export function encodeEnded(callId: number, outcome: TaskOutcome & { readonly readyMs: number }): ReportMessage {
  const { startMs, endMs, readyMs, cpuMs = -1, raised, result } = outcome;
  if (raised) return [2, callId, startMs, endMs, readyMs, cpuMs, raised.name, raised.message];
  return result === undefined
    ? [1, callId, startMs, endMs, readyMs, cpuMs]
    : [1, callId, startMs, endMs, readyMs, cpuMs, result];
}

export const ALIVE: ReportMessage = [3];

/** How the Worker posts a report: with a transfer list when there are buffers to move. */
export type PostReport = (message: ReportMessage, transfer?: Transferable[]) => void;

function errorText(error: unknown): { readonly name: string; readonly message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

/**
 * Sends a finished task's outcome, its result's buffers moved. A result the channel cannot carry
 * (structured clone refuses it) is reported as the task raising that error instead: the page must
 * never wait for an end that cannot come.
 */
export function sendOutcome(
  post: PostReport,
  callId: number,
  outcome: TaskOutcome & { readonly readyMs: number },
): void {
  if (outcome.result === undefined) {
    post(encodeEnded(callId, outcome));
    return;
  }
  try {
    post(encodeEnded(callId, outcome), transferables(outcome.result));
  } catch (error) {
    const { name, message } = errorText(error);
    const { startMs, endMs, readyMs, cpuMs } = outcome;
    const raised = { name, message: `its result could not be sent to the page (${message})` };
    post(encodeEnded(callId, { startMs, endMs, readyMs, ...(cpuMs === undefined ? {} : { cpuMs }), raised }));
  }
}

/**
 * The report for a run message the Worker cannot read (say, a kind code it does not know): that
 * task raises at once with why, and the Worker lives on for the others.
 */
export function unreadableRun(message: RunMessage, error: unknown, atMs: number, readyMs: number): ReportMessage {
  return encodeEnded(message[0], { startMs: atMs, endMs: atMs, readyMs, raised: errorText(error) });
}

/**
 * Reads a report the page received at `receivedMs` (page clock): an end's outcome then says how
 * long the result took to arrive (`returnMs`).
 */
export function decodeReport(message: ReportMessage, receivedMs: number): Report {
  if (message[0] === 3) return { type: 'alive' };
  if (message[0] === 0) return { type: 'started', callId: message[1], startMs: message[2], readyMs: message[3] };
  const [, callId, startMs, endMs, readyMs, cpuMs] = message;
  const outcome: { -readonly [K in keyof TaskOutcome]: TaskOutcome[K] } = {
    startMs,
    endMs,
    readyMs,
    returnMs: receivedMs - endMs,
  };
  if (cpuMs >= 0) outcome.cpuMs = cpuMs;
  if (message[0] === 2) outcome.raised = { name: message[6], message: message[7] };
  else if (message[6] !== undefined) outcome.result = message[6];
  return { type: 'ended', callId, outcome };
}

/**
 * The buffers in `data` that can move to the other side instead of being copied: every
 * `ArrayBuffer`, on its own or under a typed array or DataView, once each. A `SharedArrayBuffer` is
 * left out: it is shared, never moved.
 */
export function transferables(data: TaskData | undefined): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const visit = (value: TaskData | undefined): void => {
    if (value === null || typeof value !== 'object') return;
    if (value instanceof ArrayBuffer) found.add(value);
    else if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
    } else if (Array.isArray(value)) for (const item of value as readonly TaskData[]) visit(item);
    // A SharedArrayBuffer lands here too and has no fields: nothing to move.
    else for (const item of Object.values(value)) visit(item);
  };
  visit(data);
  return [...found];
}
