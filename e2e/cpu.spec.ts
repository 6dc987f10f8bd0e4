// Preset 5: CPU-bound work. Processes (the pool) use several cores and finish
// sooner; threads share one worker's event loop, like Python threads share the
// interpreter lock, so CPU work is not faster than running it in sequence.
import {
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
  taskEvents,
  tasksBox,
  test,
  workersBox,
  type StrategyTag,
} from './helpers';

test('5 · CPU-bound: the pool beats sequential, threads do not', async ({ page }) => {
  await openReady(page);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);

  await page.getByRole('button', { name: '5 · CPU-bound: processes vs threads' }).click();
  await expect(tasksBox(page)).toHaveValue('1,1');
  expect(await selectedKind(page)).toBe('cpu');
  await expectStrategies(page, ['sequential', 'pool', 'threads']);
  await expect(workersBox(page)).toHaveValue(String(cores));

  await runAndWait(page, 3, 45_000);

  const res = await results(page);
  expectResultColumns(res);
  expect(
    res.rows.map((r) => r[0]),
    'rows in canonical order',
  ).toEqual(['Sequential', 'Pool', 'Threads']);

  // Console: each strategy's lines, in canonical order, each with its Execution Time,
  // equal to the Results wall-clock.
  const lines = await consoleLines(page);
  const tags: StrategyTag[] = ['sequential', 'pool', 'threads'];
  const firstIndex = tags.map((tag) => lines.findIndex((l) => l.startsWith(`[${tag}] `)));
  expect(
    firstIndex.every((i) => i >= 0),
    `every strategy printed: ${JSON.stringify(lines)}`,
  ).toBe(true);
  expect(
    [...firstIndex].sort((a, b) => a - b),
    'strategies ran in canonical order',
  ).toEqual(firstIndex);
  const wall: Record<string, number> = {};
  for (const [tag, name] of [
    ['sequential', 'Sequential'],
    ['pool', 'Pool'],
    ['threads', 'Threads'],
  ] as const) {
    const seconds = executionTime(lines, tag);
    const events = taskEvents(lines, tag);
    expect(
      events
        .filter((e) => e.event === 'started')
        .map((e) => e.task)
        .sort((a, b) => a - b),
    ).toEqual([1, 2]);
    expect(
      events
        .filter((e) => e.event === 'completed')
        .map((e) => e.task)
        .sort((a, b) => a - b),
    ).toEqual([1, 2]);
    const row = rowFor(res, name);
    expect(num(cell(res, row, 'Wall-clock (s)')).toFixed(2), `${name} wall-clock equals the Console`).toBe(
      seconds.toFixed(2),
    );
    const ideal = num(cell(res, row, 'Ideal (s)')).toFixed(2);
    if (tag === 'sequential') expect(ideal, 'sequential ideal').toBe('2.00');
    if (tag === 'pool' && cores >= 2) expect(ideal, 'pool ideal with 2+ workers').toBe('1.00');
    expect(cell(res, row, 'Speedup')).toMatch(/^\d+\.\d\d×$/);
    wall[tag] = seconds;
  }
  const seq = wall.sequential ?? NaN;
  const pool = wall.pool ?? NaN;
  const threads = wall.threads ?? NaN;

  // Calibrated so one 1 s task computes for about 1 s alone: two in a row ≈ 2 s.
  expectBetween(seq, 1.4, 3.5, 'sequential CPU wall-clock');
  expect(
    threads,
    `threads (${threads} s) are not faster than sequential (${seq} s) on CPU work`,
  ).toBeGreaterThanOrEqual(0.85 * seq);

  test.skip(cores < 2, `navigator.hardwareConcurrency is ${cores}: one core cannot run two processes at once`);
  expect(pool, `pool (${pool} s) is clearly faster than sequential (${seq} s) with ${cores} cores`).toBeLessThan(
    0.8 * seq,
  );
});
