#!/usr/bin/env node
// Finds the browsers the tests drive, installs Debian's where they are missing and it can, and runs
// the rest of argv with CHROMIUM_PATH and FIREFOX_PATH set.
//
//   node scripts/with-browser.mjs [--need=chromium,firefox] <command> [args...]
//
// --need says which browsers the command cannot run without (default: chromium). Both are looked
// for every time and exported when found:
//   Chromium: $CHROMIUM_PATH, /usr/bin/chromium, Playwright's own Chromium (then CHROMIUM_PATH is
//             left empty so Playwright picks it itself).
//   Firefox:  $FIREFOX_PATH, /usr/bin/firefox-esr, /usr/bin/firefox, firefox-esr / firefox on PATH.
// A needed browser that is missing is installed the way `npx playwright install --with-deps`
// provisions system packages: as root on Debian with apt-get, `apt-get update` (skipped when the
// package lists are less than an hour old) and `apt-get install -y chromium firefox-esr` (only the
// missing ones), saying so in one line. Anywhere else it stops with one sentence naming the one
// command to run. WITH_BROWSER_DRY_RUN=1 prints the apt-get commands instead of running them.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);

/** @type {Set<'chromium' | 'firefox'>} */
let needs = new Set(['chromium']);
while (argv[0]?.startsWith('--need=')) {
  const list = (argv.shift() ?? '').slice('--need='.length).split(',').filter(Boolean);
  const bad = list.filter((b) => b !== 'chromium' && b !== 'firefox');
  if (bad.length > 0) {
    console.error(`with-browser: unknown browser ${bad.join(', ')} in --need (use chromium and/or firefox).`);
    process.exit(2);
  }
  needs = new Set(list);
}
const [cmd, ...args] = argv;

if (!cmd) {
  console.error('Usage: node scripts/with-browser.mjs [--need=chromium,firefox] <command> [args...]');
  process.exit(2);
}

const NAME = { chromium: 'Chromium', firefox: 'Firefox' };
const DEBIAN_PACKAGE = { chromium: 'chromium', firefox: 'firefox-esr' };
const WHY = { chromium: 'the end-to-end tests and the benchmark', firefox: 'the Firefox smoke test' };
const LOOKED_AT = {
  chromium: "$CHROMIUM_PATH, /usr/bin/chromium, Playwright's own",
  firefox: '$FIREFOX_PATH, /usr/bin/firefox-esr, /usr/bin/firefox, PATH',
};

function executable(path) {
  if (!path) return false;
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

const warned = new Set();
/** A path from an environment variable, or null (with a warning, once, when it is set but unusable). */
function fromEnv(variable) {
  const value = process.env[variable];
  if (!value) return null;
  if (executable(value)) return value;
  if (!warned.has(variable))
    console.error(`with-browser: ${variable}=${value} is not an executable file; looking elsewhere.`);
  warned.add(variable);
  return null;
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

/** @returns {Promise<{ path: string, own: boolean } | null>} */
async function findChromium() {
  const env = fromEnv('CHROMIUM_PATH');
  if (env) return { path: env, own: false };
  if (executable('/usr/bin/chromium')) return { path: '/usr/bin/chromium', own: false };
  const own = await playwrightOwnChromium();
  if (own) return { path: own, own: true };
  return null;
}

/** @returns {{ path: string } | null} */
function findFirefox() {
  const env = fromEnv('FIREFOX_PATH');
  if (env) return { path: env };
  for (const path of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (executable(path)) return { path };
  const found = onPath('firefox-esr') ?? onPath('firefox');
  return found ? { path: found } : null;
}

async function findAll() {
  return { chromium: await findChromium(), firefox: findFirefox() };
}

/** Debian itself: derivatives name (or snap-wrap) these packages differently. */
function isDebian() {
  try {
    return /^ID="?debian"?$/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** Root on Debian with apt-get: then this script installs the missing browsers itself. */
function canApt() {
  return typeof process.getuid === 'function' && process.getuid() === 0 && executable('/usr/bin/apt-get') && isDebian();
}

/** True when apt's package lists were refreshed less than an hour ago. */
function aptListsFresh() {
  try {
    const dir = '/var/lib/apt/lists';
    const newest = Math.max(
      0,
      ...readdirSync(dir)
        .filter((f) => f.includes('Packages'))
        .map((f) => statSync(join(dir, f)).mtimeMs),
    );
    return Date.now() - newest < 3_600_000;
  } catch {
    return false;
  }
}

function aptGet(aptArgs, dryRun) {
  console.error(`with-browser: ${dryRun ? 'would run' : 'running'}: apt-get ${aptArgs.join(' ')}`);
  if (dryRun) return;
  const res = spawnSync('apt-get', aptArgs, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (res.status !== 0) {
    console.error(
      `with-browser: \`apt-get ${aptArgs.join(' ')}\` failed (exit ${res.status ?? res.signal}); install it yourself and rerun.`,
    );
    process.exit(1);
  }
}

let found = await findAll();
const missing = [...needs].filter((b) => !found[b]);

if (missing.length > 0) {
  const names = missing.map((b) => NAME[b]).join(' or ');
  const packages = missing.map((b) => DEBIAN_PACKAGE[b]);
  const why = missing.map((b) => `${NAME[b]} for ${WHY[b]}`).join(', ');
  const looked = missing.map((b) => LOOKED_AT[b]).join('; ');
  if (canApt()) {
    const dryRun = Boolean(process.env.WITH_BROWSER_DRY_RUN);
    console.error(
      `with-browser: no ${names} found (looked at ${looked}); installing Debian's ${packages.join(' ')} with apt-get, as \`npx playwright install --with-deps\` would (npm test needs ${why}).`,
    );
    if (!aptListsFresh()) aptGet(['update', '-q'], dryRun);
    aptGet(['install', '-y', '-q', ...packages], dryRun);
    if (dryRun) process.exit(1);
    found = await findAll();
    const still = missing.filter((b) => !found[b]);
    if (still.length > 0) {
      console.error(
        `with-browser: installed ${packages.join(' ')} but still found no ${still.map((b) => NAME[b]).join(' or ')}; set ${still.map((b) => `${b.toUpperCase()}_PATH`).join(' / ')} to the browser's binary.`,
      );
      process.exit(1);
    }
  } else {
    let howTo;
    if (isDebian() || executable('/usr/bin/apt-get')) {
      howTo = `run \`sudo apt-get install -y ${packages.join(' ')}\``;
    } else if (missing.length === 1 && missing[0] === 'chromium') {
      howTo = 'run `npx playwright install chromium` (or set CHROMIUM_PATH to a Chromium binary)';
    } else {
      howTo = `install ${missing.map((b) => (b === 'firefox' ? 'Firefox (ESR 128 or newer)' : 'Chromium')).join(' and ')} and set ${missing.map((b) => `${b.toUpperCase()}_PATH`).join(' and ')} to its binary`;
    }
    console.error(`No ${names} found (looked at ${looked}; npm test needs ${why}): ${howTo}, then rerun.`);
    process.exit(1);
  }
}

const env = { ...process.env };
if (found.chromium?.own) delete env.CHROMIUM_PATH;
else if (found.chromium) env.CHROMIUM_PATH = found.chromium.path;
if (found.firefox) env.FIREFOX_PATH = found.firefox.path;

const isWindows = process.platform === 'win32';
const local = join(root, 'node_modules', '.bin', isWindows ? `${cmd}.cmd` : cmd);
const command = cmd === 'node' ? process.execPath : existsSync(local) ? local : cmd;

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
