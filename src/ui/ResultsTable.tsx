import { breakdown, vsMeasuredSequential, type Breakdown } from '../engine/breakdown';
import type { ComparedRun } from '../engine/compared';
import { RESULTS_HEADERS } from '../engine/resultsCsv';
import { comparedRowLabel } from '../engine/runFile';
import { resultRows, type ResultRow } from '../engine/selectors';
import { sec } from './format';

export interface ResultLine extends ResultRow {
  readonly breakdown: Breakdown | null;
  /** The class's prediction for this strategy, seconds. */
  readonly predictedS?: number | undefined;
}

const msText = (x: number | undefined): string => (x === undefined ? '–' : String(Math.round(x)));

/** A compared run's rows (imported, or picked in History), compared with its own sequential run. */
export interface ResultGroup {
  readonly id: string;
  readonly rows: readonly ResultLine[];
}

/** An imported or History run's rows, named like its timelines: `CPython 3.11 pool (stopped)`. */
export function comparedResultGroup(run: ComparedRun): ResultGroup {
  return {
    id: run.id,
    rows: resultRows(run.state).map((row) => ({
      ...row,
      label: comparedRowLabel(run.label, row),
      breakdown: breakdown(row.run),
    })),
  };
}

interface Props {
  readonly rows: readonly ResultLine[];
  readonly compared?: readonly ResultGroup[];
  /** One sentence per predicted strategy, comparing prediction and measurement. */
  readonly predictionSentences: readonly string[];
}

/** "the median of 3 runs", or per strategy when a stop left them with different counts. */
function medianOf(rows: readonly ResultLine[]): string {
  const counts = new Set(rows.map((r) => r.runs));
  const [only] = counts;
  return counts.size === 1 && only !== undefined
    ? `the median of ${only} runs`
    : 'the median of each strategy’s runs (see Runs)';
}

/** One row per finished strategy: measured wall-clock against the ideal model. */
export function ResultsTable({ rows, compared = [], predictionSentences }: Props) {
  const all = [...rows, ...compared.flatMap((g) => g.rows)];
  const repeated = all.some((r) => r.runs > 1);
  const predicted = rows.some((r) => r.predictedS !== undefined);
  return (
    <div className="results">
      <div className="table-scroll">
        {/* The name stays `Results` (CONTRACT); with repeats the caption also says what Wall-clock is. */}
        <table aria-label="Results" aria-describedby={repeated ? 'results-median' : undefined}>
          <caption>
            Results
            {repeated && (
              <span className="caption-note">
                <span aria-hidden="true"> — </span>
                <span id="results-median">Wall-clock (s) is {medianOf(rows)}</span>
              </span>
            )}
          </caption>
          <thead>
            <tr>
              {RESULTS_HEADERS.map((header) =>
                header === 'Speedup vs measured sequential' ? (
                  <th
                    key={header}
                    scope="col"
                    className="vs-sequential-head"
                    title="Measured sequential wall-clock ÷ this strategy’s, both measured in this Run"
                  >
                    {header}
                  </th>
                ) : (
                  <th key={header} scope="col">
                    {header}
                  </th>
                ),
              )}
              {repeated && (
                <>
                  <th scope="col">Runs</th>
                  <th scope="col">Min (s)</th>
                  <th scope="col">Max (s)</th>
                </>
              )}
              {predicted && <th scope="col">Predicted (s)</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <ResultRowView key={row.name} row={row} rows={rows} repeated={repeated} predicted={predicted} />
            ))}
          </tbody>
          {compared.map((group) => (
            <tbody key={group.id} className="compared-rows">
              {group.rows.map((row) => (
                <ResultRowView key={row.name} row={row} rows={group.rows} repeated={repeated} predicted={predicted} />
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {all.length === 0 && <p className="empty">Each strategy gets a row here when it finishes.</p>}
      {predictionSentences.length > 0 && (
        <section className="predictions-result" aria-labelledby="predictions-title">
          <h3 id="predictions-title">Predicted vs measured</h3>
          {predictionSentences.map((s) => (
            <p key={s}>{s}</p>
          ))}
        </section>
      )}
      <p className="hint">
        {repeated && 'With repeated runs, Wall-clock is the median run (the one the timelines show). '}
        <strong>Ideal</strong> is a model, not a measurement: a perfect machine with no Worker start-up or messaging
        cost. <strong>Overhead</strong> = measured − ideal = Worker start-up + Dispatch + Other, measured along the
        worker that finished last: start-up is new Worker → ready, dispatch the messages’ round trips, other the rest
        (late timers, shared cores). <strong>Speedup</strong> = sum of task durations ÷ measured wall-clock.{' '}
        <strong>Speedup vs measured sequential</strong> = the Sequential wall-clock measured in this Run ÷ this
        strategy’s: two real measurements of the same tasks (— when this Run has no whole Sequential run). Stopped and
        failed runs show no overhead or speedup: they did not do all the work.
      </p>
    </div>
  );
}

/** One strategy's row; `rows` are the rows of the same run (for the speedup vs its sequential run). */
function ResultRowView({
  row,
  rows,
  repeated,
  predicted,
}: {
  readonly row: ResultLine;
  readonly rows: readonly ResultLine[];
  readonly repeated: boolean;
  readonly predicted: boolean;
}) {
  // A stopped or failed run did not do all the work: comparing it with the ideal would mislead.
  const whole = row.status === 'done';
  return (
    <tr className={`row-${row.status}`}>
      <th scope="row">{row.label}</th>
      <td>{sec(row.wallS)}</td>
      <td>{sec(row.idealS)}</td>
      <td>{whole ? Math.round(row.overheadMs) : '–'}</td>
      <td>{whole ? `${row.speedup.toFixed(2)}×` : '–'}</td>
      <VsSequentialCell row={row} rows={rows} />
      <td>{msText(whole ? row.breakdown?.startupMs : undefined)}</td>
      <td>{msText(whole ? row.breakdown?.dispatchMs : undefined)}</td>
      <td>{msText(whole ? row.breakdown?.restMs : undefined)}</td>
      {repeated && (
        <>
          <td>{row.runs}</td>
          <td>{sec(row.minS)}</td>
          <td>{sec(row.maxS)}</td>
        </>
      )}
      {predicted && <td>{row.predictedS === undefined ? '–' : sec(row.predictedS)}</td>}
    </tr>
  );
}

/** `1.86×`, or `—` with the reason for screen readers (and on hover). */
function VsSequentialCell({ row, rows }: { readonly row: ResultLine; readonly rows: readonly ResultLine[] }) {
  const vs = vsMeasuredSequential(row, rows);
  if (vs.speedup !== null) {
    return (
      <td className="vs-sequential" title={row.name === 'sequential' ? 'Sequential is the reference' : undefined}>
        {`${vs.speedup.toFixed(2)}×`}
      </td>
    );
  }
  return (
    <td className="vs-sequential none" title={vs.reason}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{vs.reason}</span>
    </td>
  );
}
