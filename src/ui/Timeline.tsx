import { memo, useCallback, useState, type CSSProperties } from 'react';
import type { IdealSchedule, IdealTask } from '../engine/ideal';
import type { Bar, StrategyRun } from '../engine/reducer';
import { arrivals } from '../engine/selectors';
import { STRATEGY_LABELS, type ResultOrder, type StrategyName, type TaskKind } from '../engine/types';
import { taskKind } from '../engine/taskKinds';
import { sec, taskColour, tickStep } from './format';
import { LARGE_RUN_TASKS } from './redraw';

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
}

const TRACK_MAX_PX = 320;

const pct = (s: number, axisS: number): string => `${(Math.max(0, s) / axisS) * 100}%`;

function laneLabel(name: StrategyName, worker: number): string {
  if (name === 'sequential') return 'Warm worker';
  if (name === 'threads') return 'One event loop';
  return `Worker ${worker}`;
}

function subtitle(name: StrategyName, workers: number, tasks: number): string {
  switch (name) {
    case 'sequential':
      return 'one task after another on a warm Worker';
    case 'processes':
      return `${tasks} new Worker${tasks === 1 ? '' : 's'}, one per task, start-up timed`;
    case 'pool':
      return `a pool of ${workers} Worker${workers === 1 ? '' : 's'}, start-up timed`;
    case 'threads':
      return 'all tasks on one Worker’s event loop';
  }
}

export function barLabel(bar: Bar, nowS: number | null): string {
  const end = bar.endS ?? nowS ?? bar.startS;
  const base = `Task ${bar.task + 1} on worker ${bar.worker}: ${sec(bar.startS)}–${sec(end)} s`;
  switch (bar.status) {
    case 'done':
      return base;
    case 'running':
      return `${base} (running)`;
    case 'stopped':
      return `${base} (stopped)`;
    case 'error':
      return `${base} (raised ${bar.message ?? 'an error'})`;
  }
}

/** A Gantt timeline for one strategy: one lane per worker, measured bars over the ideal ones. */
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
const BarView = memo(function BarView({ bar, axisS, row, rowPx, nowS, showText, focusable, onPoint }: BarViewProps) {
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
        left: pct(bar.startS, axisS),
        width: pct(end - bar.startS, axisS),
        top: `${row * rowPx + LANE_PAD_PX}px`,
        height: `${Math.max(1, rowPx - 2)}px`,
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

const LANE_PAD_PX = 3;
/** Above this many tasks, a strip of result chips would say nothing: it is left out. */
const ARRIVAL_CHIPS_MAX = 60;

function groupByWorker<T extends { readonly worker: number }>(
  items: readonly T[],
  workerOf: (item: T) => number = (i) => i.worker,
): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const w = workerOf(item);
    const list = map.get(w);
    if (list) list.push(item);
    else map.set(w, [item]);
  }
  return map;
}

/** A Gantt timeline for one strategy: one lane per worker, measured bars over the ideal ones. */
export function Timeline({ name, run, ideal, axisS, nowS, kind, cores, workers, order }: Props) {
  const label = STRATEGY_LABELS[name];
  // The bar under the pointer or keyboard focus, whose label is shown as a tooltip.
  const [pointed, setPointed] = useState<number | null>(null);
  const onPoint = useCallback((task: number | null) => setPointed(task), []);
  const tasks = ideal.tasks.length;
  const lanes = Math.max(ideal.lanes, run?.lanes ?? 0);
  // Threads run concurrently on one lane: give each task its own row there.
  const rowsPerLane = name === 'threads' ? tasks : 1;
  const rowOf = (task: number): number => (name === 'threads' ? task : 0);
  const rowPx = Math.max(2, Math.min(34, Math.floor(TRACK_MAX_PX / (lanes * rowsPerLane))));
  const laneStyle: CSSProperties = {
    height: `${rowPx * rowsPerLane + 2 * LANE_PAD_PX}px`,
    // Gridlines at every tick, drawn by the background rather than one element per tick and lane.
    backgroundSize: `${(tickStep(axisS) / axisS) * 100}% 100%`,
  };
  const showText = rowPx >= 18;
  const labelled = rowPx * rowsPerLane >= 14;
  const bars = run?.bars ?? [];
  const focusable = bars.length <= 60;
  const step = tickStep(axisS);
  const ticks = Array.from({ length: Math.floor(axisS / step + 1e-9) + 1 }, (_, i) => i * step);

  const spawnsByWorker = new Map((run?.spawns ?? []).map((s) => [s.worker, s.atS]));
  const firstStart = new Map<number, number>();
  for (const bar of bars) {
    const seen = firstStart.get(bar.worker);
    if (seen === undefined || bar.startS < seen) firstStart.set(bar.worker, bar.startS);
  }
  const barsByWorker = groupByWorker(bars);
  // Draw each ideal bar in the lane where its task really ran, so measured and ideal line up.
  const measuredLane = new Map(bars.map((b) => [b.task, b.worker]));
  // A large run draws the ideal as one end line, not a ghost per task (thousands of outlines say less).
  const ghostly = tasks <= LARGE_RUN_TASKS;
  const ghostsByWorker = ghostly
    ? groupByWorker(ideal.tasks, (t) => measuredLane.get(t.task) ?? t.worker)
    : new Map<number, IdealTask[]>();
  const pointedBar = pointed === null ? undefined : bars.find((b) => b.task === pointed);

  let status: string;
  if (!run) status = `waiting · ideal ${sec(ideal.totalS)} s`;
  else if (run.status === 'running') status = `running · ${sec(nowS ?? 0)} s`;
  else
    status = `${sec(run.wallS ?? 0)} s measured · ${sec(ideal.totalS)} s ideal${run.status === 'done' ? '' : ` · ${run.status}`}`;

  const overCores = taskKind(kind).needsCore && (name === 'processes' || name === 'pool');

  return (
    <section className={`timeline timeline-${run?.status ?? 'waiting'}`} aria-label={`${label} timeline`}>
      <header className="timeline-head">
        <h3>
          {label} <span className="subtitle">{subtitle(name, workers, tasks)}</span>
        </h3>
        <span className="timeline-status">{status}</span>
      </header>
      <div className="lanes">
        {Array.from({ length: lanes }, (_, i) => i + 1).map((worker) => {
          const beyond = overCores && worker > cores;
          const spawnAt = spawnsByWorker.get(worker);
          // Start-up is drawn up to the lane's first task; a Worker that never got one is marked idle.
          const spawnEnd = firstStart.get(worker);
          const idle = spawnAt !== undefined && spawnEnd === undefined && run?.status !== 'running';
          return (
            <div className={`lane${beyond ? ' lane-beyond' : ''}`} key={worker}>
              <div className="lane-label">
                {labelled && laneLabel(name, worker)}
                {labelled && beyond && <span className="beyond-note">beyond {cores} cores</span>}
                {labelled && idle && <span className="idle-note">idle: no task left for it</span>}
              </div>
              <div
                className="track"
                style={laneStyle}
                role="list"
                aria-label={`${label} ideal schedule, worker ${worker} (model)`}
              >
                {(ghostsByWorker.get(worker) ?? []).map((t) => (
                  <div
                    key={`ideal-${t.task}`}
                    className="ghost"
                    role="listitem"
                    aria-label={`Ideal: task ${t.task + 1}: ${sec(t.startS)}–${sec(t.endS)} s`}
                    style={{
                      left: pct(t.startS, axisS),
                      width: pct(t.endS - t.startS, axisS),
                      top: `${rowOf(t.task) * rowPx + LANE_PAD_PX}px`,
                      height: `${Math.max(1, rowPx - 2)}px`,
                    }}
                  />
                ))}
                {spawnAt !== undefined && spawnEnd !== undefined && spawnEnd > spawnAt && (
                  <div
                    className="spawn"
                    aria-hidden="true"
                    title={`Worker ${worker} starting (new Worker until its first task): ${sec(spawnAt)}–${sec(spawnEnd)} s`}
                    style={{
                      left: pct(spawnAt, axisS),
                      width: pct(spawnEnd - spawnAt, axisS),
                      top: `${LANE_PAD_PX}px`,
                      bottom: `${LANE_PAD_PX}px`,
                    }}
                  />
                )}
                {(barsByWorker.get(worker) ?? []).map((bar) => (
                  <BarView
                    key={bar.task}
                    bar={bar}
                    axisS={axisS}
                    row={rowOf(bar.task)}
                    rowPx={rowPx}
                    nowS={bar.endS === null ? nowS : null}
                    showText={showText}
                    focusable={focusable}
                    onPoint={onPoint}
                  />
                ))}
                {pointedBar && pointedBar.worker === worker && (
                  <div
                    className="tooltip"
                    aria-hidden="true"
                    style={{
                      left: pct(Math.min(pointedBar.startS, axisS * 0.6), axisS),
                      top: `${rowOf(pointedBar.task) * rowPx + rowPx + 4}px`,
                    }}
                  >
                    {barLabel(pointedBar, nowS)}
                  </div>
                )}
                {nowS !== null && run?.status === 'running' && (
                  <div className="now-line" aria-hidden="true" style={{ left: pct(nowS, axisS) }} />
                )}
                {!ghostly && (
                  <div
                    className="ideal-end"
                    title={`Ideal end (model): ${sec(ideal.totalS)} s`}
                    style={{ left: pct(ideal.totalS, axisS) }}
                  />
                )}
              </div>
            </div>
          );
        })}
      </div>
      {name === 'pool' && run && tasks <= ARRIVAL_CHIPS_MAX && (
        <ResultsArrive items={arrivals(run, order)} order={order} axisS={axisS} />
      )}
      <div className="axis" aria-hidden="true">
        <div className="lane-label" />
        <div className="axis-track">
          {ticks.map((t) => (
            <span key={t} className="tick" style={{ left: pct(t, axisS) }}>
              {Number(t.toFixed(2))} s
            </span>
          ))}
        </div>
      </div>
    </section>
  );
}

/** The order in which the program received the pool's results, on the same time axis. */
function ResultsArrive({
  items,
  order,
  axisS,
}: {
  readonly items: readonly { readonly task: number; readonly atS: number }[];
  readonly order: ResultOrder;
  readonly axisS: number;
}) {
  const how = order === 'submitted' ? 'executor.map: in submission order' : 'as_completed: as they finish';
  // Arrival times only grow: each chip's offset is how many chips just before it came together.
  const offsets: number[] = [];
  items.forEach((item, i) => {
    const prev = items[i - 1];
    offsets.push(prev && item.atS - prev.atS < axisS * 0.03 ? (offsets[i - 1] ?? 0) + 1 : 0);
  });
  return (
    <div className="arrivals">
      <div className="lane-label">Results arrive</div>
      <ol className="arrivals-list" aria-label={`Pool results arrive (${how})`}>
        {items.map((item, i) => (
          <li
            key={item.task}
            style={{
              left: pct(item.atS, axisS),
              // Results arriving together would hide each other: line them up side by side.
              transform: `translateX(calc(-50% + ${(offsets[i] ?? 0) * 1.9}rem))`,
            }}
          >
            <span className="chip" style={{ background: taskColour(item.task) }}>
              {item.task + 1}
            </span>
            <span className="visually-hidden">
              {` ${i + 1}: result of task ${item.task + 1} at ${sec(item.atS)} s`}
            </span>
          </li>
        ))}
      </ol>
      <p className="arrivals-note">{how}</p>
    </div>
  );
}
