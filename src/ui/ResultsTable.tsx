import type { Breakdown } from '../engine/breakdown';
import type { ResultRow } from '../engine/store';
import { sec } from './format';

/** One row per finished strategy: measured wall-clock against the ideal model. */
export interface ResultLine extends ResultRow {
  readonly breakdown: Breakdown | null;
}

const msText = (x: number | undefined): string => (x === undefined ? '–' : String(Math.round(x)));

export function ResultsTable({ rows }: { readonly rows: readonly ResultLine[] }) {
  return (
    <div className="results">
      <table>
        <caption>Results</caption>
        <thead>
          <tr>
            <th scope="col">Strategy</th>
            <th scope="col">Wall-clock (s)</th>
            <th scope="col">Ideal (s)</th>
            <th scope="col">Overhead (ms)</th>
            <th scope="col">Speedup</th>
            <th scope="col">Worker start-up (ms)</th>
            <th scope="col">Dispatch (ms)</th>
            <th scope="col">Other (ms)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} className={`row-${row.status}`}>
              <th scope="row">{row.label}</th>
              <td>{sec(row.wallS)}</td>
              <td>{sec(row.idealS)}</td>
              <td>{Math.round(row.overheadMs)}</td>
              <td>{row.speedup.toFixed(2)}×</td>
              <td>{msText(row.breakdown?.startupMs)}</td>
              <td>{msText(row.breakdown?.dispatchMs)}</td>
              <td>{msText(row.breakdown?.restMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="empty">Each strategy gets a row here when it finishes.</p>}
      <p className="hint">
        <strong>Ideal</strong> is a model, not a measurement: a perfect machine with no Worker start-up or messaging
        cost. <strong>Overhead</strong> = measured − ideal = Worker start-up + Dispatch + Other, measured along the
        worker that finished last: start-up is new Worker → ready, dispatch the messages’ round trips, other the
        rest (late timers, shared cores). <strong>Speedup</strong> = sum of task durations ÷ measured wall-clock.
      </p>
    </div>
  );
}
