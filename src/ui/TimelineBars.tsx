import { memo } from 'react';
import type { IdealTask } from '../engine/ideal';
import type { Bar } from '../engine/reducer';
import { sec, taskColour } from './format';
import { barBox } from './timelineLayout';
import { barLabel } from './timelineText';

interface BarViewProps {
  readonly bar: Bar;
  readonly axisS: number;
  readonly row: number;
  readonly rowPx: number;
  /** Only for a running bar (so finished bars do not redraw as time passes). */
  readonly nowS: number | null;
  readonly showText: boolean;
  readonly focusable: boolean;
  readonly onPoint: (task: number | null) => void;
}

/** One measured bar; memoised, so a frame redraws only the bars that changed. */
export const BarView = memo(function BarView({
  bar,
  axisS,
  row,
  rowPx,
  nowS,
  showText,
  focusable,
  onPoint,
}: BarViewProps) {
  const end = bar.endS ?? nowS ?? bar.startS;
  const text = barLabel(bar, nowS);
  const hide = (): void => onPoint(null);
  const show = (): void => onPoint(bar.task);
  return (
    <div
      role="img"
      aria-label={text}
      tabIndex={focusable ? 0 : undefined}
      onMouseEnter={show}
      onMouseLeave={hide}
      onFocus={show}
      onBlur={hide}
      className={`bar bar-${bar.status}`}
      style={{
        ...barBox(bar.startS, end, row, rowPx, axisS),
        background: bar.status === 'error' ? undefined : taskColour(bar.task),
      }}
    >
      {showText && (
        <span className="bar-text">
          {bar.status === 'error' ? '✕ ' : ''}
          {bar.task + 1}
        </span>
      )}
    </div>
  );
});

/** One task of the ideal schedule: a dashed outline behind the measured bars. */
export function GhostBar({
  task,
  axisS,
  row,
  rowPx,
}: {
  readonly task: IdealTask;
  readonly axisS: number;
  readonly row: number;
  readonly rowPx: number;
}) {
  return (
    <div
      className="ghost"
      role="listitem"
      aria-label={`Ideal: task ${task.task + 1}: ${sec(task.startS)}–${sec(task.endS)} s`}
      style={barBox(task.startS, task.endS, row, rowPx, axisS)}
    />
  );
}
