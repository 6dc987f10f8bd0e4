// Replay (issue 11, point 4): the recorded run re-enacted, not run again. At a position, the bars
// and the Console show exactly what had happened by then; stepping goes event by event.
import { consoleLines, expect, openReady, runAndWait, runButton, test, timeline } from './helpers';
import type { Page } from '@playwright/test';

const position = (page: Page) => page.getByRole('slider', { name: 'Replay position' });

async function replayAt(page: Page, seconds: number): Promise<string[]> {
  await position(page).fill(String(seconds));
  await expect(position(page)).toHaveAttribute('aria-valuetext', `${seconds.toFixed(2)} s`);
  return consoleLines(page);
}

test('Replay shows the Console and bars as they were at each instant, and steps event by event', async ({ page }) => {
  await openReady(page, '?kind=sleep&tasks=3,2,1&strategies=pool&workers=3');
  await runAndWait(page, 1);
  const full = await consoleLines(page);
  expect(full).toHaveLength(7);

  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Replay speed' })).toHaveValue('0.25');
  // Run stays usable during a replay: a new run ends it.
  await expect(runButton(page)).toBeEnabled();

  const starts = ['[pool] Task 1 started', '[pool] Task 2 started', '[pool] Task 3 started'];
  expect(await replayAt(page, 0.5)).toEqual(starts);
  const pool = timeline(page, 'pool');
  await expect(pool.getByRole('img', { name: /^Task 3 on worker \d: .*\(running\)$/ })).toHaveCount(1);

  expect(await replayAt(page, 1.5)).toEqual([...starts, '[pool] Task 3 completed']);
  await expect(pool.getByRole('img', { name: /^Task 3 on worker \d: [\d.]+–1\.[0-4]\d s$/ })).toHaveCount(1);
  await expect(pool.getByRole('img', { name: /\(running\)$/ })).toHaveCount(2);

  expect(await replayAt(page, 2.5)).toEqual([...starts, '[pool] Task 3 completed', '[pool] Task 2 completed']);

  // Event by event from the start: the next event is task 3 completing, then task 2; back again.
  await replayAt(page, 0.5);
  const said = page.getByRole('status', { name: 'Replay event' });
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(said).toHaveText(/^1\.[0-4]\d s: task 3 completed on worker \d \(Pool\)$/);
  expect((await consoleLines(page)).at(-1)).toBe('[pool] Task 3 completed');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(said).toHaveText(/^2\.[0-4]\d s: task 2 completed on worker \d \(Pool\)$/);
  expect((await consoleLines(page)).at(-1)).toBe('[pool] Task 2 completed');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(said).toHaveText(/^1\.[0-4]\d s: task 3 completed/);
  expect(await consoleLines(page)).toEqual([...starts, '[pool] Task 3 completed']);

  // Leaving replay shows the whole run again.
  await page.getByRole('button', { name: 'Leave replay' }).click();
  await expect(position(page)).toHaveCount(0);
  expect(await consoleLines(page)).toEqual(full);
});

test('Play runs the replay to the end at the chosen speed', async ({ page }) => {
  await openReady(page, '?kind=sleep&tasks=0.4,0.2&strategies=sequential');
  await runAndWait(page, 1);
  const full = await consoleLines(page);
  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  await page.getByRole('combobox', { name: 'Replay speed' }).selectOption('2');
  // 0.6 s of run at 2× takes about 0.3 s; then Play offers itself again, at the end.
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 5_000 });
  await expect(position(page)).toHaveAttribute('aria-valuetext', /^0\.6\d s$/);
  expect(await consoleLines(page)).toEqual(full);
});

test('a run in progress cannot be replayed; a new run ends a replay', async ({ page }) => {
  await openReady(page, '?kind=sleep&tasks=1&strategies=sequential');
  await runAndWait(page, 1);
  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(position(page)).toBeVisible();
  await runButton(page).click();
  await expect(position(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Replay', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Replay', exact: true })).toBeEnabled({ timeout: 10_000 });
});

test('the code pane highlights the lines of the moment a replay stands on, and of a pointed bar', async ({ page }) => {
  await openReady(page, '?kind=sleep&tasks=0.6,0.4&strategies=sequential');
  await runAndWait(page, 1);
  const pane = page.getByRole('region', { name: 'Code beside the picture' });
  const marks = async (label: string): Promise<string[]> =>
    pane
      .getByLabel(label, { exact: true })
      .locator('mark')
      .evaluateAll((ms) => ms.map((m) => m.textContent?.trim() ?? ''));
  expect(await marks('Python code')).toEqual([]);

  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await position(page).fill('0.3');
  // Step to task 1 completing: Python's print, and the TypeScript that returned the task's times.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByRole('status', { name: 'Replay event' })).toHaveText(/task 1 completed/);
  await expect.poll(() => marks('Python code')).toEqual(['print(f"Task {sr_no} completed")']);
  await expect.poll(() => marks('TypeScript code')).toEqual(['return { startMs, endMs: now(), readyMs, ...outcome };']);
  // Between events, while task 2 sleeps: time.sleep and the timer that really waits.
  await position(page).fill('0.8');
  await expect.poll(() => marks('Python code')).toEqual(['time.sleep(seconds)              # waits: no CPU used']);
  await expect.poll(async () => (await marks('TypeScript code')).join('\n')).toMatch(/setTimeout\(resolve/);
  // The copy of the code is still the code: marks change no text.
  const text = await pane.getByLabel('Python code', { exact: true }).textContent();
  expect(text).toContain('def task(sr_no, seconds):\n    print(f"Task {sr_no} started")\n    time.sleep(seconds)');
  await page.getByRole('button', { name: 'Leave replay' }).click();
  await expect.poll(() => marks('Python code')).toEqual([]);

  // Pointing at a bar highlights its task's lines.
  await timeline(page, 'sequential')
    .getByRole('img', { name: /^Task 2 on worker 1/ })
    .hover();
  await expect
    .poll(() => marks('Python code'))
    .toEqual([
      'print(f"Task {sr_no} started")',
      'time.sleep(seconds)              # waits: no CPU used',
      'print(f"Task {sr_no} completed")',
    ]);
});
