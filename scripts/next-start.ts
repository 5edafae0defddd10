// How every script starts a Kewu production server (`npm start`, `npm run serve`, the bench, the
// crash and cluster tests): `next start` under Node with a heap sized for one server instance.
//
// Without a limit V8 sizes the heap for the machine (about a quarter of its memory) and, under
// concurrent requests, lets it grow to two or three times the live data before it collects: on the
// bench an instance held 650–800 MB resident while its live heap after a full collection was
// ~150 MB. A bounded old generation (and smaller young-generation semispaces) makes V8 collect
// earlier instead; measured on the bench's smoke data, resident memory after the load fell to ~400 MB
// with no loss of throughput (docs/performance.md, "Server memory"). KEWU_HEAP_MB raises the bound
// for an instance that serves unusually large exports.
import path from "node:path";
import { REPO_ROOT } from "./db/server";

export const NEXT_BIN = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");

/** The old generation's bound, in MB (V8's --max-old-space-size). */
export const DEFAULT_HEAP_MB = 224;
/** Young generation semispace, in MB (V8's default is 16 on 64-bit). */
const SEMI_SPACE_MB = 4;

/** Node's heap flags for a server instance; KEWU_HEAP_MB (64–16384) overrides the bound. */
export function heapFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.KEWU_HEAP_MB?.trim();
  const mb = raw ? Number(raw) : DEFAULT_HEAP_MB;
  if (!Number.isInteger(mb) || mb < 64 || mb > 16384)
    throw new Error(`KEWU_HEAP_MB must be a whole number of megabytes from 64 to 16384 (got ${JSON.stringify(raw)})`);
  return [`--max-old-space-size=${mb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`];
}

/** `node` arguments that start the production server on `port` (and `host`, when given). */
export function nextStartArgs(port: number | string, options: { host?: string; env?: NodeJS.ProcessEnv } = {}): string[] {
  return [...heapFlags(options.env), NEXT_BIN, "start", "-p", String(port), ...(options.host ? ["-H", options.host] : [])];
}
