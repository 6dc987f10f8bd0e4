// Leaks: Stop at random instants must not leave Workers behind (only the warm one may live on),
// and many short runs in one page must not pile up Workers or heap.
import type { Browser, Page } from '@playwright/test';
import config from '../playwright.config';
import {
  expect,
  kindSelect,
  openReady,
  runButton,
  runStatus,
  stopButton,
  strategyBox,
  STRATEGY_TAGS,
  tasksBox,
  test,
  waitForDone,
  workersBox,
  type StrategyTag,
  liveWorkers,
} from './helpers';

declare global {
  interface Performance {
    /** Chromium only. */
    readonly memory?: { readonly usedJSHeapSize: number };
  }
}

/** mulberry32: a small seeded PRNG, so every run of this spec stops at the same instants. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function setStrategies(page: Page, chosen: readonly StrategyTag[]): Promise<void> {
  for (const tag of STRATEGY_TAGS) await strategyBox(page, tag).setChecked(chosen.includes(tag));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

test('Stop at 50 seeded-random instants leaves no Worker but the warm one', async ({ page }) => {
  test.setTimeout(150_000);
  const random = prng(20_260_605);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  await openReady(page, '?tasks=0.5&strategies=sequential&kind=sleep&workers=2');

  const after: number[] = [];
  const outcomes = { Stopped: 0, Done: 0 };
  for (let i = 0; i < 50; i += 1) {
    // Every strategy in turn, sometimes with a second one; 1–6 tasks of 0.2–1.5 s; pool of 1–4.
    const main = STRATEGY_TAGS[i % STRATEGY_TAGS.length] ?? 'pool';
    const chosen = random() < 0.3 ? [main, pick(STRATEGY_TAGS)] : [main];
    const count = 1 + Math.floor(random() * 6);
    const tasks = Array.from({ length: count }, () => (0.2 + random() * 1.3).toFixed(2)).join(',');
    const kind = random() < 0.5 ? 'sleep' : 'cpu';
    const workers = String(1 + Math.floor(random() * 4));
    const delayMs = Math.floor(random() * 601);
    const what = `#${i + 1} ${chosen.join('+')} ${kind} tasks=${tasks} workers=${workers}, Stop after ${delayMs} ms`;

    await tasksBox(page).fill(tasks);
    await kindSelect(page).selectOption(kind);
    await workersBox(page).fill(workers);
    await setStrategies(page, chosen);
    await expect(runButton(page), what).toBeEnabled();
    await runButton(page).click();
    await page.waitForTimeout(delayMs);
    // The run may already be over (a short one); then there is nothing to stop.
    if (await stopButton(page).isEnabled())
      await stopButton(page)
        .click({ timeout: 1_000 })
        .catch(() => undefined);
    await expect(runStatus(page), `${what}: ends within 1.5 s of Stop`).toHaveText(/^\s*(Stopped|Done)\b/, {
      timeout: 1_500,
    });
    const status = (await runStatus(page).innerText()).trim().startsWith('Stopped') ? 'Stopped' : 'Done';
    outcomes[status] += 1;

    await expect
      .poll(() => liveWorkers(page), { message: `${what}: live Workers after ${status}`, timeout: 1_000 })
      .toBeLessThanOrEqual(1);
    after.push(await liveWorkers(page));
  }
  console.log(`leaks: 50 stops → ${JSON.stringify(outcomes)}; live Workers after each: ${after.join(',')}`);
  // Most runs were really cut by Stop (otherwise this test would not test Stop).
  expect(outcomes.Stopped, 'runs actually stopped').toBeGreaterThanOrEqual(35);

  // And the page still works: a fresh run completes and leaves only the warm Worker.
  await tasksBox(page).fill('0.05,0.05');
  await kindSelect(page).selectOption('sleep');
  await setStrategies(page, STRATEGY_TAGS);
  await runButton(page).click();
  await waitForDone(page, STRATEGY_TAGS.length);
  await expect.poll(() => liveWorkers(page), { timeout: 1_000 }).toBeLessThanOrEqual(1);
});

test('100 short runs in one page: no Worker piles up, heap grows under 10 %', async ({ playwright, baseURL }) => {
  test.setTimeout(150_000);
  // The heap figure also counts compiled code, and V8 keeps re-optimising hot functions (the app's
  // and Playwright's own injected script) for hundreds of runs, which reads as a slow "leak" that
  // is not one. In a browser with the optimising tiers off, what grows is what the app keeps.
  const launchOptions = config.use?.launchOptions ?? {};
  const browser = await playwright.chromium.launch({
    ...launchOptions,
    args: [...(launchOptions.args ?? []), '--js-flags=--no-opt --no-maglev --no-sparkplug'],
  });
  try {
    await manyRuns(browser, baseURL);
  } finally {
    await browser.close();
  }
});

async function manyRuns(browser: Browser, baseURL: string | undefined): Promise<void> {
  const page = await browser.newPage({ ...(baseURL === undefined ? {} : { baseURL }) });
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(`${err.name}: ${err.message}`));
  await openReady(page, '?tasks=0.01,0.01&kind=sleep&strategies=processes,pool');
  const cdp = await page.context().newCDPSession(page);
  const heap = async (): Promise<number> => {
    // Collect garbage first (through the DevTools protocol; `window.gc` is not exposed), so the
    // readings compare live objects rather than where the collector happened to be.
    await cdp.send('HeapProfiler.collectGarbage');
    const used = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? NaN);
    expect(used, 'performance.memory.usedJSHeapSize (Chromium)').toBeGreaterThan(0);
    return used;
  };

  const readings: number[] = [];
  const workers: number[] = [];
  for (let i = 0; i < 100; i += 1) {
    await expect(runButton(page)).toBeEnabled();
    await runButton(page).click();
    await waitForDone(page, 2, 10_000);
    await expect
      .poll(() => liveWorkers(page), { message: `run ${i + 1}: live Workers`, timeout: 1_000 })
      .toBeLessThanOrEqual(1);
    workers.push(await liveWorkers(page));
    readings.push(await heap());
  }
  const first = median(readings.slice(0, 5));
  const last = median(readings.slice(-5));
  const growth = (last - first) / first;
  console.log(
    `leaks: 100 runs → live Workers max ${Math.max(...workers)}; heap median first 5 ${(first / 1e6).toFixed(2)} MB, ` +
      `last 5 ${(last / 1e6).toFixed(2)} MB (${(growth * 100).toFixed(1)} %); every 10th run: ` +
      readings
        .filter((_, i) => i % 10 === 9)
        .map((r) => (r / 1e6).toFixed(2))
        .join(' '),
  );
  expect(Math.max(...workers), 'live Workers after any run').toBeLessThanOrEqual(1);
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  expect(growth, `heap growth over 100 runs (first-5 median ${first}, last-5 median ${last})`).toBeLessThan(0.1);
}
