import { describe, expect, it } from 'vitest';
import { parseConfig, readUrl, writeUrl } from './config';

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
    expect(ok({}, 4)).toEqual({ kind: 'sleep', durationsS: [1, 1], strategies: ['sequential', 'processes', 'pool'], workers: 4 });
  });

  it('reads the chapter examples', () => {
    expect(ok({ tasks: '3,2,1', strategies: 'pool', workers: '3' })).toMatchObject({ durationsS: [3, 2, 1], strategies: ['pool'], workers: 3 });
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

describe('URL', () => {
  it('reads every param verbatim, and run=1', () => {
    expect(readUrl('?kind=cpu&tasks=3,2,1&strategies=pool&workers=3&run=1')).toEqual({
      fields: { kind: 'cpu', tasks: '3,2,1', strategies: 'pool', workers: '3' },
      run: true,
    });
    expect(readUrl('').fields).toEqual({ kind: undefined, tasks: undefined, strategies: undefined, workers: undefined });
  });

  it('writes fields back, readable, keeping other params', () => {
    const search = writeUrl('?run=1&x=y&workers=9', { kind: 'sleep', tasks: '3,2,1', strategies: 'sequential,pool' });
    expect(search).toBe('run=1&x=y&kind=sleep&tasks=3,2,1&strategies=sequential,pool');
    expect(readUrl(search).fields.workers).toBeUndefined();
  });

  it('round-trips what the user typed, even when invalid', () => {
    const fields = { kind: 'cpu', tasks: '1, x&y=2', strategies: 'pool', workers: '1.5' };
    expect(readUrl(writeUrl('', fields)).fields).toEqual(fields);
  });
});
