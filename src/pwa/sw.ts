/// <reference lib="webworker" />
// The service worker (built by vite-plugin-pwa's injectManifest into dist/sw.js). It does two things:
// 1. Offline: precaches every built file (the list is injected at build time) and answers navigations
//    with the precached index.html, so after one visit the app loads and runs with the network off.
// 2. Any static host: adds COOP/COEP/CORP and the CSP (src/pwa/securityHeaders.ts) to every response
//    it serves, cached or fetched, so the page is cross-origin isolated even where the server sends
//    no such headers (the way coi-serviceworker does it). The page reloads itself once when the
//    service worker first takes control (src/pwa/register.ts).
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SECURITY_HEADERS, withHeaders } from './securityHeaders';

declare const self: ServiceWorkerGlobalScope & { readonly __WB_MANIFEST: (string | PrecacheEntry)[] };

// Responses from the precache (index.html for navigations included) get the headers too.
addPlugins([{ handlerWillRespond: ({ response }) => Promise.resolve(withHeaders(response, SECURITY_HEADERS)) }]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any navigation in scope (`/?kind=cpu&run=1`, a reload offline) is the app's one page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// Everything else of our own origin that is not precached: from the network, with the headers.
// (Chrome's DevTools send `only-if-cached` requests that must not be answered from here.)
registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin && !(request.cache === 'only-if-cached' && request.mode !== 'same-origin'),
  async ({ request }) => withHeaders(await fetch(request), SECURITY_HEADERS),
);

// Take control of the open page at once (first install): it then reloads itself, isolated.
// No skipWaiting(): an updated service worker waits until no page of the old build is open.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
