// @ts-check
// What the report says about where it was measured: machine, browser, versions, commit.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** @typedef {import('./types').Meta} Meta */

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {{ cores: number, userAgent: string, crossOriginIsolated: boolean }} page what the bench page reported
 * @param {string | null} python CPython's version, when the CPython suite ran
 * @returns {Meta}
 */
export function describe(browser, page, python) {
  return {
    date: new Date().toISOString(),
    browser: `Chromium ${browser.version()}`,
    userAgent: page.userAgent,
    browserCores: page.cores,
    crossOriginIsolated: page.crossOriginIsolated,
    machineCores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    python,
    commit: gitCommit(),
    workerpool: workerpoolVersion(),
  };
}

function workerpoolVersion() {
  try {
    return /** @type {{ version: string }} */ (JSON.parse(readFileSync('node_modules/workerpool/package.json', 'utf8')))
      .version;
  } catch {
    return null;
  }
}

function gitCommit() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  // The bench's own output (bench/results/latest.json, written by the previous run) does not count.
  const dirty =
    spawnSync('git', ['status', '--porcelain', '--', '.', ':(exclude)bench/results'], {
      encoding: 'utf8',
    }).stdout.trim() !== '';
  return `${r.stdout.trim()}${dirty ? '+changes' : ''}`;
}
