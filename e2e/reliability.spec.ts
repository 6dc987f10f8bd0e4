// A crashed worker, a run measured in a hidden tab: nothing hangs, nothing lies.
import { consoleLines, expect, liveWorkers, openReady, results, rowFor, runButton, runStatus, test } from './helpers';

const crashButton = 'Crash a worker';

test('a crashed pool Worker breaks the pool like BrokenProcessPool; nothing hangs, no Worker is left', async ({
  page,
}) => {
  await openReady(page, '?kind=sleep&tasks=3,3,3&strategies=pool&workers=2');
  await runButton(page).click();
  await expect(runStatus(page)).toHaveText('Running…');
  await expect.poll(async () => (await consoleLines(page)).filter((l) => l.endsWith('started')).length).toBe(2);
  await page.getByRole('button', { name: crashButton }).click();
  // The run ends at once, not after the 3 s tasks.
  await expect(runStatus(page)).toHaveText('Done', { timeout: 1500 });
  const lines = await consoleLines(page);
  expect(lines.filter((l) => /^\[pool\] Task \d raised WorkerCrashError: Worker crashed/.test(l))).toHaveLength(1);
  expect(
    lines.filter((l) => l.includes('raised BrokenProcessPool: A process in the process pool was terminated abruptly')),
  ).toHaveLength(2);
  expect(lines.some((l) => l.endsWith('completed'))).toBe(false);
  const res = await results(page);
  expect(rowFor(res, 'Pool (failed)')[0]).toBe('Pool (failed)');
  await expect(page.getByText(/One Worker died, so the whole pool broke/)).toBeVisible();
  await expect.poll(() => liveWorkers(page)).toBeLessThanOrEqual(1);
  // The page still works: the next run completes.
  await page.getByRole('textbox', { name: 'Task durations (s)' }).fill('0.2,0.2');
  await runButton(page).click();
  await expect(runStatus(page)).toHaveText('Done');
  expect(rowFor(await results(page), 'Pool')[0]).toBe('Pool');
});

test('a crash in one of several processes fails only its own task', async ({ page }) => {
  await openReady(page, '?kind=sleep&tasks=1.5,1.5&strategies=processes');
  await runButton(page).click();
  await expect.poll(async () => (await consoleLines(page)).filter((l) => l.endsWith('started')).length).toBe(2);
  await page.getByRole('button', { name: crashButton }).click();
  await expect(runStatus(page)).toHaveText('Done', { timeout: 5000 });
  const lines = await consoleLines(page);
  expect(lines.filter((l) => l.includes('raised WorkerCrashError'))).toHaveLength(1);
  expect(lines.filter((l) => l.endsWith('completed'))).toHaveLength(1);
  expect(rowFor(await results(page), 'Processes (failed)')[0]).toBe('Processes (failed)');
});

test('a run measured while the tab was hidden says its timings are unreliable', async ({ page }) => {
  await openReady(page, '?kind=sleep&tasks=0.6&strategies=sequential');
  await expect(page.getByText(/Measured while the tab was hidden/)).toHaveCount(0);
  await runButton(page).click();
  await expect(runStatus(page)).toHaveText('Running…');
  // Headless pages are never hidden: make this one say so, as a switched-away tab would.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(runStatus(page)).toHaveText('Done');
  await expect(
    page.getByText('Measured while the tab was hidden — timings unreliable', { exact: false }),
  ).toBeVisible();
  await expect(page.getByText(/Keep this tab in front and run again/)).toBeVisible();
});
