import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { runAll } from '../engine/strategies';
import { runSweep, sweepCounts, type SweepPoint } from '../engine/sweep';
import { initialRunState, type RunState } from '../engine/reducer';
import { createRunStore, type RunStore } from '../engine/store';
import type { Clock, RunConfig } from '../engine/types';
import type { Backend } from './backend';

export type Readiness =
  | { readonly state: 'preparing' }
  | { readonly state: 'ready'; readonly unitsPerMs: number; readonly calibratedAtMs: number }
  | { readonly state: 'calibrating'; readonly unitsPerMs: number }
  | { readonly state: 'error'; readonly message: string };

/**
 * A calibration older than this is measured again before the next CPU run (outside its timing):
 * machines change speed (turbo, thermal limits, other programs), and a rate from long ago may no
 * longer hold.
 */
export const CALIBRATION_STALE_MS = 3 * 60_000;

const noop = (): void => undefined;

/** Tasks above which a run counts as large: it redraws less often, so drawing never starves it. */
export const LARGE_RUN_TASKS = 200;

/** How often a run may redraw, ms: every frame for a class-sized run, a few times a second for a large one. */
export function redrawEveryMs(tasks: number, kind: 'sleep' | 'cpu'): number {
  if (kind === 'cpu') return 250;
  return tasks > LARGE_RUN_TASKS ? 200 : 33;
}

/**
 * Reads a run store, redrawing at most once per animation frame — and for large runs at most every
 * {@link redrawEveryMs} — however many events arrive.
 */
export function useRunState(store: RunStore | null): RunState | null {
  const subscribe = useMemo(
    () =>
      (onChange: () => void): (() => void) => {
        if (!store) return noop;
        const { config } = store.getState();
        const everyMs =
          config.durationsS.length > LARGE_RUN_TASKS ? redrawEveryMs(config.durationsS.length, config.kind) : 0;
        let frame = 0;
        let timer: ReturnType<typeof setTimeout> | undefined;
        let last = 0;
        const draw = (): void => {
          frame = requestAnimationFrame((t) => {
            frame = 0;
            last = t;
            onChange();
          });
        };
        const unsubscribe = store.subscribe(() => {
          if (frame !== 0 || timer !== undefined) return;
          const wait = everyMs - (performance.now() - last);
          if (wait <= 0) draw();
          else
            timer = setTimeout(() => {
              timer = undefined;
              draw();
            }, wait);
        });
        return () => {
          unsubscribe();
          cancelAnimationFrame(frame);
          clearTimeout(timer);
        };
      },
    [store],
  );
  // Updates render as transitions: React draws a large run in small slices between the Workers'
  // messages instead of one long task, and an older snapshot stays on screen meanwhile.
  const [snapshot, setSnapshot] = useState<{ readonly store: RunStore | null; readonly state: RunState | null }>({
    store,
    state: store?.getState() ?? null,
  });
  useEffect(
    () => subscribe(() => startTransition(() => setSnapshot({ store, state: store?.getState() ?? null }))),
    [store, subscribe],
  );
  return snapshot.store === store ? snapshot.state : (store?.getState() ?? null);
}

/**
 * The clock's time, refreshed on animation frames at most every `everyMs` while `active`.
 * Drawing costs CPU that the Workers need on a small machine, so callers keep the rate modest.
 */
export function useNow(clock: Clock, active: boolean, everyMs: number): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    let last = 0;
    const tick = (): void => {
      const t = clock.now();
      if (t - last >= everyMs) {
        last = t;
        startTransition(() => setNow(t));
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      setNow(clock.now());
    };
  }, [active, clock, everyMs]);
  return now;
}

/** Page readiness, the current run's store, and Run / Stop. */
export interface SweepState {
  readonly points: readonly SweepPoint[];
  /** Pool sizes the sweep will try. */
  readonly counts: readonly number[];
  readonly tasksS: readonly number[];
  readonly kind: RunConfig['kind'];
  readonly running: boolean;
  readonly stopped: boolean;
}

/** Page readiness, the current run's store, and Run / Sweep / Stop. */
export function useRunSession(backend: Backend) {
  const [readiness, setReadiness] = useState<Readiness>({ state: 'preparing' });
  const [store, setStore] = useState<RunStore | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [hiddenDuringRun, setHiddenDuringRun] = useState(false);
  const [sweepState, setSweepState] = useState<SweepState | null>(null);
  const controller = useRef<AbortController | null>(null);

  // The latest readiness for callbacks, written only together with the state.
  const readinessNow = useRef(readiness);
  const updateReadiness = useCallback((next: Readiness): void => {
    readinessNow.current = next;
    setReadiness(next);
  }, []);

  /** Waits for the warm Worker and its calibration, recording success or the reason it failed. */
  const awaitPrepared = useCallback(
    (preparing: Promise<{ readonly unitsPerMs: number }>, live: () => boolean = () => true): Promise<boolean> =>
      preparing.then(
        (c) => {
          if (live())
            updateReadiness({ state: 'ready', unitsPerMs: c.unitsPerMs, calibratedAtMs: backend.clock.now() });
          return true;
        },
        (e: unknown) => {
          if (live()) updateReadiness({ state: 'error', message: e instanceof Error ? e.message : String(e) });
          return false;
        },
      ),
    [backend, updateReadiness],
  );

  useEffect(() => {
    let live = true;
    void awaitPrepared(backend.prepare(), () => live);
    return () => {
      live = false;
    };
  }, [backend, awaitPrepared]);

  /** After a failed start, Run tries again (the alert stays if it fails again). */
  const prepareAgain = useCallback((): Promise<boolean> => {
    updateReadiness({ state: 'preparing' });
    return awaitPrepared(backend.prepare());
  }, [backend, awaitPrepared, updateReadiness]);

  /** Measures the CPU rate again (on demand, or before a CPU run when stale); never inside a run. */
  const calibrateNow = useCallback(async (): Promise<void> => {
    const before = readinessNow.current;
    if (before.state !== 'ready') return;
    updateReadiness({ state: 'calibrating', unitsPerMs: before.unitsPerMs });
    await awaitPrepared(backend.calibrate());
  }, [backend, awaitPrepared, updateReadiness]);

  /**
   * Brackets any measured work: one at a time, a fresh AbortController, a warm worker ready
   * outside the timing, and a watch on the tab's visibility (hidden tabs throttle timers).
   */
  const measure = useCallback(
    async (kind: RunConfig['kind'], work: (signal: AbortSignal) => Promise<void>): Promise<void> => {
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
        const r = readinessNow.current;
        if (kind === 'cpu' && r.state === 'ready' && backend.clock.now() - r.calibratedAtMs > CALIBRATION_STALE_MS) {
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
    [backend, prepareAgain, calibrateNow],
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
