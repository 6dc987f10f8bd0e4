// The teaching features around a run: the ideal model beside the measurement, where the
// overhead went, cores vs workers, completion vs submission order, the scaling sweep,
// repeated runs, predictions, the code pane and a raising task — all checked the way a
// student sees them (accessible names, visible text, the Console and the tables).
import {
  barLocator,
  cell,
  consoleLines,
  escapeRegExp,
  expect,
  expectBetween,
  kindSelect,
  num,
  openReady,
  results,
  rowFor,
  runStatus,
  searchParams,
  stopButton,
  tasksBox,
  test,
  timeline,
  waitForDone,
} from './helpers';
import type { Locator, Page } from '@playwright/test';

/** The machine's core count as the page sees it (works before any navigation too). */
async function hardwareConcurrency(page: Page): Promise<number> {
  return page.evaluate(() => navigator.hardwareConcurrency);
}

/** The "What happened" section under the timelines. */
const whatHappened = (page: Page): Locator => page.getByRole('region', { name: 'What happened' });

/** Task numbers of a "Pool results arrive (…)" list, in the list's order. */
async function arrivalOrder(list: Locator): Promise<number[]> {
  const texts = await list.getByRole('listitem').allTextContents();
  return texts.map((t) => {
    const m = /result of task (\d+)/.exec(t);
    expect(m, `an arrival item naming its task: "${t}"`).not.toBeNull();
    return Number(m?.[1]);
  });
}

/** Index of the one Console line equal to `line` (asserting there is exactly one). */
function indexOfLine(lines: readonly string[], line: string): number {
  expect(
    lines.filter((l) => l === line),
    `exactly one "${line}" in ${JSON.stringify(lines)}`,
  ).toHaveLength(1);
  return lines.indexOf(line);
}

// ---------------------------------------------------------------- 1 · ideal vs measured

test('ideal ghost bars, the "What happened" paragraph and the overhead breakdown', async ({ page }) => {
  await page.goto('/?kind=sleep&tasks=1,1,1&strategies=pool&workers=2&run=1');
  await waitForDone(page, 1);

  // Ghost bars of the model, one per task, in lists per worker lane.
  const pool = timeline(page, 'pool');
  const lanes = pool.getByRole('list', { name: /^Pool ideal schedule, worker \d+ \(model\)$/ });
  await expect(lanes, 'one ideal-schedule list per pool worker').toHaveCount(2);
  const ghostName = /^Ideal: task \d+: [\d.]+–[\d.]+ s$/;
  const ghosts = lanes.getByRole('listitem', { name: ghostName });
  await expect(ghosts, 'one ideal bar per task, inside the lanes').toHaveCount(3);
  await expect(pool.getByRole('listitem', { name: /^Ideal: / }), 'no ideal bar outside the lanes').toHaveCount(3);
  const names: string[] = [];
  for (let i = 0; i < 3; i++) names.push((await ghosts.nth(i).getAttribute('aria-label')) ?? '');
  expect(names.sort(), 'the model: tasks 1 and 2 first, task 3 in the second wave').toEqual([
    'Ideal: task 1: 0.00–1.00 s',
    'Ideal: task 2: 0.00–1.00 s',
    'Ideal: task 3: 1.00–2.00 s',
  ]);
  // The measured bars are still there too.
  await expect(barLocator(page, 'pool')).toHaveCount(3);

  // What happened, in words.
  await expect(page.getByRole('heading', { name: 'What happened' })).toBeVisible();
  await expect(
    whatHappened(page)
      .getByRole('paragraph')
      .filter({ hasText: /^Pool with 2 workers ran 3 tasks in 2 waves:/ }),
  ).toHaveCount(1);

  // Overhead = start-up + dispatch + other.
  const res = await results(page);
  for (const col of ['Worker start-up (ms)', 'Dispatch (ms)', 'Other (ms)']) {
    expect(res.headers, `Results column "${col}"`).toContain(col);
  }
  const row = rowFor(res, 'Pool');
  const startup = num(cell(res, row, 'Worker start-up (ms)'));
  const dispatch = num(cell(res, row, 'Dispatch (ms)'));
  const other = num(cell(res, row, 'Other (ms)'));
  const overhead = num(cell(res, row, 'Overhead (ms)'));
  expect(startup, 'a pool starts new Workers, which costs time').toBeGreaterThan(0);
  expectBetween(
    startup + dispatch + other,
    overhead - 2,
    overhead + 2,
    `start-up ${startup} + dispatch ${dispatch} + other ${other}`,
  );
});

// ---------------------------------------------------------------- 2 · cores

test('CPU workers beyond the core count share cores, and the page says so', async ({ page }) => {
  const cores = await hardwareConcurrency(page);
  test.skip(cores >= 4, `needs fewer than 4 cores to put workers beyond the cores (this machine has ${cores})`);

  await page.goto('/?kind=cpu&tasks=0.3,0.3,0.3,0.3&strategies=pool&workers=4&run=1');
  await waitForDone(page, 1);
  expect(await hardwareConcurrency(page), 'the page sees the same core count').toBe(cores);

  const pool = timeline(page, 'pool');
  await expect(pool.getByText(`beyond ${cores} cores`), 'one note per lane beyond the cores').toHaveCount(4 - cores);
  await expect(pool.getByText(/beyond \d+ cores/)).toHaveCount(4 - cores);

  const paragraph = whatHappened(page)
    .getByRole('paragraph')
    .filter({ hasText: /^Pool with 4 workers/ });
  await expect(paragraph).toHaveCount(1);
  await expect(paragraph).toContainText('workers shared');
  await expect(paragraph).toContainText('time-slices');
});

// ---------------------------------------------------------------- 3 · completion vs submission order

test.describe('results order', () => {
  test('executor.map hands results over in submission order', async ({ page }) => {
    await page.goto('/?kind=sleep&tasks=0.6,0.4,0.2&strategies=pool&workers=3&order=submitted&run=1');
    await waitForDone(page, 1);

    const lines = await consoleLines(page);
    const completed = [3, 2, 1].map((n) => indexOfLine(lines, `[pool] Task ${n} completed`));
    const received = [1, 2, 3].map((n) => indexOfLine(lines, `[pool] Result of task ${n} received`));
    expect(completed, `tasks complete shortest first: ${JSON.stringify(lines)}`).toEqual(
      [...completed].sort((a, b) => a - b),
    );
    expect(received, 'results received in submission order').toEqual([...received].sort((a, b) => a - b));
    expect(received[0] ?? -1, 'the first result is received after the last task completes').toBeGreaterThan(
      Math.max(...completed),
    );

    const order = page.getByRole('combobox', { name: 'Results order' });
    await expect(order).toHaveValue('submitted');
    await expect(order.locator('option:checked')).toHaveText('executor.map');

    const list = page.getByRole('list', { name: 'Pool results arrive (executor.map: in submission order)' });
    await expect(list).toBeVisible();
    expect(await arrivalOrder(list)).toEqual([1, 2, 3]);
  });

  test('as_completed (the default) takes results as they finish', async ({ page }) => {
    await page.goto('/?kind=sleep&tasks=0.6,0.4,0.2&strategies=pool&workers=3&run=1');
    await waitForDone(page, 1);

    const lines = await consoleLines(page);
    expect(
      lines.filter((l) => /received/.test(l)),
      'no "received" lines with as_completed',
    ).toEqual([]);
    const completed = [3, 2, 1].map((n) => indexOfLine(lines, `[pool] Task ${n} completed`));
    expect(completed, 'tasks complete shortest first').toEqual([...completed].sort((a, b) => a - b));

    const order = page.getByRole('combobox', { name: 'Results order' });
    await expect(order.locator('option:checked')).toHaveText('as_completed');
    const list = page.getByRole('list', { name: 'Pool results arrive (as_completed: as they finish)' });
    await expect(list).toBeVisible();
    expect(await arrivalOrder(list)).toEqual([3, 2, 1]);
  });
});

// ---------------------------------------------------------------- 4 · sweep

test.describe('sweep workers', () => {
  const sweepButton = (page: Page): Locator => page.getByRole('button', { name: 'Sweep workers' });
  const sweepTable = (page: Page): Locator => page.getByRole('table', { name: 'Sweep points' });
  const sweepRows = (page: Page): Locator => sweepTable(page).locator('tbody').getByRole('row');

  test('measures every pool size from 1 to max(2 × cores, 8) and fits Amdahl', async ({ page }) => {
    test.setTimeout(90_000);
    await openReady(page, '?kind=sleep&strategies=pool');
    const cores = await hardwareConcurrency(page);
    const top = Math.max(2 * cores, 8);
    await tasksBox(page).fill('0.2,0.2,0.2,0.2');
    await sweepButton(page).click();
    await expect(runStatus(page)).toHaveText(/^\s*Done\b/, { timeout: 60_000 });

    const figure = page.getByRole('figure', { name: 'Speedup vs workers' });
    await expect(figure).toBeVisible();
    await expect(sweepRows(page)).toHaveCount(top);
    const sizes = await sweepRows(page).getByRole('rowheader').allTextContents();
    expect(
      sizes.map((s) => Number(s.trim())),
      'one row per pool size',
    ).toEqual(Array.from({ length: top }, (_, i) => i + 1));
    const headers = await sweepTable(page).getByRole('columnheader').allTextContents();
    const speedupCol = headers.map((h) => h.trim()).indexOf('Speedup');
    expect(speedupCol, 'a Speedup column').toBeGreaterThan(0);
    const firstRow = sweepRows(page).first().locator('th, td');
    await expect(firstRow.nth(speedupCol), 'speedup of 1 worker relative to itself').toHaveText('1.00×');
    // Sleeping tasks keep scaling: 4 workers do 4 tasks of 0.2 s much faster than 1 worker.
    const fourth = sweepRows(page).nth(3).locator('th, td');
    expect(num((await fourth.nth(speedupCol).textContent()) ?? ''), 'speedup with 4 workers').toBeGreaterThan(1.5);

    await expect(page.getByText('serial fraction')).toBeVisible();
    await expect(page.getByText(/Measured \d+ pool sizes/)).toBeVisible();
    // The chart: one dot per measured point on the Measured line.
    await expect(
      figure.locator('.recharts-line-dots circle[name="Measured"]'),
      'one Measured dot per pool size',
    ).toHaveCount(top);
  });

  test('Stop ends a sweep early', async ({ page }) => {
    await openReady(page, '?kind=sleep&strategies=pool');
    const cores = await hardwareConcurrency(page);
    const top = Math.max(2 * cores, 8);
    await tasksBox(page).fill('0.5,0.5,0.5,0.5');
    await sweepButton(page).click();
    // About 2 s in: once the 1-worker point (≈ 2 s) is in.
    await expect(sweepRows(page)).toHaveCount(1, { timeout: 15_000 });
    await stopButton(page).click();

    await expect(runStatus(page)).toHaveText(/^\s*Stopped\b/, { timeout: 5_000 });
    await expect(page.getByText(/Stopped after \d+ of \d+ pool sizes/)).toBeVisible();
    const n = await sweepRows(page).count();
    expect(n, 'the sweep ended before every pool size').toBeLessThan(top);
    await expect(page.getByText(`Stopped after ${n} of ${top} pool sizes`)).toBeVisible();
    await expect(stopButton(page)).toBeDisabled();
  });
});

// ---------------------------------------------------------------- 5 · repeat

test('repeat=3 runs each strategy three times and reports min, median and max', async ({ page }) => {
  await page.goto('/?kind=sleep&tasks=0.2,0.2&strategies=sequential,pool&repeat=3&run=1');
  await waitForDone(page, 2);

  const res = await results(page);
  for (const col of ['Runs', 'Min (s)', 'Max (s)']) expect(res.headers, `Results column "${col}"`).toContain(col);
  expect(res.rows.map((r) => r[0])).toEqual(['Sequential', 'Pool']);
  for (const name of ['Sequential', 'Pool']) {
    const row = rowFor(res, name);
    expect(cell(res, row, 'Runs'), `${name} runs`).toBe('3');
    const min = num(cell(res, row, 'Min (s)'));
    const wall = num(cell(res, row, 'Wall-clock (s)'));
    const max = num(cell(res, row, 'Max (s)'));
    expect(min, `${name}: Min ≤ Wall-clock`).toBeLessThanOrEqual(wall);
    expect(wall, `${name}: Wall-clock ≤ Max`).toBeLessThanOrEqual(max);
  }

  const lines = await consoleLines(page);
  const runLines = [1, 2, 3].map((k) => indexOfLine(lines, `[sequential] Run ${k} of 3`));
  expect(runLines, 'Run 1, 2, 3 in order').toEqual([...runLines].sort((a, b) => a - b));
  expect(
    lines.filter((l) => l.startsWith('[sequential] Execution Time:')),
    'one Execution Time per run',
  ).toHaveLength(3);
});

// ---------------------------------------------------------------- 6 · predictions

test('predictions from the link are shown, compared with the measurement, and kept in the URL', async ({ page }) => {
  await page.goto('/?kind=sleep&tasks=1,1&strategies=sequential,processes&predict=sequential:2,processes:2&run=1');
  const box = (label: string): Locator => page.getByRole('spinbutton', { name: `Your prediction (s) for ${label}` });
  await expect(box('Sequential')).toHaveValue('2');
  await expect(box('Processes')).toHaveValue('2');
  await waitForDone(page, 2);

  const res = await results(page);
  expect(res.headers).toContain('Predicted (s)');
  for (const name of ['Sequential', 'Processes']) {
    expect(cell(res, rowFor(res, name), 'Predicted (s)'), `${name} prediction`).toBe('2.00');
  }

  const section = page.getByRole('region', { name: 'Predicted vs measured' });
  await expect(page.getByRole('heading', { name: 'Predicted vs measured' })).toBeVisible();
  await expect(
    section.getByRole('paragraph').filter({ hasText: /^Sequential: you predicted 2\.00 s, it took \d+\.\d\d s/ }),
  ).toHaveCount(1);
  const processes = section.getByRole('paragraph').filter({ hasText: /^Processes: you predicted 2\.00 s/ });
  await expect(processes).toHaveCount(1);
  await expect(processes).toContainText('faster than you thought');

  // Typing a prediction updates the link.
  await box('Processes').fill('1.5');
  await expect.poll(() => searchParams(page).get('predict')).toBe('sequential:2,processes:1.5');
  await box('Sequential').fill('');
  await expect.poll(() => searchParams(page).get('predict')).toBe('processes:1.5');
});

// ---------------------------------------------------------------- 7 · code pane

test('the code pane shows the chapter’s Python beside the TypeScript, and copies it', async ({
  page,
  context,
  baseURL,
}) => {
  await openReady(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(baseURL ?? page.url()).origin,
  });
  await page.getByRole('button', { name: '4 · ProcessPool + as_completed' }).click();

  const pane = page.getByRole('region', { name: 'Code beside the picture' });
  const python = pane.getByLabel('Python code', { exact: true });
  const typescript = pane.getByLabel('TypeScript code', { exact: true });
  await expect(python).toContainText('for f in as_completed(futures):');
  await expect(typescript).toContainText('async function pool(');
  // The kind's own workload, one file per kind, follows the Worker's task.
  await expect(typescript).toContainText('// src/workers/workloads/sleep.ts');
  await expect(typescript).toContainText('export const sleep: Workload');

  await pane.getByRole('button', { name: 'Copy Python' }).click();
  await expect(pane.getByRole('button', { name: 'Copied Python' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const shown = await python.evaluate((el) => el.textContent ?? '');
  expect(copied, 'the clipboard holds the Python shown').toBe(shown);
  expect(copied).toContain('as_completed');

  await tasksBox(page).fill('1,2');
  await expect(python).toContainText('DURATIONS = [1, 2]');
  await expect(pane.getByText('Python: an equivalent program')).toBeVisible();
  await expect(python).toContainText('as_completed(futures)');

  await kindSelect(page).selectOption('cpu');
  await expect(typescript).toContainText('export const cpu: Workload');
  await expect(typescript).not.toContainText('export const sleep: Workload');
});

// ---------------------------------------------------------------- 8 · failing task

test('a raising task stops sequential, not the pool, and is marked on its bar', async ({ page }) => {
  await page.goto('/?kind=sleep&tasks=0.3,0.3,0.3&strategies=sequential,pool&workers=2&fail=2&run=1');
  await waitForDone(page, 2);
  const message = 'Error: task 2 failed on purpose (a demo of a raising task)';

  const lines = await consoleLines(page);
  indexOfLine(lines, `[sequential] Task 2 raised ${message}`);
  expect(lines, 'sequential stops at the first failure').not.toContain('[sequential] Task 3 started');
  expect(lines).toContain('[sequential] Task 1 completed');
  indexOfLine(lines, '[pool] Task 1 completed');
  indexOfLine(lines, '[pool] Task 3 completed');
  indexOfLine(lines, `[pool] Task 2 raised ${message}`);

  const res = await results(page);
  expect(res.rows.map((r) => r[0])).toEqual(['Sequential (failed)', 'Pool (failed)']);

  const raised = new RegExp(`^Task 2 on worker \\d+: .*${escapeRegExp(`(raised ${message})`)}$`);
  for (const tag of ['sequential', 'pool'] as const) {
    await expect(
      timeline(page, tag).getByRole('img', { name: raised }),
      `${tag}: task 2's bar says it raised`,
    ).toHaveCount(1);
  }
});
