// Keyboard shortcuts (issue 11, "Keyboard"): r runs, s and Escape stop, 1–5 load the chapter's
// examples, ? opens the `Keyboard shortcuts` dialog, and keys typed into a field stay the field's.
import {
  consoleLines,
  expect,
  openReady,
  runButton,
  runStatus,
  searchParams,
  stopButton,
  tasksBox,
  test,
  waitForDone,
} from './helpers';

test('1–5 load the chapter’s examples, r runs, s stops', async ({ page }) => {
  await openReady(page, '?kind=sleep&tasks=1&strategies=sequential');
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('4');
  await expect(page.getByRole('button', { name: '4 · ProcessPool + as_completed' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(tasksBox(page)).toHaveValue('3,2,1');
  expect(searchParams(page).get('strategies')).toBe('pool');

  await page.keyboard.press('1');
  await expect(tasksBox(page)).toHaveValue('1,1');
  await page.keyboard.press('r');
  await waitForDone(page, 1);
  expect(await consoleLines(page)).toContain('[sequential] Task 2 completed');

  // A longer run, stopped with s.
  await tasksBox(page).fill('5,5');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('r');
  await expect(stopButton(page)).toBeEnabled();
  // Stop once a task has really started (a Stop before that leaves the page Ready, not Stopped).
  await expect.poll(() => consoleLines(page)).toContain('[sequential] Task 1 started');
  await page.keyboard.press('s');
  await expect(runStatus(page)).toHaveText(/Stopped/, { timeout: 5_000 });
});

test('Escape stops a run too', async ({ page }) => {
  await openReady(page, '?kind=sleep&tasks=5,5&strategies=sequential');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('r');
  await expect(runStatus(page)).toHaveText(/Running/);
  await expect.poll(() => consoleLines(page)).toContain('[sequential] Task 1 started');
  await page.keyboard.press('Escape');
  await expect(runStatus(page)).toHaveText(/Stopped/, { timeout: 5_000 });
});

test('keys typed into a field are the field’s: no run, no preset', async ({ page }) => {
  await openReady(page, '?kind=sleep&tasks=1&strategies=sequential');
  await tasksBox(page).fill('');
  await tasksBox(page).pressSequentially('2r1s4');
  await expect(tasksBox(page)).toHaveValue('2r1s4');
  await expect(runStatus(page)).toHaveText(/Ready/);
  await expect(page.getByRole('button', { name: '4 · ProcessPool + as_completed' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
});

test('? opens the Keyboard shortcuts dialog listing every key; Escape closes it and keeps the page as it was', async ({
  page,
}) => {
  await openReady(page, '?kind=sleep&tasks=1&strategies=sequential');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const does of ['Run', 'Stop', 'Load the chapter’s example 1–5', 'Presentation mode on or off']) {
    await expect(dialog.getByRole('cell', { name: does, exact: true })).toBeVisible();
  }
  // Focus is inside the dialog: a key there is not a shortcut.
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('r');
  await expect(runStatus(page)).toHaveText(/Ready/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(runStatus(page)).toHaveText(/Ready/);

  // The header button opens it too, and Close shuts it.
  await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(runButton(page)).toBeEnabled();
});

test('Tab reaches the presets, the fields, Run and the shortcuts, each with a visible focus ring', async ({ page }) => {
  await openReady(page, '?kind=sleep&tasks=1&strategies=sequential');
  const seen = new Set<string>();
  for (let i = 0; i < 40 && !seen.has('Run'); i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const labels = (el as HTMLInputElement).labels;
      const name = el.getAttribute('aria-label') ?? labels?.[0]?.textContent ?? el.textContent ?? '';
      return { name: name.trim(), outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });
    if (!focused) continue;
    expect(focused.outline, `focus ring on "${focused.name}"`).toMatch(/^(solid|auto) [2-9]/);
    seen.add(focused.name);
  }
  expect([...seen]).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/Keyboard shortcuts/),
      '1 · task(1); task(2)',
      'Task durations (s)',
      'Run',
    ]),
  );
});

test('p turns presentation mode on and off, like its button', async ({ page }) => {
  await openReady(page, '?kind=sleep&tasks=1&strategies=sequential');
  const toggle = page.getByRole('button', { name: 'Presentation mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => searchParams(page).get('present')).toBe('1');
  await page.keyboard.press('p');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => searchParams(page).get('present')).toBeNull();
});
