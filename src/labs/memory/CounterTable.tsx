import type { ReactNode } from 'react';
import { expected, formatCount, formatMs, formatNs, lostUpdates, nsPerIncrement, VARIANT_NAMES } from './model';
import type { RowState } from './rows';

interface Cells {
  readonly final: ReactNode;
  readonly lost: ReactNode;
  readonly time: string;
  readonly ns: string;
}

const DASH = '—';

function cells(row: RowState): Cells {
  const blank = (final: ReactNode): Cells => ({ final, lost: DASH, time: DASH, ns: DASH });
  switch (row.kind) {
    case 'done': {
      const lost = lostUpdates(row);
      const separate = row.variant === 'separate';
      const copies = new Set(row.ownCopies);
      const copy = copies.size === 1 ? formatCount([...copies][0] ?? 0) : row.ownCopies.map(formatCount).join(', ');
      return {
        final: (
          <>
            {formatCount(row.final)}
            {separate && <span className="memory-note">each Worker’s own copy: {copy}</span>}
          </>
        ),
        lost: (
          <>
            {formatCount(lost)}
            {separate && <span className="memory-note">never shared: in the Workers’ own copies</span>}
          </>
        ),
        time: formatMs(row.timeMs),
        ns: formatNs(nsPerIncrement(row)),
      };
    }
    case 'stopped':
      return blank(row.counterAtStop === null ? 'stopped' : `stopped (counter at ${formatCount(row.counterAtStop)})`);
    case 'running':
      return blank('running…');
    case 'waiting':
      return blank('waiting');
    case 'skipped':
      return blank('not run (stopped)');
    case 'unavailable':
      return blank('needs cross-origin isolation');
    case 'idle':
      return blank(row.chosen ? DASH : 'not chosen');
  }
}

/** Table `Counter results`: a row per variant, the measured counters and times. */
export function CounterTable({
  rows,
  workers,
  increments,
}: {
  readonly rows: readonly RowState[];
  /** For Expected in rows without a measurement: the fields' current values. */
  readonly workers: number | null;
  readonly increments: number | null;
}) {
  return (
    <div className="memory-table-wrap">
      <table className="memory-table" aria-label="Counter results">
        <caption>
          Counter results <span className="hint">(Time: from the start barrier to the last Worker’s end)</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">Expected</th>
            <th scope="col">Final</th>
            <th scope="col">Lost updates</th>
            <th scope="col">Time (ms)</th>
            <th scope="col">ns per increment</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const c = cells(row);
            const exp =
              row.kind === 'done' || row.kind === 'stopped'
                ? formatCount(expected(row.workers, row.increments))
                : workers !== null && increments !== null
                  ? formatCount(expected(workers, increments))
                  : DASH;
            return (
              <tr key={row.variant} data-state={row.kind}>
                <th scope="row">{VARIANT_NAMES[row.variant]}</th>
                <td>{exp}</td>
                <td>{c.final}</td>
                <td>{c.lost}</td>
                <td>{c.time}</td>
                <td>{c.ns}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
