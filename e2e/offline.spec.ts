// Offline-safe: a full run of every strategy talks to no one but the page's own origin, and the
// page is served with a Content-Security-Policy that keeps every script on that origin.
import type { Request } from '@playwright/test';
import { expect, results, test, waitForDone } from './helpers';

const RUN_ALL = '/?kind=sleep&tasks=0.2,0.2&strategies=sequential,processes,pool,threads&run=1';

/** `default-src 'self'; script-src 'self'` → { 'default-src': ["'self'"], 'script-src': ["'self'"] } */
function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

test('a full run of every strategy makes requests only to its own origin', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
  const requests: Request[] = [];
  // The context sees requests of the page and of its Workers.
  context.on('request', (request) => requests.push(request));
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`);
    });
  });

  await page.goto(RUN_ALL);
  await waitForDone(page, 4, 30_000);
  expect((await results(page)).rows.map((r) => r[0])).toEqual(['Sequential', 'Processes', 'Pool', 'Threads']);
  // Whatever loads after the run (lazy chart code) counts too.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);

  const urls = requests.map((r) => r.url());
  expect(urls.length, 'requests seen').toBeGreaterThan(1);
  const foreign = urls.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:') return false; // inline data, no network
    return parsed.origin !== origin; // blob: URLs carry their creator's origin
  });
  expect(foreign, `requests outside ${origin}`).toEqual([]);
  expect(violations, 'Content-Security-Policy violations').toEqual([]);
});

test("the page is served with a CSP: default-src 'self', no inline scripts", async ({ page }) => {
  const response = await page.goto('/');
  expect(response, 'response to /').not.toBeNull();
  const header = (await response?.allHeaders())?.['content-security-policy'];
  expect(header, 'content-security-policy header on /').toBeDefined();
  const csp = parseCsp(header ?? '');
  expect(csp.get('default-src'), "default-src is 'self'").toEqual(["'self'"]);
  // Without a script-src, scripts fall back to default-src.
  const scriptSrc = csp.get('script-src') ?? csp.get('default-src') ?? [];
  expect(scriptSrc, "script-src has no 'unsafe-inline'").not.toContain("'unsafe-inline'");
  expect(scriptSrc, 'script-src allows no other host').toEqual(expect.not.arrayContaining(['*', 'http:', 'https:']));
  // WebAssembly (the CPU kernel) may be compiled; JavaScript eval may not.
  expect(scriptSrc, "script-src has no 'unsafe-eval'").not.toContain("'unsafe-eval'");
});
