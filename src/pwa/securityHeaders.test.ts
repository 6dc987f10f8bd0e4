import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  headersFile,
  ISOLATION_HEADERS,
  SECURITY_HEADERS,
  withHeaders,
} from './securityHeaders';

describe('SECURITY_HEADERS', () => {
  it('isolates the page and carries the CSP', () => {
    expect(SECURITY_HEADERS).toMatchObject({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; /);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'/);
  });
});

describe('headersFile', () => {
  it('gives every path each header, one indented "Name: value" line each', () => {
    const text = headersFile({ 'A-One': 'x', 'B-Two': "default-src 'self'; img-src data:" });
    const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines).toEqual(['/*', '  A-One: x', "  B-Two: default-src 'self'; img-src data:"]);
  });

  it('carries the CSP exactly as the preview server sends it', () => {
    const text = headersFile(SECURITY_HEADERS);
    expect(text).toContain(`\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) expect(text).toContain(`\n  ${name}: ${value}\n`);
  });
});

describe('withHeaders', () => {
  it('adds the headers, replaces same-named ones, keeps the others, the status and the body', async () => {
    const original = new Response('hello', {
      status: 201,
      statusText: 'Made',
      headers: { 'Content-Type': 'text/javascript', 'Cross-Origin-Opener-Policy': 'unsafe-none' },
    });
    const served = withHeaders(original, ISOLATION_HEADERS);
    expect(served.status).toBe(201);
    expect(served.statusText).toBe('Made');
    expect(served.headers.get('content-type')).toBe('text/javascript');
    expect(served.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(served.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(served.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(await served.text()).toBe('hello');
  });

  it('keeps a body-less response body-less', async () => {
    const served = withHeaders(new Response(null, { status: 204 }), ISOLATION_HEADERS);
    expect(served.status).toBe(204);
    expect(served.body).toBeNull();
    expect(await served.text()).toBe('');
  });

  it('passes an opaque response through unchanged (it cannot be copied)', () => {
    const opaque = Response.error(); // type "error", status 0: like an opaque response, nothing to read
    expect(withHeaders(opaque, ISOLATION_HEADERS)).toBe(opaque);
  });
});
