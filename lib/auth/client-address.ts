/**
 * The client's network address, for sign-in throttling. Behind a reverse proxy (TRUST_PROXY = number
 * of proxies) it is the entry that many places from the right of X-Forwarded-For: entries further left
 * were written by the client and prove nothing. Without TRUST_PROXY the header is never read; the
 * address comes from PEER_ADDRESS_HEADER, which instrumentation.ts writes from the TCP connection
 * (overwriting anything a client sent under that name).
 */
export const PEER_ADDRESS_HEADER = "x-kewu-peer-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function read(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(headers: HeaderSource, trustProxy: number): string {
  if (trustProxy > 0) {
    const hops = (read(headers, "x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const fromProxy = hops[hops.length - trustProxy];
    if (fromProxy) return normalise(fromProxy);
  }
  return normalise(read(headers, PEER_ADDRESS_HEADER) ?? "") || "unknown";
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one client; cap the length to the column's. */
function normalise(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64);
}

/**
 * Stamps every incoming request with the address of its TCP peer. Runs once per server process
 * (instrumentation.ts); Node's own http server emits "request" through this prototype method.
 */
export function stampPeerAddresses(server: { prototype: { emit: (event: string, ...args: unknown[]) => boolean } }): void {
  const emit = server.prototype.emit;
  server.prototype.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as { headers: Record<string, unknown>; socket?: { remoteAddress?: string } };
      req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  };
}
