import { startTransition, useEffect, useState } from 'react';
import type { Clock } from '../../engine/types';

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
