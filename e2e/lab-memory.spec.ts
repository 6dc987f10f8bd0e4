// Lab `memory` (issue 13, point 1) through its URL and accessible names: separate memory leaves the
// page's counter at 0, the unlocked shared counter really loses updates, Atomics and the lock never
// do, Stop ends the Workers within a second, and an unisolated page says why it cannot share.
// DIST_DIR: the built app the unisolated test serves itself (default dist/, as in pwa.spec.ts).
import type { Locator, Page } from '@playwright/test';
import { startStaticServer } from '../scripts/static-server.mjs';
import { parseNumber } from './pageModel.mjs';
import { expect, test } from './helpers';

const DIST = process.env.DIST_DIR || 'dist';
const LAB = '/?lab=memory';

interface Row {
  readonly expected: number;
  readonly final: number;
  readonly lost: number;
  readonly timeMs: number;
  /** The Final cell's words, e.g. `stopped (counter at 1,234)`. */
  readonly finalText: string;
}

/** `2,000,000` → 2000000 (the first number in the text). */
const count = (text: string): number => parseNumber(text.replace(/,/g, ''));

const table = (page: Page): Locator => page.getByRole('table', { name: 'Counter results' });
const status = (page: Page): Locator => page.getByRole('status', { name: 'Lab status' });
const liveWorkers = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __memoryLab: { liveWorkers: () => number } }).__memoryLab.liveWorkers());

/** Table `Counter results`: the columns the contract names, the row whose first cell has `name`. */
async function readRow(page: Page, name: string): Promise<Row> {
  const headers = (await table(page).locator('thead th').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
  expect(headers).toEqual(expect.arrayContaining(['Expected', 'Final', 'Lost updates', 'Time (ms)']));
  const row = table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const cells = await row.locator('th, td').allInnerTexts();
  const at = (column: string): string => cells[headers.indexOf(column)] ?? '';
  return {
    expected: count(at('Expected')),
    final: count(at('Final')),
    lost: count(at('Lost updates')),
    timeMs: count(at('Time (ms)')),
    finalText: at('Final').replace(/\s+/g, ' ').trim(),
  };
}

async function setUp(page: Page, workers: number, increments: number, variants: readonly string[]): Promise<void> {
  await page.getByLabel('Workers', { exact: true }).fill(String(workers));
  await page.getByLabel('Increments per worker', { exact: true }).fill(String(increments));
  for (const name of ['Separate memory', 'Shared, no lock', 'Shared with Atomics', 'Shared with a lock']) {
    await page.getByRole('checkbox', { name, exact: true }).setChecked(variants.includes(name));
  }
}

async function runAndWait(page: Page, button = 'Run'): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(status(page)).toHaveText('Done.', { timeout: 45_000 });
  expect(await liveWorkers(page), 'the lab terminates its Workers when the run ends').toBe(0);
}

test('defaults: separate memory leaves the page’s counter at 0; Atomics and the lock are exact', async ({ page }) => {
  await page.goto(LAB);
  await expect(page.getByRole('heading', { name: 'Separate vs shared memory' })).toBeVisible();
  await expect(page.getByLabel('Workers', { exact: true })).toHaveValue('2');
  await expect(page.getByLabel('Increments per worker', { exact: true })).toHaveValue('1000000');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await runAndWait(page);

  const separate = await readRow(page, 'Separate memory');
  expect(separate).toMatchObject({ expected: 2_000_000, final: 0, lost: 2_000_000 });
  expect(separate.finalText).toContain('each Worker’s own copy: 1,000,000');

  const noLock = await readRow(page, 'Shared, no lock');
  expect(noLock.expected).toBe(2_000_000);
  expect(noLock.final).toBeGreaterThan(0);
  expect(noLock.final + noLock.lost).toBe(2_000_000);

  for (const name of ['Shared with Atomics', 'Shared with a lock']) {
    const row = await readRow(page, name);
    expect(row, name).toMatchObject({ expected: 2_000_000, final: 2_000_000, lost: 0 });
    expect(row.timeMs, `${name} time`).toBeGreaterThan(0);
  }
  const what = page.getByRole('region', { name: 'What happened' });
  await expect(what).toContainText('the page’s counter stayed 0');
  await expect(what).toContainText(/Atomics: exact \(2,000,000\), [\d.,]+ ns per increment/);
  await expect(what).toContainText(/Lock: exact \(2,000,000\), [\d.,]+ ns per increment/);
});

test('Run 10 times: the unlocked counter loses updates at least once in 10 runs (2 Workers × 1,000,000)', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(LAB);
  await page.getByRole('button', { name: 'Run 10 times', exact: true }).click();
  await expect(status(page)).toHaveText(/run \d+ of 10/);
  await expect(status(page)).toHaveText('Done.', { timeout: 60_000 });
  expect(await liveWorkers(page)).toBe(0);
  const histogram = page.getByRole('img', { name: 'Lost updates in 10 runs' });
  await expect(histogram).toBeVisible();
  const words = await page.locator(`#${await histogram.getAttribute('aria-describedby')}`).innerText();
  const list = /Lost updates in 10 runs of 2,000,000: ([\d, ]+)\./.exec(words);
  expect(list, words).not.toBeNull();
  const lost = (list?.[1] ?? '').split(', ').map((v) => Number(v.replace(/,/g, '')));
  expect(lost).toHaveLength(10);
  for (const v of lost) expect(v).toBeGreaterThanOrEqual(0);
  expect(Math.max(...lost), `lost updates per run: ${lost.join(' ')}`).toBeGreaterThan(0);
  const sorted = [...lost].sort((a, b) => a - b);
  expect(words).toContain(`Min ${sorted[0]?.toLocaleString('en-US')}`);
  expect(words).toContain(`max ${sorted[9]?.toLocaleString('en-US')}`);
  console.log(`lost updates in 10 runs: ${lost.join(', ')}`);
});

test('Atomics and the lock give exactly Expected every time (4 Workers, 3 runs)', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(LAB);
  await setUp(page, 4, 250_000, ['Shared with Atomics', 'Shared with a lock']);
  for (let run = 0; run < 3; run += 1) {
    await runAndWait(page);
    for (const name of ['Shared with Atomics', 'Shared with a lock']) {
      expect(await readRow(page, name), `${name}, run ${run + 1}`).toMatchObject({
        expected: 1_000_000,
        final: 1_000_000,
        lost: 0,
      });
    }
    await expect(table(page).getByRole('row').filter({ hasText: 'Separate memory' })).toContainText('not chosen');
  }
});

test('Stop during a long locked count ends its Workers within 1 s and says stopped', async ({ page }) => {
  await page.goto(LAB);
  await setUp(page, 8, 10_000_000, ['Shared with a lock']);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toHaveText(/Running Shared with a lock/);
  await expect.poll(() => liveWorkers(page)).toBe(8);
  // Counting has begun: the page reads the shared counter live.
  await expect(page.getByText(/^counting… [\d,]+ of 80,000,000$/)).toBeVisible();
  await expect
    .poll(async () => count((await page.getByText(/^counting…/).innerText()).replace('counting…', '')))
    .toBeGreaterThan(0);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect.poll(() => liveWorkers(page), { timeout: 1_000 }).toBe(0);
  await expect(status(page)).toHaveText('Stopped.', { timeout: 1_000 });
  expect(Date.now() - t0, 'ms from Stop to no Workers').toBeLessThan(1_000);
  const row = await readRow(page, 'Shared with a lock');
  expect(row.finalText).toMatch(/^stopped \(counter at [\d,]+\)$/);
  expect(row.final).toBeLessThan(80_000_000);
  await expect(page.getByRole('region', { name: 'What happened' })).toContainText('Shared with a lock: stopped');
  // Run works again after a stop, and the Workers a closed lab leaves behind are none.
  await setUp(page, 2, 1_000, ['Shared with a lock']);
  await runAndWait(page);
  expect(await readRow(page, 'Shared with a lock')).toMatchObject({ final: 2_000, lost: 0 });
});

test('bad input names the field and its range; Run stays disabled until corrected', async ({ page }) => {
  await page.goto(LAB);
  await page.getByLabel('Workers', { exact: true }).fill('9');
  await expect(page.getByRole('alert')).toHaveText('Workers: 9 is out of range; use a whole number from 1 to 8');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await page.getByLabel('Workers', { exact: true }).fill('2');
  await page.getByLabel('Increments per worker', { exact: true }).fill('500');
  await expect(page.getByRole('alert')).toHaveText(/^Increments per worker: 500 is out of range/);
  await page.getByLabel('Increments per worker', { exact: true }).fill('1000');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test.describe('on a page without cross-origin isolation', () => {
  let server: { url: string; close: () => Promise<void> } | undefined;
  test.beforeAll(async () => {
    server = await startStaticServer(DIST, 0);
  });
  test.afterAll(async () => {
    await server?.close();
  });
  // No service worker: it would add COOP/COEP and reload; here the page stays as a plain host serves it.
  test.use({ serviceWorkers: 'block' });

  test('the lab says why it cannot share memory, and only Separate memory runs', async ({ page }) => {
    await page.goto(`${server?.url ?? ''}${LAB}`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    const notice = page.getByRole('note', { name: 'Shared memory unavailable' });
    await expect(notice).toContainText('not cross-origin isolated');
    await expect(notice).toContainText('Cross-Origin-Opener-Policy: same-origin');
    await expect(notice).toContainText('Cross-Origin-Embedder-Policy: require-corp');
    for (const name of ['Shared, no lock', 'Shared with Atomics', 'Shared with a lock']) {
      await expect(page.getByRole('checkbox', { name, exact: true })).toBeDisabled();
    }
    await expect(page.getByRole('button', { name: 'Run 10 times', exact: true })).toBeDisabled();
    await runAndWait(page);
    expect(await readRow(page, 'Separate memory')).toMatchObject({ expected: 2_000_000, final: 0 });
    const shared = await readRow(page, 'Shared with Atomics');
    expect(shared.finalText).toBe('needs cross-origin isolation');
  });
});
