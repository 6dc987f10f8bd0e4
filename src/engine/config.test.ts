import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { readUrl, writeUrl } from './url';

const ok = (raw: Parameters<typeof parseConfig>[0], cores = 2) => {
  const result = parseConfig(raw, cores);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.config;
};

const errorOf = (raw: Parameters<typeof parseConfig>[0]): string => {
  const result = parseConfig(raw, 2);
  expect(result.ok).toBe(false);
  return result.errors.map((e) => e.message).join(' | ');
};

describe('parseConfig', () => {
  it('uses the CONTRACT defaults', () => {
    expect(ok({}, 4)).toEqual({
      kind: 'sleep',
      durationsS: [1, 1],
      strategies: ['sequential', 'processes', 'pool'],
      workers: 4,
      order: 'completed',
      repeat: 1,
      failing: [],
      predictionsS: {},
    });
  });

  it('reads the chapter examples', () => {
    expect(ok({ tasks: '3,2,1', strategies: 'pool', workers: '3' })).toMatchObject({
      durationsS: [3, 2, 1],
      strategies: ['pool'],
      workers: 3,
    });
    expect(ok({ tasks: ' 0.5 , 1.5 ', kind: 'cpu' })).toMatchObject({ durationsS: [0.5, 1.5], kind: 'cpu' });
  });

  it('puts strategies in canonical order', () => {
    expect(ok({ strategies: 'threads,sequential,pool' }).strategies).toEqual(['sequential', 'pool', 'threads']);
  });

  it('accepts the limits themselves', () => {
    expect(ok({ tasks: Array(1000).fill('60').join(','), workers: '64' }).durationsS).toHaveLength(1000);
    expect(ok({ workers: '1' }).workers).toBe(1);
    expect(ok({ tasks: '.5' }).durationsS).toEqual([0.5]);
  });

  it.each([
    ['abc', 'Task durations (s): "abc" is not a number; use seconds like 3,2,1'],
    ['', 'Task durations (s): enter at least one duration'],
    ['   ', 'Task durations (s): enter at least one duration'],
    ['1,,2', 'Task durations (s): task 2 is empty'],
    ['1,', 'Task durations (s): task 2 is empty'],
    ['1e3', '"1e3" is not a number'],
    ['NaN', '"NaN" is not a number'],
    ['Infinity', '"Infinity" is not a number'],
    ['0x10', '"0x10" is not a number'],
    ['-1', '"-1" must be more than 0 s'],
    ['0', '"0" must be more than 0 s'],
    ['0.0', '"0.0" must be more than 0 s'],
    ['61', '"61" is more than 60 s'],
    ['60.01', '"60.01" is more than 60 s'],
    ['١,٢', 'is not a number'],
    ['1;2', '"1;2" is not a number'],
    [Array(1001).fill('1').join(','), '1001 tasks is too many; use 1 to 1000 tasks'],
    ['<script>alert(1)</script>', '"<script>alert(1)</script>" is not a number'],
  ])('rejects tasks=%j', (tasks, message) => {
    const text = errorOf({ tasks });
    expect(text.startsWith('Task durations (s): ')).toBe(true);
    expect(text).toContain(message);
  });

  it('reads the shorthand seconds*count, mixed with plain items (taskList.ts)', () => {
    expect(ok({ tasks: '0.01*1000' }).durationsS).toEqual(Array<number>(1000).fill(0.01));
    expect(ok({ tasks: '1,1*5' }).durationsS).toEqual([1, 1, 1, 1, 1, 1]);
    expect(ok({ tasks: '3*2, 1 * 5' }).durationsS).toEqual([3, 3, 1, 1, 1, 1, 1]);
    expect(ok({ tasks: '60*1000', workers: '64' }).durationsS).toHaveLength(1000);
  });

  it.each([
    ['0.01*2000', 'Task durations (s): "0.01*2000" makes 2000 tasks; use 1 to 1000 tasks'],
    ['1,1*1000', 'Task durations (s): "1,1*1000" makes 1001 tasks; use 1 to 1000 tasks'],
    ['1*x', 'Task durations (s): "1*x": the count after * must be a whole number like 1*5'],
    ['1*0', 'Task durations (s): "1*0": the count after * must be 1 or more, like 1*5'],
    ['x*5', 'Task durations (s): "x*5": the seconds before * must be a number, like 0.5*4'],
    ['61*2', 'Task durations (s): "61*2": each task may last up to 60 s'],
    ['1*2*3', 'Task durations (s): "1*2*3" has more than one *; write seconds*count like 1*5'],
    ['0.5x4', 'Task durations (s): "0.5x4" is not a number; to repeat a duration write 0.5*4'],
  ])('rejects the shorthand tasks=%j, saying what to write', (tasks, message) => {
    expect(errorOf({ tasks })).toBe(message);
  });

  it('checks failing task numbers against the expanded list', () => {
    expect(ok({ tasks: '1*5', fail: '5' }).failing).toEqual([4]);
    expect(errorOf({ tasks: '1*5', fail: '6' })).toBe(
      'Failing tasks: there is no task "6"; use task numbers from 1 to 5, like 2 or 1,3',
    );
  });

  it('quotes at most 40 characters of a long bad value', () => {
    const text = errorOf({ tasks: 'x'.repeat(100_000) });
    expect(text.length).toBeLessThan(120);
  });

  it.each([
    ['0', 'out of range; use a whole number from 1 to 64'],
    ['65', 'out of range'],
    ['1.5', '"1.5" is not a whole number'],
    ['abc', '"abc" is not a whole number'],
    ['', 'enter a number of workers'],
  ])('rejects workers=%j', (workers, message) => {
    const text = errorOf({ workers });
    expect(text.startsWith('Pool workers: ')).toBe(true);
    expect(text).toContain(message);
  });

  it.each([
    ['gpu', 'Task kind: "gpu" is not a task kind; choose sleep or cpu'],
    ['', 'Task kind: "" is not a task kind; choose sleep or cpu'],
    ['SLEEP', 'Task kind: "SLEEP" is not a task kind; choose sleep or cpu'],
  ])('rejects kind=%j', (kind, message) => {
    expect(errorOf({ kind })).toBe(message);
  });

  it.each([
    ['foo', 'Strategies: "foo" is not a strategy; choose from sequential, processes, pool, threads'],
    ['', 'Strategies: choose at least one strategy'],
    ['pool,pool', 'Strategies: "pool" is listed twice; list each strategy once'],
  ])('rejects strategies=%j', (strategies, message) => {
    expect(errorOf({ strategies })).toBe(message);
  });

  it('reports every bad field at once', () => {
    const result = parseConfig({ tasks: 'x', kind: 'y', workers: 'z', strategies: 'w' }, 2);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.field)).toEqual(['tasks', 'kind', 'workers', 'strategies']);
  });
});

describe('the fields beyond the contract', () => {
  it('reads order, repeat, failing tasks and predictions', () => {
    expect(
      ok({ tasks: '3,2,1', order: 'submitted', repeat: '3', fail: '2, 3', predict: 'sequential:6,pool:3.5' }),
    ).toMatchObject({
      order: 'submitted',
      repeat: 3,
      failing: [1, 2],
      predictionsS: { sequential: 6, pool: 3.5 },
    });
  });

  it.each([
    [
      { order: 'random' },
      'Results order: "random" is not an order; choose completed (as_completed) or submitted (executor.map)',
    ],
    [{ repeat: '0' }, 'Repeat: "0" is out of range; use a whole number of runs from 1 to 20'],
    [{ repeat: '21' }, 'Repeat: "21" is out of range'],
    [{ repeat: '2.5' }, 'Repeat: "2.5" is not a whole number'],
    [{ fail: '4' }, 'Failing tasks: there is no task "4"; use task numbers from 1 to 2, like 2 or 1,3'],
    [{ fail: 'x' }, 'Failing tasks: "x" is not a task number'],
    [{ fail: '0' }, 'Failing tasks: there is no task "0"'],
    [{ predict: 'pool' }, 'Your prediction (s): "pool" needs seconds from 0 to 3600'],
    [{ predict: 'gpu:1' }, 'Your prediction (s): "gpu:1" is not a prediction; use strategy:seconds pairs'],
    [{ predict: 'pool:-1' }, 'Your prediction (s): "pool:-1" needs seconds'],
  ])('rejects %j', (raw, message) => {
    expect(errorOf(raw)).toContain(message);
  });
});

describe('URL', () => {
  it('reads every param verbatim, and run=1', () => {
    const url = readUrl('?kind=cpu&tasks=3,2,1&strategies=pool&workers=3&run=1&order=submitted');
    expect(url.run).toBe(true);
    expect(url.fields).toMatchObject({
      kind: 'cpu',
      tasks: '3,2,1',
      strategies: 'pool',
      workers: '3',
      order: 'submitted',
    });
    expect(Object.values(readUrl('').fields).every((v) => v === undefined)).toBe(true);
  });

  it('writes fields back, readable, keeping other params', () => {
    const search = writeUrl('?run=1&x=y&workers=9', { kind: 'sleep', tasks: '3,2,1', strategies: 'sequential,pool' });
    expect(search).toBe('run=1&x=y&kind=sleep&tasks=3,2,1&strategies=sequential,pool');
    expect(readUrl(search).fields.workers).toBeUndefined();
  });

  it('round-trips what the user typed, even when invalid', () => {
    const fields = { kind: 'cpu', tasks: '1, x&y=2', strategies: 'pool', workers: '1.5' };
    expect(readUrl(writeUrl('', fields)).fields).toMatchObject(fields);
  });
});
