// The Console's lines: what the chapter's print() calls print, tagged with the strategy (CONTRACT),
// and what each line is about, for views that need more than the text.
import type { StrategyName } from './types';

/**
 * What a Console line says: `run-of` (`Run 2 of 3`, repeats only), a task's `started`,
 * `completed` or `raised`, `result` (`Result of task 1 received`, `executor.map` order only), and
 * the strategy's last line, `time` (`Execution Time: …`) or `stopped` (`Stopped after …`).
 */
export type ConsoleKind = 'run-of' | 'started' | 'completed' | 'raised' | 'result' | 'time' | 'stopped';

/** One printed line, with what it is about; `text` is exactly what the Console shows (CONTRACT). */
export interface ConsoleLine {
  readonly id: number;
  readonly strategy: StrategyName;
  readonly kind: ConsoleKind;
  /** 0-based task the line is about (task lines and `result` only). */
  readonly task?: number;
  /** Clock ms of the event that printed it. */
  readonly tMs: number;
  /** `[pool] Task 1 started`. */
  readonly text: string;
}

/** The event a line is printed for, and what the line says after its `[strategy]` tag. */
export interface Print {
  readonly strategy: StrategyName;
  readonly kind: ConsoleKind;
  readonly tMs: number;
  readonly task?: number;
  readonly says: string;
}

/** `lines` with the line for `print` added. */
export function printed(
  lines: readonly ConsoleLine[],
  { strategy, kind, tMs, task, says }: Print,
): readonly ConsoleLine[] {
  const line: ConsoleLine = {
    id: lines.length,
    strategy,
    kind,
    ...(task === undefined ? {} : { task }),
    tMs,
    text: `[${strategy}] ${says}`,
  };
  return [...lines, line];
}
