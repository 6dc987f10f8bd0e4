// @ts-check
// Suite 7: what the browser downloads before the app can start (index.html's scripts, module
// preloads, static imports and stylesheets), gzipped with zlib's default level (6).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** @typedef {import('../lib/types').AssetSize} AssetSize */
/** @typedef {import('../lib/types').BundleResult} BundleResult */

const ATTR = /<(script|link)\b[^>]*>/gi;

/** @param {string} tag @param {string} name @returns {string | null} */
function attr(tag, name) {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag);
  return m?.[1] ?? null;
}

/** Static imports of a built chunk: `import … from "./x.js"`, `export … from`, `import "./x.js"`. */
/** @param {string} code */
function staticImports(code) {
  /** @type {Set<string>} */
  const found = new Set();
  for (const re of [/\bfrom\s*["']([./][^"']+\.js)["']/g, /\bimport\s*["']([./][^"']+\.js)["']/g]) {
    for (const m of code.matchAll(re)) if (m[1]) found.add(m[1]);
  }
  return [...found];
}

/** @param {string} file @returns {{ bytes: number, gzipBytes: number }} */
function sizeOf(file) {
  const bytes = readFileSync(file);
  return { bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}

/**
 * Sizes of the initial JS and CSS of `html` (a built page in `dist`), and of every other asset.
 * @param {string} dist
 * @returns {BundleResult}
 */
export function measureBundle(dist, html = 'index.html') {
  const page = readFileSync(path.join(dist, html), 'utf8');
  /** @type {Set<string>} */
  const js = new Set();
  /** @type {Set<string>} */
  const css = new Set();
  for (const m of page.matchAll(ATTR)) {
    const tag = m[0];
    if (m[1]?.toLowerCase() === 'script') {
      const src = attr(tag, 'src');
      if (src) js.add(src);
    } else {
      const rel = (attr(tag, 'rel') ?? '').toLowerCase();
      const href = attr(tag, 'href');
      if (!href) continue;
      if (rel === 'modulepreload') js.add(href);
      if (rel === 'stylesheet') css.add(href);
    }
  }
  /** @param {string} url */
  const toFile = (url, from = '/') => path.join(dist, path.posix.resolve(path.posix.dirname(from), url));
  // Follow static imports: all of them load before the entry runs.
  const queue = [...js];
  while (queue.length > 0) {
    const url = queue.shift() ?? '';
    const file = toFile(url);
    if (!existsSync(file)) continue;
    for (const dep of staticImports(readFileSync(file, 'utf8'))) {
      const depUrl = path.posix.resolve(path.posix.dirname(url), dep);
      if (!js.has(depUrl)) {
        js.add(depUrl);
        queue.push(depUrl);
      }
    }
  }
  /** @param {Iterable<string>} urls @returns {AssetSize[]} */
  const list = (urls) =>
    [...urls].filter((u) => existsSync(toFile(u))).map((u) => ({ file: u.replace(/^\//, ''), ...sizeOf(toFile(u)) }));
  const initialJs = list(js);
  const initialCss = list(css);
  const initial = new Set([...initialJs, ...initialCss].map((f) => f.file));
  const others = readdirSync(path.join(dist, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => !initial.has(f) && /\.(js|css)$/.test(f))
    .map((f) => ({ file: f, ...sizeOf(path.join(dist, f)) }));
  /** @param {AssetSize[]} files */
  const total = (files) =>
    files.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzipBytes: a.gzipBytes + f.gzipBytes }), {
      bytes: 0,
      gzipBytes: 0,
    });
  return {
    page: html,
    gzipLevel: 6,
    initialJs: { files: initialJs, ...total(initialJs) },
    initialCss: { files: initialCss, ...total(initialCss) },
    otherAssets: others,
  };
}
