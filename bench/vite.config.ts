// Builds the bench page (bench/page/) for `npm run bench`, which calls it after building the app
// with the root vite.config.ts. Never part of the app's own build: `npm run build` leaves the
// bench page, its Workers and workerpool out of dist/.
//
// The page is built into the bench's copy of the app (node_modules/.cache/pp-bench/dist/bench/,
// served at /bench/), so one `vite preview` serves both from one origin with the app's own headers,
// the way the app is deployed. `vite preview --config bench/vite.config.ts` serves it alone.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import app from '../vite.config.ts';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** Where `npm run bench` builds the app (OUT_DIR in bench/lib/server.mjs); the page goes into its `bench/` folder. */
const APP_OUT_DIR = 'node_modules/.cache/pp-bench/dist';
const PAGE_PATH = 'bench';

export default defineConfig({
  root: here('./page'),
  base: `/${PAGE_PATH}/`,
  publicDir: false,
  // The app's Worker format, build target and headers: COOP/COEP make the page cross-origin
  // isolated, so performance.now() has 5 µs resolution, as in the app.
  ...(app.worker ? { worker: app.worker } : {}),
  ...(app.server ? { server: app.server } : {}),
  ...(app.preview ? { preview: app.preview } : {}),
  build: {
    ...(app.build?.target ? { target: app.build.target } : {}),
    outDir: here(`../${APP_OUT_DIR}/${PAGE_PATH}`),
    emptyOutDir: true,
  },
});
