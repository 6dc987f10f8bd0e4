import { COUNTED_TRIPS, formatMs, mbPerSecond, senderLabel, type TransferRow } from './model';

/** Table `Transfer results`: the median trip of each (size, method), in the order measured. */
export function TransferTable({ rows }: { readonly rows: readonly TransferRow[] }) {
  return (
    <div className="transfer-table-wrap">
      <table className="transfer-table" aria-describedby="transfer-table-note">
        <caption>Transfer results</caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">Size (MB)</th>
            <th scope="col">There (ms)</th>
            <th scope="col">Work (ms)</th>
            <th scope="col">Back (ms)</th>
            <th scope="col">Total (ms)</th>
            <th scope="col">
              MB/s <span className="col-note">(size × 2 ÷ total)</span>
            </th>
            <th scope="col">Page’s buffer after sending</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="hint">
                No measurements yet.
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={`${row.sizeMb}-${row.method}`} className={`method-${row.method}`}>
                <th scope="row">{row.method}</th>
                <td>{row.sizeMb}</td>
                <td>{formatMs(row.parts.thereMs)}</td>
                <td>{formatMs(row.parts.workMs)}</td>
                <td>{formatMs(row.parts.backMs)}</td>
                <td>{formatMs(row.parts.totalMs)}</td>
                <td>{formatMbps(mbPerSecond(row.sizeMb, row.parts.totalMs))}</td>
                <td>{senderLabel(row.method, row.senderBytes)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <p id="transfer-table-note" className="hint">
        Each row is the median trip (by total) of {COUNTED_TRIPS}; one warm-up trip before them is not counted. There:
        the page’s postMessage until the Worker has the data; work: the Worker reads one number per 4 KB page and adds 1
        to it; back: the Worker’s postMessage until the page has the data. MB = 2<sup>20</sup> bytes; MB/s counts the
        size both ways (transfer and shared copy nothing, so theirs is what the data would have needed).
      </p>
    </div>
  );
}

function formatMbps(mbPerS: number): string {
  return Number.isFinite(mbPerS) ? Math.round(mbPerS).toLocaleString('en-US') : '∞';
}
