// Registers the service worker (src/pwa/sw.ts → dist/sw.js) in the built app, and reloads the page
// once when the service worker first takes control of a page that is not cross-origin isolated
// (a static host without COOP/COEP): the reloaded page comes from the service worker, with them.

/** sessionStorage key: set just before the one reload, so a page that stays unisolated never loops. */
export const RELOAD_KEY = 'parallel-playground:isolation-reload';

export interface ReloadState {
  /** `window.crossOriginIsolated` now. */
  readonly isolated: boolean;
  /** A service worker controls the page (`navigator.serviceWorker.controller`). */
  readonly controlled: boolean;
  /** This tab already reloaded for isolation (or cannot remember that it did). */
  readonly reloadedBefore: boolean;
}

/** Reload only a page that is not isolated, now has a service worker to add the headers, and has not tried yet. */
export function shouldReload({ isolated, controlled, reloadedBefore }: ReloadState): boolean {
  return !isolated && controlled && !reloadedBefore;
}

function reloadedBefore(): boolean {
  try {
    return sessionStorage.getItem(RELOAD_KEY) !== null;
  } catch {
    return true; // no storage: we could not stop a loop, so never reload
  }
}

function reloadOnceIfNeeded(container: ServiceWorkerContainer): void {
  const state = { isolated: window.crossOriginIsolated, controlled: container.controller !== null };
  if (!shouldReload({ ...state, reloadedBefore: reloadedBefore() })) return;
  try {
    sessionStorage.setItem(RELOAD_KEY, new Date().toISOString());
  } catch {
    return;
  }
  window.location.reload();
}

/**
 * Resolves once `isQuiet()` has held at every check for `forMs` in a row, counted from the first
 * quiet check; checked every `everyMs`. A busy check starts the count again.
 */
export function whenQuiet(isQuiet: () => boolean, forMs: number, everyMs = 250): Promise<void> {
  return new Promise((resolve) => {
    let quietSince: number | null = null;
    let elapsed = 0;
    const timer = setInterval(() => {
      elapsed += everyMs;
      if (!isQuiet()) quietSince = null;
      else {
        quietSince ??= elapsed;
        if (elapsed - quietSince >= forMs) {
          clearInterval(timer);
          resolve();
        }
      }
    }, everyMs);
  });
}

/** How long the Workers must have been idle before an isolated page installs its service worker. */
export const QUIET_MS = 2_000;

/**
 * After `load`: registers `sw.js` next to index.html. A page that is not isolated registers at
 * once (it reloads when the service worker takes over, and a run it started starts again from the
 * URL). An isolated page (a host that sends the headers) only gains offline use: it waits until its
 * Workers have been idle for {@link QUIET_MS} (`isQuiet`: no calibration, task or Worker start in
 * flight), so precaching never competes with calibration or a measured run.
 */
export function registerServiceWorker(isQuiet: () => boolean): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  if (window.crossOriginIsolated) {
    // Isolated: a later loss of isolation (e.g. the service worker gone) may reload once again.
    try {
      sessionStorage.removeItem(RELOAD_KEY);
    } catch {
      // no storage: nothing to forget
    }
  }
  const register = () => {
    container.addEventListener('controllerchange', () => reloadOnceIfNeeded(container));
    container
      .register(`${import.meta.env.BASE_URL}sw.js`)
      .then(() => reloadOnceIfNeeded(container))
      .catch((error: unknown) => console.warn('Service worker not registered: offline use unavailable.', error));
  };
  const start = () => {
    if (window.crossOriginIsolated) void whenQuiet(isQuiet, QUIET_MS).then(register);
    else register();
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
