// Export "Results (CSV)": the Results table as the page shows it (same columns, same rows, compared
// runs' rows too), as RFC 4180 CSV. Numbers are written as numbers (no `×`, no units) rounded as the
// page rounds them; a cell the page shows as `–`/`—` (no value) is empty.
import { breakdown, vsMeasuredSequential } from './breakdown';
import type { RunState } from './reducer';
import { comparedRowLabel } from './runFile';
import { resultRows, type ResultRow } from './selectors';

/** A run whose rows follow the current run's (imported, or picked in History). */
export interface CsvCompared {
  readonly label: string;
  readonly state: RunState;
}

export interface ResultsTableData {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The Results table's columns, always there (with repeats and predictions more follow). */
export const RESULTS_HEADERS = [
  'Strategy',
  'Wall-clock (s)',
  'Ideal (s)',
  'Overhead (ms)',
  'Speedup',
  'Speedup vs measured sequential',
  'Worker start-up (ms)',
  'Dispatch (ms)',
  'Other (ms)',
] as const;

const sec = (s: number): string => Math.max(0, s).toFixed(2);
const msText = (x: number | undefined): string => (x === undefined ? '' : String(Math.round(x)));

interface Line extends ResultRow {
  readonly predictedS: number | undefined;
}

/** The table's rows of one run: its own labels, or `CPython 3.11 pool` for a compared run. */
function linesOf(state: RunState, label: string | undefined): Line[] {
  return resultRows(state).map((row) => ({
    ...row,
    label: label === undefined ? row.label : comparedRowLabel(label, row),
    predictedS: label === undefined ? state.config.predictionsS?.[row.name] : undefined,
  }));
}

/**
 * The Results table as cells: the headings (`Strategy`, `Wall-clock (s)`, `Ideal (s)`,
 * `Overhead (ms)`, `Speedup`, `Speedup vs measured sequential`, `Worker start-up (ms)`,
 * `Dispatch (ms)`, `Other (ms)`, with repeats `Runs`, `Min (s)`, `Max (s)`, with predictions
 * `Predicted (s)`) and a row per row of the page's table.
 */
export function resultsTableData(state: RunState | null, compared: readonly CsvCompared[] = []): ResultsTableData {
  const groups = [...(state ? [linesOf(state, undefined)] : []), ...compared.map((c) => linesOf(c.state, c.label))];
  const main = state ? (groups[0] ?? []) : [];
  const all = groups.flat();
  const repeated = all.some((r) => r.runs > 1);
  const predicted = main.some((r) => r.predictedS !== undefined);
  const headers = [
    ...RESULTS_HEADERS,
    ...(repeated ? ['Runs', 'Min (s)', 'Max (s)'] : []),
    ...(predicted ? ['Predicted (s)'] : []),
  ];
  const rows = groups.flatMap((lines) =>
    lines.map((row) => {
      // A stopped or failed run did not do all the work: the page shows no overhead or speedup.
      const whole = row.status === 'done';
      const parts = whole ? breakdown(row.run) : null;
      const vs = vsMeasuredSequential(row, lines);
      return [
        row.label,
        sec(row.wallS),
        sec(row.idealS),
        whole ? String(Math.round(row.overheadMs)) : '',
        whole ? row.speedup.toFixed(2) : '',
        vs.speedup === null ? '' : vs.speedup.toFixed(2),
        msText(parts?.startupMs),
        msText(parts?.dispatchMs),
        msText(parts?.restMs),
        ...(repeated ? [String(row.runs), sec(row.minS), sec(row.maxS)] : []),
        ...(predicted ? [row.predictedS === undefined ? '' : sec(row.predictedS)] : []),
      ];
    }),
  );
  return { headers, rows };
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** RFC 4180: fields joined by commas, records ended by CRLF. */
export function toCsv(table: ResultsTableData): string {
  return [table.headers, ...table.rows].map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}

/** The Results table of a run (and the runs beside it) as CSV text. */
export function resultsCsv(state: RunState | null, compared: readonly CsvCompared[] = []): string {
  return toCsv(resultsTableData(state, compared));
}
