// The chapter's four examples (presets 1–4), run for real and checked the way a
// reader checks the book: printed lines, their order, the execution time, and
// the timeline.
import {
  bars,
  cell,
  consoleLines,
  executionTime,
  expect,
  expectBetween,
  expectResultColumns,
  expectStrategies,
  num,
  openReady,
  results,
  rowFor,
  runAndWait,
  selectedKind,
  STRATEGY_NAMES,
  taskEvents,
  tasksBox,
  test,
  workersBox,
  type Bar,
  type StrategyTag,
  type TaskEvent,
} from './helpers';
import type { Page } from '@playwright/test';

const ev = (task: number, event: TaskEvent['event']): TaskEvent => ({ task, event });

/** Common checks after a one-strategy chapter run; returns the Console lines and bars. */
async function checkRun(
  page: Page,
  tag: StrategyTag,
  opts: { tasks: number[]; wall: [number, number]; ideal: string },
): Promise<{ lines: string[]; bars: Bar[] }> {
  const lines = await consoleLines(page);

  // Console: every line tagged with this strategy, Execution Time last.
  for (const line of lines) expect(line, 'Console line tag').toMatch(new RegExp(`^\\[${tag}\\] `));
  const seconds = executionTime(lines, tag);
  expect(lines[lines.length - 1], 'Execution Time is the last line').toMatch(/Execution Time: \d+\.\d\d seconds$/);
  expectBetween(seconds, opts.wall[0], opts.wall[1], `${tag} Execution Time`);

  // Every task started once and completed once.
  const events = taskEvents(lines, tag);
  expect(events).toHaveLength(opts.tasks.length * 2);
  for (let n = 1; n <= opts.tasks.length; n++) {
    expect(
      events.filter((e) => e.task === n && e.event === 'started'),
      `Task ${n} started once`,
    ).toHaveLength(1);
    expect(
      events.filter((e) => e.task === n && e.event === 'completed'),
      `Task ${n} completed once`,
    ).toHaveLength(1);
  }

  // Results: one row, the same wall-clock as the Console, the ideal time, a speedup.
  const res = await results(page);
  expectResultColumns(res);
  expect(res.rows.map((r) => r[0])).toEqual([STRATEGY_NAMES[tag]]);
  const row = rowFor(res, STRATEGY_NAMES[tag]);
  expect(num(cell(res, row, 'Wall-clock (s)')).toFixed(2), 'Wall-clock equals the Console time').toBe(
    seconds.toFixed(2),
  );
  expect(num(cell(res, row, 'Ideal (s)')).toFixed(2)).toBe(opts.ideal);
  expect(Number.isFinite(num(cell(res, row, 'Overhead (ms)')))).toBe(true);
  const speedup = cell(res, row, 'Speedup');
  expect(speedup).toMatch(/^\d+\.\d\d×$/);
  const sum = opts.tasks.reduce((a, b) => a + b, 0);
  expect(num(speedup), 'Speedup = sum of durations / wall-clock').toBeCloseTo(sum / seconds, 1);

  // Timeline: one bar per task, each lasting about its duration, inside the wall time.
  const bs = await bars(page, tag);
  expect(bs.map((b) => b.task)).toEqual(opts.tasks.map((_, i) => i + 1));
  for (const b of bs) {
    const d = opts.tasks[b.task - 1] ?? 0;
    expect(b.state, `${b.name} is finished`).toBe('');
    expectBetween(b.end - b.start, d - 0.05, d + 0.3, `duration of ${b.name}`);
    expect(b.start, `${b.name} starts at or after 0`).toBeGreaterThanOrEqual(0);
    expect(b.end, `${b.name} ends within the wall time`).toBeLessThanOrEqual(seconds + 0.02);
  }
  return { lines, bars: bs };
}

test.describe('the chapter, preset by preset', () => {
  test.beforeEach(async ({ page }) => {
    await openReady(page);
  });

  test('1 · task(1); task(2) runs one after the other in about 2 s', async ({ page }) => {
    await page.getByRole('button', { name: '1 · task(1); task(2)' }).click();
    await expect(tasksBox(page)).toHaveValue('1,1');
    expect(await selectedKind(page)).toBe('sleep');
    await expectStrategies(page, ['sequential']);

    await runAndWait(page, 1);
    const { lines, bars: bs } = await checkRun(page, 'sequential', { tasks: [1, 1], wall: [1.95, 2.4], ideal: '2.00' });

    expect(lines.slice(0, 4)).toEqual([
      '[sequential] Task 1 started',
      '[sequential] Task 1 completed',
      '[sequential] Task 2 started',
      '[sequential] Task 2 completed',
    ]);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/^\[sequential\] Execution Time: \d+\.\d\d seconds$/);

    const [b1, b2] = bs;
    expect(b2?.start ?? -1, 'task 2 starts after task 1 ends').toBeGreaterThanOrEqual((b1?.end ?? 99) - 0.02);
    expect(b1?.worker, 'both tasks on the same worker').toBe(b2?.worker);
  });

  test('2 · two Processes run at the same time in about 1 s', async ({ page }) => {
    await page.getByRole('button', { name: '2 · two Processes' }).click();
    await expect(tasksBox(page)).toHaveValue('1,1');
    expect(await selectedKind(page)).toBe('sleep');
    await expectStrategies(page, ['processes']);

    await runAndWait(page, 1);
    const { lines, bars: bs } = await checkRun(page, 'processes', { tasks: [1, 1], wall: [0.95, 1.45], ideal: '1.00' });

    const events = taskEvents(lines, 'processes');
    expect(events.slice(0, 2), 'both started before either completed').toEqual([ev(1, 'started'), ev(2, 'started')]);
    expect(events.slice(2).map((e) => e.event)).toEqual(['completed', 'completed']);

    expect(new Set(bs.map((b) => b.worker)).size, 'one worker per process').toBe(2);
    const [b1, b2] = bs;
    expect(b2?.start ?? 99, 'the two bars overlap').toBeLessThan(b1?.end ?? -1);
  });

  test('3 · five Processes in a loop all run at once in about 1 s', async ({ page }) => {
    await page.getByRole('button', { name: '3 · five Processes in a loop' }).click();
    await expect(tasksBox(page)).toHaveValue('1,1,1,1,1');
    expect(await selectedKind(page)).toBe('sleep');
    await expectStrategies(page, ['processes']);

    await runAndWait(page, 1);
    const { lines, bars: bs } = await checkRun(page, 'processes', {
      tasks: [1, 1, 1, 1, 1],
      wall: [0.95, 1.6],
      ideal: '1.00',
    });

    const events = taskEvents(lines, 'processes');
    expect(
      events.slice(0, 5).map((e) => e.event),
      'all five started before any completed',
    ).toEqual(Array<string>(5).fill('started'));
    expect(
      events
        .slice(0, 5)
        .map((e) => e.task)
        .sort((a, b) => a - b),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(events.slice(5).map((e) => e.event)).toEqual(Array<string>(5).fill('completed'));

    expect(new Set(bs.map((b) => b.worker)).size, 'one worker per process').toBe(5);
    const lastStart = Math.max(...bs.map((b) => b.start));
    const firstEnd = Math.min(...bs.map((b) => b.end));
    expect(lastStart, 'all five bars overlap').toBeLessThan(firstEnd);
  });

  test('4 · ProcessPool + as_completed: 3,2,1 finish in reverse order in about 3 s', async ({ page }) => {
    await page.getByRole('button', { name: '4 · ProcessPool + as_completed' }).click();
    await expect(tasksBox(page)).toHaveValue('3,2,1');
    expect(await selectedKind(page)).toBe('sleep');
    await expectStrategies(page, ['pool']);
    await expect(workersBox(page)).toHaveValue('3');

    await runAndWait(page, 1);
    const { lines, bars: bs } = await checkRun(page, 'pool', { tasks: [3, 2, 1], wall: [2.95, 3.5], ideal: '3.00' });

    const events = taskEvents(lines, 'pool');
    expect(
      events.filter((e) => e.event === 'started').map((e) => e.task),
      'submitted in order',
    ).toEqual([1, 2, 3]);
    expect(
      events.filter((e) => e.event === 'completed').map((e) => e.task),
      'as_completed: the 1 s task first, the 3 s task last',
    ).toEqual([3, 2, 1]);
    expect(
      events.slice(0, 3).map((e) => e.event),
      'all three started before any completed',
    ).toEqual(Array<string>(3).fill('started'));

    expect(new Set(bs.map((b) => b.worker)).size, 'three tasks on three distinct workers').toBe(3);
    const [b1, b2, b3] = bs;
    expectBetween(b1?.end ?? -1, 2.95, 3.5, 'end of task 1 (3 s)');
    expectBetween(b2?.end ?? -1, 1.95, 2.5, 'end of task 2 (2 s)');
    expectBetween(b3?.end ?? -1, 0.95, 1.5, 'end of task 3 (1 s)');
  });
});
