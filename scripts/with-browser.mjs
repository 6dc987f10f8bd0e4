#!/usr/bin/env node
// Finds a Chromium for Playwright and runs the rest of argv with CHROMIUM_PATH set.
//   node scripts/with-browser.mjs playwright test [args...]
// Order: $CHROMIUM_PATH (if the file exists), /usr/bin/chromium, Playwright's own
// Chromium (then CHROMIUM_PATH is left empty so Playwright picks it itself).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [cmd, ...args] = process.argv.slice(2);

if (!cmd) {
  console.error('Usage: node scripts/with-browser.mjs <command> [args...]');
  process.exit(2);
}

async function playwrightOwnChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function findBrowser() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, own: false };
  if (existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium', own: false };
  const own = await playwrightOwnChromium();
  if (own) return { path: own, own: true };
  return null;
}

const browser = await findBrowser();
if (!browser) {
  console.error(
    'No Chromium found: install Debian\'s with `apt-get install -y chromium`, or run `npx playwright install chromium` where the internet is reachable, or set CHROMIUM_PATH to a Chromium binary.',
  );
  process.exit(1);
}

const env = { ...process.env };
if (browser.own) delete env.CHROMIUM_PATH;
else env.CHROMIUM_PATH = browser.path;

const isWindows = process.platform === 'win32';
const local = join(root, 'node_modules', '.bin', isWindows ? `${cmd}.cmd` : cmd);
const command = existsSync(local) ? local : cmd;

const child = spawn(command, args, { stdio: 'inherit', shell: false, env });
const forward = (signal) => {
  if (!child.killed) child.kill(signal);
};
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('error', (err) => {
  console.error(`Could not start ${command}: ${err.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  if (signal) process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  process.exit(code ?? 1);
});
