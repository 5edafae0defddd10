/**
 * Where to go after signing in: only a path of this site. Anything else — an absolute URL, a
 * protocol-relative "//host", a backslash ("/\host", which browsers read as "//host"), a control
 * character or whitespace anywhere ("/%09/evil.com" decodes to a tab the URL parser drops), or a value
 * that fails to parse — goes home.
 */
const BASE = "http://kewu.invalid";

export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000) return "/";
  if (!raw.startsWith("/") || raw.startsWith("//")) return "/";
  if (/[\\\s\u0000-\u001f\u007f]/.test(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  // The same test once more on the decoded path: an encoded "//" or backslash must not survive a later decode.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return "/";
  }
  if (decoded.startsWith("//") || /[\\\s\u0000-\u001f\u007f]/.test(decoded)) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
