// Numbers that cannot mislead a class (issue 9, points 3, 6 and 7): speedup against the
// sequential run measured in the same Run, heavy `run=1` links that wait for a click, and
// repeated runs that say their Wall-clock is a median.
import {
  VS_SEQUENTIAL,
  cell,
  cellContaining,
  consoleLines,
  expect,
  expectBetween,
  expectResultColumns,
  heldBackNote,
  num,
  results,
  resultsTable,
  rowFor,
  runButton,
  runStatus,
  stopButton,
  test,
  waitForDone,
  liveWorkers,
} from './helpers';
import type { Locator, Page } from '@playwright/test';

const whatHappened = (page: Page): Locator => page.getByRole('region', { name: 'What happened' });
const ones = (n: number): string => Array.from({ length: n }, () => '1').join(',');

// ---------------------------------------------------------------- 3 · speedup vs measured sequential

test('speedup against the measured sequential run: a column of its own and the What happened text', async ({
  page,
}) => {
  await page.goto('/?kind=sleep&tasks=1,1&strategies=sequential,pool&workers=2&run=1');
  await waitForDone(page, 2);

  const res = await results(page);
  expectResultColumns(res); // the contract's columns are all still there, in order
  const header = res.headers.find((h) => h.includes(VS_SEQUENTIAL));
  expect(header, `a column "${VS_SEQUENTIAL}" in ${JSON.stringify(res.headers)}`).toBeDefined();
  expect(res.headers.indexOf(header ?? ''), 'after the contract’s Speedup').toBeGreaterThan(
    res.headers.indexOf('Speedup'),
  );

  const pool = rowFor(res, 'Pool');
  const seq = rowFor(res, 'Sequential');
  const vsText = cellContaining(res, pool, VS_SEQUENTIAL);
  expect(vsText).toMatch(/^\d+\.\d\d×$/);
  const vs = num(vsText);
  expectBetween(vs, 1.6, 2.2, 'Pool speedup vs measured sequential');
  // It is the ratio of the two measured wall-clocks (to the cells' rounding).
  const ratio = num(cell(res, seq, 'Wall-clock (s)')) / num(cell(res, pool, 'Wall-clock (s)'));
  expect(Math.abs(vs - ratio), `${vs} ≈ ${ratio}`).toBeLessThan(0.03);
  expect(cellContaining(res, seq, VS_SEQUENTIAL), 'sequential is the reference').toBe('1.00×');
  // The contract's Speedup is unchanged: sum of durations (2 s) ÷ wall-clock.
  expectBetween(num(cell(res, pool, 'Speedup')), 1.6, 2.05, 'Pool Speedup (vs sum of durations)');

  // What happened quotes the same number and says what it is against.
  const poolText = whatHappened(page).getByText(/^Pool with 2 workers/);
  await expect(poolText).toContainText(`That is ${vsText} faster than the measured sequential run (`);
  await expect(whatHappened(page).getByText(/^Sequential ran/)).not.toContainText('That is');
});

test('without a whole sequential run the column shows — and says why', async ({ page }) => {
  await page.goto('/?kind=sleep&tasks=0.3,0.3&strategies=processes,pool&workers=2&run=1');
  await waitForDone(page, 2);
  const res = await results(page);
  for (const name of ['Processes', 'Pool']) {
    const text = cellContaining(res, rowFor(res, name), VS_SEQUENTIAL);
    // `—` on screen; the explanation is read by screen readers (and shown on hover).
    expect(text, `${name}`).toMatch(/^— No sequential run was measured in this Run/);
  }
  const dash = resultsTable(page)
    .getByRole('cell', { name: /No sequential run was measured/ })
    .first();
  await expect(dash).toHaveAttribute('title', /tick Sequential/);
  // The text falls back to the sum of the durations, and says so.
  await expect(whatHappened(page).getByText(/^Pool with 2 workers/)).toContainText(
    'no sequential run was measured to compare with',
  );
});

// ---------------------------------------------------------------- 6 · heavy links wait for a click

/** Opens a `run=1` link that must not start: settles, stays Ready, starts nothing, says why next to Run. */
async function expectHeldBack(page: Page, query: string, why: RegExp): Promise<void> {
  await page.goto(query);
  await expect(runButton(page)).toBeEnabled({ timeout: 30_000 });
  await page.waitForTimeout(3_000);
  await expect(runStatus(page)).toHaveText(/^\s*Ready\s*$/);
  expect(await consoleLines(page), 'no Console lines').toEqual([]);
  expect((await results(page)).rows, 'no Results rows').toEqual([]);
  expect(await liveWorkers(page), 'only the warm Worker').toBeLessThanOrEqual(1);

  const note = heldBackNote(page);
  await expect(note).toBeVisible();
  await expect(note).toHaveText(why);
  await expect(runButton(page), 'Run is described by the note').toHaveAccessibleDescription(why);
  // Next to Run: just below the Run button.
  const runBox = await runButton(page).boundingBox();
  const noteBox = await note.boundingBox();
  expect(runBox && noteBox, 'both on screen').toBeTruthy();
  if (runBox && noteBox)
    expectBetween(noteBox.y - (runBox.y + runBox.height), 0, 80, 'gap between Run and the note (px)');
}

test('the issue’s link with 200 cpu tasks under processes waits for Run', async ({ page }) => {
  await expectHeldBack(
    page,
    `/?kind=cpu&tasks=${ones(200)}&strategies=processes&run=1`,
    /^This link would run for about \d+ s of ideal time \(limit 60 s\) and start 200 Workers at once \(limit 64\) — press Run to start it\.$/,
  );
  // The settings are loaded, ready for a click.
  await expect(page.getByRole('textbox', { name: 'Task durations (s)' })).toHaveValue(ones(200));
  await expect(page.getByRole('combobox', { name: 'Task kind' })).toHaveValue('cpu');
  await expect(
    page.getByRole('group', { name: 'Strategies' }).getByRole('checkbox', { name: 'Processes' }),
  ).toBeChecked();
});

test('a link that would start 200 Workers at once waits; a click on Run runs it', async ({ page }) => {
  // Sleep tasks: clicking Run really starts the 200 Workers, without 200 busy threads starving the page.
  await expectHeldBack(
    page,
    `/?kind=sleep&tasks=${ones(200)}&strategies=processes&run=1`,
    /^This link would start 200 Workers at once \(limit 64\) — press Run to start it\.$/,
  );
  await runButton(page).click();
  await expect(runStatus(page)).toHaveText(/^\s*Running…/);
  await expect(heldBackNote(page), 'the note goes once the run starts').toHaveCount(0);
  await expect.poll(() => consoleLines(page), { message: 'the run prints' }).not.toEqual([]);
  await stopButton(page).click();
  await expect(runStatus(page)).toHaveText(/^\s*Stopped\b/, { timeout: 15_000 });
  await expect.poll(() => liveWorkers(page), { timeout: 10_000 }).toBeLessThanOrEqual(1);
});

test('a link over 60 s of ideal time waits for Run', async ({ page }) => {
  await expectHeldBack(
    page,
    '/?kind=sleep&tasks=30,40&strategies=sequential&run=1',
    /^This link would run for about 70 s of ideal time \(limit 60 s\) — press Run to start it\.$/,
  );
  // Changing the settings takes the note away: it was about the link.
  await page.getByRole('textbox', { name: 'Task durations (s)' }).fill('1');
  await expect(heldBackNote(page)).toHaveCount(0);
});

test('repeat counts: 4 × 20 s of ideal time waits too', async ({ page }) => {
  await expectHeldBack(
    page,
    '/?kind=sleep&tasks=10,10&strategies=sequential&repeat=4&run=1',
    /^This link would run for about 80 s of ideal time \(4 runs of each strategy; limit 60 s\) — press Run to start it\.$/,
  );
});

test('a light link still runs by itself, with no note', async ({ page }) => {
  await page.goto('/?kind=sleep&tasks=0.3,0.3&strategies=sequential,processes,pool&workers=2&run=1');
  await waitForDone(page, 3);
  await expect(heldBackNote(page)).toHaveCount(0);
});

// ---------------------------------------------------------------- 7 · repeat says median

test('repeat=3: Results say that Wall-clock is the median of 3 runs', async ({ page }) => {
  await page.goto('/?kind=sleep&tasks=0.2,0.2&strategies=sequential,pool&repeat=3&run=1');
  await waitForDone(page, 2);
  const table = page.getByRole('table', { name: 'Results', exact: true });
  await expect(table, 'the table keeps its name').toHaveCount(1);
  await expect(table.locator('caption')).toContainText('Wall-clock (s) is the median of 3 runs');
  await expect(table).toHaveAccessibleDescription('Wall-clock (s) is the median of 3 runs');
  const res = await results(page);
  expect(res.headers, 'the column keeps its heading').toContain('Wall-clock (s)');
  for (const name of ['Sequential', 'Pool']) expect(cell(res, rowFor(res, name), 'Runs')).toBe('3');
});

test('a single run does not speak of medians', async ({ page }) => {
  await page.goto('/?kind=sleep&tasks=0.2&strategies=sequential&run=1');
  await waitForDone(page, 1);
  await expect(resultsTable(page).locator('caption')).toHaveText('Results');
});
