import { useMemo } from 'react';
import type { RunState } from '../../engine/reducer';
import { browserLabel, toRunFile, type RunFile, type RunSource } from '../../engine/runFile';
import type { Readiness } from './useReadiness';

/**
 * The run that just ended as a file, for History and Export, with where and when it was measured;
 * both null before the first run and while one runs.
 */
export function useFinishedRun(
  state: RunState | null,
  running: boolean,
  readiness: Readiness,
): { readonly source: RunSource | null; readonly file: RunFile | null } {
  const over = state !== null && !running && state.phase !== 'running' && state.strategies.length > 0;
  const unitsPerMs = readiness.state === 'ready' ? readiness.unitsPerMs : undefined;
  const source = useMemo<RunSource | null>(
    () =>
      over
        ? {
            kind: 'browser',
            label: browserLabel(navigator.userAgent),
            createdAt: new Date().toISOString(),
            userAgent: navigator.userAgent,
            crossOriginIsolated: window.crossOriginIsolated,
            ...(unitsPerMs === undefined ? {} : { unitsPerMs }),
          }
        : null,
    // One source per run that ends (its time is when it ended), not one per recalibration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [over, state],
  );
  const file = useMemo(() => (state && source ? toRunFile(state, source) : null), [state, source]);
  return { source, file };
}
