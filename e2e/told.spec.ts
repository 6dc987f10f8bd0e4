// Told, not only shown (issue 11, point 6): a status region sums up each run in a sentence per
// strategy, and each timeline offers its bars as a table.
import { expect, num, openReady, runAndWait, test, timeline } from './helpers';

test('after a run, the Run summary says each strategy in a sentence, against the measured sequential run', async ({
  page,
}) => {
  await openReady(page, '?kind=sleep&tasks=0.6,0.4,0.2&strategies=sequential,pool,threads&workers=3');
  const summary = page.getByRole('status', { name: 'Run summary' });
  await expect(summary).toHaveText('');
  await runAndWait(page, 3);
  const text = (await summary.textContent()) ?? '';
  expect(text).toMatch(/^Sequential: 1\.\d\d s one task after another\. /);
  const pool = /Pool: (\d\.\d\d) s with 3 workers, (\d\.\d\d)× faster than running the tasks one after another\./.exec(
    text,
  );
  expect(pool, text).not.toBeNull();
  const [poolS, poolX] = [num(pool?.[1] ?? ''), num(pool?.[2] ?? '')];
  const seqS = num(/^Sequential: (\d\.\d\d)/.exec(text)?.[1] ?? '');
  expect(poolX).toBeCloseTo(seqS / poolS, 1);
  expect(text).toMatch(
    /Threads: 0\.\d\d s on one event loop, \d\.\d\d× faster than running the tasks one after another\.$/,
  );
});

test('Show as table lists a timeline’s bars with the numbers the bars are drawn from', async ({ page }) => {
  await openReady(page, '?kind=sleep&tasks=0.6,0.4,0.2&strategies=pool&workers=3');
  await runAndWait(page, 1);
  const pool = timeline(page, 'pool');
  const toggle = pool.getByRole('button', { name: 'Show as table' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const table = pool.getByRole('table', { name: 'Pool bars' });
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));
  expect(rows.map((r) => r[0])).toEqual(['1', '2', '3']);
  for (const [i, row] of rows.entries()) {
    const took = num(row[4] ?? '');
    expect(took).toBeGreaterThanOrEqual([0.6, 0.4, 0.2][i] ?? 0);
    expect(took).toBeLessThan(([0.6, 0.4, 0.2][i] ?? 0) + 0.3);
    expect(num(row[3] ?? '') - num(row[2] ?? '')).toBeCloseTo(took, 1);
    expect(row[5]).toBe('completed');
    // The same numbers as the bar's own label.
    const bar = pool.getByRole('img', {
      name: new RegExp(`^Task ${i + 1} on worker ${row[1]}: ${row[2]}–${row[3]} s`),
    });
    await expect(bar).toHaveCount(1);
  }
  await toggle.click();
  await expect(table).toHaveCount(0);
});
