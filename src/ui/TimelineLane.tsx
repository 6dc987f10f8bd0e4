import type { CSSProperties } from 'react';
import type { Bar } from '../engine/reducer';
import { STRATEGY_LABELS, type StrategyName } from '../engine/types';
import { sec } from './format';
import { BarView, GhostBar } from './TimelineBars';
import { LANE_PAD_PX, pct, rowOf, tooltipAt, type Lane, type Rows } from './timelineLayout';
import { barLabel, laneLabel } from './timelineText';

interface Props {
  readonly name: StrategyName;
  readonly lane: Lane;
  readonly rows: Rows;
  readonly trackStyle: CSSProperties;
  readonly axisS: number;
  readonly nowS: number | null;
  readonly cores: number;
  /** The strategy is running: the now line is drawn. */
  readonly running: boolean;
  /** Bars are in the Tab order. */
  readonly focusable: boolean;
  /** The ideal end line (a large run draws it instead of one outline per task). */
  readonly idealEndS: number | null;
  /** The bar under the pointer or focus, if it is in this lane. */
  readonly pointed: Bar | undefined;
  readonly onPoint: (task: number | null) => void;
}

/** One Worker's lane: its label, then ideal outlines, start-up, measured bars, tooltip and lines. */
export function TimelineLane({
  name,
  lane,
  rows,
  trackStyle,
  axisS,
  nowS,
  cores,
  running,
  focusable,
  idealEndS,
  pointed,
  onPoint,
}: Props) {
  const { worker, spawn } = lane;
  const { labelled, rowPx } = rows;
  return (
    <div className={`lane${lane.beyond ? ' lane-beyond' : ''}`}>
      <div className="lane-label">
        {labelled && laneLabel(name, worker)}
        {labelled && lane.beyond && <span className="beyond-note">beyond {cores} cores</span>}
        {labelled && lane.idle && <span className="idle-note">idle: no task left for it</span>}
      </div>
      <div className="track" style={trackStyle}>
        {/* The ideal schedule is a list of its own: a list may hold only list items, and the
            measured bars (images) sit beside it on the same track. */}
        <div
          className="ghosts"
          role="list"
          aria-label={`${STRATEGY_LABELS[name]} ideal schedule, worker ${worker} (model)`}
        >
          {lane.ghosts.map((t) => (
            <GhostBar key={`ideal-${t.task}`} task={t} axisS={axisS} row={rowOf(name, t.task)} rowPx={rowPx} />
          ))}
        </div>
        {spawn && (
          <div
            className="spawn"
            aria-hidden="true"
            title={`Worker ${worker} starting (new Worker until its first task): ${sec(spawn.startS)}–${sec(spawn.endS)} s`}
            style={{
              left: pct(spawn.startS, axisS),
              width: pct(spawn.endS - spawn.startS, axisS),
              top: `${LANE_PAD_PX}px`,
              bottom: `${LANE_PAD_PX}px`,
            }}
          />
        )}
        {lane.bars.map((bar) => (
          <BarView
            key={bar.task}
            bar={bar}
            axisS={axisS}
            row={rowOf(name, bar.task)}
            rowPx={rowPx}
            nowS={bar.endS === null ? nowS : null}
            showText={rows.showText}
            focusable={focusable}
            onPoint={onPoint}
          />
        ))}
        {pointed && (
          <div
            className="tooltip"
            aria-hidden="true"
            style={tooltipAt(pointed, rowOf(name, pointed.task), rowPx, axisS)}
          >
            {barLabel(pointed, nowS)}
          </div>
        )}
        {nowS !== null && running && <div className="now-line" aria-hidden="true" style={{ left: pct(nowS, axisS) }} />}
        {idealEndS !== null && (
          <div
            className="ideal-end"
            title={`Ideal end (model): ${sec(idealEndS)} s`}
            style={{ left: pct(idealEndS, axisS) }}
          />
        )}
      </div>
    </div>
  );
}
