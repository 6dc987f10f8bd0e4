/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { headersFile, ISOLATION_HEADERS, SECURITY_HEADERS } from './src/pwa/securityHeaders.ts';

const port = Number(process.env.PORT ?? 4173);

/** dist/_headers: the same headers for hosts that read that file (Netlify, Cloudflare Pages). */
function staticHostHeaders(): Plugin {
  return {
    name: 'static-host-headers',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(SECURITY_HEADERS) });
    },
  };
}

export default defineConfig({
  // Relative URLs: dist/ works from any folder of any static host (e.g. GitHub Pages' /<repo>/).
  base: './',
  plugins: [
    react(),
    staticHostHeaders(),
    // Offline after one visit, and COOP/COEP/CSP added by the service worker on hosts that send
    // none (src/pwa/sw.ts); registered by src/pwa/register.ts in the built app only.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/pwa',
      filename: 'sw.ts',
      injectRegister: false,
      injectManifest: {
        // Every built file: the page, its scripts, the Workers' chunks, styles, the favicon (the plugin
        // adds the manifest and its icons itself).
        globPatterns: ['**/*.{html,js,css,wasm,svg}'],
        rollupFormat: 'iife',
      },
      manifest: {
        name: 'Parallel Playground',
        short_name: 'Playground',
        description: 'Sequential vs parallel execution, measured for real in your browser with Web Workers.',
        theme_color: '#1d3557',
        background_color: '#f7f8fb',
        display: 'standalone',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: SECURITY_HEADERS, port, host: 'localhost' },
  worker: { format: 'es' },
  build: { target: 'es2022' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
