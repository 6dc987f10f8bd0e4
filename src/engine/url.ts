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

/** How the page looks; not a run setting (it never reaches `parseConfig`). */
export const THEMES = ['light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

/** View params: `present=1` (presentation mode) and `theme` (absent: follow the system's light/dark). */
export interface ViewState {
  readonly present: boolean;
  readonly theme: Theme | undefined;
}

const isTheme = (value: string | null): value is Theme => THEMES.some((t) => t === value);

/** Reads the view params; an unknown `theme` reads as absent (the system's). */
export function readView(search: string): ViewState {
  const params = new URLSearchParams(search);
  const theme = params.get('theme');
  return { present: params.get('present') === '1', theme: isTheme(theme) ? theme : undefined };
}

/** Writes the view params into a query string, keeping every other param as it is. */
export function writeView(search: string, view: ViewState): string {
  const params = new URLSearchParams(search);
  if (view.present) params.set('present', '1');
  else params.delete('present');
  if (view.theme === undefined) params.delete('theme');
  else params.set('theme', view.theme);
  return params.toString().replace(/%2C/gi, ',');
}
