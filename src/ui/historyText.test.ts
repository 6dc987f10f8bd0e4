import { describe, expect, it } from 'vitest';
import { readRunFile } from '../engine/runFile';
import {
  configText,
  evictIds,
  fingerprint,
  pickRun,
  runNames,
  shortTime,
  summarize,
  tasksText,
  wallsOf,
  wallsText,
  whenText,
} from './historyText';
import { testRun } from './historyTestRuns';

const config = testRun([{ strategy: 'pool', wallsMs: [1000] }]).config;

describe('the test runs', () => {
  it('are Run JSON files the page reads', () => {
    const file = testRun([
      { strategy: 'sequential', wallsMs: [400, 410, 390] },
      { strategy: 'pool', wallsMs: [210, 205, 220] },
    ]);
    const read = readRunFile(JSON.stringify(file));
    expect(read.ok ? read.state.strategies.map((s) => s.wallS) : read.error).toEqual([
      0.4, 0.41, 0.39, 0.21, 0.205, 0.22,
    ]);
  });
});

describe('configText', () => {
  it('says kind, tasks, strategies and workers in short', () => {
    expect(configText({ ...config, tasks: [3, 2, 1], strategies: ['pool'], workers: 3 })).toBe(
      'sleep · 3,2,1 · pool · 3 workers',
    );
    expect(configText({ ...config, kind: 'cpu', tasks: [1], strategies: ['sequential', 'threads'], workers: 1 })).toBe(
      'cpu · 1 · sequential, threads · 1 worker',
    );
  });
  it('leaves out workers when only Sequential ran', () => {
    expect(configText({ ...config, tasks: [0.2, 0.2], strategies: ['sequential'] })).toBe(
      'sleep · 0.2,0.2 · sequential',
    );
  });
  it('adds repeats, executor.map order and raising tasks when set', () => {
    expect(configText({ ...config, strategies: ['pool'], repeat: 3, order: 'submitted', fail: [2, 4] })).toBe(
      'sleep · 0.2,0.2 · pool · 2 workers · 3 repeats · executor.map order · tasks 2,4 raise',
    );
    expect(configText({ ...config, strategies: ['pool'], fail: [1] })).toContain('task 1 raise');
  });
});

describe('tasksText', () => {
  it('keeps short lists whole and shortens long ones', () => {
    expect(tasksText([3, 2, 1])).toBe('3,2,1');
    expect(tasksText([1, 1, 1, 1, 1, 1])).toBe('1,1,1,1,1,1');
    expect(tasksText(Array<number>(1000).fill(0.01))).toBe('0.01 × 1000');
    expect(tasksText([1, 2, 3, 4, 5, 6, 7])).toBe('1,2,3,4 … (7 tasks)');
  });
});

describe('wallsOf and wallsText', () => {
  it('give each strategy its wall-clock from the events, in the page’s strategy order', () => {
    const file = testRun([
      { strategy: 'pool', wallsMs: [1020] },
      { strategy: 'sequential', wallsMs: [2012.5] },
    ]);
    expect(wallsOf(file)).toEqual([
      { strategy: 'sequential', wallS: 2.0125, status: 'done', runs: 1 },
      { strategy: 'pool', wallS: 1.02, status: 'done', runs: 1 },
    ]);
    expect(wallsText(wallsOf(file))).toBe('Sequential 2.01 s · Pool 1.02 s');
  });
  it('takes the median of repeats, as Results does', () => {
    const walls = wallsOf(testRun([{ strategy: 'pool', wallsMs: [300, 100, 200, 400] }]));
    expect(walls).toEqual([{ strategy: 'pool', wallS: 0.2, status: 'done', runs: 4 }]);
    expect(wallsText(walls)).toBe('Pool 0.20 s (median of 4)');
  });
  it('says stopped, failed, and not run for a strategy a Stop came before', () => {
    const file = testRun(
      [
        { strategy: 'sequential', wallsMs: [400], status: 'failed' },
        { strategy: 'processes', wallsMs: [510], status: 'stopped' },
      ],
      { stopped: true },
    );
    const stopped = {
      ...file,
      config: { ...file.config, strategies: [...file.config.strategies, 'threads' as const] },
    };
    expect(wallsText(wallsOf(stopped))).toBe(
      'Sequential 0.40 s, failed · Processes stopped at 0.51 s · Threads not run',
    );
  });
});

describe('when a run was made', () => {
  const now = new Date(2026, 10, 27, 15, 0, 0);
  const at = (day: number, h: number, m: number, s: number) => new Date(2026, 10, day, h, m, s).toISOString();
  it('says Today, Yesterday or the date, in local time', () => {
    expect(whenText(at(27, 10, 42, 7), now)).toBe('Today 10:42:07');
    expect(whenText(at(26, 23, 5, 0), now)).toBe('Yesterday 23:05:00');
    expect(whenText(at(3, 9, 0, 59), now)).toBe('2026-11-03 09:00:59');
    expect(shortTime(at(27, 10, 42, 7), now)).toBe('10:42:07');
    expect(shortTime(at(26, 10, 42, 7), now)).toBe('2026-11-26 10:42:07');
  });
  it('shows a time it cannot read as it is', () => {
    expect(whenText('soon', now)).toBe('soon');
  });
  it('names runs kept within the same second apart, counting from the oldest', () => {
    const newestFirst = [at(27, 10, 0, 1), at(27, 10, 0, 1), at(27, 9, 0, 0), at(27, 10, 0, 1)].map((createdAt) => ({
      createdAt,
    }));
    expect(runNames(newestFirst, now)).toEqual(['10:00:01 (3)', '10:00:01 (2)', '09:00:00', '10:00:01']);
  });
});

describe('pickRun', () => {
  it('adds a pick, and beyond two unchecks the earliest', () => {
    expect(pickRun([], 4)).toEqual({ picks: [4], dropped: [] });
    expect(pickRun([4], 2)).toEqual({ picks: [4, 2], dropped: [] });
    expect(pickRun([4, 2], 7)).toEqual({ picks: [2, 7], dropped: [4] });
    expect(pickRun([4, 2], 4)).toEqual({ picks: [2, 4], dropped: [] });
    expect(pickRun([1, 2, 3], 9, 1)).toEqual({ picks: [9], dropped: [1, 2, 3] });
  });
});

describe('evictIds', () => {
  it('drops the oldest beyond the limit', () => {
    expect(evictIds([5, 1, 3, 2, 4], 3)).toEqual([1, 2]);
    expect(evictIds([1, 2, 3], 3)).toEqual([]);
    expect(evictIds(Array.from({ length: 51 }, (_, i) => i + 1))).toEqual([1]);
  });
});

describe('fingerprint', () => {
  const file = testRun([{ strategy: 'pool', wallsMs: [1000] }]);
  it('is the same for the same run stamped at another time', () => {
    const restamped = { ...file, source: { ...file.source, createdAt: '2026-11-27T10:42:08.000Z' } };
    expect(fingerprint(restamped)).toBe(fingerprint(file));
  });
  it('differs when any measured time differs', () => {
    const events = file.events.map((e) => (e.type === 'task-end' ? { ...e, tMs: e.tMs + 0.005 } : e));
    expect(fingerprint({ ...file, events })).not.toBe(fingerprint(file));
  });
});

describe('summarize', () => {
  it('keeps where, when, the config and the wall-clocks', () => {
    const file = testRun([{ strategy: 'sequential', wallsMs: [400] }], { stopped: true });
    expect(summarize(file)).toEqual({
      label: 'Chromium 156',
      createdAt: '2026-11-27T10:42:07.000Z',
      status: 'stopped',
      config: 'sleep · 0.2,0.2 · sequential',
      walls: [{ strategy: 'sequential', wallS: 0.4, status: 'done', runs: 1 }],
    });
  });
});
