// Lab `mandelbrot` (issue 13, point 3), through `?lab=mandelbrot`, its URL params and accessible
// names: every strategy gives the same image (same checksum) and the canvas holds a real picture;
// on 2 workers dynamic hand-out is not slower than static chunks (generous margin) while static's
// blocks are measurably uneven; Stop ends a run within 1 s and keeps the finished tiles; the page
// without cross-origin isolation hands chunks out itself and still gets the same image; a bad URL
// value is named. Timing asserts relations, never absolute figures.
import type { Browser, Page } from '@playwright/test';
import { startStaticServer } from '../scripts/static-server.mjs';
import { expect, test } from './helpers';

/** The built app for the unisolated case (as e2e/pwa.spec.ts): `npm test` builds dist/ first. */
const DIST = process.env.DIST_DIR || 'dist';

const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
const stopButton = (page: Page) => page.getByRole('button', { name: 'Stop', exact: true });
const status = (page: Page) => page.getByRole('status', { name: 'Mandelbrot status' });
const table = (page: Page) => page.getByRole('table', { name: 'Mandelbrot results' });
const image = (page: Page) => page.getByRole('img', { name: 'Mandelbrot image', exact: true });

interface Row {
  readonly strategy: string;
  readonly wallMs: number;
  readonly busiestMs: number;
  readonly idlestMs: number;
  readonly idlePct: number;
  readonly checksum: string;
}

/** The table's rows, read as the user sees them. */
async function readRows(page: Page): Promise<Row[]> {
  const rows = table(page).locator('tbody tr');
  const out: Row[] = [];
  for (const row of await rows.all()) {
    const cells = await row.locator('th, td').allInnerTexts();
    if (cells.length < 6) continue;
    const [strategy = '', wall = '', , busy = '', idle = '', checksum = ''] = cells;
    const [busiest = NaN, idlest = NaN] = (busy.split('\n')[0] ?? '').split('/').map((s) => Number(s.trim()));
    out.push({
      strategy: strategy.split('\n')[0]?.trim() ?? '',
      wallMs: Number(wall),
      busiestMs: busiest,
      idlestMs: idlest,
      idlePct: Number(idle.replace('%', '').trim()),
      checksum: checksum.trim(),
    });
  }
  return out;
}

async function runTo(page: Page, query: string, end: RegExp = /^Done$/): Promise<Row[]> {
  await page.goto(`/?lab=mandelbrot&${query}`);
  await expect(runButton(page)).toBeEnabled({ timeout: 30_000 });
  await runButton(page).click();
  await expect(status(page)).toHaveText(end, { timeout: 90_000 });
  return readRows(page);
}

/** Distinct colours and the share of the most common one, read back from the canvas. */
async function pixels(page: Page): Promise<{ colours: number; topShare: number; width: number; height: number }> {
  return image(page).evaluate((node) => {
    const canvas = node as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const top = Math.max(...counts.values());
    return { colours: counts.size, topShare: top / (data.length / 4), width: canvas.width, height: canvas.height };
  });
}

test('every strategy draws the same image: one checksum, a real picture on the canvas, a Gantt each', async ({
  page,
}) => {
  const rows = await runTo(page, 'size=600x400&iter=300&tiles=8x8&workers=2');
  expect(rows.map((r) => r.strategy)).toEqual(['Sequential', 'Pool, static chunks', 'Pool, dynamic']);
  const sums = new Set(rows.map((r) => r.checksum));
  expect(sums.size, `checksums ${rows.map((r) => r.checksum).join(', ')}`).toBe(1);
  expect([...sums][0]).toMatch(/^[0-9a-f]{8}$/);
  await expect(page.getByText(`Same image each time (checksum ${[...sums][0]})`)).toBeVisible();

  for (const shown of ['Sequential', 'Pool, static chunks', 'Pool, dynamic']) {
    await page.getByRole('radio', { name: shown }).check();
    const p = await pixels(page);
    expect(p.width).toBe(600);
    expect(p.height).toBe(400);
    expect(p.colours, `${shown}: colours on the canvas`).toBeGreaterThan(20);
    expect(p.topShare, `${shown}: share of the most common colour`).toBeLessThan(0.9);
  }
  // Untinted: the plain picture, black inside the set.
  await page.getByRole('checkbox', { name: 'Tint by worker' }).uncheck();
  expect((await pixels(page)).colours).toBeGreaterThan(20);
  await expect(page.getByRole('list', { name: 'Workers' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Tint by worker' }).check();
  await expect(page.getByRole('list', { name: 'Workers' }).getByRole('listitem')).toHaveText([
    /^Worker 1: \d+ tiles$/,
    /^Worker 2: \d+ tiles$/,
  ]);

  for (const name of ['Sequential', 'Pool, static chunks', 'Pool, dynamic'])
    await expect(
      page.getByRole('img', { name: new RegExp(`^${name}: 64 of 64 tiles on [12] workers?`) }),
    ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What happened' })).toBeVisible();
});

test('on 2 workers, dynamic hand-out is not slower than static chunks, whose blocks are uneven', async ({ page }) => {
  test.setTimeout(120_000);
  const rows = await runTo(page, 'size=600x400&iter=2000&tiles=8x8&workers=2&strategies=static,dynamic');
  const stat = rows.find((r) => r.strategy === 'Pool, static chunks');
  const dyn = rows.find((r) => r.strategy === 'Pool, dynamic');
  expect(stat && dyn).toBeTruthy();
  if (!stat || !dyn) return;
  expect(dyn.checksum).toBe(stat.checksum);
  // Static's right-hand block holds the main cardioid: its worker is busy far longer (measured).
  expect(stat.busiestMs / stat.idlestMs, `static busy ${stat.busiestMs} / ${stat.idlestMs} ms`).toBeGreaterThan(1.5);
  // Generous: a busy 2-core machine shares cores with other programs.
  expect(dyn.wallMs, `dynamic ${dyn.wallMs} ms vs static ${stat.wallMs} ms`).toBeLessThan(stat.wallMs * 1.5);
});

test('Stop terminates the Workers within 1 s and keeps the finished tiles', async ({ page }) => {
  await page.goto('/?lab=mandelbrot&size=1200x800&iter=5000&tiles=8x8&workers=2&strategies=dynamic');
  await expect(runButton(page)).toBeEnabled({ timeout: 30_000 });
  await runButton(page).click();
  const progress = page.getByText(/^Pool, dynamic · \d+ of 64 tiles$/);
  await expect(progress).toHaveText(/^Pool, dynamic · ([1-9]|[1-5]\d) of 64 tiles$/, { timeout: 30_000 });
  const t0 = Date.now();
  await stopButton(page).click();
  await expect(status(page)).toHaveText('Stopped', { timeout: 1000 });
  expect(Date.now() - t0).toBeLessThan(1000);
  const kept = await progress.textContent();
  const done = Number(/ (\d+) of/.exec(kept ?? '')?.[1]);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(64);
  // Terminated: no tile arrives afterwards; what finished stays in the table and on the canvas.
  await page.waitForTimeout(1500);
  await expect(progress).toHaveText(kept ?? '');
  const [row] = await readRows(page);
  expect(row?.checksum).toBe('incomplete');
  await expect(table(page)).toContainText(`stopped at ${done} of 64 tiles`);
  expect((await pixels(page)).colours).toBeGreaterThan(5);
  await expect(page.getByText(`Pool, dynamic was stopped after ${done} of 64 tiles`)).toBeVisible();
  await expect(runButton(page)).toBeEnabled();
});

test('a bad URL value is named and Run waits for a fix', async ({ page }) => {
  await page.goto('/?lab=mandelbrot&iter=abc&workers=2');
  await expect(page.getByRole('alert')).toHaveText('Max iterations: "abc" is not a whole number from 100 to 5000');
  await expect(runButton(page)).toBeDisabled();
  await page.getByLabel('Max iterations').fill('300');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(runButton(page)).toBeEnabled();
});

async function unisolatedPage(browser: Browser) {
  const server = await startStaticServer(DIST, 0);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  return { server, context, page: await context.newPage() };
}

test('without cross-origin isolation the page hands chunks out itself: the same image', async ({ browser }) => {
  const { server, context, page } = await unisolatedPage(browser);
  try {
    await page.goto(`${server.url}/?lab=mandelbrot&size=300x200&iter=300&workers=2&strategies=sequential,dynamic`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await expect(page.getByText(/this page is not cross-origin isolated, so it hands each chunk/)).toBeVisible();
    await runButton(page).click();
    await expect(status(page)).toHaveText('Done', { timeout: 60_000 });
    const rows = await readRows(page);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{8}$/);
    expect(rows[1]?.checksum).toBe(rows[0]?.checksum);
  } finally {
    await context.close();
    await server.close();
  }
});
