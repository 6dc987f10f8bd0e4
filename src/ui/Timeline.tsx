import { useCallback, useContext, useState, type CSSProperties } from 'react';
import type { IdealSchedule } from '../engine/ideal';
import type { StrategyRun } from '../engine/reducer';
import { arrivals } from '../engine/selectors';
import { STRATEGY_LABELS, type ResultOrder, type StartMethod, type StrategyName, type TaskKind } from '../engine/types';
import { ArrivalStrip } from './ArrivalStrip';
import { PointTaskContext } from './pointedTask';
import { TimelineAxis } from './TimelineAxis';
import { TimelineLane } from './TimelineLane';
import { TimelineTable } from './TimelineTable';
import { ARRIVAL_CHIPS_MAX, FOCUSABLE_BARS_MAX, gridSize, laneLayout, rowLayout } from './timelineLayout';
import { subtitle, timelineStatus } from './timelineText';

interface Props {
  readonly name: StrategyName;
  /** Absent until the strategy starts. */
  readonly run: StrategyRun | undefined;
  readonly ideal: IdealSchedule;
  readonly axisS: number;
  /** Seconds since this strategy started, while it runs. */
  readonly nowS: number | null;
  readonly kind: TaskKind;
  readonly cores: number;
  readonly workers: number;
  readonly order: ResultOrder;
  readonly start?: StartMethod | undefined;
  /** A compared run's timeline: its name before ` timeline` (e.g. `CPython 3.11 pool`) and subtitle. */
  readonly title?: { readonly name: string; readonly subtitle: string } | undefined;
}

/** A Gantt timeline for one strategy: one lane per worker, measured bars over the ideal ones. */
export function Timeline({ name, run, ideal, axisS, nowS, kind, cores, workers, order, start, title }: Props) {
  const label = title?.name ?? STRATEGY_LABELS[name];
  // The bar under the pointer or keyboard focus, whose label is shown as a tooltip.
  const [pointed, setPointed] = useState<number | null>(null);
  const pointTask = useContext(PointTaskContext);
  const onPoint = useCallback(
    (task: number | null) => {
      setPointed(task);
      pointTask(task);
    },
    [pointTask],
  );
  const [asTable, setAsTable] = useState(false);
  const tasks = ideal.tasks.length;
  const { lanes, ghostly } = laneLayout({ name, run, ideal, kind, cores });
  const rows = rowLayout(name, tasks, lanes.length);
  const trackStyle: CSSProperties = { height: `${rows.laneHeightPx}px`, backgroundSize: gridSize(axisS) };
  const bars = run?.bars ?? [];
  const pointedBar = pointed === null ? undefined : bars.find((b) => b.task === pointed);
  return (
    <section className={`timeline timeline-${run?.status ?? 'waiting'}`} aria-label={`${label} timeline`}>
      <header className="timeline-head">
        <h3>
          {label} <span className="subtitle">{title?.subtitle ?? subtitle(name, workers, tasks, start)}</span>
        </h3>
        <span className="timeline-status">{timelineStatus(run, ideal, nowS)}</span>
        <button type="button" className="link-button" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          Show as table
        </button>
      </header>
      <div className="lanes">
        {lanes.map((lane) => (
          <TimelineLane
            key={lane.worker}
            name={name}
            lane={lane}
            rows={rows}
            trackStyle={trackStyle}
            axisS={axisS}
            nowS={nowS}
            cores={cores}
            running={run?.status === 'running'}
            focusable={bars.length <= FOCUSABLE_BARS_MAX}
            idealEndS={ghostly ? null : ideal.totalS}
            pointed={pointedBar?.worker === lane.worker ? pointedBar : undefined}
            onPoint={onPoint}
          />
        ))}
      </div>
      {name === 'pool' && run && tasks <= ARRIVAL_CHIPS_MAX && (
        <ArrivalStrip items={arrivals(run, order)} order={order} axisS={axisS} />
      )}
      <TimelineAxis axisS={axisS} />
      {asTable && <TimelineTable label={label} bars={bars} nowS={nowS} />}
    </section>
  );
}
