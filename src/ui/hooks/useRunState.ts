import { startTransition, useEffect, useMemo, useState } from 'react';
import type { RunState } from '../../engine/reducer';
import type { RunStore } from '../../engine/store';
import { LARGE_RUN_TASKS, redrawEveryMs } from '../redraw';

const noop = (): void => undefined;

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
