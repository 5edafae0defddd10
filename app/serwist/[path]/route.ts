/**
 * The service worker (app/sw.ts), bundled by Serwist at build time and served as /serwist/sw.js with
 * Service-Worker-Allowed: / (so its scope is the whole app). Turbopack has no build plugins, so Serwist
 * builds it in this route handler (decision record 018).
 */
import { createSerwistRoute } from "@serwist/turbopack";

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  // esbuild is already installed for tsx; the WebAssembly build is not needed.
  useNativeEsbuild: true,
});
