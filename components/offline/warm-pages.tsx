"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

/** The field pages: kept fresh on every visit, so that the copy offline is the day's latest. */
const FIELD_PAGES = /^\/(?:$|inspections(?:\/|$)|vacant-units(?:\/|$)|newspapers(?:\/|$))/;

/**
 * Today's work, ready for a dead signal. The service worker keeps pages loaded under it by itself
 * (app/sw.ts: network first, the copy only used offline); this hands it what it would not see:
 * - the field page shown, after a client-side navigation (those fetch RSC, not the page) or when it was
 *   loaded before the worker was active;
 * - the links the page marks with `data-offline` (the today rounds' checklists, the vacant units'
 *   record forms) that are not kept yet — fetched once, not on every visit.
 */
export function WarmPages() {
  // The shell stays mounted across client navigations: look again on each new page.
  const pathname = usePathname();
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("caches" in window) || !navigator.onLine) return;
    const here = location.pathname + location.search;
    const linked = [...new Set([...document.querySelectorAll<HTMLAnchorElement>("a[data-offline]")].map((a) => a.pathname + a.search))];
    void (async () => {
      const missing = (await Promise.all(linked.map(async (url) => ((await caches.match(url)) ? null : url)))).filter(
        (url): url is string => url !== null,
      );
      const urls = FIELD_PAGES.test(location.pathname) ? [here, ...missing.filter((url) => url !== here)] : missing;
      if (urls.length === 0) return;
      const registration = await navigator.serviceWorker.ready;
      registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: urls } });
    })();
  }, [pathname]);
  return null;
}
