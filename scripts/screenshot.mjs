// Takes a screenshot of the real app after a finished run, for the README and for looking at it.
// Usage: node scripts/screenshot.mjs [query] [out.png] [width] [height]
//   e.g. node scripts/screenshot.mjs "?kind=sleep&tasks=3,2,1&strategies=sequential,processes,pool&workers=3&run=1" docs/screenshot.png
//   CLICK="Sweep workers" presses that button when the page is ready; FULL_PAGE=1 takes the whole page.
import { spawn } from 'node:child_process';
import { launchBrowser } from '../bench/lib/browser.mjs';

const query = process.argv[2] ?? '?kind=sleep&tasks=3,2,1&strategies=sequential,processes,pool,threads&workers=3&run=1';
const out = process.argv[3] ?? 'docs/screenshot.png';
const width = Number(process.argv[4] ?? 1600);
const height = Number(process.argv[5] ?? 1000);
const port = Number(process.env.SCREENSHOT_PORT ?? 4199);

const server = spawn('node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
});
const stop = () => server.kill();
process.on('exit', stop);

const base = `http://localhost:${port}/`;
for (let i = 0; i < 100; i += 1) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(base + query);
  if (process.env.CLICK) {
    // e.g. CLICK="Sweep workers": press a button once the page is ready, then wait for the end.
    const button = page.getByRole('button', { name: process.env.CLICK, exact: true });
    await page.getByRole('button', { name: 'Run', exact: true }).and(page.locator(':enabled')).waitFor();
    await button.click();
    await page
      .getByRole('status', { name: 'Run status' })
      .filter({ hasText: /^(Done|Stopped)$/ })
      .waitFor({ timeout: 300_000 });
    await page.waitForTimeout(600);
  } else if (query.includes('run=1')) {
    await page
      .getByRole('status', { name: 'Run status' })
      .filter({ hasText: /^(Done|Stopped)$/ })
      .waitFor({ timeout: 120_000 });
    await page.waitForTimeout(600); // the lazy chart
  } else {
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
    await page.waitForTimeout(800);
  }
  await page.screenshot({ path: out, fullPage: process.env.FULL_PAGE === '1' });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  stop();
}
