// Offline and any static host: the built app served by a plain static file server (no COOP/COEP,
// no CSP; scripts/static-server.mjs) becomes cross-origin isolated once its service worker takes
// over (one automatic reload), says so in its header, and after one visit loads and runs offline.
// DIST_DIR: the built app to serve (default dist/, which `npm test` builds before the e2e tests).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { startStaticServer } from '../scripts/static-server.mjs';
import { CONTENT_SECURITY_POLICY } from '../src/pwa/securityHeaders';
import { expect, results, test, waitForDone } from './helpers';

const DIST = process.env.DIST_DIR || 'dist';
const RUN = '/?kind=sleep&tasks=0.2,0.2&strategies=sequential,pool&workers=2&run=1';

let server: { url: string; close: () => Promise<void> } | undefined;
const origin = (): string => server?.url ?? 'http://localhost:0';

test.beforeAll(async () => {
  server = await startStaticServer(DIST, 0);
});
test.afterAll(async () => {
  await server?.close();
});

/** The header's "Cross-origin isolated" entry: its answer and what it changes. */
const isolationEntry = (page: Page): Locator =>
  page
    .getByRole('term')
    .filter({ hasText: /^Cross-origin isolated$/ })
    .locator('xpath=following-sibling::dd[1]');

/** Waits until the page is isolated and controlled by the service worker, whose install precached the app. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .evaluate(() => window.crossOriginIsolated && navigator.serviceWorker.controller !== null)
          .catch(() => false), // the page is reloading itself
      {
        message: 'isolated and controlled by the service worker',
        timeout: 30_000,
      },
    )
    .toBe(true);
  // An active (controlling) worker has finished installing, i.e. precaching: check the cache too.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const key of await caches.keys()) {
      for (const request of await (await caches.open(key)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  const built = readdirSync(join(DIST, 'assets')).map((file) => `/assets/${file}`);
  expect(built.length, `files in ${DIST}/assets`).toBeGreaterThan(2);
  expect(cached, 'every built asset (Workers included) is precached').toEqual(expect.arrayContaining(built));
  expect(cached, 'the page is precached').toContain('/index.html');
}

test('on a plain static host the page loads unisolated, its service worker reloads it once, isolated', async ({
  page,
}) => {
  const plain = await page.request.get(`${origin()}/`);
  expect(plain.ok()).toBe(true);
  expect(plain.headers()['cross-origin-opener-policy'], 'the static server sends no COOP').toBeUndefined();
  expect(plain.headers()['content-security-policy'], 'the static server sends no CSP').toBeUndefined();
  // For hosts that read it (Netlify, Cloudflare Pages), the build wrote _headers with the same headers.
  const headersFile = await (await page.request.get(`${origin()}/_headers`)).text();
  expect(headersFile).toMatch(/^\/\*$/m);
  expect(headersFile).toContain(`\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
  expect(headersFile).toContain('\n  Cross-Origin-Opener-Policy: same-origin\n');
  expect(headersFile).toContain('\n  Cross-Origin-Embedder-Policy: require-corp\n');

  // Each document load reports whether it is isolated, before the app's own scripts run.
  const loads: boolean[] = [];
  page.on('console', (msg) => {
    const m = /^pwa-test: isolated=(true|false)$/.exec(msg.text());
    if (m) loads.push(m[1] === 'true');
  });
  await page.addInitScript(() => console.log(`pwa-test: isolated=${String(window.crossOriginIsolated)}`));

  await page.goto(`${origin()}/`);
  await expect
    .poll(() => loads, { message: 'loads: first unisolated, then one reload, isolated', timeout: 30_000 })
    .toEqual([false, true]);
  await waitForServiceWorker(page);
  await expect(isolationEntry(page)).toHaveText(/^yes — \d+ µs clock, shared memory$/);
  expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');

  // No second reload comes later.
  await page.waitForTimeout(1_000);
  expect(loads).toEqual([false, true]);

  // The page now comes from the service worker with the headers the static server never sent.
  const response = await page.reload();
  expect(response?.fromServiceWorker(), 'the reload is answered by the service worker').toBe(true);
  const headers = (await response?.allHeaders()) ?? {};
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  expect(headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(isolationEntry(page)).toHaveText(/^yes — /);
  expect(loads).toEqual([false, true, true]);
});

test('after one visit the app loads and a run completes with the network off', async ({ page, context }) => {
  await page.goto(`${origin()}/`);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  // Offline for real: what is not precached cannot be fetched.
  expect(
    await page.evaluate(() =>
      fetch('./not-precached.txt').then(
        () => 'fetched',
        () => 'failed',
      ),
    ),
  ).toBe('failed');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Parallel Playground', level: 1 })).toBeVisible();
  // A new URL (another query) is the same precached page.
  await page.goto(`${origin()}${RUN}`);
  await waitForDone(page, 2);
  expect((await results(page)).rows.map((row) => row[0])).toEqual(['Sequential', 'Pool']);
  expect(await page.evaluate(() => window.crossOriginIsolated), 'isolated offline too').toBe(true);
  await expect(isolationEntry(page)).toHaveText(/^yes — /);
});
