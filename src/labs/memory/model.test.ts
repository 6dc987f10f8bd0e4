import { describe, expect, it } from 'vitest';
import {
  expected,
  formatCompact,
  formatCount,
  formatMs,
  formatNs,
  formatPercent,
  histogram,
  INCREMENTS,
  lostUpdates,
  nsPerIncrement,
  parseField,
  repeatsText,
  summarize,
  whatHappened,
  WORKERS,
  type Finished,
  type Repeats,
  type Variant,
} from './model';
import { memoryPython } from './python';
import { rowStates } from './rows';

const done = (variant: Variant, final: number, timeMs: number, extra: Partial<Finished> = {}): Finished => ({
  kind: 'done',
  variant,
  workers: 2,
  increments: 1_000_000,
  final,
  ownCopies: [],
  timeMs,
  ...extra,
});

describe('arithmetic', () => {
  it('expected is N·M; lost is expected − final; ns per increment is time ÷ expected', () => {
    expect(expected(2, 1_000_000)).toBe(2_000_000);
    const r = done('nolock', 1_387_655, 8);
    expect(lostUpdates(r)).toBe(612_345);
    expect(nsPerIncrement(r)).toBeCloseTo(4, 10);
    expect(nsPerIncrement(done('lock', 2_000_000, 90))).toBeCloseTo(45, 10);
  });

  it('formats with thousands separators whatever the locale', () => {
    expect(formatCount(2_000_000)).toBe('2,000,000');
    expect(formatCount(0)).toBe('0');
    expect(formatMs(0.0123)).toBe('0.012');
    expect(formatMs(12.34)).toBe('12.3');
    expect(formatMs(1234.5)).toBe('1,235');
    expect(formatNs(0.834)).toBe('0.83');
    expect(formatNs(4.13)).toBe('4.1');
    expect(formatNs(45.2)).toBe('45');
    expect(formatPercent(30.6)).toBe('31%');
    expect(formatPercent(2.54)).toBe('2.5%');
    expect(formatPercent(0.04)).toBe('0.04%');
    expect(formatCompact(612_345)).toBe('612k');
    expect(formatCompact(1_500_000)).toBe('1.5M');
    expect(formatCompact(999)).toBe('999');
  });

  it('min, median, max', () => {
    expect(summarize([])).toBeNull();
    expect(summarize([5, 1, 3])).toEqual({ min: 1, median: 3, max: 5 });
    expect(summarize([4, 1, 3, 10])).toEqual({ min: 1, median: 3.5, max: 10 });
  });
});

describe('histogram', () => {
  it('puts every value in exactly one bin of equal width, from min to max', () => {
    const values = [0, 10, 20, 99, 100, 55, 54, 1, 73, 100];
    const bins = histogram(values, 5);
    expect(bins).toHaveLength(5);
    expect(bins[0]).toMatchObject({ from: 0, to: 20 });
    expect(bins.at(-1)?.to).toBe(100);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(values.length);
    for (const v of values) expect(bins.filter((b) => b.from <= v && v <= b.to)).toHaveLength(1);
    for (const [i, b] of bins.entries()) {
      expect(b.count).toBe(values.filter((v) => b.from <= v && v <= b.to).length);
      if (i > 0) expect(b.from).toBe((bins[i - 1]?.to ?? NaN) + 1);
    }
  });

  it('one bin when all values are equal; fewer bins than values span; none for no values', () => {
    expect(histogram([7, 7, 7])).toEqual([{ from: 7, to: 7, count: 3 }]);
    expect(histogram([0, 1, 2], 5)).toEqual([
      { from: 0, to: 0, count: 1 },
      { from: 1, to: 1, count: 1 },
      { from: 2, to: 2, count: 1 },
    ]);
    expect(histogram([])).toEqual([]);
  });
});

describe('fields', () => {
  it('accepts whole numbers in range (separators allowed)', () => {
    expect(parseField(WORKERS, '2').value).toBe(2);
    expect(parseField(INCREMENTS, '1,000,000').value).toBe(1_000_000);
    expect(parseField(INCREMENTS, '1e6').value).toBe(1_000_000);
  });

  it('names the field and its range otherwise', () => {
    expect(parseField(WORKERS, '9').error).toBe('Workers: 9 is out of range; use a whole number from 1 to 8');
    expect(parseField(WORKERS, '1.5').error).toMatch(/^Workers: 1.5 is out of range/);
    expect(parseField(INCREMENTS, 'abc').error).toBe(
      'Increments per worker: "abc" is not a number; use a whole number from 1,000 to 10,000,000',
    );
    expect(parseField(INCREMENTS, ' ').error).toMatch(/^Increments per worker: empty/);
    expect(parseField(INCREMENTS, '999').error).toMatch(/out of range/);
  });
});

describe('What happened', () => {
  it('says nothing before a run', () => {
    expect(whatHappened([], null)).toBeNull();
  });

  it('a sentence per variant, from the measurements', () => {
    const text = whatHappened(
      [
        done('separate', 0, 1, { ownCopies: [1_000_000, 1_000_000] }),
        done('nolock', 1_387_655, 10),
        done('atomics', 2_000_000, 32),
        done('lock', 2_000_000, 320),
      ],
      null,
    );
    expect(text).toBe(
      'Separate memory: each of the 2 Workers counted to 1,000,000 in its own copy; the page’s counter stayed 0 — ' +
        'Workers, like processes, don’t share variables. ' +
        'No lock: 2 Workers lost 612,345 of 2,000,000 updates (31%): counter += 1 is read, add, write, and the ' +
        'Workers interleave — one’s write overwrites another’s. ' +
        'Atomics: exact (2,000,000), 16 ns per increment, 32× the separate-memory time and 3.2× the no-lock time. ' +
        'Lock: exact (2,000,000), 160 ns per increment, 10× the Atomics time.',
    );
  });

  it('no loss this time, one Worker, a stop, and an impossible loss are each said as such', () => {
    expect(whatHappened([done('nolock', 2_000_000, 5)], null)).toMatch(/no update was lost .*Run 10 times/);
    expect(whatHappened([done('nolock', 1_000_000, 5, { workers: 1 })], null)).toMatch(/1 Worker alone lost nothing/);
    expect(
      whatHappened([{ kind: 'stopped', variant: 'lock', workers: 2, increments: 10, counterAtStop: 3 }], null),
    ).toBe('Shared with a lock: stopped before it finished, so there is no total to compare.');
    expect(whatHappened([done('atomics', 1_999_999, 5)], null)).toMatch(/^Atomics: 1 updates lost — this should never/);
    // Lock without Atomics in the run: compared with no lock.
    expect(whatHappened([done('nolock', 1_500_000, 4), done('lock', 2_000_000, 40)], null)).toMatch(
      /Lock: exact .*10× the no-lock time\.$/,
    );
  });

  it('ten runs: the spread of lost updates', () => {
    const repeats: Repeats = {
      workers: 2,
      increments: 1_000_000,
      lost: [5, 9, 1, 3, 7, 2, 8, 4, 6, 10],
      timesMs: [],
      stopped: false,
    };
    expect(whatHappened([], repeats)).toBe(
      '10 runs of no lock lost 1 to 10 updates (median 5.5): a different total every time — which Worker’s write wins depends on timing.',
    );
    expect(whatHappened([], { ...repeats, lost: [0, 0, 5] })).toMatch(/2 different totals in 3 runs/);
    expect(repeatsText(repeats)).toBe(
      'Lost updates in 10 runs of 2,000,000: 5, 9, 1, 3, 7, 2, 8, 4, 6, 10. Min 1, median 5.5, max 10.',
    );
    expect(repeatsText({ ...repeats, lost: [612_345], stopped: true })).toBe(
      'Lost updates in 1 run of 2,000,000: 612,345. Min 612,345, median 612,345, max 612,345. Stopped before all 10 runs finished.',
    );
  });
});

describe('rows', () => {
  const all = { separate: true, nolock: true, atomics: true, lock: true };
  it('finished, running, waiting, skipped, not chosen, unavailable', () => {
    const plan = { variants: ['separate', 'nolock', 'lock'] as Variant[], workers: 2, increments: 10, stopped: false };
    const states = rowStates(plan, [done('separate', 0, 1)], 'nolock', { ...all, atomics: false }, true);
    expect(states.map((s) => s.kind)).toEqual(['done', 'running', 'idle', 'waiting']);
    expect(rowStates({ ...plan, stopped: true }, [], null, all, true).map((s) => s.kind)).toEqual([
      'skipped',
      'skipped',
      'idle',
      'skipped',
    ]);
    expect(rowStates(null, [], null, all, false).map((s) => s.kind)).toEqual([
      'idle',
      'unavailable',
      'unavailable',
      'unavailable',
    ]);
  });
});

describe('the Python', () => {
  it('uses the lab’s N and M, a global, Value without and with get_lock()', () => {
    const py = memoryPython(3, 1_000_000);
    expect(py).toContain('N, M = 3, 1_000_000');
    expect(py).toContain('global counter');
    expect(py).toContain('shared = Value("i", 0)');
    expect(py).toContain('with shared.get_lock():');
  });
});
