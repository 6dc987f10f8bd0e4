// Bad input, in the URL or typed: an alert naming the field, nothing runs,
// nothing crashes, what the user gave stays in place until they correct it.
// (Uncaught page errors fail every test: see the fixture in helpers.ts.)
import {
  alertFor,
  consoleLines,
  expect,
  kindSelect,
  openReady,
  results,
  runButton,
  runStatus,
  searchParams,
  strategyBox,
  taggedLines,
  tasksBox,
  test,
  waitForSettled,
  workersBox,
  FIELD_LABEL as LABEL,
  type Field,
} from './helpers';
import type { Page } from '@playwright/test';

interface Case {
  /** query string after `/` */
  query: string;
  field: Field;
  /** the bad value as it must stay in the URL (and in the control, where it can hold it) */
  bad: string;
  /** text the alert must also contain (the value, or the allowed range) */
  contains?: string;
  /** the bad value is shown verbatim in its control */
  shown?: boolean;
  /** wait this long and check that nothing ran */
  settle?: number;
}

const thousandAndOne = Array<string>(1001).fill('1').join(',');

const cases: Case[] = [
  { query: '?tasks=abc', field: 'tasks', bad: 'abc', contains: '"abc"', shown: true },
  { query: '?tasks=abc&run=1', field: 'tasks', bad: 'abc', contains: '"abc"', shown: true, settle: 2_000 },
  { query: '?tasks=0', field: 'tasks', bad: '0', shown: true },
  { query: '?tasks=61', field: 'tasks', bad: '61', contains: '60', shown: true },
  { query: '?tasks=1,,2', field: 'tasks', bad: '1,,2', shown: true },
  { query: `?tasks=${thousandAndOne}`, field: 'tasks', bad: thousandAndOne, contains: '1000', shown: true },
  { query: '?kind=gpu', field: 'kind', bad: 'gpu' },
  { query: '?workers=0', field: 'workers', bad: '0', contains: '64', shown: true },
  { query: '?workers=65', field: 'workers', bad: '65', contains: '64', shown: true },
  { query: '?workers=1.5', field: 'workers', bad: '1.5', contains: '64', shown: true },
  { query: '?strategies=foo', field: 'strategies', bad: 'foo' },
];

async function expectNothingRan(page: Page): Promise<void> {
  await expect(runStatus(page)).not.toHaveText(/Running/);
  expect(taggedLines(await consoleLines(page)), 'Console is empty').toEqual([]);
  expect((await results(page)).rows, 'no Results rows').toEqual([]);
}

/** What a user does to correct the field; returns the URL value expected afterwards (null: just not the bad one). */
async function correct(page: Page, field: Field): Promise<string | null> {
  switch (field) {
    case 'tasks':
      await tasksBox(page).fill('1');
      return '1';
    case 'workers':
      await workersBox(page).fill('2');
      return null; // 2 may be the default and left out of the URL
    case 'kind':
      await kindSelect(page).selectOption('cpu');
      return 'cpu';
    case 'strategies': {
      const box = strategyBox(page, 'sequential');
      if (await box.isChecked()) await box.uncheck();
      await box.check();
      return null;
    }
  }
}

test.describe('bad input in the URL', () => {
  for (const c of cases) {
    const title = c.query.length > 40 ? `${c.query.slice(0, 30)}… (${c.bad.split(',').length} tasks)` : c.query;
    test(`${title} → "${LABEL[c.field]}" alert, Run disabled, nothing runs`, async ({ page }) => {
      await page.goto(`/${c.query}`);
      const alert = alertFor(page, LABEL[c.field]);
      await expect(alert).toBeVisible({ timeout: 30_000 });
      if (c.contains) await expect(alert).toContainText(c.contains);
      await expect(runButton(page)).toBeDisabled();
      if (c.shown) {
        const control = c.field === 'workers' ? workersBox(page) : tasksBox(page);
        await expect(control, 'the bad value stays in its control').toHaveValue(c.bad);
      }
      expect(searchParams(page).get(c.field), 'the bad value stays in the URL').toBe(c.bad);

      // Once the page has settled (warm worker, calibration) it is still blocked.
      await page.waitForTimeout(c.settle ?? 1_000);
      await waitForSettled(page);
      await expect(alert).toBeVisible();
      await expect(runButton(page)).toBeDisabled();
      expect(searchParams(page).get(c.field)).toBe(c.bad);
      await expectNothingRan(page);

      // Correcting that control removes the alert and enables Run.
      const expected = await correct(page, c.field);
      await expect(alertFor(page, LABEL[c.field])).toHaveCount(0);
      await expect(runButton(page)).toBeEnabled({ timeout: 30_000 });
      await expect.poll(() => searchParams(page).get(c.field), 'URL follows the corrected control').not.toBe(c.bad);
      if (expected !== null) expect(searchParams(page).get(c.field)).toBe(expected);
      // With run=1, correcting the input later must not start a run either.
      if (c.settle) await page.waitForTimeout(1_500);
      await expectNothingRan(page);
    });
  }
});

test.describe('bad input typed into the controls', () => {
  test('typing 1,x shows the alert and keeps the text; fixing it to 1,1 enables Run', async ({ page }) => {
    await openReady(page, '?tasks=1,1&strategies=sequential');
    const box = tasksBox(page);
    await box.fill('');
    await box.pressSequentially('1,x');
    const alert = alertFor(page, LABEL.tasks);
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('x');
    await expect(box, 'what was typed stays').toHaveValue('1,x');
    await expect(runButton(page)).toBeDisabled();

    await box.fill('1,1');
    await expect(alertFor(page, LABEL.tasks)).toHaveCount(0);
    await expect(runButton(page)).toBeEnabled();
    await expect(box).toHaveValue('1,1');
    await expectNothingRan(page);
  });

  test('unchecking every strategy shows the Strategies alert', async ({ page }) => {
    await openReady(page, '?tasks=1&strategies=sequential');
    await strategyBox(page, 'sequential').uncheck();
    await expect(alertFor(page, LABEL.strategies)).toBeVisible();
    await expect(runButton(page)).toBeDisabled();

    await strategyBox(page, 'threads').check();
    await expect(alertFor(page, LABEL.strategies)).toHaveCount(0);
    await expect(runButton(page)).toBeEnabled();
    await expectNothingRan(page);
  });
});
