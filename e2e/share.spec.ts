// Share (issue 12, point 2): `Copy link` copies a link that reproduces the whole setup, and the
// task list's shorthand `seconds*count` is read wherever a list is.
import type { Locator, Page } from '@playwright/test';
import {
  alertFor,
  barLocator,
  expect,
  expectStrategies,
  FIELD_LABEL,
  kindSelect,
  openReady,
  results,
  runAndWait,
  runButton,
  runStatus,
  searchParams,
  selectedKind,
  strategyBox,
  tasksBox,
  test,
  timeline,
  waitForDone,
  waitForSettled,
  workersBox,
  type StrategyTag,
} from './helpers';

const copyLink = (page: Page): Locator => page.getByRole('button', { name: 'Copy link', exact: true });
const prediction = (page: Page, label: string): Locator =>
  page.getByRole('spinbutton', { name: `Your prediction (s) for ${label}` });
const themeSelect = (page: Page): Locator => page.getByRole('combobox', { name: 'Theme' });
const linkBox = (page: Page): Locator => page.getByRole('textbox', { name: 'Link to this setup' });

test('Copy link copies a link that opens the same setup, which waits for Run and draws the same bars', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  // A link that ran by itself; the setup is then made with the controls.
  await page.goto('/?tasks=0.1&strategies=sequential&run=1');
  await waitForDone(page, 1);
  await tasksBox(page).fill('0.2*3,0.1');
  await kindSelect(page).selectOption('sleep');
  for (const [tag, on] of [
    ['sequential', false],
    ['processes', false],
    ['pool', true],
    ['threads', true],
  ] as const) {
    await strategyBox(page, tag).setChecked(on);
  }
  await workersBox(page).fill('2');
  await prediction(page, 'Pool').fill('0.5');
  await themeSelect(page).selectOption({ label: 'Dark' });
  await expect.poll(() => searchParams(page).get('predict')).toBe('pool:0.5');

  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(baseURL ?? page.url()).origin,
  });
  await copyLink(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const link = new URL(copied);
  expect(link.origin).toBe(new URL(page.url()).origin);
  expect(link.searchParams.get('run'), `no run in ${copied}`).toBeNull();
  expect(link.searchParams.get('tasks')).toBe('0.2*3,0.1');
  expect(link.searchParams.get('predict')).toBe('pool:0.5');
  expect(link.searchParams.get('theme')).toBe('dark');
  // `Link copied` goes away after a few seconds.
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveCount(0, { timeout: 8000 });

  // Someone else opens it.
  const other = await browser.newPage();
  try {
    await other.goto(copied);
    await expect(runButton(other)).toBeEnabled({ timeout: 30_000 });
    await expect(tasksBox(other)).toHaveValue('0.2*3,0.1');
    expect(await selectedKind(other)).toBe('sleep');
    await expectStrategies(other, ['pool', 'threads']);
    await expect(workersBox(other)).toHaveValue('2');
    await expect(prediction(other, 'Pool')).toHaveValue('0.5');
    await expect(prediction(other, 'Threads')).toHaveValue('');
    await expect(themeSelect(other)).toHaveValue('dark');
    await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark');
    // It waits for its reader to press Run.
    await expect(runStatus(other)).toHaveText('Ready');
    expect((await results(other)).rows).toEqual([]);

    await runAndWait(page, 2);
    await runAndWait(other, 2);
    for (const tag of ['pool', 'threads'] as const satisfies readonly StrategyTag[]) {
      const mine = await barLocator(page, tag).count();
      expect(mine, `${tag} bars`).toBe(4);
      expect(await barLocator(other, tag).count(), `${tag} bars on the shared page`).toBe(mine);
    }
    const theirs = await results(other);
    expect(theirs.rows.map((r) => r[0])).toEqual((await results(page)).rows.map((r) => r[0]));
  } finally {
    await other.close();
  }
});

test('tasks=0.01*1000 loads a thousand tasks without running them', async ({ page }) => {
  await openReady(page, '?tasks=0.01*1000&strategies=sequential&kind=sleep');
  await expect(tasksBox(page)).toHaveValue('0.01*1000');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // 1000 × 0.01 s, one after another.
  await expect(timeline(page, 'sequential')).toContainText('waiting · ideal 10.00 s');
  await expect(runStatus(page)).toHaveText('Ready');
  await expect(runButton(page)).toBeEnabled();

  // The limit counts the expanded list.
  await tasksBox(page).fill('0.01*1001');
  await expect(alertFor(page, FIELD_LABEL.tasks)).toHaveText(
    'Task durations (s): "0.01*1001" makes 1001 tasks; use 1 to 1000 tasks',
  );
  await expect(runButton(page)).toBeDisabled();
});

test('a bad shorthand in the link says what to write, and Run stays disabled', async ({ page }) => {
  await page.goto('/?tasks=1*x,2&strategies=sequential');
  await waitForSettled(page);
  const alert = alertFor(page, FIELD_LABEL.tasks);
  await expect(alert).toHaveText('Task durations (s): "1*x": the count after * must be a whole number like 1*5');
  await expect(tasksBox(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(runButton(page)).toBeDisabled();
  await expect(runStatus(page)).toHaveText('Ready');

  await tasksBox(page).fill('1*2,2');
  await expect(alert).toHaveCount(0);
  await expect(runButton(page)).toBeEnabled();
});

for (const [how, script] of [
  [
    'refuses',
    () => {
      navigator.clipboard.writeText = () =>
        Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    },
  ],
  [
    'is missing (plain http on a LAN address)',
    () => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
    },
  ],
] as const) {
  test(`when the clipboard ${how}, Copy link shows the link selected, to copy by hand`, async ({ page }) => {
    await page.addInitScript(script);
    await openReady(page, '?kind=sleep&tasks=0.1,0.1,0.1,0.1,0.2&strategies=threads&theme=dark');
    await copyLink(page).click();
    const box = linkBox(page);
    await expect(box).toBeVisible();
    const origin = new URL(page.url()).origin;
    await expect(box).toHaveValue(`${origin}/?kind=sleep&tasks=0.1*4,0.2&strategies=threads&theme=dark`);
    await expect(box).toHaveAttribute('readonly', '');
    await expect(box).toBeFocused();
    const selected = await box.evaluate((el) => {
      const input = el as HTMLInputElement;
      return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
    });
    expect(selected, 'the whole link is selected').toBe(await box.inputValue());
    await expect(box).toHaveAccessibleDescription(/press Ctrl\+C/);
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveCount(0);

    // The link follows the setup.
    await tasksBox(page).fill('0.3');
    await box.focus();
    await expect(box).toHaveValue(`${origin}/?kind=sleep&tasks=0.3&strategies=threads&theme=dark`);
    await page.getByRole('button', { name: 'Hide link' }).click();
    await expect(box).toHaveCount(0);
  });
}
