/**
 * The service worker's caches that hold one user's pages (app/sw.ts). Only the build's own files — the
 * precache, static chunks and icons, the same for everyone — may outlive a session. Browser only.
 */
const SHARED_CACHES = /^(?:serwist-precache|kewu-static|kewu-icons)/;

export async function forgetPages(): Promise<void> {
  if (!("caches" in window)) return;
  for (const name of await caches.keys()) if (!SHARED_CACHES.test(name)) await caches.delete(name);
}
