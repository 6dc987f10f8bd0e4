// A corpus of bad input in links (every case also says `run=1`): each one shows an alert that
// starts with the field's label, keeps Run disabled, runs nothing, throws nothing, renders what
// was given as text (never as markup), and leaves what the control can hold in place.
// One page serves every case (page.goto per case) to keep the corpus fast.
import { test, type Page } from '@playwright/test';
import {
  alertFor,
  consoleLines,
  expect,
  results,
  runButton,
  runStatus,
  searchParams,
  taggedLines,
  tasksBox,
  waitForSettled,
  workersBox,
  FIELD_LABEL as LABEL,
  type Field,
} from './helpers';

/** The parser quotes at most this many characters of a bad value. */
const QUOTE_MAX = 40;

interface Case {
  readonly name: string;
  /** Raw (unencoded) values of the params; encoded with URLSearchParams. */
  readonly params: Partial<Record<Field, string>>;
  /** Fields that must each have an alert starting with their label. */
  readonly bad: readonly Field[];
  /** Text the first bad field's alert must contain. */
  readonly contains?: string;
}

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const thousandAndOne = Array<string>(1001).fill('1').join(',');
const hundredKb = 'x'.repeat(100 * 1024);

const cases: Case[] = [
  { name: 'empty tasks', params: { tasks: '' }, bad: ['tasks'], contains: 'at least one' },
  { name: 'tasks of spaces', params: { tasks: '   ' }, bad: ['tasks'], contains: 'at least one' },
  { name: 'tasks 1,,2', params: { tasks: '1,,2' }, bad: ['tasks'], contains: 'task 2 is empty' },
  { name: 'trailing comma', params: { tasks: '1,' }, bad: ['tasks'], contains: 'task 2 is empty' },
  { name: 'tasks 1e3', params: { tasks: '1e3' }, bad: ['tasks'], contains: '"1e3"' },
  { name: 'tasks NaN', params: { tasks: 'NaN' }, bad: ['tasks'], contains: '"NaN"' },
  { name: 'tasks Infinity', params: { tasks: '1,Infinity' }, bad: ['tasks'], contains: '"Infinity"' },
  { name: 'negative task', params: { tasks: '2,-1' }, bad: ['tasks'], contains: '"-1"' },
  { name: 'zero task', params: { tasks: '0' }, bad: ['tasks'], contains: '"0"' },
  { name: 'task over 60 s', params: { tasks: '1,60.01' }, bad: ['tasks'], contains: '60' },
  { name: '1001 tasks', params: { tasks: thousandAndOne }, bad: ['tasks'], contains: '1000' },
  { name: 'Arabic-Indic digits', params: { tasks: '١,٢' }, bad: ['tasks'], contains: '"١"' },
  { name: 'fullwidth digit', params: { tasks: '１' }, bad: ['tasks'], contains: '"１"' },
  { name: 'semicolons', params: { tasks: '1;2' }, bad: ['tasks'], contains: '"1;2"' },
  { name: 'hex', params: { tasks: '0x10' }, bad: ['tasks'], contains: '"0x10"' },
  { name: '100 KB tasks value', params: { tasks: hundredKb }, bad: ['tasks'], contains: `"${'x'.repeat(QUOTE_MAX)}` },
  { name: 'script in tasks', params: { tasks: SCRIPT }, bad: ['tasks'], contains: SCRIPT },
  { name: 'img in tasks', params: { tasks: IMG }, bad: ['tasks'], contains: IMG },
  { name: 'workers 0', params: { workers: '0' }, bad: ['workers'], contains: '64' },
  { name: 'workers 65', params: { workers: '65' }, bad: ['workers'], contains: '64' },
  { name: 'workers 1.5', params: { workers: '1.5' }, bad: ['workers'], contains: '"1.5"' },
  { name: 'workers -2', params: { workers: '-2' }, bad: ['workers'], contains: '64' },
  { name: 'workers abc', params: { workers: 'abc' }, bad: ['workers'], contains: '"abc"' },
  { name: 'workers empty', params: { workers: '' }, bad: ['workers'], contains: '64' },
  { name: 'script in workers', params: { workers: SCRIPT }, bad: ['workers'], contains: SCRIPT },
  { name: 'img in workers', params: { workers: IMG }, bad: ['workers'], contains: IMG },
  { name: 'unknown kind', params: { kind: 'gpu' }, bad: ['kind'], contains: '"gpu"' },
  { name: 'empty kind', params: { kind: '' }, bad: ['kind'], contains: 'sleep' },
  { name: 'kind in capitals', params: { kind: 'CPU' }, bad: ['kind'], contains: '"CPU"' },
  { name: 'script in kind', params: { kind: SCRIPT }, bad: ['kind'], contains: SCRIPT },
  { name: 'img in kind', params: { kind: IMG }, bad: ['kind'], contains: IMG },
  { name: 'unknown strategy', params: { strategies: 'pool,fork' }, bad: ['strategies'], contains: '"fork"' },
  { name: 'duplicate strategy', params: { strategies: 'pool,pool' }, bad: ['strategies'], contains: 'pool' },
  { name: 'no strategy', params: { strategies: '' }, bad: ['strategies'] },
  { name: 'strategy in capitals', params: { strategies: 'Pool' }, bad: ['strategies'], contains: '"Pool"' },
  { name: 'script in strategies', params: { strategies: SCRIPT }, bad: ['strategies'], contains: SCRIPT },
  { name: 'img in strategies', params: { strategies: IMG }, bad: ['strategies'], contains: IMG },
  {
    name: 'every field bad at once',
    params: { tasks: IMG, kind: SCRIPT, workers: '0', strategies: IMG },
    bad: ['tasks', 'kind', 'workers', 'strategies'],
    contains: IMG,
  },
];

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function queryOf(c: Case): string {
  const params = new URLSearchParams();
  for (const [field, value] of Object.entries(c.params)) params.set(field, value);
  params.set('run', '1');
  return `/?${params.toString()}`;
}

let page: Page;
const pageErrors: string[] = [];
const dialogs: string[] = [];

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${err.name}: ${err.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // A 100 KB query is longer than the preview server's request-header limit (it answers 431),
  // so a request with a huge query is answered with the app's own page; the page still reads
  // its query from the address bar.
  await page.route(
    (url) => url.pathname === '/' && url.search.length > 8_000,
    async (route) => route.fulfill({ response: await route.fetch({ url: new URL('/', route.request().url()).href }) }),
  );
});

test.afterAll(async () => {
  await page.close();
});

test.beforeEach(() => {
  pageErrors.length = 0;
  dialogs.length = 0;
});

test.afterEach(() => {
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  expect(dialogs, 'dialogs opened by the page').toEqual([]);
});

test.describe('bad-input corpus (each link also has run=1)', () => {
  for (const c of cases) {
    test(`${c.name} → ${c.bad.map((f) => `"${LABEL[f]}"`).join(', ')} alert, nothing runs`, async () => {
      const response = await page.goto(queryOf(c));
      expect(response?.ok(), 'the page loads').toBe(true);

      for (const field of c.bad) {
        const alert = alertFor(page, LABEL[field]);
        await expect(alert, `an alert starting with "${LABEL[field]}"`).toHaveCount(1, { timeout: 15_000 });
        await expect(alert).toBeVisible();
        // Text, never markup: nothing the value spelled became an element.
        await expect(alert.locator('img, script, iframe')).toHaveCount(0);
      }
      const first = alertFor(page, LABEL[c.bad[0] ?? 'tasks']);
      if (c.contains !== undefined) await expect(first).toContainText(c.contains);
      // A 100 KB value is quoted, not pasted whole into the alert.
      expect((await first.innerText()).length, 'alert length').toBeLessThan(400);
      await expect(page.locator('img[src="x"]'), 'no <img src=x> anywhere').toHaveCount(0);
      await expect(runButton(page)).toBeDisabled();

      // What the control can hold stays in it, verbatim; the URL keeps the bad value.
      const tasks = c.params.tasks;
      if (tasks !== undefined) await expect(tasksBox(page), 'the text box shows the value verbatim').toHaveValue(tasks);
      const workers = c.params.workers;
      if (workers !== undefined && (workers === '' || NUMERIC.test(workers))) {
        await expect(workersBox(page), 'the number box shows the value verbatim').toHaveValue(workers);
      }
      for (const field of c.bad)
        expect(searchParams(page).get(field), `${field} stays in the URL`).toBe(c.params[field]);

      // Once the page is ready (warm worker, calibration) and a moment later, still nothing has run.
      await waitForSettled(page);
      await page.waitForTimeout(500);
      await expect(runStatus(page)).not.toHaveText(/Running|Done|Stopped/);
      expect(taggedLines(await consoleLines(page)), 'Console is empty').toEqual([]);
      expect((await results(page)).rows, 'no Results rows').toEqual([]);
      await expect(runButton(page)).toBeDisabled();
      for (const field of c.bad) await expect(alertFor(page, LABEL[field])).toHaveCount(1);
    });
  }
});
