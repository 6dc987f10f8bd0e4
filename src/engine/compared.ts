import type { RunState } from './reducer';
import type { RunFile } from './runFile';

/**
 * A run drawn beside the current one on the same time axis: an imported file (a browser's or
 * CPython's) or a run picked in History. Its timelines are named `<label> <strategy> timeline`.
 */
export interface ComparedRun {
  /** Unique on the page (a history key, or the file's name and time of import). */
  readonly id: string;
  /** Where it came from, e.g. `CPython 3.11`, `Chromium 156 · 10:42:07`. */
  readonly label: string;
  readonly file: RunFile;
  readonly state: RunState;
}

/** `label`, or `label (2)`, `label (3)`… when a run already shown has that label. */
export function uniqueLabel(label: string, taken: readonly string[]): string {
  if (!taken.includes(label)) return label;
  for (let n = 2; ; n++) {
    const candidate = `${label} (${n})`;
    if (!taken.includes(candidate)) return candidate;
  }
}
