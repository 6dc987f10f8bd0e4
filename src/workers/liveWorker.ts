import { releaseProxy, wrap, type Remote } from 'comlink';
import {
  abortError,
  TaskRaised,
  workerCrashError,
  type Clock,
  type OnTaskStart,
  type TaskSpec,
  type TaskTiming,
} from '../engine/types';
import { Heartbeat, HEARTBEAT_MS, SILENCE_LIMIT_MS } from './heartbeat';
import { decodeReport, encodeKernel, encodeRun, transferables, type ReportMessage, type TaskOutcome } from './protocol';
import type { TaskWorkerApi } from './task.worker';

interface StopWatch {
  /** Removes the listener. */
  readonly forget: () => void;
  /** Calls under this signal not settled yet. */
  uses: number;
}

interface PendingCall {
  readonly onStart: OnTaskStart;
  readonly onEnd: (outcome: TaskOutcome) => void;
  readonly onDeath: (reason: Error) => void;
}

/**
 * One Web Worker and everything the page tracks about it: its comlink proxy, its running tasks,
 * its heartbeat, the Stop signals it obeys, and how it dies. The executor (executor.ts) decides
 * which Workers exist; this file is what happens to one of them.
 */
export interface LiveWorker {
  readonly worker: Worker;
  readonly remote: Remote<TaskWorkerApi>;
  /** Why it died, or null while it lives. */
  deathReason: Error | null;
  /** Other calls waiting on this Worker (start, heartbeat): each is told, once, if it dies. */
  readonly mourners: Set<(reason: Error) => void>;
  /** Whether its heartbeat watch is on (one per Worker). */
  watched: boolean;
  /** Its last sign of life (any message); `heartbeat.started` once it has ever spoken. */
  readonly heartbeat: Heartbeat;
  /** Its running tasks, by call id: whom to tell when each starts and ends, or if it dies. */
  readonly calls: Map<number, PendingCall>;
  /** The Stop signals it obeys: one listener per run, not one per task. */
  readonly stopSignals: Map<AbortSignal, StopWatch>;
  /** Ends the Worker: every call on it rejects with `reason`. Idempotent. */
  kill(reason: Error): void;
}

let nextCallId = 0;

/**
 * Starts watching `worker`: its task reports (protocol.ts) and errors. The first message it gets is
 * the CPU kernel, so every Worker computes with the same compiled code. `onDeath` runs once, when
 * it dies for whatever reason (crash, Stop, terminate).
 */
export function startWorker(
  worker: Worker,
  clock: Clock,
  kernel: WebAssembly.Module | Error,
  onDeath: (live: LiveWorker) => void,
): LiveWorker {
  const onError = (event: ErrorEvent): void => {
    event.preventDefault();
    const detail =
      event.message || (state.heartbeat.started ? 'it threw an uncaught error' : 'its script could not be loaded');
    state.kill(workerCrashError(`Worker crashed: ${detail}`));
  };
  // Task reports: flat arrays on the Worker's own channel; comlink ignores them. Every message,
  // comlink's replies included, is a sign of life (heartbeat.ts).
  const onReport = (event: MessageEvent<unknown>): void => {
    const receivedMs = clock.now();
    state.heartbeat.heard(receivedMs);
    if (!Array.isArray(event.data)) return;
    const report = decodeReport(event.data as unknown as ReportMessage, receivedMs);
    if (report.type === 'alive') return;
    const call = state.calls.get(report.callId);
    if (!call) return;
    if (report.type === 'started') {
      call.onStart(report.startMs, report.readyMs);
    } else {
      state.calls.delete(report.callId);
      call.onEnd(report.outcome);
    }
  };
  const state: LiveWorker = {
    worker,
    remote: wrap<TaskWorkerApi>(worker),
    mourners: new Set(),
    deathReason: null,
    watched: false,
    heartbeat: new Heartbeat(),
    calls: new Map(),
    stopSignals: new Map(),
    kill: (reason) => {
      if (state.deathReason) return;
      state.deathReason = reason;
      // Release comlink's proxy (its FinalizationRegistry would otherwise keep the Worker alive)
      // and drop every reference the Worker holds back to us, so a terminated Worker is freed.
      state.remote[releaseProxy]();
      worker.removeEventListener('error', onError);
      worker.removeEventListener('message', onReport);
      worker.terminate();
      for (const watch of state.stopSignals.values()) watch.forget();
      state.stopSignals.clear();
      const calls = [...state.calls.values()];
      state.calls.clear();
      for (const call of calls) call.onDeath(reason);
      for (const mourn of [...state.mourners]) mourn(reason);
      state.mourners.clear();
      onDeath(state);
    },
  };
  worker.addEventListener('error', onError);
  worker.addEventListener('message', onReport);
  try {
    if (!(kernel instanceof Error)) worker.postMessage(encodeKernel(kernel));
  } catch (error) {
    state.kill(workerCrashError(`Worker crashed: the CPU kernel could not be sent to it (${String(error)})`));
  }
  return state;
}

function deadCall(state: LiveWorker): Promise<never> {
  return Promise.reject(state.deathReason ?? workerCrashError('Worker crashed before the call'));
}

/**
 * Sends one task over the task channel. This is the hot path (suite "dispatch" of the bench):
 * one Map entry per task, and Stop is watched once per Worker and run, not once per task. A
 * payload's `ArrayBuffer`s are transferred unless the task says `send: 'copy'`. The result's trip
 * back is measured (`returnMs`); the trip there ends at the task's `startMs`.
 */
export function runTask(
  state: LiveWorker,
  clock: Clock,
  task: TaskSpec,
  unitsPerMs: number,
  onStart: OnTaskStart,
  signal: AbortSignal,
): Promise<TaskTiming> {
  if (signal.aborted) return Promise.reject(abortError());
  if (state.deathReason) return deadCall(state);
  const stop = stopOn(state, signal);
  if (!state.watched) watch(state, clock);
  const callId = nextCallId++;
  return new Promise<TaskTiming>((resolve, reject) => {
    const onEnd = ({ raised, ...timing }: TaskOutcome): void => {
      stop.uses -= 1;
      if (raised) reject(new TaskRaised(raised.name, raised.message, timing));
      else resolve(timing);
    };
    try {
      const message = encodeRun(callId, task, unitsPerMs);
      state.calls.set(callId, { onStart, onEnd, onDeath: reject });
      if (task.payload === undefined) state.worker.postMessage(message);
      else state.worker.postMessage(message, task.send === 'copy' ? [] : transferables(task.payload));
    } catch (error) {
      // The task could not be sent (a detached buffer, something structured clone refuses, a kind
      // the channel does not know): only this task fails.
      state.calls.delete(callId);
      stop.uses -= 1;
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/**
 * A call other than a task (start, heartbeat, calibration) that ends with the Worker: it rejects
 * when the Worker dies (comlink's own promise would wait forever on a terminated Worker) and,
 * given a signal, on Stop.
 */
export function whileAlive<T>(
  state: LiveWorker,
  call: (remote: Remote<TaskWorkerApi>) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (state.deathReason) return deadCall(state);
  const stop = signal ? stopOn(state, signal) : null;
  return new Promise<T>((resolve, reject) => {
    state.mourners.add(reject);
    call(state.remote)
      .then(resolve, reject)
      .finally(() => {
        if (stop) stop.uses -= 1;
        state.mourners.delete(reject);
      });
  });
}

/**
 * Stop terminates the Worker (a running task cannot be interrupted politely); its calls then
 * reject with AbortError. One listener per Worker and signal; a Worker that lives on (the warm
 * one) lets go of a finished run's signal when the next run comes, and all of them when it dies.
 */
function stopOn(state: LiveWorker, signal: AbortSignal): StopWatch {
  let watch = state.stopSignals.get(signal);
  if (!watch) {
    for (const [old, done] of state.stopSignals) {
      if (done.uses > 0) continue;
      done.forget();
      state.stopSignals.delete(old);
    }
    const onAbort = (): void => state.kill(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    watch = { forget: () => signal.removeEventListener('abort', onAbort), uses: 0 };
    state.stopSignals.set(signal, watch);
  }
  watch.uses += 1;
  return watch;
}

/**
 * While a Worker has tasks, watches its heartbeat (heartbeat.ts): any message counts, a busy
 * Worker reports by itself, a sleeping one answers a ping. One that spoke and then fell silent
 * for {@link SILENCE_LIMIT_MS} is hung, and is treated as crashed.
 */
function watch(state: LiveWorker, clock: Clock): void {
  state.watched = true;
  // Silence counts from when it was given work: an idle warm Worker has had nothing to say.
  if (state.heartbeat.started) state.heartbeat.heard(clock.now());
  const timer = setInterval(() => {
    if (state.deathReason || state.calls.size === 0) {
      clearInterval(timer);
      state.watched = false;
      return;
    }
    if (state.heartbeat.verdict(clock.now()) === 'hung') {
      clearInterval(timer);
      state.kill(workerCrashError(`Worker crashed: it did not answer for ${SILENCE_LIMIT_MS / 1000} s`));
      return;
    }
    if (state.heartbeat.silentForMs(clock.now()) >= HEARTBEAT_MS) state.remote.ping().catch(() => undefined);
  }, HEARTBEAT_MS);
}
