// URL `start`: spawn (a new Worker inside the timing) or forkserver (Workers pre-started before the
// timed block and handed out). Same prints and order; the start-up leaves the measured time.
import type { Page } from '@playwright/test';
import { alertFor, consoleLog, expect, results, runButton, test, waitForDone } from './helpers';

const FIVE = '/?kind=sleep&tasks=1*5&strategies=processes,pool&workers=5&run=1';

/** The Worker start-up (ms) cell of a Results row. */
async function startupMs(page: Page, strategy: string): Promise<number> {
  const { headers, rows } = await results(page);
  const column = headers.indexOf('Worker start-up (ms)');
  const row = rows.find((r) => r[0] === strategy);
  return Number(row?.[column]);
}

test("forkserver: the chapter's prints, and no Worker start-up inside the time", async ({ page }) => {
  await page.goto(`${FIVE}&start=forkserver`);
  await waitForDone(page, 2, 45_000);
  await expect(page.getByRole('combobox', { name: 'Start method' })).toHaveValue('forkserver');
  await expect(page.getByRole('region', { name: 'Processes timeline', exact: true })).toContainText(
    'pre-started (forkserver)',
  );
  const lines = (await consoleLog(page).innerText()).split('\n').filter((l) => l.startsWith('[processes]'));
  expect(lines.slice(0, 5).every((l) => / started$/.test(l))).toBe(true);
  expect(lines.slice(5, 10).every((l) => / completed$/.test(l))).toBe(true);
  expect(await startupMs(page, 'Processes')).toBe(0);
  expect(await startupMs(page, 'Pool')).toBe(0);
});

test("spawn (the default) times each new Worker's start-up; forkserver does not", async ({ page }) => {
  await page.goto(FIVE);
  await waitForDone(page, 2, 45_000);
  await expect(page.getByRole('combobox', { name: 'Start method' })).toHaveValue('spawn');
  expect(await startupMs(page, 'Processes')).toBeGreaterThan(0);
  expect(await startupMs(page, 'Pool')).toBeGreaterThan(0);
});

test('a start method that is not one gives the alert and Run stays disabled', async ({ page }) => {
  await page.goto('/?kind=sleep&tasks=1,1&strategies=pool&start=fork');
  await expect(alertFor(page, 'Start method')).toContainText('"fork" is not a start method; use spawn or forkserver');
  await expect(runButton(page)).toBeDisabled();
});
