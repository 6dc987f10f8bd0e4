import type { Bar } from '../engine/reducer';

const s2 = (x: number): string => x.toFixed(2);

const STATUS_TEXT: Record<Bar['status'], string> = {
  done: 'completed',
  running: 'running',
  stopped: 'stopped',
  error: 'raised',
};

/**
 * A timeline's bars as a data table, in task order: for screen readers, and for reading exact
 * numbers off a projector. Times in seconds since the strategy started, as on the axis.
 */
export function TimelineTable({ label, bars, nowS }: { label: string; bars: readonly Bar[]; nowS: number | null }) {
  const sorted = [...bars].sort((a, b) => a.task - b.task || a.startS - b.startS);
  return (
    <div className="table-scroll timeline-table">
      <table aria-label={`${label} bars`}>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Worker</th>
            <th scope="col">Start (s)</th>
            <th scope="col">End (s)</th>
            <th scope="col">Took (s)</th>
            <th scope="col">How it ended</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((bar) => {
            const end = bar.endS ?? nowS;
            return (
              <tr key={`${bar.task}-${bar.startS}`}>
                <th scope="row">{bar.task + 1}</th>
                <td>{bar.worker}</td>
                <td>{s2(bar.startS)}</td>
                <td>{bar.endS === null ? '—' : s2(bar.endS)}</td>
                <td>{end === null ? '—' : s2(end - bar.startS)}</td>
                <td>{bar.status === 'error' ? `raised ${bar.message ?? 'an error'}` : STATUS_TEXT[bar.status]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {sorted.length === 0 && <p className="hint">No task has started yet.</p>}
    </div>
  );
}
