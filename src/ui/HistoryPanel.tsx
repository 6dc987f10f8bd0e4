import type { ComparedRun } from '../engine/compared';
import type { RunFile } from '../engine/runFile';

export interface HistoryProps {
  /** The run that just ended, as its file (null before the first run and while one runs); saved once. */
  readonly latest: RunFile | null;
  /** Draws these past runs beside the current one (an empty list removes them). */
  readonly onShow: (runs: readonly ComparedRun[]) => void;
}

/** Region `History` (issue 12): placeholder until built. */
export function HistoryPanel(_props: HistoryProps) {
  return null;
}
