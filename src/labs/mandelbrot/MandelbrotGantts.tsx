import { useCallback, useMemo } from 'react';
import { TASK_COLOURS } from '../../ui/format';
import { CanvasGantt, type GanttBar } from '../shared/CanvasGantt';
import { formatMs } from './measure';
import { COST_TONES, costTone } from './palette';
import { STRATEGY_NAMES } from './strategies';
import type { LiveRun } from './useMandelbrotRun';

/** Where a run's bars end so far: its end, or its latest tile. */
function reachMs(run: LiveRun): number {
  if (run.startMs === null) return 0;
  if (run.endMs !== null) return run.endMs - run.startMs;
  return Math.max(0, ...run.records.map((r) => r.endMs - run.startMs!));
}

function barsOf(run: LiveRun): GanttBar[] {
  const start = run.startMs;
  if (start === null) return [];
  return run.records.map((r) => {
    const tile = run.tiles[r.index];
    const most = tile ? tile.w * tile.h * run.maxIter : 0;
    return {
      lane: r.worker,
      startMs: r.startMs - start,
      endMs: r.endMs - start,
      tone: costTone(r.iterations, most),
      label: `Tile ${r.index + 1}`,
    };
  });
}

function StrategyGantt({ run, version, axisMs }: { run: LiveRun; version: number; axisMs: number }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the run is filled in place; version says it changed
  const bars = useMemo(() => barsOf(run), [run, version]);
  const laneLabel = useCallback((lane: number) => `Worker ${lane + 1}`, []);
  const name = STRATEGY_NAMES[run.strategy];
  const what =
    run.endMs === null
      ? `${run.records.length} of ${run.tiles.length} tiles so far`
      : `${run.records.length} of ${run.tiles.length} tiles on ${run.workers} worker${run.workers === 1 ? '' : 's'}, ${formatMs(reachMs(run))}${run.stopped ? ', stopped' : ''}`;
  return (
    <section className="mandel-gantt" aria-label={`${name} Gantt`}>
      <h4>{name}</h4>
      <CanvasGantt
        lanes={run.workers}
        laneLabel={laneLabel}
        bars={bars}
        axisMs={axisMs}
        {...(run.endMs === null || run.startMs === null ? {} : { endMs: run.endMs - run.startMs })}
        ariaLabel={`${name}: ${what}`}
      />
    </section>
  );
}

/** A Gantt per strategy on one time axis: lanes = workers, a bar per tile coloured by its cost. */
export function MandelbrotGantts({ runs, version }: { runs: readonly LiveRun[]; version: number }) {
  const axisMs = Math.max(1, ...runs.map(reachMs));
  if (runs.length === 0) return null;
  return (
    <div className="mandel-gantts">
      <h3>Who computed what, when</h3>
      <p className="hint mandel-gantt-key">
        One bar per tile, on one time axis for every strategy; empty track at the end of a lane = that worker sat idle.
        Bar colour = the tile’s cost (its iterations as a share of pixels × max iterations):
      </p>
      <ul className="mandel-legend mandel-cost-key" aria-label="Tile cost">
        {COST_TONES.map((t) => (
          <li key={t.tone}>
            <span className="mandel-swatch" style={{ background: TASK_COLOURS[t.tone] }} aria-hidden="true" />
            {t.name}
          </li>
        ))}
      </ul>
      {runs.map((run) => (
        <StrategyGantt key={run.strategy} run={run} version={version} axisMs={axisMs} />
      ))}
    </div>
  );
}
