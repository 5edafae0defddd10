import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { env } from "@/lib/env";
import { contentSecurityPolicy, HSTS, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/security-headers";

/**
 * Paths anyone may reach; everything else sends an anonymous visitor to the sign-in page.
 * - /sign/<token>: a client's one-time signing link (R-CMP-4), opened without an account; the token is the authority.
 * - /api/health and /api/ready: the load balancer's checks.
 * - the web app manifest and the icons: browsers fetch them without cookies when installing the app.
 * - /serwist/sw.js: the service worker's script (public code, fetched by the browser to update it).
 */
const PUBLIC =
  /^\/(?:login(?:\/|$)|sign\/[^/]+$|api\/auth\/|api\/(?:health|ready)(?:\/|$)|_next\/|serwist\/[\w.-]+$|(?:favicon\.ico|favicon-32\.png|icon\.svg|icon-(?:192|512|maskable-512)\.png|apple-touch-icon\.png|manifest\.webmanifest|robots\.txt)$)/;

/**
 * Every request: a fresh CSP nonce (handed to Next.js through the request's CSP header, so its scripts
 * carry it) and the security headers on the response, whatever it turns out to be (page, route
 * handler, file, 404, error). For protected paths, an optimistic redirect to the sign-in page when
 * there is no session cookie; every page and action still checks on the server.
 */
export default async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const { pathname, search } = request.nextUrl;

  let response: NextResponse;
  if (!PUBLIC.test(pathname) && !(await getToken({ req: request, secret: env().NEXTAUTH_SECRET, decode: decodeSessionToken }))) {
    const signIn = new URL("/login", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(signIn);
  } else {
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.headers.set(key, value);
  if (env().NEXTAUTH_URL?.startsWith("https://")) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Everything, static files included: their responses need the headers too.
  matcher: ["/:path*"],
};
