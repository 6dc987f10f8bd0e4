// @ts-check
// Builds what the bench serves (the app as `npm run build` builds it, plus the bench page) and
// serves it with `vite preview`, the server that sends the app's COOP/COEP/CSP headers.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { log, sleep } from './log.mjs';

/**
 * The bench builds into its own directory, so a `vite build` elsewhere (npm test, e2e) never
 * empties the files it is serving, and it never empties theirs. bench/vite.config.ts builds the
 * bench page into its `bench/` folder (keep the two paths in step).
 */
export const OUT_DIR = 'node_modules/.cache/pp-bench/dist';
/** Where the bench page is served (bench/vite.config.ts's `base`). */
export const PAGE_PATH = '/bench/';

const VITE = 'node_modules/vite/bin/vite.js';

/** @param {string} what @param {string[]} args */
function viteBuild(what, args) {
  const r = spawnSync(process.execPath, [VITE, 'build', ...args, '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build (${what}) failed`);
}

/** The app with the root vite.config.ts, then the bench page with bench/vite.config.ts. */
export function build() {
  log(`building the app (vite build --outDir ${OUT_DIR}) and the bench page (bench/vite.config.ts)…`);
  viteBuild('app', ['--outDir', OUT_DIR, '--emptyOutDir']);
  viteBuild('bench page', ['--config', 'bench/vite.config.ts']);
}

export function checkBuilt() {
  for (const f of ['index.html', `${PAGE_PATH}index.html`]) {
    if (!existsSync(path.join(OUT_DIR, f))) {
      throw new Error(`${path.join(OUT_DIR, f)} is missing: run without --no-build`);
    }
  }
}

/**
 * `vite preview` of OUT_DIR with the app's config (its headers), answering on `port`.
 * @param {number} port
 * @returns {Promise<{ base: string, stop: () => void }>}
 */
export async function startServer(port) {
  const server = spawn(
    process.execPath,
    [VITE, 'preview', '--outDir', OUT_DIR, '--port', String(port), '--strictPort'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  server.stderr.on('data', (d) => (stderr += d));
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 150; i += 1) {
    if (server.exitCode !== null) throw new Error(`vite preview exited: ${stderr.trim()}`);
    try {
      const res = await fetch(`${base}${PAGE_PATH}`);
      if (res.ok) {
        if (res.headers.get('cross-origin-embedder-policy') !== 'require-corp')
          log('warning: preview serves no COEP header');
        return { base, stop: () => server.kill() };
      }
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${base} (${stderr.trim()})`);
}
