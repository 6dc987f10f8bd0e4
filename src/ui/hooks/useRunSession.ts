import { useCallback, useRef, useState } from 'react';
import { initialRunState } from '../../engine/reducer';
import { createRunStore, type RunStore } from '../../engine/store';
import { runAll } from '../../engine/strategies';
import { runSweep, sweepCounts, type SweepPoint } from '../../engine/sweep';
import { taskKind } from '../../engine/taskKinds';
import type { RunConfig, TaskKind } from '../../engine/types';
import type { Backend } from '../backend';
import { calibrationStale, useReadiness } from './useReadiness';

/** The scaling sweep's progress and points. */
export interface SweepState {
  readonly points: readonly SweepPoint[];
  /** Pool sizes the sweep will try. */
  readonly counts: readonly number[];
  readonly tasksS: readonly number[];
  readonly kind: TaskKind;
  readonly running: boolean;
  readonly stopped: boolean;
}

/** Page readiness, the current run's store, and Run / Sweep / Stop. */
export function useRunSession(backend: Backend) {
  const { readiness, readinessNow, prepareAgain, calibrateNow } = useReadiness(backend);
  const [store, setStore] = useState<RunStore | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [hiddenDuringRun, setHiddenDuringRun] = useState(false);
  const [sweepState, setSweepState] = useState<SweepState | null>(null);
  const controller = useRef<AbortController | null>(null);

  /**
   * Brackets any measured work: one at a time, a fresh AbortController, a warm worker ready
   * outside the timing, and a watch on the tab's visibility (hidden tabs throttle timers).
   */
  const measure = useCallback(
    async (kind: TaskKind, work: (signal: AbortSignal) => Promise<void>): Promise<void> => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setFailure(null);
      setHiddenDuringRun(document.hidden);
      const onVisibility = (): void => {
        if (document.hidden) setHiddenDuringRun(true);
      };
      document.addEventListener('visibilitychange', onVisibility);
      setRunning(true);
      try {
        // A page whose Worker could not start tries again; if it still cannot, the alert stays.
        if (readinessNow.current.state === 'error' && !(await prepareAgain())) return;
        if (taskKind(kind).calibrated && calibrationStale(readinessNow.current, backend.clock.now())) {
          await calibrateNow();
          if (readinessNow.current.state !== 'ready') return; // the alert says why
        }
        // A Stop pressed while the Worker was being readied ends it here: the last results stay.
        if (abort.signal.aborted) return;
        await backend.ensureWarm();
        if (abort.signal.aborted) return;
        await work(abort.signal);
      } catch (error) {
        setFailure(error instanceof Error ? error.message : String(error));
      } finally {
        document.removeEventListener('visibilitychange', onVisibility);
        controller.current = null;
        setRunning(false);
      }
    },
    [backend, readinessNow, prepareAgain, calibrateNow],
  );

  const start = useCallback(
    (config: RunConfig): Promise<void> => {
      const runStore = createRunStore(initialRunState(config, backend.cores));
      return measure(config.kind, async (signal) => {
        setStore(runStore);
        setSweepState(null);
        try {
          await runAll({ config, executor: backend.executor, clock: backend.clock, signal, emit: runStore.dispatch });
        } finally {
          runStore.dispatch({ type: 'run-end', stopped: signal.aborted });
        }
      });
    },
    [backend, measure],
  );

  const sweep = useCallback(
    (config: RunConfig): Promise<void> => {
      const counts = sweepCounts(backend.cores);
      const base = { counts, tasksS: config.durationsS, kind: config.kind };
      return measure(config.kind, async (signal) => {
        setSweepState({ ...base, points: [], running: true, stopped: false });
        const ctx = { executor: backend.executor, clock: backend.clock, signal };
        const points = await runSweep(ctx, config, backend.cores, counts, setStore, (p) =>
          setSweepState({ ...base, points: p, running: true, stopped: false }),
        );
        setSweepState({ ...base, points, running: false, stopped: signal.aborted });
      });
    },
    [backend, measure],
  );

  /** Recalibrate on demand (a button): not while anything runs. */
  const recalibrate = useCallback(async (): Promise<void> => {
    if (controller.current) return;
    await calibrateNow();
  }, [calibrateNow]);

  const stop = useCallback(() => controller.current?.abort(), []);

  return { readiness, store, running, failure, hiddenDuringRun, sweepState, start, sweep, stop, recalibrate };
}
