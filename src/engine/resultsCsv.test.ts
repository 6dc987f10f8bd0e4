import { describe, expect, it } from 'vitest';
import { csvField, resultsCsv, resultsTableData, toCsv } from './resultsCsv';
import { setup, sleep } from './testing/strategyRun';
import type { RunConfig } from './types';

/** An RFC 4180 reader, written from the RFC, to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else field += c;
    i++;
  }
  if (field !== '' || record.length > 0) throw new Error('last record not ended by CRLF');
  return records;
}

async function stateOf(config: RunConfig) {
  const run = setup(config);
  await run.run();
  return run.store.getState();
}

describe('Results (CSV)', () => {
  it('has the Results table’s columns and a row per strategy, as the table shows them', async () => {
    const state = await stateOf(sleep([3, 2, 1], ['sequential', 'pool'], 3));
    const csv = resultsCsv(state);
    const [headers, ...rows] = parseCsv(csv);
    expect(headers).toEqual([
      'Strategy',
      'Wall-clock (s)',
      'Ideal (s)',
      'Overhead (ms)',
      'Speedup',
      'Speedup vs measured sequential',
      'Worker start-up (ms)',
      'Dispatch (ms)',
      'Other (ms)',
    ]);
    // On the fake machine (no start-up or messaging cost) the measured times are the ideal ones.
    expect(rows).toEqual([
      ['Sequential', '6.00', '6.00', '0', '1.00', '1.00', '0', '0', '0'],
      ['Pool', '3.00', '3.00', '0', '2.00', '2.00', '0', '0', '0'],
    ]);
  });

  it('adds Runs, Min, Max with repeats and Predicted with predictions; a stopped row has no overhead', async () => {
    const state = await stateOf({
      ...sleep([1, 2], ['sequential', 'pool'], 1),
      repeat: 2,
      predictionsS: { pool: 1.5 },
    });
    const { headers, rows } = resultsTableData(state);
    expect(headers.slice(-4)).toEqual(['Runs', 'Min (s)', 'Max (s)', 'Predicted (s)']);
    expect(rows.map((r) => [r[0], r.at(-4), r.at(-1)])).toEqual([
      ['Sequential', '2', ''],
      ['Pool', '2', '1.50'],
    ]);

    const run = setup(sleep([3, 1], ['sequential', 'pool'], 2));
    run.time.at(2000, () => run.controller.abort());
    await run.run();
    const stopped = resultsTableData(run.store.getState());
    expect(stopped.rows).toEqual([['Sequential (stopped)', '2.00', '4.00', '', '', '', '', '', '']]);
  });

  it('follows with the compared runs’ rows, named like their timelines', async () => {
    const state = await stateOf(sleep([2, 1], ['pool'], 2));
    const cpython = await stateOf(sleep([2, 1], ['sequential', 'pool'], 1));
    const { rows } = resultsTableData(state, [{ label: 'CPython 3.11', state: cpython }]);
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['Pool', '2.00'],
      ['CPython 3.11 sequential', '3.00'],
      ['CPython 3.11 pool', '3.00'],
    ]);
    // Each run's speedup vs sequential is against its own sequential run (the current one has none).
    expect(rows.map((r) => r[5])).toEqual(['', '1.00', '1.00']);
    expect(resultsTableData(null, [{ label: 'CPython 3.11', state: cpython }]).rows).toHaveLength(2);
  });

  it('quotes as RFC 4180 says: commas, quotes and line breaks survive a round trip', () => {
    const table = {
      headers: ['Strategy', 'Wall-clock (s)'],
      rows: [
        ['Chromium 156, lab "B" pool', '1.00'],
        ['two\r\nlines', '2.00'],
        ['plain', ''],
      ],
    };
    const csv = toCsv(table);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"Chromium 156, lab ""B"" pool",1.00\r\n');
    expect(parseCsv(csv)).toEqual([table.headers, ...table.rows]);
    expect(csvField('Pool')).toBe('Pool');
    expect(csvField('Pool (stopped)')).toBe('Pool (stopped)');
  });
});
