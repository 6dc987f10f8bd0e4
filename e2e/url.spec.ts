// The URL is a shareable link: it fills the controls, follows them, and `run=1`
// starts the run by itself, always in the canonical strategy order.
import {
  consoleLines,
  executionTime,
  expect,
  expectBetween,
  expectStrategies,
  openReady,
  results,
  searchParams,
  selectedKind,
  strategyBox,
  taggedLines,
  tasksBox,
  test,
  waitForDone,
  workersBox,
} from './helpers';

test('a link fills the controls, and the controls update the link', async ({ page }) => {
  await openReady(page, '?kind=sleep&tasks=0.5,0.5&strategies=sequential,pool&workers=2');
  await expect(tasksBox(page)).toHaveValue('0.5,0.5');
  expect(await selectedKind(page)).toBe('sleep');
  await expectStrategies(page, ['sequential', 'pool']);
  await expect(workersBox(page)).toHaveValue('2');

  await tasksBox(page).fill('0.3,0.3,0.3');
  await expect.poll(() => searchParams(page).get('tasks'), 'tasks in the URL').toBe('0.3,0.3,0.3');

  await strategyBox(page, 'threads').check();
  await expect
    .poll(() => searchParams(page).get('strategies'), 'strategies in the URL, canonical order')
    .toBe('sequential,pool,threads');

  // The updated link reproduces the same controls.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 30_000 });
  await expect(tasksBox(page)).toHaveValue('0.3,0.3,0.3');
  await expectStrategies(page, ['sequential', 'pool', 'threads']);
  await expect(workersBox(page)).toHaveValue('2');
});

test('run=1 runs by itself, strategies in canonical order', async ({ page }) => {
  await page.goto('/?tasks=0.3,0.3&strategies=threads,sequential&run=1');
  await waitForDone(page, 2);
  await expectStrategies(page, ['sequential', 'threads']);

  const res = await results(page);
  expect(
    res.rows.map((r) => r[0]),
    'Sequential then Threads',
  ).toEqual(['Sequential', 'Threads']);

  const lines = await consoleLines(page);
  expect(taggedLines(lines)).toHaveLength(lines.length);
  const lastSequential = lines.map((l) => l.startsWith('[sequential] ')).lastIndexOf(true);
  const firstThreads = lines.findIndex((l) => l.startsWith('[threads] '));
  expect(lastSequential, `sequential printed first: ${JSON.stringify(lines)}`).toBeGreaterThanOrEqual(0);
  expect(firstThreads, 'then threads').toBeGreaterThan(lastSequential);
  expectBetween(executionTime(lines, 'sequential'), 0.58, 0.95, 'sequential 0.3,0.3');
  // Sleeps overlap on the one threads worker.
  expectBetween(executionTime(lines, 'threads'), 0.28, 0.65, 'threads 0.3,0.3');
});
