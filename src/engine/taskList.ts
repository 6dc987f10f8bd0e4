/**
 * The task list's text: seconds separated by commas, where an item `<seconds>*<count>` stands for
 * that duration repeated `count` times (`0.01*1000`, `1,1*5`, `3*2,1*5`).
 *
 *   list    = item *( "," item )          ; spaces around items and around "*" are ignored
 *   item    = seconds [ "*" count ]
 *   seconds = a plain decimal: 3, 0.5, .5, 5. (no exponent, no hex); > 0 and ≤ maxDurationS
 *   count   = digits, a whole number ≥ 1
 *
 * The limit on the number of tasks applies to the expanded list. Pure: no DOM, no config import
 * (config.ts wraps the errors with the field's label).
 */

export interface TaskListLimits {
  readonly maxTasks: number;
  readonly maxDurationS: number;
}

/** What is wrong, as the end of a sentence that starts with the field's label. */
export interface TaskListError {
  readonly detail: string;
}

/** Longest piece of user text quoted back in a message. */
const QUOTE_MAX = 40;

function quote(text: string): string {
  const shown = text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text;
  return `"${shown}"`;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const COUNT = /^\d+$/;
/** `0.5x4`, `0.5×4`: the repeat written with a letter instead of `*`. */
const TIMES_LOOKALIKE = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*[xX×]\s*(\d+)$/;

const error = (detail: string): TaskListError => ({ detail });

export function isTaskListError(value: readonly number[] | TaskListError): value is TaskListError {
  return !Array.isArray(value);
}

/** One item's seconds, or what is wrong with them. `item` is the whole item, quoted in messages. */
function seconds(text: string, item: string, repeated: boolean, limits: TaskListLimits): number | TaskListError {
  if (!DECIMAL.test(text)) {
    if (repeated) return error(`${quote(item)}: the seconds before * must be a number, like 0.5*4`);
    const lookalike = TIMES_LOOKALIKE.exec(text);
    if (lookalike) {
      return error(`${quote(item)} is not a number; to repeat a duration write ${lookalike[1]}*${lookalike[2]}`);
    }
    return error(`${quote(item)} is not a number; use seconds like 3,2,1`);
  }
  const value = Number(text);
  if (!(value > 0)) {
    return repeated
      ? error(`${quote(item)}: the seconds before * must be more than 0, like 0.5*4`)
      : error(`${quote(item)} must be more than 0 s; use seconds like 3,2,1`);
  }
  if (value > limits.maxDurationS) {
    return repeated
      ? error(`${quote(item)}: each task may last up to ${limits.maxDurationS} s`)
      : error(
          `${quote(item)} is more than ${limits.maxDurationS} s; each task may last up to ${limits.maxDurationS} s`,
        );
  }
  return value;
}

/** The count after `*`, or what is wrong with it. */
function count(text: string, item: string): number | TaskListError {
  if (!COUNT.test(text)) return error(`${quote(item)}: the count after * must be a whole number like 1*5`);
  const value = Number(text);
  if (value < 1) return error(`${quote(item)}: the count after * must be 1 or more, like 1*5`);
  return value;
}

/**
 * Reads a task list (`3,2,1`, `0.01*1000`, `1,1*5`) into seconds per task, or says what is wrong:
 * the first bad item, else too many tasks. Never builds a list longer than `limits.maxTasks`.
 */
export function parseTaskList(raw: string, limits: TaskListLimits): number[] | TaskListError {
  const text = raw.trim();
  if (text === '') return error('enter at least one duration in seconds, like 3,2,1');
  const parts = text.split(',').map((p) => p.trim());
  const shorthand = text.includes('*');
  if (!shorthand && parts.length > limits.maxTasks) {
    return error(`${parts.length} tasks is too many; use 1 to ${limits.maxTasks} tasks`);
  }
  const runs: { value: number; times: number }[] = [];
  let total = 0;
  for (const part of parts) {
    if (part === '') {
      const where = total < limits.maxTasks ? `task ${total + 1}` : 'an item';
      return error(`${where} is empty; use seconds separated by commas, like 3,2,1`);
    }
    const pieces = part.split('*').map((p) => p.trim());
    if (pieces.length > 2) return error(`${quote(part)} has more than one *; write seconds*count like 1*5`);
    const [secondsText = '', countText] = pieces;
    const repeated = countText !== undefined;
    const value = seconds(secondsText, part, repeated, limits);
    if (typeof value !== 'number') return value;
    const times = repeated ? count(countText, part) : 1;
    if (typeof times !== 'number') return times;
    runs.push({ value, times });
    total += times;
  }
  if (total > limits.maxTasks) {
    const made = Number.isSafeInteger(total) ? String(total) : `more than ${limits.maxTasks}`;
    return error(`${quote(text)} makes ${made} tasks; use 1 to ${limits.maxTasks} tasks`);
  }
  return runs.flatMap(({ value, times }) => Array<number>(times).fill(value));
}

/** A run this long or longer is written `d*n`; shorter runs are written out (`1,1` stays `1,1`). */
export const SHORTEN_FROM = 3;

/**
 * `x` in plain decimal digits, the shortest that reads back as exactly `x` (never an exponent,
 * which the list does not accept): 1e-7 → 0.0000001.
 */
export function plainDecimal(x: number): string {
  const text = String(x);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = match;
  const digits = `${lead}${fraction}`;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return `${sign}${digits.padEnd(exponent + 1, '0')}`;
}

/**
 * The shortest faithful text of a task list: each run of {@link SHORTEN_FROM} or more equal
 * consecutive durations as `d*n`, everything else as written: [3,2,1] → `3,2,1`,
 * [1,1,1,1,1,1] → `1*6`, [1,2,2,2] → `1,2*3`. `parseTaskList` reads it back to the same list.
 */
export function shortTaskList(durations: readonly number[]): string {
  const items: string[] = [];
  for (let i = 0; i < durations.length;) {
    const value = durations[i] ?? 0;
    let end = i + 1;
    while (end < durations.length && Object.is(durations[end], value)) end++;
    const times = end - i;
    const text = plainDecimal(value);
    if (times >= SHORTEN_FROM) items.push(`${text}*${times}`);
    else for (let k = 0; k < times; k++) items.push(text);
    i = end;
  }
  return items.join(',');
}
