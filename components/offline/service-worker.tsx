"use client";

import { SerwistProvider } from "@serwist/turbopack/react";
import type { ReactNode } from "react";

/**
 * Registers the service worker (app/sw.ts, scope "/") in production builds only: `next dev` serves no
 * prebuilt worker and must never answer from a cache. It does not reload the page when the connection
 * returns (a form being filled in would be lost); the outbox sends by itself instead. It does not fetch
 * every page again after a client-side navigation either: WarmPages does that for the field pages only.
 */
export function ServiceWorker({ children }: { children: ReactNode }) {
  return (
    <SerwistProvider
      swUrl="/serwist/sw.js"
      disable={process.env.NODE_ENV !== "production"}
      reloadOnOnline={false}
      cacheOnNavigation={false}
    >
      {children}
    </SerwistProvider>
  );
}
