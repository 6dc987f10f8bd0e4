import { dispatchPerTaskUs, speedup } from './model';
import type { RunView } from './useChunksRun';

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms1 = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Table `Chunks results`: one row per strategy that has run. */
export function ChunksTable({ views }: { readonly views: readonly RunView[] }) {
  const seq = views.find((v) => v.key === 'sequential')?.result;
  const seqMs = seq && !seq.stopped ? seq.wallMs : null;
  const rows = views.filter((v) => v.result !== null);
  return (
    <div className="table-scroll">
      <table aria-label="Chunks results" className="chunks-table">
        <caption>
          Wall-clock: first chunk sent → last result back, on the page’s clock. Dispatch per task: the Worker time not
          spent on tasks, (workers × wall-clock − compute) ÷ tasks. Per message: the median idle gap on a Worker between
          one chunk’s last task and its next chunk’s first.
        </caption>
        <thead>
          <tr>
            <th scope="col">Strategy</th>
            <th scope="col">Tasks</th>
            <th scope="col">Wall-clock (ms)</th>
            <th scope="col">Compute (ms)</th>
            <th scope="col">Speedup vs sequential</th>
            <th scope="col">Messages</th>
            <th scope="col">Dispatch per task (µs)</th>
            <th scope="col">Per message (µs)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => {
            const r = v.result;
            if (!r) return null;
            const s = r.stopped ? null : speedup(seqMs, r.wallMs);
            return (
              <tr key={v.key}>
                <th scope="row">
                  {v.label}
                  {r.stopped ? ' (stopped)' : ''}
                </th>
                <td>{int(r.tasksDone)}</td>
                <td>{ms1(r.wallMs)}</td>
                <td>{ms1(r.computeMs)}</td>
                <td>{s === null ? '—' : `${s.toFixed(2)}×`}</td>
                <td>{int(r.messages)}</td>
                <td>{ms1(dispatchPerTaskUs(r))}</td>
                <td>{r.messageGapUs === null ? '—' : ms1(r.messageGapUs)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="hint">No strategy has finished yet.</p>}
    </div>
  );
}
