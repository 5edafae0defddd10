import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

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
