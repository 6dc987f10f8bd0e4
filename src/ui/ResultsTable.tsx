import type { ResultRow } from '../engine/store';
import { sec } from './format';

/** One row per finished strategy: measured wall-clock against the ideal model. */
export function ResultsTable({ rows }: { readonly rows: readonly ResultRow[] }) {
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
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="empty">Each strategy gets a row here when it finishes.</p>}
      <p className="hint">
        <strong>Ideal</strong> is a model, not a measurement: a perfect machine with no Worker start-up or messaging
        cost. <strong>Overhead</strong> = measured − ideal. <strong>Speedup</strong> = sum of task durations ÷ measured
        wall-clock.
      </p>
    </div>
  );
}
