// History (issue 12, point 5): runs are kept in IndexedDB across reloads, listed newest first with
// their wall-clocks, two of them drawn beside the current run, one or all deleted.
import type { Locator, Page } from '@playwright/test';
import { expect, results, runButton, runStatus, tasksBox, test, waitForDone } from './helpers';

const FIRST = '/?kind=sleep&tasks=0.2,0.2&strategies=sequential,pool&workers=2&run=1';

const history = (page: Page): Locator => page.getByRole('region', { name: 'History', exact: true });
const keptRuns = (page: Page): Locator => history(page).getByRole('listitem');
const compareBoxes = (page: Page): Locator => history(page).getByRole('checkbox', { name: /^Compare run of / });

/** `Sequential 0.40 s · Pool 0.20 s`, from the Results table's wall-clocks of the run on the page. */
async function measuredWalls(page: Page): Promise<string> {
  const { headers, rows } = await results(page);
  const wall = headers.indexOf('Wall-clock (s)');
  expect(wall, 'Results has a Wall-clock (s) column').toBeGreaterThan(0);
  return rows.map((row) => `${row[0]} ${row[wall]} s`).join(' · ');
}

/** Waits until History says it keeps `n` runs. */
async function expectKept(page: Page, n: number): Promise<void> {
  await expect(history(page)).toContainText(n === 0 ? 'no runs kept yet' : `${n} run${n === 1 ? '' : 's'} kept`);
}

/** Runs again with another task list; returns its wall-clocks once History has kept it. */
async function runWith(page: Page, tasks: string, keptAfter: number): Promise<string> {
  await tasksBox(page).fill(tasks);
  await runButton(page).click();
  await expectKept(page, keptAfter);
  await waitForDone(page, 2);
  return measuredWalls(page);
}

/** The tasks' durations drawn in a timeline region, in seconds, by task number. */
async function drawnDurations(region: Locator): Promise<number[]> {
  await expect(region).toBeVisible();
  const names = await region
    .getByRole('img', { name: /^Task \d+ on worker \d+:/ })
    .evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label') ?? ''));
  return names
    .map((name) => {
      const m = /^Task (\d+) on worker \d+: ([\d.]+)–([\d.]+) s/.exec(name);
      return m ? { task: Number(m[1]), s: Number(m[3]) - Number(m[2]) } : { task: 0, s: NaN };
    })
    .sort((a, b) => a.task - b.task)
    .map((bar) => bar.s);
}

/** Each task took about what it was given (a sleep of d s takes d to d + 0.15 s on a loaded machine). */
function expectAbout(drawn: number[], tasks: number[]): void {
  expect(drawn).toHaveLength(tasks.length);
  for (const [i, d] of tasks.entries()) {
    expect(drawn[i], `task ${i + 1}`).toBeGreaterThanOrEqual(d - 0.011);
    expect(drawn[i], `task ${i + 1}`).toBeLessThanOrEqual(d + 0.15);
  }
}

/** What a kept run is called in its controls, e.g. `10:42:07`: its Compare checkbox's name less `Compare run of `. */
async function runName(box: Locator): Promise<string> {
  const label = await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
  return label.replace(/^Compare run of /, '');
}

/** A compared History run's timeline of one strategy: `<where> · <run name> <strategy> timeline`. */
async function comparedTimeline(page: Page, box: Locator, strategy: string): Promise<Locator> {
  const name = (await runName(box)).replace(/[()]/g, '\\$&');
  return page.getByRole('region', { name: new RegExp(`^\\S.* · ${name} ${strategy} timeline$`) });
}

test('History keeps runs across reloads, compares two, deletes one and then all', async ({ page }) => {
  await page.goto(FIRST);
  await waitForDone(page, 2);
  await expectKept(page, 1);
  const wallsA = await measuredWalls(page);
  expect(wallsA).toMatch(/^Sequential \d\.\d\d s · Pool \d\.\d\d s$/);
  const wallsB = await runWith(page, '0.3,0.1', 2);
  const wallsC = await runWith(page, '0.1', 3);
  await expect(runStatus(page)).toHaveText(/^\s*Done\b/);

  // A fresh page (no run=1): History is still there, collapsed, newest first.
  await page.goto('/');
  await expectKept(page, 3);
  const toggle = history(page).getByRole('button', { name: 'Show past runs' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(keptRuns(page)).toHaveCount(0);
  await toggle.click();
  await expect(keptRuns(page)).toHaveCount(3);
  const [c, b, a] = [keptRuns(page).nth(0), keptRuns(page).nth(1), keptRuns(page).nth(2)];
  await expect(c).toContainText('sleep · 0.1 · sequential, pool · 2 workers');
  await expect(c).toContainText(wallsC);
  await expect(b).toContainText('sleep · 0.3,0.1 · sequential, pool · 2 workers');
  await expect(b).toContainText(wallsB);
  await expect(a).toContainText('sleep · 0.2,0.2 · sequential, pool · 2 workers');
  await expect(a).toContainText(wallsA);
  for (const run of [a, b, c]) await expect(run).toContainText(/Today \d\d:\d\d:\d\d · (Chromium|Browser)/);

  // Compare the two oldest: both drawn beside (here: instead of) a current run, on one axis.
  const [boxC, boxB, boxA] = [compareBoxes(page).nth(0), compareBoxes(page).nth(1), compareBoxes(page).nth(2)];
  await boxA.check();
  await boxB.check();
  const compared = page.getByRole('region', { name: /^Compared run: / });
  await expect(compared).toHaveCount(2);
  const drawn = async (box: Locator, strategy: string): Promise<number[]> =>
    drawnDurations(await comparedTimeline(page, box, strategy));
  expectAbout(await drawn(boxA, 'sequential'), [0.2, 0.2]);
  expectAbout(await drawn(boxA, 'pool'), [0.2, 0.2]);
  expectAbout(await drawn(boxB, 'sequential'), [0.3, 0.1]);
  expectAbout(await drawn(boxB, 'pool'), [0.3, 0.1]);

  // A third pick unchecks the earliest one, and says so.
  const nameA = await runName(boxA);
  await boxC.check();
  await expect(history(page).getByRole('status')).toHaveText(
    `Compare draws 2 runs at most: unchecked the run of ${nameA}.`,
  );
  await expect(boxA).not.toBeChecked();
  await expect(boxB).toBeChecked();
  await expect(compared).toHaveCount(2);
  expectAbout(await drawn(boxC, 'pool'), [0.1]);
  await expect(await comparedTimeline(page, boxA, 'pool')).toHaveCount(0);

  // Delete one: gone from the list and from the page, and still gone after a reload.
  await history(page)
    .getByRole('button', { name: /^Delete run of / })
    .nth(1)
    .click();
  await expectKept(page, 2);
  await expect(compared).toHaveCount(1);
  await page.reload();
  await expectKept(page, 2);
  await history(page).getByRole('button', { name: 'Show past runs' }).click();
  await expect(keptRuns(page).nth(0)).toContainText('sleep · 0.1 ·');
  await expect(keptRuns(page).nth(1)).toContainText('sleep · 0.2,0.2 ·');

  // Delete all asks first; Cancel keeps them, Yes deletes them, for good.
  await history(page).getByRole('button', { name: 'Delete all', exact: true }).click();
  const confirm = history(page).getByRole('group', { name: /^Delete all 2 kept runs\?/ });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(keptRuns(page)).toHaveCount(2);
  await history(page).getByRole('button', { name: 'Delete all', exact: true }).click();
  await history(page).getByRole('button', { name: 'Yes, delete all' }).click();
  await expectKept(page, 0);
  await expect(keptRuns(page)).toHaveCount(0);
  await page.reload();
  await expectKept(page, 0);
});

test('History is keyboard-usable: toggle, Compare and Delete with keys, focus kept in the list', async ({ page }) => {
  await page.goto(FIRST);
  await waitForDone(page, 2);
  await runWith(page, '0.1,0.1', 2);
  const toggle = history(page).getByRole('button', { name: 'Show past runs' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(history(page).getByRole('button', { name: 'Hide past runs' })).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(compareBoxes(page).first()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(compareBoxes(page).first()).toBeChecked();
  await expect(page.getByRole('region', { name: /^Compared run: / })).toHaveCount(1);
  await page.keyboard.press('Tab');
  const deleteNewest = history(page)
    .getByRole('button', { name: /^Delete run of / })
    .first();
  await expect(deleteNewest).toBeFocused();
  // A visible focus ring.
  expect(await deleteNewest.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Enter');
  await expectKept(page, 1);
  // The compared run it drew goes with it; focus moves to the next run's Delete.
  await expect(page.getByRole('region', { name: /^Compared run: / })).toHaveCount(0);
  await expect(history(page).getByRole('button', { name: /^Delete run of / })).toBeFocused();
});

test('without IndexedDB (private mode, blocked) History says so in one sentence and runs still work', async ({
  page,
}) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
  await page.goto(FIRST);
  await waitForDone(page, 2);
  await expect(history(page)).toContainText('not available');
  await history(page).getByRole('button', { name: 'Show past runs' }).click();
  await expect(history(page).getByText(/^History is not available/)).toHaveText(
    /^History is not available here: the browser does not let this page use IndexedDB \(.+\), so runs are not kept after a reload; everything else works\.$/,
  );
  await expect(history(page).getByRole('status'), 'no second message about the run not kept').toHaveText('');
  await expect(history(page).getByRole('listitem')).toHaveCount(0);
  expect(await measuredWalls(page)).toMatch(/^Sequential \d\.\d\d s · Pool \d\.\d\d s$/);
});
