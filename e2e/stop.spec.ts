// Stop: ends the run within a second, keeps what was measured (marked as
// stopped), and the next Run starts from a clean slate.
import {
  bars,
  consoleLines,
  executionTimeRe,
  expect,
  expectBetween,
  openReady,
  results,
  runAndWait,
  runButton,
  runStatus,
  STRATEGY_NAMES,
  stoppedAfterRe,
  strategyBox,
  taggedLines,
  tasksBox,
  test,
  timeline,
  type StrategyTag,
} from './helpers';
import type { Page } from '@playwright/test';

async function runThenStop(page: Page, tag: StrategyTag): Promise<void> {
  await expect(runButton(page)).toBeEnabled();
  await runButton(page).click();
  await expect(runStatus(page)).toHaveText(/Running/);
  await page.waitForTimeout(1_000);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(runStatus(page), 'stopped within 1.5 s').toHaveText(/^\s*Stopped\b/, { timeout: 1_500 });

  const res = await results(page);
  expect(res.rows[0]?.[0], 'Results row marked as stopped').toBe(`${STRATEGY_NAMES[tag]} (stopped)`);
  expect(res.rows).toHaveLength(1);

  const lines = await consoleLines(page);
  const stopped = lines.map((l) => stoppedAfterRe(tag).exec(l)).filter((m): m is RegExpExecArray => m !== null);
  expect(stopped, `one "[${tag}] Stopped after X.XX seconds" line in ${JSON.stringify(lines)}`).toHaveLength(1);
  expectBetween(Number(stopped[0]?.[1]), 0.5, 2.5, 'Stopped after');
  expect(
    lines.filter((l) => executionTimeRe(tag).test(l)),
    'no Execution Time line',
  ).toEqual([]);
  expect(lines, 'task 1 started').toContain(`[${tag}] Task 1 started`);
  expect(lines, 'task 1 (5 s) never completed').not.toContain(`[${tag}] Task 1 completed`);

  // The partial bar of task 1 stays, marked as stopped, and keeps showing after a while.
  const bar1 = timeline(page, tag).getByRole('img', { name: /^Task 1 on worker \d+: .* \(stopped\)$/ });
  await expect(bar1).toBeVisible();
  await page.waitForTimeout(500);
  await expect(bar1, 'still visible after a moment').toBeVisible();
  const parsed = (await bars(page, tag)).find((b) => b.task === 1);
  expect(parsed?.state).toBe('stopped');
  expectBetween(parsed?.end ?? -1, 0.5, 2.5, 'end of the stopped bar');
  await expect(runStatus(page)).toHaveText(/Stopped/);
}

async function expectFreshRun(page: Page, strategies: StrategyTag[]): Promise<void> {
  await expect(runButton(page), 'Run enabled again after Stop').toBeEnabled();
  await tasksBox(page).fill('1');
  await runAndWait(page, strategies.length);
  const res = await results(page);
  expect(res.rows.map((r) => r[0])).toEqual(strategies.map((s) => STRATEGY_NAMES[s]));
  const lines = await consoleLines(page);
  expect(
    lines.filter((l) => /Stopped after/.test(l)),
    'no line left from the stopped run',
  ).toEqual([]);
  const expected: string[] = [];
  for (const tag of strategies) expected.push(`[${tag}] Task 1 started`, `[${tag}] Task 1 completed`);
  expect(
    taggedLines(lines).filter((l) => !/Execution Time/.test(l)),
    'the Console starts fresh',
  ).toEqual(expected);
  for (const tag of strategies) {
    expect(
      lines.filter((l) => executionTimeRe(tag).test(l)),
      `[${tag}] Execution Time`,
    ).toHaveLength(1);
  }
  expect(taggedLines(lines)).toHaveLength(lines.length);
}

test('Stop during a sequential run keeps the partial measurement', async ({ page }) => {
  await openReady(page, '?tasks=5,5&strategies=sequential');
  await runThenStop(page, 'sequential');
  await expectFreshRun(page, ['sequential']);
});

test('Stop during a pool run keeps the partial measurement', async ({ page }) => {
  await openReady(page, '?tasks=5,5,5&strategies=pool&workers=2');
  await runThenStop(page, 'pool');
  const bs = await bars(page, 'pool');
  expect(
    bs.filter((b) => b.task <= 2).map((b) => b.state),
    'tasks 1 and 2 were cut by Stop',
  ).toEqual(['stopped', 'stopped']);
  await strategyBox(page, 'sequential').check();
  await expectFreshRun(page, ['sequential', 'pool']);
});
