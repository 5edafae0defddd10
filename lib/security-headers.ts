/**
 * The security headers of every response (pages, route handlers, files, errors). proxy.ts sets them
 * all per request, with a fresh nonce in the Content-Security-Policy; next.config.ts sets the static
 * ones as well, so that they are present even where the proxy does not run.
 *
 * - Scripts: only those carrying this response's nonce, and what they load ('strict-dynamic').
 *   Next.js puts the nonce on its own scripts when it finds it in the request's CSP header.
 * - Styles: 'self' plus 'unsafe-inline'. React renders `style={…}` as style attributes (timeline
 *   bars, the signature pad), which a nonce cannot cover; inline styles cannot run code, and
 *   every script stays nonce-bound.
 * - Images: the site, and blob:/data: for photo previews and generated QR codes.
 * - The camera (gate scanner) only for this site; no other device feature for anyone.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    // 'unsafe-eval' only in development: React's dev build reconstructs stacks with eval.
    `script-src 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "media-src 'self' blob:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    // The service worker (/serwist/sw.js, app/sw.ts) is the site's own script.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

export const PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";

/** Headers that do not change per request. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
];

/** Two years, subdomains included: only ever sent when the site is served over https. */
export const HSTS = "max-age=63072000; includeSubDomains";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
