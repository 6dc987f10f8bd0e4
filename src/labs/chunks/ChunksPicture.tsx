import { useCallback } from 'react';
import { CanvasGantt } from '../shared/CanvasGantt';
import { axisTicks } from '../shared/ganttLayout';
import type { RunView } from './useChunksRun';

/** Rounds up to a whole tick step, so a growing run redraws only when it crosses a step. */
function niceEnd(ms: number): number {
  const ticks = axisTicks(Math.max(1, ms));
  const step = (ticks[1]?.ms ?? ms) || 1;
  return Math.max(step, Math.ceil((ms - 1e-9) / step) * step);
}

const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export function ganttName(v: RunView): string {
  const tasks = v.bars.length.toLocaleString('en-US');
  const on = `${v.workers} worker${v.workers === 1 ? '' : 's'}`;
  const took = v.elapsedMs === null ? 'not started' : v.running ? `${secs(v.elapsedMs)} so far` : secs(v.elapsedMs);
  const stopped = v.result?.stopped ? ', stopped' : '';
  return `${v.label}: ${tasks} tasks on ${on}, ${took}${stopped}`;
}

/** One canvas Gantt per strategy that has started, on one time axis. */
export function ChunksPicture({ views }: { readonly views: readonly RunView[] }) {
  const laneLabel = useCallback((i: number) => `Worker ${i + 1}`, []);
  const started = views.filter((v) => v.elapsedMs !== null);
  // A running strategy gets headroom, so the axis (and every Gantt on it) is redrawn a few times, not at every tick.
  const axisMs = niceEnd(Math.max(1, ...started.map((v) => (v.elapsedMs ?? 0) * (v.running ? 1.5 : 1))));
  if (started.length === 0)
    return <p className="hint">Press Run: each strategy’s tasks appear here, one bar per task, lanes = Workers.</p>;
  return (
    <div className="chunks-picture">
      <p className="chunks-legend">
        One bar per task; chunks alternate colour (orange, blue) and each chunk’s first task has a mark above it. Same
        time axis for every strategy.
      </p>
      {started.map((v) => (
        <section key={v.key} className="chunks-gantt" aria-label={`${v.label} timeline`}>
          <h3>
            {v.label}{' '}
            <span className="subtitle">
              {v.running ? 'running…' : v.result?.stopped ? 'stopped' : v.elapsedMs !== null ? secs(v.elapsedMs) : ''}
            </span>
          </h3>
          <CanvasGantt
            lanes={v.workers}
            laneLabel={laneLabel}
            bars={v.bars}
            axisMs={axisMs}
            ariaLabel={ganttName(v)}
            tableLabel={`${v.label}: per worker`}
            groupName="Chunks"
            {...(v.elapsedMs !== null && !v.running ? { endMs: v.elapsedMs } : {})}
          />
        </section>
      ))}
    </div>
  );
}
