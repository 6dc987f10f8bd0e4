import { STRATEGY_NAMES, type RunConfig, type StrategyName, type TaskKind } from './types';

/** Limits from CONTRACT.md. */
export const LIMITS = {
  maxTasks: 1000,
  maxDurationS: 60,
  minWorkers: 1,
  maxWorkers: 64,
} as const;

export type FieldName = 'tasks' | 'kind' | 'workers' | 'strategies';

/** The label of each control; every alert starts with it. */
export const FIELD_LABELS: Record<FieldName, string> = {
  tasks: 'Task durations (s)',
  kind: 'Task kind',
  workers: 'Pool workers',
  strategies: 'Strategies',
};

/** What the user typed (or the URL said), verbatim. `undefined` means "use the default". */
export interface RawFields {
  readonly tasks?: string | undefined;
  readonly kind?: string | undefined;
  readonly workers?: string | undefined;
  readonly strategies?: string | undefined;
}

export interface FieldError {
  readonly field: FieldName;
  /** A sentence that starts with the control's label and says what to do. */
  readonly message: string;
}

export type ParseResult =
  | { readonly ok: true; readonly config: RunConfig; readonly errors: readonly [] }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export const DEFAULTS = {
  tasks: '1,1',
  kind: 'sleep',
  strategies: 'sequential,processes,pool',
} as const;

/** Longest piece of user text quoted back in a message. */
const QUOTE_MAX = 40;

function quote(text: string): string {
  const shown = text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text;
  return `"${shown}"`;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function fail(field: FieldName, detail: string): FieldError {
  return { field, message: `${FIELD_LABELS[field]}: ${detail}` };
}

/** Parses "3,2,1" into seconds, or says what is wrong. */
export function parseDurations(raw: string): number[] | FieldError {
  const text = raw.trim();
  if (text === '') return fail('tasks', 'enter at least one duration in seconds, like 3,2,1');
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length > LIMITS.maxTasks) {
    return fail('tasks', `${parts.length} tasks is too many; use 1 to ${LIMITS.maxTasks} tasks`);
  }
  const values: number[] = [];
  for (const [i, part] of parts.entries()) {
    if (part === '') {
      return fail('tasks', `task ${i + 1} is empty; use seconds separated by commas, like 3,2,1`);
    }
    if (!DECIMAL.test(part)) {
      return fail('tasks', `${quote(part)} is not a number; use seconds like 3,2,1`);
    }
    const value = Number(part);
    if (!(value > 0)) {
      return fail('tasks', `${quote(part)} must be more than 0 s; use seconds like 3,2,1`);
    }
    if (value > LIMITS.maxDurationS) {
      return fail('tasks', `${quote(part)} is more than ${LIMITS.maxDurationS} s; each task may last up to ${LIMITS.maxDurationS} s`);
    }
    values.push(value);
  }
  return values;
}

export function parseKind(raw: string): TaskKind | FieldError {
  const text = raw.trim();
  if (text === 'sleep' || text === 'cpu') return text;
  return fail('kind', `${quote(raw)} is not a task kind; choose sleep or cpu`);
}

export function parseWorkers(raw: string): number | FieldError {
  const text = raw.trim();
  const range = `use a whole number from ${LIMITS.minWorkers} to ${LIMITS.maxWorkers}`;
  if (text === '') return fail('workers', `enter a number of workers; ${range}`);
  if (!/^[+-]?\d+$/.test(text)) return fail('workers', `${quote(raw)} is not a whole number; ${range}`);
  const value = Number(text);
  if (value < LIMITS.minWorkers || value > LIMITS.maxWorkers) {
    return fail('workers', `${quote(raw)} is out of range; ${range}`);
  }
  return value;
}

export function parseStrategies(raw: string): StrategyName[] | FieldError {
  const names = raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (names.length === 0) return fail('strategies', 'choose at least one strategy');
  const seen = new Set<StrategyName>();
  for (const name of names) {
    if (!(STRATEGY_NAMES as readonly string[]).includes(name)) {
      return fail('strategies', `${quote(name)} is not a strategy; choose from ${STRATEGY_NAMES.join(', ')}`);
    }
    const strategy = name as StrategyName;
    if (seen.has(strategy)) return fail('strategies', `"${strategy}" is listed twice; list each strategy once`);
    seen.add(strategy);
  }
  return STRATEGY_NAMES.filter((s) => seen.has(s));
}

function isError<T>(value: T | FieldError): value is FieldError {
  return typeof value === 'object' && value !== null && 'field' in value && 'message' in value;
}

/**
 * The one validator for URL and controls. Never throws: gives a config or one message per bad field.
 * @param defaultWorkers pool size when `workers` is absent (the machine's core count).
 */
export function parseConfig(raw: RawFields, defaultWorkers: number): ParseResult {
  const durations = parseDurations(raw.tasks ?? DEFAULTS.tasks);
  const kind = parseKind(raw.kind ?? DEFAULTS.kind);
  const workers =
    raw.workers === undefined
      ? Math.min(LIMITS.maxWorkers, Math.max(LIMITS.minWorkers, Math.floor(defaultWorkers) || 1))
      : parseWorkers(raw.workers);
  const strategies = parseStrategies(raw.strategies ?? DEFAULTS.strategies);
  const errors = [durations, kind, workers, strategies].filter(isError);
  if (errors.length > 0 || isError(durations) || isError(kind) || isError(workers) || isError(strategies)) {
    return { ok: false, errors };
  }
  return { ok: true, errors: [], config: { kind, durationsS: durations, strategies, workers } };
}

/** URL params this app reads; everything else in the query is left alone. */
export interface UrlState {
  readonly fields: RawFields;
  readonly run: boolean;
}

export function readUrl(search: string): UrlState {
  const params = new URLSearchParams(search);
  const get = (name: string): string | undefined => params.get(name) ?? undefined;
  return {
    fields: { tasks: get('tasks'), kind: get('kind'), workers: get('workers'), strategies: get('strategies') },
    run: params.get('run') === '1',
  };
}

/** Writes the fields into a query string, keeping params it does not own. Absent fields are removed. */
export function writeUrl(search: string, fields: RawFields): string {
  const params = new URLSearchParams(search);
  for (const name of ['kind', 'tasks', 'strategies', 'workers'] as const) {
    const value = fields[name];
    if (value === undefined) params.delete(name);
    else params.set(name, value);
  }
  // Commas are legal in a query; keep links readable (tasks=3,2,1).
  return params.toString().replace(/%2C/gi, ',');
}
