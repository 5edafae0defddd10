import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

// Messages are compiled when the app is built (ICU → a compact form), so the browser gets next-intl's
// small formatter instead of the ICU parser (about 9 KB gzipped less on every page; docs/performance.md).
// Every message is then formatted through t() / t.rich(); t.raw() would return the compiled form.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { format: "json", path: "./lib/i18n/messages", locales: "infer", precompile: true } },
});

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a 403 status for signed-in users without the permission.
  // Uploads are limited to 10 MB (lib/storage/image.ts); 12 MB lets a file slightly over it reach
  // uploadFileAction, which refuses it with a message the form can show.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "12mb" } },
  poweredByHeader: false,
  // exceljs (lib/xlsx, route handlers only) is loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["exceljs"],
  // The per-request headers (CSP with its nonce, HSTS) come from proxy.ts; these hold for every path.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
  // The embedded database and uploads live under .data/; never bundle them.
  outputFileTracingExcludes: { "*": [".data/**"] },
};

export default withNextIntl(nextConfig);
