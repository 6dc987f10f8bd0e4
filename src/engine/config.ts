import { isTaskKind, kindChoices, TASK_KINDS, type TaskKind } from './taskKinds';
import { isTaskListError, parseTaskList } from './taskList';
import {
  START_METHODS,
  STRATEGY_NAMES,
  type ResultOrder,
  type RunConfig,
  type StartMethod,
  type StrategyName,
} from './types';

/** Limits from CONTRACT.md. */
export const LIMITS = {
  maxTasks: 1000,
  maxDurationS: 60,
  minWorkers: 1,
  maxWorkers: 64,
  maxRepeat: 20,
  maxPredictionS: 3600,
} as const;

export type FieldName = 'tasks' | 'kind' | 'workers' | 'strategies' | 'order' | 'repeat' | 'fail' | 'predict' | 'start';

/** The label of each control; every alert starts with it. */
export const FIELD_LABELS: Record<FieldName, string> = {
  tasks: 'Task durations (s)',
  kind: 'Task kind',
  workers: 'Pool workers',
  strategies: 'Strategies',
  order: 'Results order',
  repeat: 'Repeat',
  fail: 'Failing tasks',
  predict: 'Your prediction (s)',
  start: 'Start method',
};

/** Every URL parameter the app owns besides `run`, in the order it writes them. */
export const FIELD_NAMES: readonly FieldName[] = [
  'kind',
  'tasks',
  'strategies',
  'workers',
  'order',
  'repeat',
  'fail',
  'predict',
  'start',
];

/** What the user typed (or the URL said), verbatim. `undefined` means "use the default". */
export interface RawFields {
  readonly tasks?: string | undefined;
  readonly kind?: string | undefined;
  readonly workers?: string | undefined;
  readonly strategies?: string | undefined;
  /** `completed` (as_completed, default) or `submitted` (executor.map). */
  readonly order?: string | undefined;
  /** Runs per strategy, 1–20 (default 1). */
  readonly repeat?: string | undefined;
  /** Task numbers (from 1) that raise instead of completing, e.g. `2` or `1,3`. */
  readonly fail?: string | undefined;
  /** Predicted wall-clock per strategy, e.g. `sequential:2,pool:1.5`. */
  readonly predict?: string | undefined;
  /** `spawn` (default: a new Worker inside the timing) or `forkserver` (pre-started before it). */
  readonly start?: string | undefined;
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
  kind: TASK_KINDS[0],
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

/**
 * Parses "3,2,1" (or the shorthand "0.01*1000", "1,1*5": taskList.ts) into seconds per task, or
 * says what is wrong. The task limit applies to the expanded list.
 */
export function parseDurations(raw: string): number[] | FieldError {
  const parsed = parseTaskList(raw, LIMITS);
  return isTaskListError(parsed) ? fail('tasks', parsed.detail) : parsed;
}

export function parseKind(raw: string): TaskKind | FieldError {
  const text = raw.trim();
  if (isTaskKind(text)) return text;
  return fail('kind', `${quote(raw)} is not a task kind; choose ${kindChoices()}`);
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
  const names = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
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

export function parseOrder(raw: string): ResultOrder | FieldError {
  const text = raw.trim();
  if (text === 'completed' || text === 'submitted') return text;
  return fail('order', `${quote(raw)} is not an order; choose completed (as_completed) or submitted (executor.map)`);
}

/** `spawn` or `forkserver` (CONTRACT `start`). */
export function parseStart(raw: string): StartMethod | FieldError {
  const value = raw.trim();
  const method = START_METHODS.find((m) => m === value);
  return method ?? fail('start', `${quote(raw)} is not a start method; use spawn or forkserver`);
}

export function parseRepeat(raw: string): number | FieldError {
  const text = raw.trim();
  const range = `use a whole number of runs from 1 to ${LIMITS.maxRepeat}`;
  if (!/^[+-]?\d+$/.test(text)) return fail('repeat', `${quote(raw)} is not a whole number; ${range}`);
  const value = Number(text);
  if (value < 1 || value > LIMITS.maxRepeat) return fail('repeat', `${quote(raw)} is out of range; ${range}`);
  return value;
}

/** Task numbers (from 1) → 0-based indexes; checked against the number of tasks when known. */
export function parseFail(raw: string, taskCount: number | null): number[] | FieldError {
  const parts = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const range =
    taskCount === null ? 'use task numbers like 2 or 1,3' : `use task numbers from 1 to ${taskCount}, like 2 or 1,3`;
  const indexes = new Set<number>();
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return fail('fail', `${quote(part)} is not a task number; ${range}`);
    const n = Number(part);
    if (n < 1 || (taskCount !== null && n > taskCount))
      return fail('fail', `there is no task ${quote(part)}; ${range}`);
    indexes.add(n - 1);
  }
  return [...indexes].sort((a, b) => a - b);
}

export type Predictions = Partial<Record<StrategyName, number>>;

export function parsePredictions(raw: string): Predictions | FieldError {
  const result: Predictions = {};
  const how = 'use strategy:seconds pairs like sequential:2,pool:1.5';
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [name = '', value = '', ...extra] = part.split(':').map((x) => x.trim());
    if (extra.length > 0 || !(STRATEGY_NAMES as readonly string[]).includes(name)) {
      return fail('predict', `${quote(part)} is not a prediction; ${how}`);
    }
    if (!DECIMAL.test(value) || Number(value) < 0 || Number(value) > LIMITS.maxPredictionS) {
      return fail('predict', `${quote(part)} needs seconds from 0 to ${LIMITS.maxPredictionS}; ${how}`);
    }
    result[name as StrategyName] = Number(value);
  }
  return result;
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
  const order = parseOrder(raw.order ?? 'completed');
  const repeat = parseRepeat(raw.repeat ?? '1');
  const failing = parseFail(raw.fail ?? '', isError(durations) ? null : durations.length);
  const predictions = parsePredictions(raw.predict ?? '');
  const start = parseStart(raw.start ?? 'spawn');
  const errors = [durations, kind, workers, strategies, order, repeat, failing, predictions, start].filter(isError);
  if (
    isError(durations) ||
    isError(kind) ||
    isError(workers) ||
    isError(strategies) ||
    isError(order) ||
    isError(repeat) ||
    isError(failing) ||
    isError(predictions) ||
    isError(start)
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    errors: [],
    config: {
      kind,
      durationsS: durations,
      strategies,
      workers,
      order,
      repeat,
      failing,
      predictionsS: predictions,
      ...(start === 'forkserver' ? { start } : {}),
    },
  };
}
