import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a 403 status for signed-in users without the permission.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "2mb" } },
  poweredByHeader: false,
  // The embedded database and uploads live under .data/; never bundle them.
  outputFileTracingExcludes: { "*": [".data/**"] },
};

export default withNextIntl(nextConfig);
