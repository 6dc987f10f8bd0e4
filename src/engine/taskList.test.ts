// The task list's grammar (plain seconds and the shorthand seconds*count) and its shortest form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isTaskListError,
  parseTaskList,
  plainDecimal,
  shortTaskList,
  type TaskListError,
  type TaskListLimits,
} from './taskList';

const LIMITS = { maxTasks: 1000, maxDurationS: 60 } as const;

/** Runs per property; reported in the issue. */
const RUNS = { roundTrip: 2000, shortest: 1000, matchesExpansion: 2000, neverThrows: 2000 } as const;

const parse = (text: string, limits: TaskListLimits = LIMITS) => parseTaskList(text, limits);

function durations(text: string): number[] {
  const result = parse(text);
  if (isTaskListError(result)) throw new Error(result.detail);
  return result;
}

function detail(text: string, limits: TaskListLimits = LIMITS): string {
  const result = parse(text, limits);
  expect(isTaskListError(result), `${text} is rejected`).toBe(true);
  return (result as TaskListError).detail;
}

describe('parseTaskList', () => {
  it('reads plain lists as before', () => {
    expect(durations('3,2,1')).toEqual([3, 2, 1]);
    expect(durations(' 0.5 , 1.5 ')).toEqual([0.5, 1.5]);
    expect(durations('.5,5.')).toEqual([0.5, 5]);
  });

  it('expands seconds*count, mixed freely with plain items', () => {
    expect(durations('0.01*1000')).toEqual(Array<number>(1000).fill(0.01));
    expect(durations('1,1*5')).toEqual([1, 1, 1, 1, 1, 1]);
    expect(durations('3*2,1*5')).toEqual([3, 3, 1, 1, 1, 1, 1]);
    expect(durations('2, 0.5 * 3 ,1')).toEqual([2, 0.5, 0.5, 0.5, 1]);
    expect(durations('1*1')).toEqual([1]);
    expect(durations('1*007')).toHaveLength(7);
  });

  it('applies the task limit to the expanded list', () => {
    expect(durations('0.01*1000')).toHaveLength(1000);
    expect(durations('1*999,2')).toHaveLength(1000);
    expect(detail('0.01*2000')).toBe('"0.01*2000" makes 2000 tasks; use 1 to 1000 tasks');
    expect(detail('1,1*1000')).toBe('"1,1*1000" makes 1001 tasks; use 1 to 1000 tasks');
    expect(detail('1*3', { maxTasks: 2, maxDurationS: 60 })).toBe('"1*3" makes 3 tasks; use 1 to 2 tasks');
    // A plain list keeps its message (and is refused before reading 1001 items).
    expect(detail(Array(1001).fill('x').join(','))).toBe('1001 tasks is too many; use 1 to 1000 tasks');
  });

  it('never builds a huge list for a huge count', () => {
    expect(detail('1*999999999')).toBe('"1*999999999" makes 999999999 tasks; use 1 to 1000 tasks');
    expect(detail(`1*${'9'.repeat(30)}`)).toContain('makes more than 1000 tasks; use 1 to 1000 tasks');
  });

  it.each([
    ['1*x', '"1*x": the count after * must be a whole number like 1*5'],
    ['1*', '"1*": the count after * must be a whole number like 1*5'],
    ['1*2.5', '"1*2.5": the count after * must be a whole number like 1*5'],
    ['1*-2', '"1*-2": the count after * must be a whole number like 1*5'],
    ['1*1e3', '"1*1e3": the count after * must be a whole number like 1*5'],
    ['1*0', '"1*0": the count after * must be 1 or more, like 1*5'],
    ['*5', '"*5": the seconds before * must be a number, like 0.5*4'],
    ['x*5', '"x*5": the seconds before * must be a number, like 0.5*4'],
    ['0*5', '"0*5": the seconds before * must be more than 0, like 0.5*4'],
    ['61*2', '"61*2": each task may last up to 60 s'],
    ['1*2*3', '"1*2*3" has more than one *; write seconds*count like 1*5'],
    ['0.5x4', '"0.5x4" is not a number; to repeat a duration write 0.5*4'],
    ['2 × 3', '"2 × 3" is not a number; to repeat a duration write 2*3'],
    ['1*5,,2', 'task 6 is empty; use seconds separated by commas, like 3,2,1'],
    ['1*2,abc', '"abc" is not a number; use seconds like 3,2,1'],
    ['1*1000,', 'an item is empty; use seconds separated by commas, like 3,2,1'],
  ])('%j: says what is wrong and what to write', (text, message) => {
    expect(detail(text)).toBe(message);
  });

  it('reports the first bad item before counting the tasks', () => {
    expect(detail('1*5000,x')).toBe('"x" is not a number; use seconds like 3,2,1');
  });

  it(`reads any list of items as its expansion, or refuses it (${RUNS.matchesExpansion} runs)`, () => {
    const secondsText = fc.oneof(
      fc.integer({ min: 0, max: 70 }).map(String),
      fc.integer({ min: 0, max: 70_000 }).map((ms) => (ms / 1000).toString()),
      fc.constantFrom('x', '', '-1', '.5', '1e2', '0.0'),
    );
    const countText = fc.oneof(fc.integer({ min: 0, max: 1200 }).map(String), fc.constantFrom('', 'x', '2.5', '-3'));
    const item = fc.tuple(secondsText, fc.option(countText, { nil: undefined }));
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 12 }), (items) => {
        const text = items.map(([s, c]) => (c === undefined ? s : `${s}*${c}`)).join(',');
        const result = parse(text);
        // An independent reading: every item valid, expanded, within the limit.
        const valid = items.every(
          ([s, c]) =>
            /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(s) &&
            Number(s) > 0 &&
            Number(s) <= 60 &&
            (c === undefined || (/^\d+$/.test(c) && Number(c) >= 1)),
        );
        const expanded = valid ? items.flatMap(([s, c]) => Array<number>(Number(c ?? 1)).fill(Number(s))) : [];
        if (valid && expanded.length <= LIMITS.maxTasks) expect(result).toEqual(expanded);
        else {
          expect(isTaskListError(result)).toBe(true);
          if (isTaskListError(result)) expect(result.detail.length).toBeLessThan(200);
        }
      }),
      { numRuns: RUNS.matchesExpansion },
    );
  });

  it(`never throws, whatever the text (${RUNS.neverThrows} runs)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[\d.*, x-]{0,30}$/)),
        (text) => {
          const result = parse(text);
          if (!isTaskListError(result)) {
            expect(result.length).toBeGreaterThanOrEqual(1);
            expect(result.length).toBeLessThanOrEqual(LIMITS.maxTasks);
            for (const d of result) expect(d > 0 && d <= 60, `${d} s`).toBe(true);
          }
        },
      ),
      { numRuns: RUNS.neverThrows },
    );
  });
});

describe('shortTaskList', () => {
  it.each([
    [[3, 2, 1], '3,2,1'],
    [[1, 1], '1,1'],
    [[0.5, 0.5], '0.5,0.5'],
    [[1, 1, 1], '1*3'],
    [[1, 1, 1, 1, 1, 1], '1*6'],
    [[1, 2, 2, 2], '1,2*3'],
    [[3, 3, 1, 1, 1, 1, 1], '3,3,1*5'],
    [[1, 1, 1, 2, 1, 1, 1], '1*3,2,1*3'],
    [Array<number>(1000).fill(0.01), '0.01*1000'],
    [[1e-7, 1e-7, 1e-7], '0.0000001*3'],
  ])('%j → %s', (list, text) => {
    expect(shortTaskList(list)).toBe(text);
    expect(durations(text)).toEqual(list);
  });

  it('writes plain decimals, never an exponent', () => {
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(1.5e-9)).toBe('0.0000000015');
    expect(plainDecimal(0.25)).toBe('0.25');
    expect(plainDecimal(60)).toBe('60');
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
    expect(Number(plainDecimal(Number.MIN_VALUE))).toBe(Number.MIN_VALUE);
  });

  /** Valid lists with runs in them: durations (any double in (0, 60]) each repeated 1–n times. */
  const validList = fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.double({ min: Number.MIN_VALUE, max: 60, noNaN: true }),
          fc.integer({ min: 1, max: 60_000 }).map((ms) => ms / 1000),
          fc.constantFrom(1, 0.5, 3, 0.01, 60),
        ),
        fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 200 })),
      ),
      { minLength: 1, maxLength: 20 },
    )
    .map((runs) => runs.flatMap(([d, n]) => Array<number>(n).fill(d)).slice(0, LIMITS.maxTasks));

  it(`parse(shortTaskList(xs)) is xs for any valid list (${RUNS.roundTrip} runs)`, () => {
    fc.assert(
      fc.property(validList, (xs) => {
        expect(parse(shortTaskList(xs))).toEqual(xs);
      }),
      { numRuns: RUNS.roundTrip },
    );
  });

  it(`is never longer than the list written out, and shorter when a run of 3 or more is in it (${RUNS.shortest} runs)`, () => {
    fc.assert(
      fc.property(validList, (xs) => {
        const short = shortTaskList(xs);
        const long = xs.map(plainDecimal).join(',');
        const hasRun = xs.some((x, i) => i >= 2 && Object.is(xs[i - 1], x) && Object.is(xs[i - 2], x));
        if (hasRun) expect(short.length).toBeLessThan(long.length);
        else expect(short).toBe(long);
      }),
      { numRuns: RUNS.shortest },
    );
  });
});
