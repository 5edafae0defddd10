"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

/**
 * Today's work, ready for a dead signal: the links a page marks with `data-offline` (the today rounds'
 * checklists, the vacant units' record forms) are handed to the service worker, which fetches and keeps
 * them like a visited page (app/sw.ts: network first, the copy only used offline).
 */
export function WarmPages() {
  // The shell stays mounted across client navigations: look again on each new page.
  const pathname = usePathname();
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !navigator.onLine) return;
    const urls = [...new Set([...document.querySelectorAll<HTMLAnchorElement>("a[data-offline]")].map((a) => a.pathname + a.search))];
    if (urls.length === 0) return;
    void navigator.serviceWorker.ready.then((registration) =>
      registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: urls } }),
    );
  }, [pathname]);
  return null;
}
