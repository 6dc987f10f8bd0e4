// Import run: a Run JSON file (docs/run-file.md) is drawn beside the current run on the same axis,
// with Results rows of its own; a bad file gives an alert naming what is wrong and changes nothing.
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { barLocator, expect, results, test, timeline, waitForDone } from './helpers';

const CURRENT = '/?kind=sleep&tasks=0.3,0.2,0.1&strategies=pool&workers=3&run=1';

/** A pool of 3 running 3,2,1 s as a made-up machine measured it: ends at 3.02 s, in order 3, 2, 1. */
function poolFile(label = 'Test machine') {
  const starts = [10, 12, 14];
  const durations = [3000, 2000, 1000];
  const events: object[] = [{ type: 'strategy-start', strategy: 'pool', tMs: 0 }];
  for (const w of [1, 2, 3]) events.push({ type: 'worker-spawn', strategy: 'pool', worker: w, tMs: w });
  for (const [i, start] of starts.entries()) {
    events.push({ type: 'task-start', strategy: 'pool', task: i + 1, worker: i + 1, tMs: start });
  }
  for (const i of [2, 1, 0]) {
    const end = (starts[i] ?? 0) + (durations[i] ?? 0);
    events.push({ type: 'task-end', strategy: 'pool', task: i + 1, worker: i + 1, tMs: end });
  }
  events.push({ type: 'strategy-end', strategy: 'pool', tMs: 3020, status: 'done' });
  return {
    format: 'parallel-playground-run',
    version: 1,
    source: { kind: 'cpython', label, createdAt: '2026-11-27T09:00:00Z', tool: 'hand-written' },
    config: { kind: 'sleep', tasks: [3, 2, 1], strategies: ['pool'], workers: 3 },
    environment: { cores: 2, python: { version: '3.11.7', platform: 'linux', startMethod: 'fork' } },
    status: 'done',
    events,
  };
}

const asFile = (name: string, content: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
});

async function importByPicker(page: Page, file: ReturnType<typeof asFile>): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import run', exact: true }).click();
  await (await chooser).setFiles(file);
}

/** Bar names of a region, in task order. */
async function barNames(page: Page, region: string): Promise<string[]> {
  const names = await page
    .getByRole('region', { name: region, exact: true })
    .getByRole('img', { name: /^Task \d+ on worker \d+:/ })
    .evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label') ?? ''));
  return names.sort();
}

test.beforeEach(async ({ page }) => {
  await page.goto(CURRENT);
  await waitForDone(page, 1);
});

test('an imported run is drawn beside the current one, with its own Results row', async ({ page }) => {
  const before = await barLocator(page, 'pool').count();
  await importByPicker(page, asFile('cpython-pool.json', poolFile()));

  const region = 'Test machine pool timeline';
  await expect(page.getByRole('region', { name: region, exact: true })).toBeVisible();
  expect(await barNames(page, region)).toEqual([
    'Task 1 on worker 1: 0.01–3.01 s',
    'Task 2 on worker 2: 0.01–2.01 s',
    'Task 3 on worker 3: 0.01–1.01 s',
  ]);
  // Where it came from, and a Results row named like its timeline.
  await expect(page.getByRole('region', { name: 'Compared run: Test machine' })).toContainText(
    'CPython 3.11.7 on linux (fork), 2 cores',
  );
  const row = page.getByRole('table', { name: 'Results' }).getByRole('row', { name: /^Test machine pool\b/ });
  await expect(row.getByRole('cell').first()).toHaveText('3.02');
  // The current run is untouched.
  expect(await barLocator(page, 'pool').count()).toBe(before);
  expect((await results(page)).rows).toHaveLength(1);

  // The same label twice gets a number; Remove takes one away.
  await importByPicker(page, asFile('again.json', poolFile()));
  await expect(page.getByRole('region', { name: 'Test machine (2) pool timeline', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Remove Test machine (2)' }).click();
  await expect(page.getByRole('region', { name: 'Test machine (2) pool timeline', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: region, exact: true })).toBeVisible();
});

test('a file dropped on the page is imported too', async ({ page }) => {
  const text = JSON.stringify(poolFile('Dropped'));
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, text);
  await expect(page.getByRole('region', { name: 'Dropped pool timeline', exact: true })).toBeVisible();
  expect(await barNames(page, 'Dropped pool timeline')).toHaveLength(3);
});

test('a bad file gives an alert naming what is wrong, and nothing on the page is lost', async ({ page }) => {
  const bars = await barNames(page, 'Pool timeline');
  const rows = (await results(page)).rows;

  const broken = poolFile();
  (broken.events[3] as { tMs: unknown }).tMs = 'soon';
  await importByPicker(page, asFile('broken.json', broken));
  const alert = page.getByRole('alert').filter({ hasText: 'Import run' });
  await expect(alert).toContainText('broken.json: events[3].tMs:');
  await expect(alert).toContainText('Nothing on the page changed.');

  await importByPicker(page, asFile('notes.txt', 'these are my notes'));
  await expect(alert).toContainText('notes.txt: not JSON');

  await importByPicker(page, asFile('other.json', { hello: 'world' }));
  await expect(alert).toContainText('other.json: not a Run JSON file');

  expect(await barNames(page, 'Pool timeline')).toEqual(bars);
  expect((await results(page)).rows).toEqual(rows);
  await expect(page.getByRole('region', { name: /^Compared run/ })).toHaveCount(0);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
  // And the page still runs.
  await expect(timeline(page, 'pool')).toBeVisible();
});

test('a Run (JSON) export imports back to identical bars, Results and wall-clock', async ({ page }) => {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Run (JSON)', exact: true }).click();
  const exported = readFileSync(await (await downloading).path(), 'utf8');
  const label = (JSON.parse(exported) as { source: { label: string } }).source.label;
  await importByPicker(page, asFile('exported.json', exported));

  const region = `${label} pool timeline`;
  await expect(page.getByRole('region', { name: region, exact: true })).toBeVisible();
  expect(await barNames(page, region)).toEqual(await barNames(page, 'Pool timeline'));
  const table = page.getByRole('table', { name: 'Results' });
  const cells = async (name: RegExp) =>
    (await table.getByRole('row', { name }).getByRole('cell').allInnerTexts()).map((t) => t.trim());
  expect(await cells(new RegExp(`^${label} pool\\b`))).toEqual(await cells(/^Pool\b/));
});

test('a real CPython run of preset 4 by python/trace_chapter.py imports and draws beside the browser', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // The browser's run of preset 4 (ProcessPool + as_completed, 3,2,1 s on 3 workers).
  await page.goto('/?kind=sleep&tasks=3,2,1&strategies=pool&workers=3&run=1');
  await waitForDone(page, 1, 45_000);
  const out = join(mkdtempSync(join(tmpdir(), 'pp-cpython-')), 'example-4.json');
  execFileSync('python3', ['python/trace_chapter.py', '--example', '4', '-o', out], {
    stdio: 'ignore',
    timeout: 60_000,
  });
  const file = JSON.parse(readFileSync(out, 'utf8')) as { source: { label: string } };
  expect(file.source.label).toMatch(/^CPython 3\.\d+$/);
  await importByPicker(page, asFile('example-4.json', readFileSync(out, 'utf8')));

  const region = `${file.source.label} pool timeline`;
  await expect(page.getByRole('region', { name: region, exact: true })).toBeVisible();
  const names = await barNames(page, region);
  expect(names).toHaveLength(3);
  // Each task lasted its duration (3, 2, 1 s) on its own process, as in the chapter.
  for (const [i, seconds] of [3, 2, 1].entries()) {
    const match = new RegExp(`^Task ${i + 1} on worker (\\d): (\\d+\\.\\d\\d)[–-](\\d+\\.\\d\\d) s`).exec(
      names[i] ?? '',
    );
    expect(match, names[i]).not.toBeNull();
    const took = Number(match?.[3]) - Number(match?.[2]);
    expect(took).toBeGreaterThan(seconds - 0.05);
    expect(took).toBeLessThan(seconds + 0.25);
  }
  // Results: the CPython pool's wall-clock ≈ 3 s beside the browser's.
  const row = page.getByRole('table', { name: 'Results' }).getByRole('row', { name: /^CPython 3\.\d+ pool\b/ });
  const wall = Number(await row.getByRole('cell').first().innerText());
  expect(wall).toBeGreaterThan(2.99);
  expect(wall).toBeLessThan(3.6);
});
