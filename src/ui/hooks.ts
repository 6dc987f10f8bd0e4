import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { runAll } from '../engine/strategies';
import { createRunStore, initialRunState, type RunState, type RunStore } from '../engine/store';
import type { Clock, RunConfig } from '../engine/types';
import type { Backend } from './backend';

export type Readiness =
  | { readonly state: 'preparing' }
  | { readonly state: 'ready'; readonly unitsPerMs: number }
  | { readonly state: 'error'; readonly message: string };

const noop = (): void => undefined;

/** Reads a run store, redrawing at most once per animation frame however many events arrive. */
export function useRunState(store: RunStore | null): RunState | null {
  const subscribe = useMemo(
    () =>
      (onChange: () => void): (() => void) => {
        if (!store) return noop;
        let frame = 0;
        const unsubscribe = store.subscribe(() => {
          if (frame === 0) {
            frame = requestAnimationFrame(() => {
              frame = 0;
              onChange();
            });
          }
        });
        return () => {
          unsubscribe();
          cancelAnimationFrame(frame);
        };
      },
    [store],
  );
  return useSyncExternalStore(subscribe, () => store?.getState() ?? null);
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
        setNow(t);
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
export function useRunSession(backend: Backend) {
  const [readiness, setReadiness] = useState<Readiness>({ state: 'preparing' });
  const [store, setStore] = useState<RunStore | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    let live = true;
    backend.prepare().then(
      (c) => live && setReadiness({ state: 'ready', unitsPerMs: c.unitsPerMs }),
      (e: unknown) => live && setReadiness({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [backend]);

  const start = useCallback(
    async (config: RunConfig): Promise<void> => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      const runStore = createRunStore(initialRunState(config, backend.cores));
      setStore(runStore);
      setFailure(null);
      setRunning(true);
      try {
        await backend.ensureWarm();
        await runAll({ config, executor: backend.executor, clock: backend.clock, signal: abort.signal, emit: runStore.dispatch });
      } catch (error) {
        setFailure(error instanceof Error ? error.message : String(error));
      } finally {
        runStore.dispatch({ type: 'run-end', stopped: abort.signal.aborted });
        controller.current = null;
        setRunning(false);
      }
    },
    [backend],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  return { readiness, store, running, failure, start, stop };
}
