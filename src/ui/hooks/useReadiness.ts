import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Backend } from '../backend';

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

export interface ReadinessControl {
  readonly readiness: Readiness;
  /** The latest readiness for callbacks, written only together with the state. */
  readonly readinessNow: RefObject<Readiness>;
  /** After a failed start, tries again (the alert stays if it fails again); true once ready. */
  readonly prepareAgain: () => Promise<boolean>;
  /** Measures the CPU rate again (on demand, or before a CPU run when stale); never inside a run. */
  readonly calibrateNow: () => Promise<void>;
}

/** The warm Worker and its CPU calibration: started with the page, again on demand. */
export function useReadiness(backend: Backend): ReadinessControl {
  const [readiness, setReadiness] = useState<Readiness>({ state: 'preparing' });
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

  const prepareAgain = useCallback((): Promise<boolean> => {
    updateReadiness({ state: 'preparing' });
    return awaitPrepared(backend.prepare());
  }, [backend, awaitPrepared, updateReadiness]);

  const calibrateNow = useCallback(async (): Promise<void> => {
    const before = readinessNow.current;
    if (before.state !== 'ready') return;
    updateReadiness({ state: 'calibrating', unitsPerMs: before.unitsPerMs });
    await awaitPrepared(backend.calibrate());
  }, [backend, awaitPrepared, updateReadiness]);

  return { readiness, readinessNow, prepareAgain, calibrateNow };
}

/** Whether a run of tasks whose kind is calibrated must first measure the CPU rate again. */
export function calibrationStale(readiness: Readiness, nowMs: number): boolean {
  return readiness.state === 'ready' && nowMs - readiness.calibratedAtMs > CALIBRATION_STALE_MS;
}
