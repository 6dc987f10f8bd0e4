// Lab `chunks` (issue 13, point 4), through `?lab=chunks` and accessible names: for 10,000 tasks of
// 0.1 ms, chunksize auto beats chunksize 1 (wall-clock from `Chunks results`); each strategy's
// canvas Gantt has its name and a per-worker table; drawing 10,000 bars never holds the main thread
// for more than 50 ms; the `chunksize` control changes what runs; Stop ends a run within 1 s,
// terminates its Workers and keeps what was measured. Timing asserts relations, never absolute figures.
import type { Page } from '@playwright/test';
import { expect, test } from './helpers';

const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
const stopButton = (page: Page) => page.getByRole('button', { name: 'Stop', exact: true });
const status = (page: Page) => page.getByRole('status', { name: 'Chunks status' });
const table = (page: Page) => page.getByRole('table', { name: 'Chunks results' });

async function open(page: Page): Promise<void> {
  // Long tasks and draw frames, from the start.
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: [number, number][] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/?lab=chunks');
  await expect(status(page)).toHaveText(/^Ready: 1 ms of work = [\d,]+ hash steps here$/, { timeout: 30_000 });
}

async function setUp(page: Page, s: { tasks: number; taskMs: number; workers: number; chunksize: number }) {
  await page.getByRole('spinbutton', { name: 'Tasks', exact: true }).fill(String(s.tasks));
  await page.getByRole('spinbutton', { name: 'Task length (ms)', exact: true }).fill(String(s.taskMs));
  await page.getByRole('spinbutton', { name: 'Pool workers', exact: true }).fill(String(s.workers));
  await page.getByRole('spinbutton', { name: 'chunksize', exact: true }).fill(String(s.chunksize));
}

interface Row {
  readonly strategy: string;
  readonly tasks: number;
  readonly wallMs: number;
  readonly messages: number;
  readonly dispatchUs: number;
}

async function rows(page: Page): Promise<Row[]> {
  const headers = (await table(page).locator('thead th').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
  const col = (name: string): number => {
    const i = headers.indexOf(name);
    expect(i, `column ${name} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
    return i;
  };
  const cells = await table(page)
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
  const num = (s: string | undefined): number => Number((s ?? '').replace(/,/g, ''));
  return cells.map((c) => ({
    strategy: c[col('Strategy')] ?? '',
    tasks: num(c[col('Tasks')]),
    wallMs: num(c[col('Wall-clock (ms)')]),
    messages: num(c[col('Messages')]),
    dispatchUs: num(c[col('Dispatch per task (µs)')]),
  }));
}

const row = (all: readonly Row[], strategy: string): Row => {
  const r = all.find((x) => x.strategy === strategy);
  expect(r, `row ${strategy} in ${all.map((x) => x.strategy).join(' | ')}`).toBeDefined();
  return r as Row;
};

test('10,000 tasks of 0.1 ms: chunksize auto beats chunksize 1; every Gantt is named and has its table', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page);
  await setUp(page, { tasks: 10_000, taskMs: 0.1, workers: 2, chunksize: 25 });
  await runButton(page).click();
  await expect(status(page)).toHaveText(/^Done/, { timeout: 90_000 });
  await expect(table(page).locator('tbody tr')).toHaveCount(4);
  const all = await rows(page);
  const seq = row(all, 'Sequential');
  const one = row(all, 'Pool, chunksize 1');
  const auto = row(all, 'Pool, chunksize auto (= 1250)');
  const chosen = row(all, 'Pool, chunksize 25');
  for (const r of all) expect(r.tasks).toBe(10_000);
  expect([seq.messages, one.messages, auto.messages, chosen.messages]).toEqual([1, 10_000, 8, 400]);
  // The headline: a message per task costs more than chunks of 1,250 tasks.
  expect(auto.wallMs).toBeLessThan(one.wallMs);
  // The measured dispatch per task follows: chunksize 1 pays a message per task.
  expect(one.dispatchUs).toBeGreaterThan(auto.dispatchUs);

  for (const label of ['Sequential', 'Pool, chunksize 1', 'Pool, chunksize auto (= 1250)', 'Pool, chunksize 25']) {
    const workers = label === 'Sequential' ? 1 : 2;
    const escaped = label.replace(/[().]/g, '\\$&');
    const region = page.getByRole('region', { name: `${label} timeline`, exact: true });
    await expect(
      region.getByRole('img', {
        name: new RegExp(`^${escaped}: 10,000 tasks on ${workers} workers?, \\d+\\.\\d\\d s$`),
      }),
    ).toBeVisible();
    // The text alternative: one row per worker, their tasks adding up to 10,000.
    const perWorker = region.getByRole('table', { name: `${label}: per worker` });
    const lanes = await perWorker
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
    expect(lanes.map((l) => l[0])).toEqual(Array.from({ length: workers }, (_, i) => `Worker ${i + 1}`));
    expect(lanes.reduce((s, l) => s + Number((l[1] ?? '').replace(/,/g, '')), 0)).toBe(10_000);
  }
  // The paragraph is made of these measurements.
  await expect(page.locator('.what-happened p')).toContainText('With chunksize 1 the pool sent 10,000 messages');
  await expect(page.locator('.what-happened p')).toContainText(
    `took ${Math.round(auto.wallMs).toLocaleString('en-US')} ms`,
  );

  // Drawing 10,000 bars: redraw every Gantt (a theme change redraws all four, 40,000 bars) and watch
  // the main thread. Long tasks are collected from here on; every draw frame is measured.
  const since = await page.evaluate(() => performance.now());
  for (const theme of ['Dark', 'Projector (high contrast)', 'Light']) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
    await page.waitForTimeout(400);
  }
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.waitForTimeout(400);
  const seen = await page.evaluate((t0) => {
    const draws = performance
      .getEntriesByName('canvas-gantt draw')
      .filter((e) => e.startTime >= t0)
      .map((e) => ({
        start: e.startTime,
        ms: e.duration,
        detail: (e as PerformanceMeasure).detail as { bars: number },
      }));
    const w = window as unknown as { __longTasks: [number, number][] };
    const longTasks = w.__longTasks.filter(([s]) => s >= t0);
    return { draws, longTasks };
  }, since);
  const drawn = seen.draws.reduce((s, d) => s + d.detail.bars, 0);
  const maxDraw = Math.max(...seen.draws.map((d) => d.ms));
  const maxLong = Math.max(0, ...seen.longTasks.map(([, d]) => d));
  test.info().annotations.push({
    type: 'drawing',
    description: `${drawn} bars redrawn in ${seen.draws.length} frames; longest frame ${maxDraw.toFixed(1)} ms; longest main-thread long task ${maxLong.toFixed(0)} ms`,
  });
  console.log(test.info().annotations.at(-1)?.description);
  expect(drawn).toBeGreaterThanOrEqual(3 * 40_000);
  expect(maxDraw).toBeLessThan(50);
  // A long task that holds a draw frame: the drawing did it.
  const during = seen.longTasks.filter(([s, d]) => seen.draws.some((f) => f.start >= s && f.start <= s + d));
  expect(during.map(([, d]) => Math.round(d)).filter((d) => d > 50)).toEqual([]);
});

test('the chunksize control changes the run, the messages and the Python', async ({ page }) => {
  await open(page);
  await setUp(page, { tasks: 1000, taskMs: 0.1, workers: 2, chunksize: 50 });
  await expect(page.getByText('20 messages; auto would be 125 (8 messages)')).toBeVisible();
  await expect(page.getByRole('code').or(page.locator('.lab-python pre')).first()).toContainText(
    'for chunksize in (1, None, 50):',
  );
  await runButton(page).click();
  await expect(status(page)).toHaveText(/^Done/, { timeout: 60_000 });
  await expect(table(page).locator('tbody tr')).toHaveCount(4);
  expect(row(await rows(page), 'Pool, chunksize 50').messages).toBe(20);

  await page.getByRole('spinbutton', { name: 'chunksize', exact: true }).fill('7');
  await runButton(page).click();
  await expect(status(page)).toHaveText(/^Done/, { timeout: 60_000 });
  await expect(table(page).locator('tbody tr')).toHaveCount(4);
  const after = await rows(page);
  expect(after.map((r) => r.strategy)).toContain('Pool, chunksize 7');
  expect(after.map((r) => r.strategy)).not.toContain('Pool, chunksize 50');
  expect(row(after, 'Pool, chunksize 7').messages).toBe(143);

  // Out of range: an alert that names the control and the range; Run disabled.
  await page.getByRole('spinbutton', { name: 'chunksize', exact: true }).fill('0');
  await expect(page.getByRole('alert')).toHaveText('chunksize: 0 is out of range; use 1–1,000.');
  await expect(runButton(page)).toBeDisabled();
});

test('Sweep chunksize: wall-clock per chunksize beside the loop, and the cost of a message', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await setUp(page, { tasks: 1000, taskMs: 0.1, workers: 2, chunksize: 25 });
  await page.getByRole('button', { name: 'Sweep chunksize' }).click();
  await expect(status(page)).toHaveText(/^Sweep done: 10 chunksizes\.$/, { timeout: 90_000 });
  const sweep = page.getByRole('table', { name: 'Chunksize sweep' });
  const first = await sweep.locator('tbody tr th').allInnerTexts();
  expect(first).toEqual(['Sequential (the loop)', '1', '2', '5', '10', '25', '50', '100', '125 (auto)', '250', '500']);
  const wall = await sweep
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Number((tr.children[2]?.textContent ?? '').replace(/,/g, ''))));
  expect(wall.every((w) => w > 0)).toBe(true);
  await expect(page.getByText(/^Dispatch: ≈ [\d,]+ µs per message/)).toBeVisible();
  const chart = page.getByRole('img', { name: /^Wall-clock vs chunksize: 10 pool runs/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('.recharts-line-dots circle, .recharts-line-dot')).toHaveCount(10);
});

test('Stop ends the pool within 1 s, terminates its Workers and keeps what was measured', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await setUp(page, { tasks: 5000, taskMs: 1, workers: 2, chunksize: 25 });
  await runButton(page).click();
  await expect(status(page)).toHaveText('Running Pool, chunksize 1…', { timeout: 60_000 });
  await page.waitForTimeout(300);
  expect(page.workers().length).toBeGreaterThanOrEqual(2);
  const clicked = Date.now();
  await stopButton(page).click();
  await expect(status(page)).toHaveText(/^Stopped/, { timeout: 1000 });
  expect(Date.now() - clicked).toBeLessThan(1000);
  await expect.poll(() => page.workers().length, { timeout: 1000 }).toBe(0);
  await expect(table(page).locator('tbody tr')).toHaveCount(2);
  const all = await rows(page);
  expect(row(all, 'Sequential').tasks).toBe(5000);
  const stopped = row(all, 'Pool, chunksize 1 (stopped)');
  expect(stopped.tasks).toBeGreaterThan(0);
  expect(stopped.tasks).toBeLessThan(5000);
  await expect(
    page.getByRole('img', { name: /^Pool, chunksize 1: [\d,]+ tasks on 2 workers, \d+\.\d\d s, stopped$/ }),
  ).toBeVisible();
  await expect(page.locator('.what-happened p')).toContainText('With chunksize 1 the pool was stopped after');
  // It runs again afterwards.
  await setUp(page, { tasks: 1000, taskMs: 0.1, workers: 2, chunksize: 25 });
  await runButton(page).click();
  await expect(status(page)).toHaveText(/^Done/, { timeout: 60_000 });
  await expect(table(page).locator('tbody tr')).toHaveCount(4);
});
