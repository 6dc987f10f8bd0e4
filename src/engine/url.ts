import { FIELD_NAMES, type RawFields } from './config';

/** URL params this app reads; everything else in the query is left alone. */
export interface UrlState {
  readonly fields: RawFields;
  readonly run: boolean;
}

export function readUrl(search: string): UrlState {
  const params = new URLSearchParams(search);
  const get = (name: string): string | undefined => params.get(name) ?? undefined;
  return {
    fields: Object.fromEntries(FIELD_NAMES.map((name) => [name, get(name)])) as RawFields,
    run: params.get('run') === '1',
  };
}

/** Writes the fields into a query string, keeping params it does not own. Absent fields are removed. */
export function writeUrl(search: string, fields: RawFields): string {
  const params = new URLSearchParams(search);
  for (const name of FIELD_NAMES) {
    const value = fields[name];
    if (value === undefined) params.delete(name);
    else params.set(name, value);
  }
  // Commas are legal in a query; keep links readable (tasks=3,2,1).
  return params.toString().replace(/%2C/gi, ',');
}
