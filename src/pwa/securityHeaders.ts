/**
 * The headers the built app is served with — one definition, read by the preview server
 * (vite.config.ts), the `_headers` file written into dist/ for Netlify / Cloudflare Pages, and the
 * service worker (src/pwa/sw.ts), which adds them to every response it serves so that even a plain
 * static host gets a cross-origin isolated page with this CSP.
 */

/**
 * Cross-origin isolation gives performance.now() ~5 µs resolution instead of 100 µs, and
 * SharedArrayBuffer. CORP lets our own responses be embedded by our own (COEP require-corp) page.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The served app's Content-Security-Policy: everything from our own origin, Workers from self or
 * blob:, no inline script, nothing sent anywhere else. `'wasm-unsafe-eval'` allows compiling
 * WebAssembly (the CPU kernel, src/workers/kernel.ts) and nothing else: no `eval`, no `new Function`.
 * (The dev server injects an inline script for hot reload, so only the built app carries it.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Every header of the built app: isolation, the CSP and two small hardening headers. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...ISOLATION_HEADERS,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** A Netlify / Cloudflare Pages `_headers` file giving every path (`/*`) these headers. */
export function headersFile(headers: Readonly<Record<string, string>>): string {
  const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  return `# Written by the build from src/pwa/securityHeaders.ts: do not edit.\n/*\n${lines.join('\n')}\n`;
}

/**
 * `response` with `headers` set (replacing same-named ones), body, status and other headers kept.
 * Opaque responses (cross-origin no-cors, status 0) cannot be read or copied: they pass unchanged.
 */
export function withHeaders(response: Response, headers: Readonly<Record<string, string>>): Response {
  if (response.status === 0 || response.type === 'opaque' || response.type === 'opaqueredirect') return response;
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}
