import { formatMs, speedup, type StrategySummary } from './measure';
import { STRATEGY_NAMES } from './strategies';

/** Table `Mandelbrot results`: one row per strategy run, its checksum in the last column. */
export function MandelbrotTable({ rows }: { readonly rows: readonly StrategySummary[] }) {
  return (
    <div className="table-scroll">
      <table aria-label="Mandelbrot results" className="mandel-table">
        <thead>
          <tr>
            <th scope="col">Strategy</th>
            <th scope="col">Wall-clock (ms)</th>
            <th scope="col">Speedup vs sequential</th>
            <th scope="col">Busiest / idlest worker busy (ms)</th>
            <th scope="col">Imbalance (idle % of worker-time)</th>
            <th scope="col">Checksum</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={6} className="hint">
                No run yet.
              </td>
            </tr>
          )}
          {rows.map((r) => {
            const s = speedup(r, rows);
            return (
              <tr key={r.strategy}>
                <th scope="row">
                  {STRATEGY_NAMES[r.strategy]}
                  <span className="mandel-row-detail">
                    {r.workers} worker{r.workers === 1 ? '' : 's'}
                    {r.strategy === 'sequential' ? '' : `, chunksize ${r.chunkSize}`}
                    {r.stopped ? ` · stopped at ${r.tilesDone} of ${r.tileCount} tiles` : ''}
                  </span>
                </th>
                <td title={formatMs(r.wallMs)}>{r.wallMs.toFixed(0)}</td>
                <td>{s === null ? '—' : `${s.toFixed(2)}×`}</td>
                <td>
                  {r.busiest.busyMs.toFixed(0)} / {r.idlest.busyMs.toFixed(0)}
                  {r.workers > 1 && (
                    <span className="mandel-row-detail">
                      worker {r.busiest.worker + 1} / worker {r.idlest.worker + 1}
                    </span>
                  )}
                </td>
                <td>{r.idlePct.toFixed(1)} %</td>
                <td>
                  <code>{r.checksum ?? (r.stopped ? 'incomplete' : '—')}</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
