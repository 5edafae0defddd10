/// <reference lib="webworker" />
/**
 * The service worker (Serwist; built by app/serwist/[path]/route.ts, served at /serwist/sw.js with
 * scope "/"). Decision record 018. What it keeps:
 * - the app shell: the build's static files (precached), icons;
 * - pages, network first: a page is always fetched; the copy kept from the last visit (or from the
 *   today page naming its links, components/offline/warm-pages.tsx) is only the answer when there is no
 *   network. Only plain 200 answers are kept (no redirect to the sign-in page, no error page).
 * What it never keeps: /api/* (files with their access checks, look-ups), server actions and every other
 * POST, the sign-in pages, RSC payloads. Signing out deletes every cache (components/shell/sign-out-button.tsx).
 */
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, type PrecacheEntry, type SerwistGlobalConfig } from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/** A page worth keeping for offline use: a plain, successful answer to the request as made. */
const onlyPlainSuccess = {
  cacheWillUpdate: async ({ response }: { response: Response }) => (response.status === 200 && !response.redirected ? response : null),
};

const NEVER_KEPT = /^\/(?:api|serwist|_next|login|sign)(?:\/|$)/;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: "kewu-static",
        plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 60 * 60 })],
      }),
    },
    {
      matcher: ({ sameOrigin, url }) =>
        sameOrigin && /^\/(?:favicon[^/]*|icon[^/]*|apple-touch-icon\.png|manifest\.webmanifest)$/.test(url.pathname),
      handler: new CacheFirst({ cacheName: "kewu-icons", plugins: [new ExpirationPlugin({ maxEntries: 16 })] }),
    },
    {
      // Pages (documents), not their RSC payloads (client navigation falls back to loading the page).
      matcher: ({ request, sameOrigin, url }) => sameOrigin && request.headers.get("RSC") === null && !NEVER_KEPT.test(url.pathname),
      method: "GET",
      handler: new NetworkFirst({
        cacheName: "kewu-pages",
        // A supervisor's day is about two checklists per area (the today page keeps them all).
        plugins: [onlyPlainSuccess, new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 24 * 60 * 60 })],
      }),
    },
  ],
});

serwist.addEventListeners();
